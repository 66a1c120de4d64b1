//! Sentence splitting that survives "Feb.", "Mr." and initials.

use super::text::is_ascii_space;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "st", "jr",
    "sr", "vs", "etc", "no", "nos", "inc", "ltd", "co", "corp", "dept", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "vol", "art", "para", "pp", "e.g", "i.e", "u.s",
    "u.k", "u.n", "a.m", "p.m", "г", "гг", "т.е", "т.д", "им", "ул", "см", "м", "с", "смт", "вул", "обл", "ім", "пос",
    "пл",
];

/// The longest of [`ABBREVIATIONS`], in characters.
const MAX_ABBREVIATION_CHARS: usize = 6;

/// Narrowest and widest wrap width (in characters) [`wrap_width`] accepts: plain-text and
/// Markdown exports wrap at 60-100 columns (a website's menu of short lines is not wrapped
/// text, however dense its line lengths).
const WRAP_WIDTH_CHARS: std::ops::RangeInclusive<usize> = 55..=120;

/// How far below the wrap width (in characters) a wrapped line may end: a word of up to this
/// length moved to the next line.
const WRAP_SLACK_CHARS: usize = 20;

/// The fewest characters a line of hard-wrapped text has before its wrapping line break (the
/// narrowest wrap width, less the slack): a shorter line ends where its writer ended it (a
/// heading, "News").
pub(crate) const MIN_WRAPPED_LINE_CHARS: usize = *WRAP_WIDTH_CHARS.start() - WRAP_SLACK_CHARS;

/// Width of the band of line lengths (in characters) whose densest position gives the wrap
/// width: wrapped lines end within a word of it.
const WRAP_BAND_CHARS: usize = 12;

/// The lines of a text, and which of their line breaks only wrap a paragraph: found once for
/// the layout and the sentence splitter.
#[derive(Debug, Clone)]
pub struct TextLines<'t> {
    /// Each line's start offset and text, with its line break.
    pub lines: Vec<(usize, &'t str)>,
    /// For each line, whether the break after it only wraps a paragraph (see [`soft_breaks`]).
    pub soft: Vec<bool>,
}

impl<'t> TextLines<'t> {
    /// The lines of `text` and its wrapping line breaks.
    pub fn new(text: &'t str) -> TextLines<'t> {
        let lines: Vec<(usize, &str)> = super::text::lines_with_breaks(text).collect();
        let soft = soft_breaks(&lines);
        TextLines { lines, soft }
    }

    /// The logical lines, in order: each a range of indices into [`TextLines::lines`] whose
    /// breaks, but the last one's, only wrap a paragraph (a single line where the text is not
    /// hard-wrapped).
    pub fn logical(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut i = 0;
        std::iter::from_fn(move || {
            if i >= self.lines.len() {
                return None;
            }
            let start = i;
            while self.soft[i] {
                i += 1;
            }
            i += 1;
            Some(start..i)
        })
    }
}

/// Splits `text` into sentences: every line is a boundary, except a line break that only
/// wraps a paragraph (see [`soft_breaks`]); within a line the Unicode sentence rules apply,
/// except after abbreviations and initials. Returned ranges are trimmed and never empty.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    split_sentences_in(text, &TextLines::new(text))
}

/// [`split_sentences`] of `text`, whose lines are `lines`.
pub fn split_sentences_in(text: &str, lines: &TextLines) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut scratch = Scratch::default();
    let mut joined = String::new();
    for logical in lines.logical() {
        let lines = &lines.lines[logical];
        let start = lines[0].0;
        if let [(_, line)] = lines {
            split_line(text, start, line, &mut scratch, &mut out);
        } else {
            // One logical line: the wrapping line breaks read as spaces (one byte for one, so
            // offsets stay those of `text`).
            joined.clear();
            let (last, wrapped) = lines.split_last().expect("a logical line has a line");
            for &(_, line) in wrapped {
                let body = line.strip_suffix('\n').unwrap_or(line);
                let body = body.strip_suffix('\r').unwrap_or(body);
                joined.push_str(body);
                joined.extend(std::iter::repeat_n(' ', line.len() - body.len()));
            }
            joined.push_str(last.1);
            split_line(text, start, &joined, &mut scratch, &mut out);
        }
    }
    out
}

