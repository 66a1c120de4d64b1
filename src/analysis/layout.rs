//! Page layout of a plain text: where the article body starts, where trailing
//! boilerplate begins, the title and the outlet.

use super::sentences::TextLines;
use super::text::Folded;
use regex::Regex;
use std::sync::LazyLock;

/// Lines that start trailing page furniture when they stand alone on a line.
const BOILERPLATE_MARKERS: &[&str] = &[
    "related articles",
    "related",
    "related stories",
    "related news",
    "read more",
    "read also",
    "see also",
    "show more",
    "more from",
    "more stories",
    "more news",
    "popular",
    "most popular",
    "most read",
    "editor's choice",
    "editors' choice",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "latest news",
    "latest",
    "trending",
    "share",
    "share this",
    "share this article",
    "comments",
    "leave a comment",
    "subscribe",
    "newsletter",
    "sign up",
    "advertisement",
    "tags",
    "follow us",
    "читайте также",
    "похожие новости",
    "новости по теме",
    "популярное",
    "читайте також",
];

/// Where things are in a plain text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// Byte offset of the first body paragraph.
    pub body_start: usize,
    /// Byte offset where trailing boilerplate starts.
    pub boilerplate_start: Option<usize>,
    /// The title, if a heading-like line precedes the body.
    pub title: Option<String>,
    /// The outlet, if the text names its publisher.
    pub outlet: Option<String>,
}

fn words(line: &str) -> usize {
    words_up_to(line, usize::MAX)
}

/// [`words`], counted no further than `max` (a paragraph may be a whole document).
fn words_up_to(line: &str, max: usize) -> usize {
    line.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .take(max)
        .count()
}

/// The fewest words of a body paragraph's first logical line.
const BODY_LINE_WORDS: usize = 12;

/// Whether a logical line (one line, or the lines of a hard-wrapped paragraph) starts the body:
/// it ends a sentence and has at least [`BODY_LINE_WORDS`] words.
fn is_body_line(lines: &[(usize, &str)]) -> bool {
    let Some((_, last)) = lines.last() else {
        return false;
    };
    // A header's fields ("From: …", "To: …", "Subject: …" on consecutive lines) are no body.
    if lines
        .first()
        .is_some_and(|(_, l)| is_field_line(l) || labelled_headline(l.trim()).is_some())
    {
        return false;
    }
    if !last.trim_end().ends_with(['.', '!', '?', '"', '”', '»', ':', ')']) {
        return false;
    }
    let mut words = 0;
    for (_, line) in lines {
        words += words_up_to(line, BODY_LINE_WORDS - words);
        if words >= BODY_LINE_WORDS {
            return true;
        }
    }
    false
}

/// Whether `line` is short enough to be one of [`BOILERPLATE_MARKERS`] once normalised
/// (lower-casing never makes fewer characters, so a longer line cannot be one): most lines
/// are not, and skip the normalising copy.
fn could_be_marker(line: &str) -> bool {
    static LONGEST: LazyLock<usize> =
        LazyLock::new(|| BOILERPLATE_MARKERS.iter().map(|m| m.chars().count()).max().unwrap_or(0));
    let core = line.trim().trim_end_matches([':', '.', '»', '›', '>', '→']);
    core.chars().nth(*LONGEST).is_none()
}

fn normalise_marker(line: &str) -> String {
    line.trim()
        .trim_end_matches([':', '.', '»', '›', '>', '→'])
        .replace('’', "'")
        .to_lowercase()
}

/// Finds body start, boilerplate, title and outlet.
pub fn analyse_layout(text: &str) -> Layout {
    analyse_folded_layout(&Folded::new(text), &TextLines::new(text))
}

/// [`analyse_layout`] of a text whose folded form is `folded` and whose lines are `text_lines`.
/// The body starts at the first logical line (a hard-wrapped paragraph's lines read as one)
/// that [`is_body_line`].
pub fn analyse_folded_layout(folded: &Folded, text_lines: &TextLines) -> Layout {
    let lines: Vec<(usize, &str)> = text_lines
        .lines
        .iter()
        .map(|&(off, l)| (off, l.trim_end_matches('\n')))
        .collect();
    let flags = line_flags(folded, &lines);
    let body_idx = text_lines
        .logical()
        .find(|r| is_body_line(&lines[r.clone()]))
        .map(|r| r.start);
    let body_start = body_idx.map_or(0, |i| lines[i].0);
    let title = body_idx.and_then(|bi| {
        let before = || lines[..bi].iter().map(|(_, l)| l.trim());
        // "Press Release: Indonesia Condemns …" above a letterhead: the labelled headline.
        before()
            .find_map(labelled_headline)
            .or_else(|| before().rev().find(|l| is_title_line(l)))
            .map(str::to_string)
    });
    let mut content_words = 0;
    let mut boilerplate_start = None;
    for ((start, line), flags) in lines.iter().zip(&flags) {
        let t = line.trim();
        let marker = || could_be_marker(t) && BOILERPLATE_MARKERS.contains(&normalise_marker(t).as_str());
        let copyright = || flags & MAY_BE_COPYRIGHT != 0 && COPYRIGHT.is_match(t);
        if content_words >= 40 && *start > body_start && (marker() || copyright()) {
            boilerplate_start = Some(*start);
            break;
        }
        // Only whether 40 words have passed matters: no need to count further.
        if content_words < 40 {
            content_words += words_up_to(t, 40 - content_words);
        }
    }
    let outlet = lines
        .iter()
        .zip(&flags)
        .filter(|(_, f)| *f & MAY_NAME_OUTLET != 0)
        .find_map(|((_, l), _)| outlet_from_line(l.trim()))
        .or_else(|| outlet_from_dateline(lines.get(body_idx?)?.1));
    Layout {
        body_start,
        boilerplate_start,
        title,
        outlet,
    }
}

/// Labels a release's headline may open with ("Press Release: …", "Subject: …").
const HEADLINE_LABELS: &[&str] = &[
    "press release",
    "news release",
    "media release",
    "press statement",
    "subject",
    "headline",
    "title",
    "пресс-релиз",
    "прес-реліз",
    "тема",
    "заголовок",
];

/// Labels of a header's other fields ("Date: …", "Venue: …", "Host: …"): such a line is no title.
const FIELD_LABELS: &[&str] = &[
    "from",
    "to",
    "cc",
    "date",
    "dated",
    "time",
    "venue",
    "place",
    "location",
    "host",
    "hosts",
    "guest",
    "guests",
    "broadcast",
    "aired",
    "programme",
    "program",
    "source",
    "editor",
    "contact",
    "category",
    "tags",
    "ref",
    "reference",
    "language",
    "distribution",
    "classification",
    "interviewer",
    "moderator",
    "participants",
    "дата",
    "место",
    "ведущий",
    "гость",
    "источник",
    "місце",
    "ведучий",
    "гість",
    "джерело",
];

/// Whether `l` is a header field ("Venue: Press Conference Room, …"): one of [`FIELD_LABELS`]
/// and a colon.
fn is_field_line(l: &str) -> bool {
    let Some((label, _)) = l.split_once(':') else {
        return false;
    };
    let label = label.trim();
    label.chars().count() <= 20 && FIELD_LABELS.contains(&label.to_lowercase().as_str())
}

/// The headline of a line that opens with a [`HEADLINE_LABELS`] label and a colon or dash.
fn labelled_headline(l: &str) -> Option<&str> {
    let lower = l.to_lowercase();
    let label = HEADLINE_LABELS.iter().find(|h| lower.starts_with(*h))?;
    // Lower-casing these labels keeps their length in bytes; a label is a whole word
    // ("Subject:", not "Subjects of the Crown").
    let rest = l.get(label.len()..)?.trim_start();
    let rest = rest.strip_prefix([':', '—', '–', '-'])?.trim();
    is_title_line(rest).then_some(rest)
}

fn is_title_line(l: &str) -> bool {
    let n = words(l);
    let first = l.chars().next();
    (3..=25).contains(&n)
        && first.is_some_and(|c| c.is_uppercase() || c == '"' || c == '“' || c == '«')
        && !l.ends_with(['.', ':', ';', ','])
        && !l.starts_with('(')
        && !BYLINE.is_match(l)
        && !is_field_line(l)
        && !is_dateline(l)
}

/// The most words a dateline has besides its date: a place or an outlet, "Published".
const DATELINE_OTHER_WORDS: usize = 2;