/// The width a text is hard-wrapped at, given its lines' `lengths` in characters (0 for a blank
/// line; past the widest wrap, any longer length), if it is: the top of the densest band of
/// [`WRAP_BAND_CHARS`] line lengths
/// within [`WRAP_WIDTH_CHARS`] (the wrapped lines; longer lines are links and other words that
/// could not be broken), when at least three lines, and three in ten of the non-blank ones, end
/// within [`WRAP_SLACK_CHARS`] of it. (A text of long paragraphs, or of short lines such as a
/// title, a byline and "1 min read", is not wrapped.)
fn wrap_width(lengths: &[usize]) -> Option<usize> {
    let max = *WRAP_WIDTH_CHARS.end();
    let mut histogram = vec![0usize; max + 1];
    let mut non_blank = 0;
    for &n in lengths.iter().filter(|&&n| n > 0) {
        non_blank += 1;
        if n <= max {
            histogram[n] += 1;
        }
    }
    let in_band = |top: usize, band: usize| histogram[top.saturating_sub(band)..=top].iter().sum::<usize>();
    // Ties go to the wider width: the band's top is the last length that still has lines.
    let width = WRAP_WIDTH_CHARS
        .filter(|&w| histogram[w] > 0)
        .max_by_key(|&w| (in_band(w, WRAP_BAND_CHARS), w))?;
    let near = in_band(width, WRAP_SLACK_CHARS);
    (near >= 3 && near * 10 >= non_blank * 3).then_some(width)
}

/// For each of `lines` (start offset and text with its line break), whether the break after it
/// only wraps a paragraph: the text is hard-wrapped ([`wrap_width`]), the next line is not
/// blank, and its first word would not have fitted on this line. Not after a Markdown line
/// break (two spaces or a backslash at the end), nor before a list item, a heading, a
/// quotation or a table row.
fn soft_breaks(lines: &[(usize, &str)]) -> Vec<bool> {
    let mut soft = vec![false; lines.len()];
    // Each line's length in characters, without trailing white space (0 for a blank line).
    // Past what a wrapped line can be, any length longer than that will do: a line of more
    // bytes than four times the widest wrap has more characters than that, and is not counted.
    let beyond_wrap_bytes = 4 * (*WRAP_WIDTH_CHARS.end() + 1);
    let lengths: Vec<usize> = lines
        .iter()
        .map(|(_, l)| {
            let l = trim_end(l);
            if l.len() > beyond_wrap_bytes {
                l.len()
            } else {
                l.chars().count()
            }
        })
        .collect();
    let Some(width) = wrap_width(&lengths) else {
        return soft;
    };
    for k in 0..lines.len().saturating_sub(1) {
        if lengths[k] == 0 {
            continue;
        }
        let this = lines[k].1.trim_end_matches(['\n', '\r']);
        if this.ends_with("  ") || this.ends_with('\\') {
            continue;
        }
        let next = trim_start(lines[k + 1].1);
        let Some(first_word_chars) = first_word_chars(next) else {
            continue;
        };
        // A numbered item: one to three digits, then "." or ")".
        let digits = next.bytes().take_while(u8::is_ascii_digit).count();
        let block_start = next.starts_with(['-', '*', '+', '#', '>', '|', '•'])
            || ((1..=3).contains(&digits) && matches!(next.as_bytes().get(digits), Some(b'.' | b')')));
        let fits = lengths[k] + 1 + first_word_chars <= width;
        soft[k] = !block_start && !fits;
    }
    soft
}

/// `str::trim_end`, by the bytes where the text ends in ASCII.
fn trim_end(s: &str) -> &str {
    let bytes = s.as_bytes();
    let mut end = bytes.len();
    while end > 0 && is_ascii_space(bytes[end - 1]) {
        end -= 1;
    }
    if end > 0 && !bytes[end - 1].is_ascii() {
        s[..end].trim_end()
    } else {
        &s[..end]
    }
}