/// Whether `l` is a dateline, not a title: a date with its day and at most
/// [`DATELINE_OTHER_WORDS`] other words ("Santiago, 30 July 2024", "Published: Friday, 24 May
/// 2024", "Eurasia Weekly, 22 May 2024", "March 3, 2024").
fn is_dateline(l: &str) -> bool {
    use super::date_expr::{DateExprKind, find_date_exprs};
    let exprs = find_date_exprs(l);
    if !exprs
        .iter()
        .any(|e| matches!(e.kind, DateExprKind::Calendar { day: Some(_), .. }))
    {
        return false;
    }
    let mut others = 0;
    let mut at = 0;
    for (i, e) in exprs.iter().enumerate() {
        let gap = &l[at..e.range.start];
        // A place before the date ("Saranrom Palace, Bangkok - Thursday, …"): capitalised words
        // ending in a comma or a dash count as one.
        let place = i == 0
            && gap.trim_end().ends_with([',', '-', '–', '—'])
            && gap
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphanumeric()));
        others += if place { 1 } else { words(gap) };
        at = e.range.end;
    }
    // A clock time and its zone after the date ("…, 14:30 hrs", "19:05 (мск)") are part of it.
    let rest = l[at..]
        .split_whitespace()
        .filter(|w| !is_clock_word(w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '.'))))
        .count();
    others + rest <= DATELINE_OTHER_WORDS
}

/// A clock time or the word or zone that goes with one: "14:30", "hrs", "GMT", "мск".
fn is_clock_word(w: &str) -> bool {
    super::dating::clock_time_len(w) == Some(w.len())
        || matches!(
            w.to_lowercase().as_str(),
            "" | "h"
                | "hrs"
                | "hours"
                | "gmt"
                | "utc"
                | "cet"
                | "cest"
                | "est"
                | "edt"
                | "pst"
                | "pdt"
                | "bst"
                | "ist"
                | "jst"
                | "kst"
                | "msk"
                | "a.m"
                | "p.m"
                | "am"
                | "pm"
                | "мск"
        )
}

/// A byline ("By Jane Doe", "Written by …", "Автор: …"): the author, not the title.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:by|written by|posted by|reported by)\s+\p{Lu}|(?i:автор[а-яії]*)\s*:)").unwrap()
});

/// A wire dateline naming its agency: "ALMATY, Sept 21 (Reuters) -", "WASHINGTON (AP) —",
/// "МОСКВА, 5 октября. /ТАСС/.": a place in capitals, maybe a date, then the agency (a name)
/// in parentheses or slashes and a dash or full stop.
static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // Unbounded repetitions, bounded after the match (see [`outlet_from_dateline`]): a Unicode
    // class repeated up to 40 times takes tens of milliseconds to compile.
    Regex::new(r"^(?P<p>\p{Lu}[\p{Lu}\s.'’-]+?)(?P<d>,[^()/\n]+?)?\s*[(/](?P<o>\p{Lu}[\p{L}\s.&-]*?)[)/]\s*[-–—.:]")
        .unwrap()
});

/// The agency a text's first body line names in its dateline, if it has one.
fn outlet_from_dateline(line: &str) -> Option<String> {
    let c = WIRE_DATELINE.captures(line.trim_start())?;
    let chars = |g: &str| c.name(g).map_or(0, |m| m.as_str().chars().count());
    if chars("p") > 41 || chars("d") > 41 || chars("o") > 31 {
        return None;
    }
    let o = c.name("o")?.as_str().trim();
    (o.chars().filter(|c| c.is_alphabetic()).count() >= 2).then(|| o.to_string())
}

static COPYRIGHT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(©|\(c\)\s*\d{4}|copyright\s+(©\s*)?\d{4}|all rights reserved)").unwrap());