/// `str::trim_start`, by the bytes where the text starts in ASCII.
fn trim_start(s: &str) -> &str {
    let bytes = s.as_bytes();
    let start = bytes.iter().take_while(|&&b| is_ascii_space(b)).count();
    if bytes.get(start).is_some_and(|b| !b.is_ascii()) {
        s[start..].trim_start()
    } else {
        &s[start..]
    }
}

/// The number of characters of the first word of `s` (which starts with no white space), as
/// `split_whitespace` cuts it; `None` when there is none.
fn first_word_chars(s: &str) -> Option<usize> {
    let ascii = s.bytes().take_while(|&b| b.is_ascii() && !is_ascii_space(b)).count();
    match s.as_bytes().get(ascii) {
        Some(b) if !b.is_ascii() => s.split_whitespace().next().map(|w| w.chars().count()),
        _ => (ascii > 0).then_some(ascii),
    }
}

fn split_line(text: &str, line_start: usize, line: &str, scratch: &mut Scratch, out: &mut Vec<Range<usize>>) {
    let mut pending: Option<Range<usize>> = None;
    for_each_segment(line, scratch, |i, seg| {
        let start = line_start + i;
        let range = start..start + seg.len();
        pending = Some(match pending.take() {
            Some(p) if !ends_sentence(&text[p.clone()], seg) => p.start..range.end,
            Some(p) => {
                push_trimmed(text, p, out);
                range
            }
            None => range,
        });
    });
    if let Some(p) = pending {
        push_trimmed(text, p, out);
    }
}

/// Buffers [`fast_bounds`] reuses from line to line (sentence splitting runs over every line
/// of every document).
#[derive(Default)]
struct Scratch {
    cuts: Vec<usize>,
}

/// Calls `f` with each Unicode sentence segment of `line` and its byte offset, exactly as
/// `unicode-segmentation`'s `split_sentence_bound_indices` gives them. A line made only of
/// characters whose sentence-break class is known here (ASCII, Latin-1 letters, basic
/// Cyrillic, common quotes, dashes and the no-break space: nearly all English and Russian
/// prose) is segmented by [`fast_bounds`], several times faster than the crate's table
/// search per character; any other line goes to the crate. Tests check both agree.
fn for_each_segment<'l>(line: &'l str, scratch: &mut Scratch, mut f: impl FnMut(usize, &'l str)) {
    if line.is_empty() {
        return;
    }
    if fast_bounds(line, scratch) {
        let mut from = 0;
        for &cut in scratch.cuts.iter().chain(std::iter::once(&line.len())) {
            f(from, &line[from..cut]);
            from = cut;
        }
    } else {
        for (i, seg) in line.split_sentence_bound_indices() {
            f(i, seg);
        }
    }
}

/// Sentence-break classes (Unicode UAX #29) of the characters [`sb_class`] knows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Sb {
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

/// The sentence-break class of `c`, for the characters whose class is certain here
/// (from the Unicode 16 `SentenceBreakProperty` table); `None` for the rest.
fn sb_class(c: char) -> Option<Sb> {
    Some(match c {
        '\r' => Sb::Cr,
        '\n' => Sb::Lf,
        '\t' | '\u{b}' | '\u{c}' | ' ' | '\u{a0}' => Sb::Sp,
        'a'..='z' | '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}' | '\u{430}'..='\u{45f}' => Sb::Lower,
        'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' | '\u{400}'..='\u{42f}' => Sb::Upper,
        '0'..='9' => Sb::Numeric,
        '.' => Sb::ATerm,
        '!' | '?' => Sb::STerm,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '«' | '»' | '\u{2018}'..='\u{201f}' => Sb::Close,
        ',' | '-' | ':' | ';' | '\u{2013}' | '\u{2014}' => Sb::SContinue,
        '\u{0}'..='\u{7f}'
        | '\u{a1}'..='\u{a9}'
        | '\u{ac}'
        | '\u{ae}'..='\u{b4}'
        | '\u{b6}'..='\u{b9}'
        | '\u{bc}'..='\u{bf}'
        | '×'
        | '÷'
        | '\u{2010}'..='\u{2012}'
        | '\u{2015}'..='\u{2017}'
        | '\u{2020}'..='\u{2023}'
        | '\u{2025}'..='\u{2027}'
        | '\u{2030}'..='\u{2038}'
        | '€'
        | '№'
        | '™' => Sb::Other,
        _ => return None,
    })
}

/// Puts in `scratch.cuts` the byte offsets inside `line` where a sentence ends, by the
/// UAX #29 rules (SB3-SB11; SB5 never applies: no known class is Extend or Format);
/// `false` when `line` has a character [`sb_class`] does not know.
///
/// Only two kinds of position can be a break: right after a line break (SB4), and inside
/// or right after the `Close* Sp*` run that follows a terminator (SB11). Every terminator and
/// line break [`sb_class`] knows is ASCII, so they are found by their bytes and only those
/// positions are classified and tested.
fn fast_bounds(line: &str, scratch: &mut Scratch) -> bool {
    let cuts = &mut scratch.cuts;
    cuts.clear();
    if !classes_known(line) {
        return false;
    }
    let bytes = line.as_bytes();
    // The terminators and line breaks, in order (found by memchr's vectorised search: most
    // bytes are neither).
    let mut terminators = memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable();
    let mut breaks = memchr::memchr2_iter(b'\r', b'\n', bytes).peekable();
    let positions = std::iter::from_fn(|| match (terminators.peek(), breaks.peek()) {
        (Some(&a), Some(&b)) if b < a => breaks.next(),
        (Some(_), _) => terminators.next(),
        (None, _) => breaks.next(),
    });
    for t in positions {
        let byte = bytes[t];
        match byte {
            // SB3 (CR × LF), SB4 (ParaSep ÷).
            b'\r' | b'\n' => {
                let i = t + 1;
                if i < bytes.len() && !(byte == b'\r' && bytes[i] == b'\n') {
                    cuts.push(i);
                }
            }
            b'.' | b'!' | b'?' => {
                let term = if byte == b'.' { Sb::ATerm } else { Sb::STerm };
                // Every position after the terminator whose run back to it is `Close* Sp*`.
                let mut i = t + 1;
                let mut sp_start = None;
                while let Some(next_char) = line[i..].chars().next() {
                    let next = class_of(next_char);
                    if breaks_after_terminator(line, t, term, i, sp_start.unwrap_or(i), next) {
                        cuts.push(i);
                    }
                    match next {
                        Sb::Close if sp_start.is_none() => {}
                        Sb::Sp => {
                            sp_start.get_or_insert(i);
                        }
                        _ => break,
                    }
                    i += next_char.len_utf8();
                }
            }
            _ => {}
        }
    }
    true
}

/// Whether [`sb_class`] knows every character of `line`. Every ASCII character is known: only
/// the others are decoded, and runs of ASCII are skipped ([`super::text::ascii_prefix_len`]).
fn classes_known(line: &str) -> bool {
    let bytes = line.as_bytes();
    let mut i = 0;
    loop {
        i += super::text::ascii_prefix_len(&bytes[i..]);
        let Some(c) = line[i..].chars().next() else {
            return true;
        };
        if sb_class(c).is_none() {
            return false;
        }
        i += c.len_utf8();
    }
}

/// The class of a character [`fast_bounds`] has checked is known.
fn class_of(c: char) -> Sb {
    sb_class(c).unwrap_or(Sb::Other)
}