/// The patterns of a line that names the outlet, in the order they are tried, each with the
/// most characters its group `t` may have. That bound belongs to the pattern (`{2,50}?`), but
/// a Unicode class repeated up to 50 times takes some 20 ms to compile, and `{2,}?` one:
/// [`outlet_captures`] checks it after the match instead.
static OUTLET_PATTERNS: LazyLock<Vec<(Regex, Option<usize>)>> = LazyLock::new(|| {
    [
        // "Sources: CommonSpace.eu with KazInform (Nur-Sultan) and other media outlets"
        (r"^(?i:sources?)\s*:\s*(?P<o>[^,;(]+?)(?:\s+(?i:with|and|via)\s|\s*[,;(]|$)", None),
        // "Embassy of the Republic of Kazakhstan in Japan©2005 Designed by ..."
        (r"^(?P<o>[^©]{3,80}?)\s*©\s*\d{4}", None),
        // "© 2023 The Astana Times" / "Copyright 2023 Reuters"
        (
            r"^(?:©|(?i:copyright)\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?P<o>[^.|,]{3,60}?)\s*(?:[.|,]|(?i:all rights)|$)",
            None,
        ),
        // "The Kyiv Independent news desk"
        (
            r"^(?P<o>(?:The\s+)?[A-Z](?P<t>[\w.&'’ -]{2,}?))\s+(?i:news desk|newsroom|editorial team|editorial board)$",
            Some(50),
        ),
        // "We are the news team of the Kyiv Independent."
        (r"(?i:news team of)\s+(?P<o>(?:the\s+)?[A-Z](?P<t>[\w.&'’ -]{2,}?))[.,]", Some(50)),
    ]
    .into_iter()
    .map(|(p, max)| (Regex::new(p).expect("a valid pattern"), max))
    .collect()
});

/// The leftmost match of `re` in `line` whose group `t` has at most `max_t_chars` characters:
/// what `re` with that bound written into its lazy `t` (`{2,50}?`) would match. The lazy group
/// is as short as the rest of the pattern allows either way, so at any start the bounded
/// pattern matches exactly when `re` does with a short enough `t`; past a longer one, the
/// search goes on from the next start.
fn outlet_captures<'l>(re: &Regex, max_t_chars: Option<usize>, line: &'l str) -> Option<regex::Captures<'l>> {
    let mut from = 0;
    loop {
        let c = re.captures_at(line, from)?;
        let Some(max) = max_t_chars else {
            return Some(c);
        };
        if c.name("t").is_none_or(|t| t.as_str().chars().nth(max).is_none()) {
            return Some(c);
        }
        let start = c.get(0).map_or(line.len(), |m| m.start());
        from = start + line[start..].chars().next()?.len_utf8();
    }
}

/// A line has a word one of [`OUTLET_PATTERNS`] needs.
const MAY_NAME_OUTLET: u8 = 1;
/// A line has a literal [`COPYRIGHT`] needs.
const MAY_BE_COPYRIGHT: u8 = 2;

/// The words the line regexes need, folded, with the [`line_flags`] bits each stands for.
/// [`COPYRIGHT`] is Unicode case-insensitive, so its literals are cut before any letter with a
/// non-ASCII case variant ("s": "ſ").
const LINE_WORDS: [(&str, u8); 9] = [
    ("source", MAY_NAME_OUTLET),
    ("©", MAY_NAME_OUTLET | MAY_BE_COPYRIGHT),
    ("copyright", MAY_NAME_OUTLET | MAY_BE_COPYRIGHT),
    ("news desk", MAY_NAME_OUTLET),
    ("newsroom", MAY_NAME_OUTLET),
    ("editorial", MAY_NAME_OUTLET),
    ("news team", MAY_NAME_OUTLET),
    ("(c)", MAY_BE_COPYRIGHT),
    ("all right", MAY_BE_COPYRIGHT),
];

/// [`LINE_WORDS`] in folded text: lower case, so a vectorised (Teddy) search finds and checks
/// them itself; an automaton, the fallback where the CPU has no such instructions, steps
/// through every byte around the frequent "new" and "all".
enum LineWordsMatcher {
    Packed(aho_corasick::packed::Searcher),
    Automaton(aho_corasick::AhoCorasick),
}

static LINE_WORDS_MATCHER: LazyLock<LineWordsMatcher> = LazyLock::new(|| {
    let words = LINE_WORDS.map(|(w, _)| w);
    match aho_corasick::packed::Config::new().builder().extend(words).build() {
        Some(packed) => LineWordsMatcher::Packed(packed),
        None => LineWordsMatcher::Automaton(aho_corasick::AhoCorasick::new(words).expect("fixed patterns")),
    }
});