/// Whether there is a break before byte `i` of `line`, whose character has class `next`,
/// when the characters since the terminator at byte `t` (of class `term`) are `Close*` and
/// then, from `sp_start` on, `Sp*` (SB6-SB11).
fn breaks_after_terminator(line: &str, t: usize, term: Sb, i: usize, sp_start: usize, next: Sb) -> bool {
    // SB6, SB7: "3.5", "U.S."
    if i == t + 1 && term == Sb::ATerm {
        let before = line[..t].chars().next_back().map(class_of);
        if next == Sb::Numeric || (next == Sb::Upper && matches!(before, Some(Sb::Upper | Sb::Lower))) {
            return false;
        }
    }
    // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
    if term == Sb::ATerm {
        let ahead = line[i..]
            .chars()
            .map(class_of)
            .find(|c| matches!(c, Sb::Upper | Sb::Lower | Sb::Cr | Sb::Lf | Sb::ATerm | Sb::STerm));
        // (Not before a date: "… ООН. 17 червня 2003 року …" opens a sentence.)
        if ahead == Some(Sb::Lower) && !opens_with_date(&line[i..]) {
            return false;
        }
    }
    // SB8a
    if matches!(next, Sb::SContinue | Sb::ATerm | Sb::STerm) {
        return false;
    }
    // SB9 (no Sp after the Close run), SB10
    if (sp_start == i && next == Sb::Close) || matches!(next, Sb::Sp | Sb::Cr | Sb::Lf) {
        return false;
    }
    // SB11
    true
}

/// Whether `prev` really ends a sentence, given the segment that follows.
fn ends_sentence(prev: &str, next: &str) -> bool {
    let trimmed = prev.trim_end();
    let next_first = next.trim_start().chars().next();
    if next_first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit() && !opens_with_date(next)) {
        return false;
    }
    let Some(body) = trimmed.strip_suffix('.') else {
        return true;
    };
    let last_word = body
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    // (Checked once per sentence: no allocation for the common case of a long last word.)
    if last_word.chars().count() <= MAX_ABBREVIATION_CHARS && ABBREVIATIONS.contains(&last_word.to_lowercase().as_str())
    {
        return false;
    }
    // Initials: "N.A." or a single capital letter.
    let (count, upper) = last_word
        .chars()
        .filter(|c| *c != '.')
        .take(3)
        .fold((0, true), |(n, all), c| (n + 1, all && c.is_uppercase()));
    if (1..=2).contains(&count) && upper {
        return false;
    }
    true
}

/// Whether `next` opens with a day and a month's name ("17 червня 2003 року …", "12 June 2019,
/// …"): a sentence may open so, where other numbers after a full stop continue one ("No. 5",
/// "p. 12").
fn opens_with_date(next: &str) -> bool {
    let next = next.trim_start();
    let digits = next.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && next[digits..].starts_with(' ')
        && next[digits..]
            .split_whitespace()
            .next()
            .is_some_and(|w| super::date_expr::is_month_name(w.trim_end_matches([',', '.'])))
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        split_sentences(s).into_iter().map(|r| &s[r]).collect()
    }

    /// A press release hard-wrapped at 72 columns, as plain-text and Markdown exports write them.
    const WRAPPED: &str = "Statement on the talks\n\
        By the press office\n\
        \n\
        The Foreign Minister met his counterpart in Astana on Monday and said that\n\
        Kazakhstan supports a peaceful settlement of the conflict based on the\n\
        principles of the UN Charter. Both sides agreed to continue the dialogue\n\
        at the level of deputy ministers.\n\
        \n\
        The ministers also discussed trade, transport and the new railway line  \n\
        that links the two capitals.\n\
        - Joint statement on energy\n\
        - Joint statement on water resources of the region, signed in Astana by\n\
        both ministers on the same day.\n";

    #[test]
    fn a_hard_wrapped_paragraph_is_read_across_its_line_breaks() {
        assert_eq!(
            split(WRAPPED),
            [
                "Statement on the talks",
                "By the press office",
                "The Foreign Minister met his counterpart in Astana on Monday and said that\n\
                 Kazakhstan supports a peaceful settlement of the conflict based on the\n\
                 principles of the UN Charter.",
                "Both sides agreed to continue the dialogue\nat the level of deputy ministers.",
                // A Markdown line break (two spaces) is kept, and so is every list item.
                "The ministers also discussed trade, transport and the new railway line",
                "that links the two capitals.",
                "- Joint statement on energy",
                "- Joint statement on water resources of the region, signed in Astana by\n\
                 both ministers on the same day.",
            ]
        );
    }

    #[test]
    fn a_full_line_before_a_list_item_or_heading_stays_a_boundary() {
        // Every line 60 characters wide: the first word of the next line never fits.
        let full = |w: &str| format!("{w} {}", "x".repeat(59 - w.len()));
        for next in [
            "- item",
            "* item",
            "# Heading",
            "> quoted",
            "| cell |",
            "12. item",
            "3) item",
            "• item",
        ] {
            let text = format!("{}\n{}\n{}\n{next}\n", full("One"), full("Two"), full("Three"));
            let got = split(&text);
            assert_eq!(got.last(), Some(&next), "{text:?}: {got:?}");
        }
        let text = format!("{}\n{}\n{}\nword\n", full("One"), full("Two"), full("Three"));
        assert_eq!(split(&text).len(), 1, "a wrapped paragraph");
    }

    #[test]
    fn long_unwrappable_lines_do_not_hide_the_wrap_width() {
        // Wrapped at 72 columns, with a link line of 110 characters that could not be broken.
        let link = format!("[the statement](https://example.org/{})", "a".repeat(70));
        let text = format!(
            "{}\n{link}\n\n{}",
            WRAPPED.trim_start_matches("Statement on the talks\nBy the press office\n\n"),
            "The ministers met again in Almaty on Tuesday and agreed to continue the\ndialogue.\n"
        );
        let got = split(&text);
        assert!(
            got.contains(&"The ministers met again in Almaty on Tuesday and agreed to continue the\ndialogue."),
            "{got:#?}"
        );
    }

    #[test]
    fn lines_that_are_not_wrapped_stay_boundaries() {
        // Short lines (a title, a byline, a caption) and long one-line paragraphs.
        let long = "Kazakhstan expressed support for the peace plan, saying it is worthy of support and \
                    based on the principles of the UN Charter, and it called on all sides to talk.";
        let text = format!("Kazakhstan backs the peace plan\nArticle image\n1 min read\n{long}\n{long}\n");
        assert_eq!(
            split(&text),
            [
                "Kazakhstan backs the peace plan",
                "Article image",
                "1 min read",
                long,
                long
            ]
        );
        // A website's menu: many lines of similar, short lengths.
        let menu = "About the Embassy\nNews and Press-Releases\nKazakhstan Economic Overview\n\
                    Kazakhstan Environment Issues\nN.A. Nazarbayev's Address to the Nation\n\
                    Innovative Industrial Development Strategy\nKazakhstan 2030\nTravelling to Kazakhstan\n";
        assert_eq!(split(menu).len(), 8, "{:?}", split(menu));
        // A block of short lines: an address, not wrapped prose.
        let text = "Ministry of Foreign Affairs\nRepublic of Kazakhstan\nAstana, 12 March 2024\n";
        assert_eq!(split(text).len(), 3);
        // Wrapped at 72 columns, but too few lines to tell.
        let text = "The minister said that Kazakhstan supports a peaceful settlement of the\nconflict.\n";
        assert_eq!(split(text).len(), 2);
    }

    #[test]
    fn the_longest_abbreviation_is_known() {
        let longest = ABBREVIATIONS.iter().map(|a| a.chars().count()).max();
        assert_eq!(longest, Some(MAX_ABBREVIATION_CHARS));
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("China's Foreign Ministry on Feb. 24 released a plan. Mr. Wang agreed."),
            [
                "China's Foreign Ministry on Feb. 24 released a plan.",
                "Mr. Wang agreed."
            ]
        );
        assert_eq!(
            split("N.A. Nazarbayev's Address to the Nation was read. It was long."),
            ["N.A. Nazarbayev's Address to the Nation was read.", "It was long."]
        );
        // A town ("м." місто, "с." село) before its name.
        assert_eq!(
            split("МЗС оголосило консула в м. Берегове персоною нон ґрата. Угорщина відповіла."),
            [
                "МЗС оголосило консула в м. Берегове персоною нон ґрата.",
                "Угорщина відповіла."
            ]
        );
    }

    /// [`soft_breaks`] as first written, by `char` methods throughout.
    fn soft_breaks_by_chars(lines: &[(usize, &str)]) -> Vec<bool> {
        let mut soft = vec![false; lines.len()];
        // Each line's length in characters, without trailing white space (0 for a blank line).
        // Past what a wrapped line can be, any length longer than that will do: a line of more
        // bytes than four times the widest wrap has more characters than that, and is not counted.
        let beyond_wrap_bytes = 4 * (*WRAP_WIDTH_CHARS.end() + 1);
        let lengths: Vec<usize> = lines
            .iter()
            .map(|(_, l)| {
                let l = l.trim_end();
                if l.len() > beyond_wrap_bytes {
                    l.len()
                } else {
                    l.chars().count()
                }
            })
            .collect();
        let Some(width) = wrap_width(&lengths) else {
            return soft;
        };
        for k in 0..lines.len().saturating_sub(1) {
            let this = lines[k].1.trim_end_matches(['\n', '\r']);
            let next = lines[k + 1].1.trim_start();
            let Some(first_word) = next.split_whitespace().next() else {
                continue;
            };
            if lengths[k] == 0 || this.ends_with("  ") || this.ends_with('\\') {
                continue;
            }
            let block_start = next.starts_with(['-', '*', '+', '#', '>', '|', '•'])
                || next
                    .split_once(['.', ')'])
                    .is_some_and(|(n, _)| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()));
            let fits = lengths[k] + 1 + first_word.chars().count() <= width;
            soft[k] = !block_start && !fits;
        }
        soft
    }

    proptest::proptest! {
        /// The byte-wise soft breaks are those of the char-wise ones, on hard-wrapped text with
        /// every kind of white space, list items, numbered items and Markdown breaks.
        #[test]
        fn soft_breaks_are_the_char_wise_ones(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "word", "longerword", "a", "12.", "1)", "1234.", "-", "*", "#", ">", "•", "é", "слово",
                    "\\", " ", "  ", "\t", "\u{b}", "\u{a0}", "\u{2009}", "\u{85}", "\r", "x.",
                ]),
                0..200,
            ),
            breaks in proptest::collection::vec(0usize..6, 0..200),
        ) {
            // Words joined by spaces, with a line break (or a blank line) after some.
            let mut text = String::new();
            for (i, w) in words.iter().enumerate() {
                text.push_str(w);
                match breaks.get(i) {
                    Some(0) => text.push('\n'),
                    Some(1) if i % 7 == 0 => text.push_str("\n\n"),
                    _ => text.push(' '),
                }
                if i % 13 == 12 {
                    text.push_str("\nA line long enough to be one of a wrapped paragraph's lines, in\n");
                }
            }
            let lines: Vec<(usize, &str)> = crate::analysis::text::lines_with_breaks(&text).collect();
            proptest::prop_assert_eq!(soft_breaks(&lines), soft_breaks_by_chars(&lines));
        }
    }

    #[test]
    fn lines_are_boundaries_and_blank_lines_vanish() {
        assert_eq!(
            split("Title line\n\n  Body one. Body two.\n"),
            ["Title line", "Body one.", "Body two."]
        );
    }

    /// Characters of every class [`sb_class`] knows, plus some it does not (the crate's path).
    const PROBE_CHARS: &[char] = &[
        'a', 'z', 'B', 'Q', '7', '.', '!', '?', ' ', '\t', '\r', '\n', '"', '\'', '(', ')', ']', ',', '-', ':', ';',
        '«', '»', '“', '”', '‘', '’', '–', '—', '\u{a0}', 'д', 'Д', 'ё', 'Ё', 'é', 'É', 'ß', '×', '…', '#', '©', '€',
        '№', 'ң', 'Қ', '\u{2028}', '\u{200b}', '\u{301}', '。', 'ª', 'µ', '\u{85}', '\u{3000}',
    ];

    /// Characters [`sb_class`] knows, one or more of each class.
    const KNOWN_PROBE_CHARS: &[char] = &[
        'a', 'B', '7', '.', '.', '!', '?', ' ', ' ', '\t', '\r', '\n', '"', ')', '”', '»', ',', ':', '—', 'д', 'Д', '#',
    ];

    /// The segments [`for_each_segment`] gives, collected.
    fn sentence_bounds(line: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for_each_segment(line, &mut Scratch::default(), |i, seg| out.push((i, seg)));
        out
    }

    fn crate_bounds(line: &str) -> Vec<(usize, &str)> {
        line.split_sentence_bound_indices().collect()
    }

    #[test]
    fn fast_segments_equal_the_crates_on_every_known_character() {
        // Each character in contexts that exercise every rule.
        let mut chars: Vec<char> = ('\u{0}'..='\u{4ff}').chain('\u{2000}'..='\u{2040}').collect();
        chars.extend(['€', '№', '™']);
        for c in chars.into_iter().filter(|c| sb_class(*c).is_some()) {
            for ctx in [
                "a.X b", "A. X y", "Ab.X", "x.” X", "x.) y", "x! X", "x.  X", "U.S. y", "x.X",
            ] {
                for line in [ctx.replace('X', &c.to_string()), ctx.replace('x', &c.to_string())] {
                    assert_eq!(
                        sentence_bounds(&line),
                        crate_bounds(&line),
                        "{line:?} ({:?})",
                        sb_class(c)
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 3000, ..Default::default() })]
        #[test]
        fn fast_segments_equal_the_crates(
            picks in proptest::collection::vec(proptest::sample::select(PROBE_CHARS), 0..40)
        ) {
            let line: String = picks.into_iter().collect();
            proptest::prop_assert_eq!(sentence_bounds(&line), crate_bounds(&line));
        }

        /// The known-class check skips ASCII eight bytes at a time: it agrees with asking
        /// every character, wherever in a line the first other character falls.
        #[test]
        fn known_classes_are_those_of_every_character(
            line in "[a-z .]{0,20}[é€—\u{2028}\u{5d0}]?[A-Z ]{0,12}[«\u{300}ж]?[0-9]{0,9}"
        ) {
            proptest::prop_assert_eq!(
                classes_known(&line),
                line.chars().all(|c| c.is_ascii() || sb_class(c).is_some())
            );
        }

        /// Lines of known characters only (always the fast path), dense in terminators.
        #[test]
        fn fast_segments_equal_the_crates_on_known_characters(
            picks in proptest::collection::vec(proptest::sample::select(KNOWN_PROBE_CHARS), 0..60)
        ) {
            let line: String = picks.into_iter().collect();
            proptest::prop_assert_eq!(sentence_bounds(&line), crate_bounds(&line));
        }
    }

    #[test]
    fn the_sample_corpus_splits_as_with_the_crate() {
        for (name, bytes) in crate::ingest::sample_files() {
            let text = String::from_utf8_lossy(bytes);
            for line in text.split_inclusive('\n') {
                assert_eq!(sentence_bounds(line), crate_bounds(line), "{name}: {line:?}");
            }
        }
    }

    #[test]
    fn quotes_end_sentences() {
        let s = "“We call on both states. There is no other way.” He left.";
        assert_eq!(
            split(s),
            ["“We call on both states.", "There is no other way.”", "He left."]
        );
    }

    /// A sentence may open with a date ("17 червня 2003 року …"); other numbers after a full
    /// stop continue the sentence ("No. 5", "Art. 12").
    #[test]
    fn a_sentence_opens_with_a_date_but_not_with_another_number() {
        assert_eq!(
            split(
                "Будь-яка з них може звернутися до суду ООН. 17 червня 2003 року Україна та Румунія підписали договір."
            ),
            [
                "Будь-яка з них може звернутися до суду ООН.",
                "17 червня 2003 року Україна та Румунія підписали договір."
            ]
        );
        assert_eq!(
            split("The talks resumed in Geneva. 12 June was set as the date.").len(),
            2
        );
        assert_eq!(split("It is set out in Art. 12 of the treaty.").len(), 1);
        assert_eq!(split("The ministers met 12 times. 2023 was a hard year.").len(), 1);
    }
}