impl LineWordsMatcher {
    /// `(word, start)` of each occurrence in `text`, without overlaps.
    fn find_iter<'a>(&'a self, text: &'a str) -> Box<dyn Iterator<Item = (usize, usize)> + 'a> {
        match self {
            LineWordsMatcher::Packed(p) => Box::new(p.find_iter(text).map(|m| (m.pattern().as_usize(), m.start()))),
            LineWordsMatcher::Automaton(a) => Box::new(a.find_iter(text).map(|m| (m.pattern().as_usize(), m.start()))),
        }
    }
}

/// Per line of `lines` (offset in the original text, text without its line break), which line
/// regexes can match it: one search of the folded text for [`LINE_WORDS`] (none spans a line
/// break), instead of one per line. Most lines have none. Folding keeps every ASCII
/// case-insensitive occurrence (and may add some, "Éditorial": the regexes decide). The
/// search does not report overlapping words; only contrived text hides a word that way
/// ("(c)opyright"), and no regex matches such a line through the hidden word.
fn line_flags(folded: &Folded, lines: &[(usize, &str)]) -> Vec<u8> {
    let mut flags = vec![0u8; lines.len()];
    let mut line = 0;
    for (word, start) in LINE_WORDS_MATCHER.find_iter(&folded.text) {
        let at = folded.original_range(start..start).start;
        while line + 1 < lines.len() && lines[line + 1].0 <= at {
            line += 1;
        }
        if let Some(f) = flags.get_mut(line) {
            *f |= LINE_WORDS[word].1;
        }
    }
    flags
}

/// The outlet a line names, for a line [`line_flags`] marks [`MAY_NAME_OUTLET`].
fn outlet_from_line(l: &str) -> Option<String> {
    if l.len() > 300 {
        return None;
    }
    OUTLET_PATTERNS.iter().find_map(|(re, max_t_chars)| {
        let o = outlet_captures(re, *max_t_chars, l)?.name("o")?.as_str().trim();
        let o = o.strip_prefix("the ").unwrap_or(o);
        (o.len() >= 3 && o.chars().any(char::is_alphabetic)).then(|| o.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "This sentence has more than twelve words in it, so it is a body paragraph of the article.";

    #[test]
    fn title_is_the_heading_before_the_body() {
        let text = format!("News Feed\n\nAstana backs the peace plan for Ukraine\n\n1 min read\n\n{BODY}\n");
        let l = analyse_layout(&text);
        assert_eq!(l.title.as_deref(), Some("Astana backs the peace plan for Ukraine"));
        assert_eq!(&text[l.body_start..l.body_start + 4], "This");
    }

    #[test]
    fn a_labelled_headline_above_a_letterhead_is_the_title() {
        let text = format!(
            "Press Release: Indonesia Condemns Attack on Convoy\n\nMinistry of Foreign Affairs of the Republic of Indonesia\n\n{BODY}\n"
        );
        assert_eq!(
            analyse_layout(&text).title.as_deref(),
            Some("Indonesia Condemns Attack on Convoy")
        );
        // Without a label, the heading nearest the body, as before.
        let text =
            format!("Indonesia Condemns Attack on Convoy\n\nMinistry of Foreign Affairs of Indonesia\n\n{BODY}\n");
        assert_eq!(
            analyse_layout(&text).title.as_deref(),
            Some("Ministry of Foreign Affairs of Indonesia")
        );
    }

    #[test]
    fn header_fields_are_no_title_but_a_subject_is() {
        let text = format!(
            "MINISTRY OF FOREIGN AFFAIRS\nPress Conference by the Press Secretary, Mr. Kenji Moriyama\n\
             Date: Friday, 12 July 2019, 16:05-16:42\nVenue: Press Conference Room, Ministry of Foreign Affairs, Tokyo\n\n{BODY}\n"
        );
        assert_eq!(
            analyse_layout(&text).title.as_deref(),
            Some("Press Conference by the Press Secretary, Mr. Kenji Moriyama")
        );
        let text = format!(
            "COUNCIL OF THE EUROPEAN UNION\n\nFrom: General Secretariat of the Council\nTo: Delegations\n\
             Subject: Eastern Congo and the Great Lakes region - Council conclusions (24 April 2023)\n\n{BODY}\n"
        );
        assert_eq!(
            analyse_layout(&text).title.as_deref(),
            Some("Eastern Congo and the Great Lakes region - Council conclusions (24 April 2023)")
        );
        // A headline with a colon is still one.
        let text = format!("Ukraine war: Kazakhstan refuses to recognise the republics\n\n{BODY}\n");
        assert_eq!(
            analyse_layout(&text).title.as_deref(),
            Some("Ukraine war: Kazakhstan refuses to recognise the republics")
        );
    }

    #[test]
    fn a_dateline_is_no_title() {
        // Between the headline and the body: a place or an outlet and a date, or "Published".
        for dateline in [
            "Santiago, 30 July 2024",
            "March 3, 2024",
            "Eurasia Weekly, 22 May 2024",
            "Published: Friday, 24 May 2024",
            "GEORGETOWN/BRASILIA, 5 December 2023",
            "Київ, 5 квітня 2024",
        ] {
            let text = format!("Guyana vows not to recognise the referendum\n\n{dateline}\n\n{BODY}\n");
            assert_eq!(
                analyse_layout(&text).title.as_deref(),
                Some("Guyana vows not to recognise the referendum"),
                "{dateline}"
            );
        }
        // A headline that names a date is still one, and so is one with a year alone.
        let text = format!(
            "Weekly Press Briefing by the Spokesperson of the Ministry\nSaranrom Palace, Bangkok - Thursday, 31 July 2025, 14:30 hrs\n\n{BODY}\n"
        );
        assert_eq!(
            analyse_layout(&text).title.as_deref(),
            Some("Weekly Press Briefing by the Spokesperson of the Ministry"),
            "a place before the date and a clock time after it"
        );
        for title in ["Kazakhstan abstains on 2 March 2022", "Kazakhstan in March 2022"] {
            let text = format!("{title}\n\n{BODY}\n");
            assert_eq!(analyse_layout(&text).title.as_deref(), Some(title));
        }
    }

    #[test]
    fn a_byline_is_no_title() {
        // The heading nearest the body is the byline: the title is the headline above it.
        let text = format!("OPINION\n\nThe Global South Is Not Sitting on the Fence\n\nBy Priya Raman\n\n{BODY}\n");
        let l = analyse_layout(&text);
        assert_eq!(l.title.as_deref(), Some("The Global South Is Not Sitting on the Fence"));
        let text = format!("Туреччина не визнає анексію Криму\n\nАвтор: Іван Петренко\n\n{BODY}\n");
        assert_eq!(
            analyse_layout(&text).title.as_deref(),
            Some("Туреччина не визнає анексію Криму")
        );
        // A headline that opens with "By" and a number is still one.
        let text = format!("By 2030 Kazakhstan Plans New Pipelines\n\n{BODY}\n");
        assert_eq!(
            analyse_layout(&text).title.as_deref(),
            Some("By 2030 Kazakhstan Plans New Pipelines")
        );
    }

    #[test]
    fn a_wire_dateline_names_the_agency() {
        for (dateline, agency) in [
            ("ALMATY, Sept 21 (Reuters) - ", "Reuters"),
            ("WASHINGTON (AP) — ", "AP"),
            ("МОСКВА, 5 октября. /ТАСС/. ", "ТАСС"),
            ("KYIV, Ukraine (Interfax-Ukraine) - ", "Interfax-Ukraine"),
        ] {
            let text = format!("A headline for the story here\n\n{dateline}{BODY}\n");
            assert_eq!(analyse_layout(&text).outlet.as_deref(), Some(agency), "{dateline}");
        }
        // Capitals and parentheses inside a sentence are no dateline.
        let text = format!("A headline for the story here\n\nThe NATO (North Atlantic) alliance met. {BODY}\n");
        assert_eq!(analyse_layout(&text).outlet, None);
        // An agency is a name.
        let text = format!("A headline for the story here\n\nNATO (the alliance) - {BODY}\n");
        assert_eq!(analyse_layout(&text).outlet, None);
    }

    #[test]
    fn the_body_of_a_hard_wrapped_text_starts_at_its_first_wrapped_paragraph() {
        // No line of the first paragraph both has twelve words and ends a sentence (the last
        // line, not wrapped, does): its lines read as one line do. The heading before it is the
        // title.
        let text = "Astana backs the peace plan for Ukraine\n\n\
                    Deputy Minister Zhanibek Oralbayeva welcomed international delegations in\n\
                    Astana yesterday, and the Eurasian Dialogue Institute hosted negotiations\n\
                    throughout the afternoon. Officials expected agreement before winter.\n\
                    \n\
                    The second paragraph is short and wraps once, at a width that the others\n\
                    share with it.\n\
                    \n\
                    The last paragraph is one long line that ends a sentence, as the body lines of a text that is not wrapped do.\n";
        let l = analyse_layout(text);
        assert!(
            text[l.body_start..].starts_with("Deputy Minister"),
            "{}",
            &text[l.body_start..]
        );
        assert_eq!(l.title.as_deref(), Some("Astana backs the peace plan for Ukraine"));
        // Short lines that are not wrapped: the body starts at the first long line that ends a
        // sentence.
        let unwrapped = "Astana backs the peace plan for Ukraine\n\nDeputy Minister met them.\nIn Astana.\n\n\
                         The second paragraph is one line of more than twelve words and ends a sentence here.\n";
        let l = analyse_layout(unwrapped);
        assert!(
            unwrapped[l.body_start..].starts_with("The second"),
            "{}",
            &unwrapped[l.body_start..]
        );
    }

    #[test]
    fn boilerplate_starts_at_a_marker_line_after_content() {
        let text = format!("{BODY}\n{BODY}\n{BODY}\n{BODY}\n\nRelated articles\n\nOther story on 31 August 2021.\n");
        let l = analyse_layout(&text);
        let b = l.boilerplate_start.unwrap();
        assert!(text[b..].starts_with("Related articles"));
        // A marker before any content is not the end of the article.
        let l2 = analyse_layout(&format!("Read more\n{BODY}\n"));
        assert_eq!(l2.boilerplate_start, None);
    }

    #[test]
    fn boilerplate_starts_at_a_copyright_line_after_content() {
        for notice in [
            "© 2023 Example Media",
            "COPYRIGHT 2021 Example",
            "(C) 2020 Example",
            "All rights reserved.",
        ] {
            let text = format!("{BODY}\n{BODY}\n{BODY}\n{BODY}\n\n  {notice}\nMore about {notice}.\n");
            let l = analyse_layout(&text);
            let b = l
                .boilerplate_start
                .unwrap_or_else(|| panic!("no boilerplate before {notice:?}"));
            assert!(
                text[b..].trim_start().starts_with(notice),
                "{notice:?}: {:?}",
                &text[b..]
            );
        }
        // "(c)" without a year is not a notice; a notice before any content does not end the article.
        let text = format!("{BODY}\n{BODY}\n{BODY}\n{BODY}\nPoint (c) of the plan.\n");
        assert_eq!(analyse_layout(&text).boilerplate_start, None);
        let text = format!("© 2023 Example Media\n{BODY}\n");
        assert_eq!(analyse_layout(&text).boilerplate_start, None);
    }

    #[test]
    fn every_marker_passes_the_length_check_however_it_is_written() {
        for m in BOILERPLATE_MARKERS {
            for written in [
                m.to_string(),
                m.to_uppercase(),
                format!("  {}:  ", m.replace('\'', "’")),
                format!("{m}..."),
            ] {
                assert!(could_be_marker(&written), "{written:?}");
                assert!(
                    BOILERPLATE_MARKERS.contains(&normalise_marker(&written).as_str()),
                    "{written:?}"
                );
            }
        }
        assert!(!could_be_marker(BODY));
    }

    #[test]
    fn line_flags_mark_the_lines_with_the_regexes_words() {
        let text = "Sources: A and B\nplain line\nnothing (C) 2020 here\n\nCOPYRIGHT and the NEWSROOM\nAll rights reserved.\nlast";
        let mut lines = Vec::new();
        let mut off = 0;
        for l in text.split_inclusive('\n') {
            lines.push((off, l.trim_end_matches('\n')));
            off += l.len();
        }
        let both = MAY_NAME_OUTLET | MAY_BE_COPYRIGHT;
        assert_eq!(
            line_flags(&Folded::new(text), &lines),
            [MAY_NAME_OUTLET, 0, MAY_BE_COPYRIGHT, 0, both, MAY_BE_COPYRIGHT, 0]
        );
        // Found in the folded text ("é" folds to one byte), assigned by original offsets.
        let text = "Café résumé à Genève\nSources: A\n";
        let second = text.find('\n').unwrap() + 1;
        let lines = [(0, "Café résumé à Genève"), (second, "Sources: A")];
        assert_eq!(line_flags(&Folded::new(text), &lines), [0, MAY_NAME_OUTLET]);
    }

    #[test]
    fn outlet_from_sources_copyright_and_desk_lines() {
        assert_eq!(
            outlet_from_line("Sources: CommonSpace.eu with KazInform (Nur-Sultan)").as_deref(),
            Some("CommonSpace.eu")
        );
        assert_eq!(
            outlet_from_line("Embassy of the Republic of Kazakhstan in Japan©2005 Designed by Asist").as_deref(),
            Some("Embassy of the Republic of Kazakhstan in Japan")
        );
        assert_eq!(
            outlet_from_line("The Kyiv Independent news desk").as_deref(),
            Some("The Kyiv Independent")
        );
        // "Copyright" is a word of its own: "copyrights of her late husband" names no outlet.
        assert_eq!(
            outlet_from_line("copyrights of her late husband, American songwriter"),
            None
        );
        assert_eq!(outlet_from_line("copyrighted works in AI training."), None);
        assert_eq!(
            outlet_from_line("© 2024 The Astana Times. All rights reserved").as_deref(),
            Some("The Astana Times")
        );
        assert_eq!(outlet_from_line("Kazakhstan supports the plan, officials said."), None);
    }

    /// What [`OUTLET_PATTERNS`] find, with the bounds written into the patterns.
    fn outlet_by_bounded_regexes(l: &str) -> Option<String> {
        static BOUNDED: LazyLock<Vec<Regex>> = LazyLock::new(|| {
            OUTLET_PATTERNS
                .iter()
                .map(|(re, max)| {
                    let bounded = match max {
                        Some(max) => re.as_str().replace("{2,}?", &format!("{{2,{max}}}?")),
                        None => re.as_str().to_string(),
                    };
                    Regex::new(&bounded).unwrap()
                })
                .collect()
        });
        BOUNDED.iter().find_map(|re| {
            let o = re.captures(l)?.name("o")?.as_str().trim();
            let o = o.strip_prefix("the ").unwrap_or(o);
            (o.len() >= 3 && o.chars().any(char::is_alphabetic)).then(|| o.to_string())
        })
    }

    proptest::proptest! {
        /// The bounds checked after the match find what the bounded patterns find: lines of
        /// outlet words of every length around the 50 characters, with several "news team of".
        #[test]
        fn outlet_lines_are_read_as_by_the_bounded_patterns(
            words in proptest::collection::vec(
                "(The|the|Kyiv|Independent|Kazakhstanskaya|Pravda|Астана|Times|news team of|NEWS TEAM OF|the news desk|©|2023|Sources:|,|\\.|and| |\t)",
                0..16,
            ),
            ending in "(| news desk| NEWS DESK| newsroom| editorial team| Editorial BOARD| news team of the Kyiv Independent\\.| news team of The Kazakhstanskaya Pravda Kazakhstanskaya Pravda Times Independent, and news team of the Times\\.)",
        ) {
            let line = words.join(" ") + &ending;
            let line = line.trim();
            proptest::prop_assert_eq!(outlet_from_line(line), outlet_by_bounded_regexes(line));
        }
    }

    #[test]
    fn an_outlet_name_is_at_most_fifty_characters_after_its_capital() {
        let name = |n: usize| format!("The K{}", "x".repeat(n));
        assert_eq!(
            outlet_from_line(&format!("{} news desk", name(50))).as_deref(),
            Some(name(50).as_str())
        );
        assert_eq!(outlet_from_line(&format!("{} news desk", name(51))), None);
        // A name too long after the first "news team of" is passed over for the next one.
        let line = format!("The news team of the K{}. The news team of the Times.", "x".repeat(60));
        assert_eq!(outlet_from_line(&line).as_deref(), Some("Times"));
    }
}
