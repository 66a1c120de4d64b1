//! Choosing a document's publication date, with provenance and confidence.
//!
//! Sources, strongest first: front matter, HTML metadata, a date in a URL the file
//! names, a date in the file name, a dateline or "today (2 March)" in the text, and
//! finally inference from weekday arithmetic. Dates inside trailing boilerplate are
//! never used. When nothing fixes the date, the document stays undated with a note
//! saying what the text does tell.

use super::date_expr::{DateExpr, DateExprKind, DateTokens, Unit, find_date_exprs, years_matching_weekday};
use crate::ingest::MetaDate;
use crate::model::{DatePrecision, DateSource, DocDate, EventDate, EventDateBasis};
use jiff::civil::Date;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Earliest year considered when inferring a missing year.
const EARLIEST_YEAR: i16 = 1990;

/// What dating needs to know about a document.
#[derive(Debug, Clone, Copy)]
pub struct DatingInput<'a> {
    /// The text.
    pub text: &'a str,
    /// File path relative to the corpus folder.
    pub path: &'a str,
    /// Date from front matter or HTML metadata.
    pub meta_date: Option<&'a MetaDate>,
    /// URL from metadata.
    pub source_url: Option<&'a str>,
    /// Where the body starts.
    pub body_start: usize,
    /// Where trailing boilerplate starts.
    pub boilerplate_start: Option<usize>,
    /// Today's date (the latest plausible publication date).
    pub today: Date,
}

/// The chosen date, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct Dating {
    /// The publication date.
    pub date: Option<DocDate>,
    /// What limits or replaces it.
    pub note: Option<String>,
}

fn make(
    date: Date,
    p: DatePrecision,
    confidence: f32,
    source: DateSource,
    evidence: &str,
    range: Option<Range<usize>>,
    reasoning: String,
) -> DocDate {
    DocDate {
        date,
        precision: p,
        confidence,
        source,
        evidence: evidence.trim().to_string(),
        evidence_range: range,
        reasoning,
    }
}

/// Parses a metadata date value: ISO 8601 (with or without time) or any form the
/// text date finder knows.
pub fn parse_meta_value(value: &str) -> Option<(Date, DatePrecision)> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?").unwrap());
    if let Some(c) = ISO.captures(value) {
        let y: i16 = c[1].parse().ok()?;
        let m: i8 = c[2].parse().ok()?;
        return match c.get(3) {
            Some(d) => Some((Date::new(y, m, d.as_str().parse().ok()?).ok()?, DatePrecision::Day)),
            None => Some((Date::new(y, m, 1).ok()?, DatePrecision::Month)),
        };
    }
    find_date_exprs(value).into_iter().find_map(|e| match e.kind {
        DateExprKind::Calendar {
            year: Some(y),
            month: Some(m),
            day: Some(d),
            ..
        } => Some((Date::new(y, m, d).ok()?, DatePrecision::Day)),
        DateExprKind::Calendar {
            year: Some(y),
            month: Some(m),
            day: None,
            ..
        } => Some((Date::new(y, m, 1).ok()?, DatePrecision::Month)),
        _ => None,
    })
}

static URL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"https?://[^\s<>)\]]+").unwrap());

/// A date inside a URL path: `/2022/03/18/`, `/20220823/`, `-2022-06-18`, `/18/06/2022/`, `/2022/03/`.
pub fn date_in_url(url: &str) -> Option<(Date, DatePrecision, String)> {
    static PATTERNS: LazyLock<Vec<(Regex, [usize; 3], bool)>> = LazyLock::new(|| {
        vec![
            (
                Regex::new(r"[/_-]((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)").unwrap(),
                [1, 2, 3],
                true,
            ),
            (
                Regex::new(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)").unwrap(),
                [1, 2, 3],
                true,
            ),
            (
                Regex::new(r"[/_-](\d{1,2})[/_-](\d{1,2})[/_-]((?:19|20)\d{2})(?:[/_.-]|$)").unwrap(),
                [3, 2, 1],
                true,
            ),
            (Regex::new(r"/((?:19|20)\d{2})/(\d{1,2})/").unwrap(), [1, 2, 0], false),
        ]
    });
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').map_or("", |i| &path[i..]);
    for (re, [yi, mi, di], has_day) in PATTERNS.iter() {
        for c in re.captures_iter(path) {
            let y: i16 = c[*yi].parse().ok()?;
            let m: i8 = c[*mi].parse().ok()?;
            let d: i8 = if *has_day { c[*di].parse().ok()? } else { 1 };
            if let Ok(date) = Date::new(y, m, d) {
                let p = if *has_day {
                    DatePrecision::Day
                } else {
                    DatePrecision::Month
                };
                return Some((date, p, c[0].trim_matches(['/', '-', '_', '.']).to_string()));
            }
        }
    }
    None
}

/// Chooses the publication date of one document.
pub fn date_document(input: &DatingInput<'_>) -> Dating {
    date_document_with(input, &std::cell::OnceCell::new())
}

/// [`date_document`], keeping in `tokens` the date tokens of the text before its boilerplate
/// when it cuts them (for a text dated by its metadata, it does not).
pub fn date_document_with<'a>(input: &DatingInput<'a>, tokens: &std::cell::OnceCell<DateTokens<'a>>) -> Dating {
    let plausible = |d: Date| d.year() >= EARLIEST_YEAR && d <= input.today;
    if let Some(meta) = input.meta_date
        && let Some((date, p)) = parse_meta_value(&meta.value)
        && plausible(date)
    {
        let confidence = if meta.source == DateSource::FrontMatter {
            0.95
        } else {
            0.9
        };
        let reasoning = format!(
            "{} field `{}`",
            if meta.source == DateSource::FrontMatter {
                "front matter"
            } else {
                "HTML metadata"
            },
            meta.field
        );
        return Dating {
            date: Some(make(date, p, confidence, meta.source, &meta.value, None, reasoning)),
            note: None,
        };
    }
    let content_end = input.boilerplate_start.unwrap_or(input.text.len());
    let content = &input.text[..content_end];
    // URLs: the metadata URL, then URLs on the first lines or on a "Source:"/"URL:" line.
    let url_lines = content.lines().take(8).chain(content.lines().filter(|l| {
        let l = l.trim_start().to_ascii_lowercase();
        l.starts_with("source") || l.starts_with("url") || l.starts_with("link") || l.starts_with("original")
    }));
    let mut urls: Vec<&str> = input.source_url.into_iter().collect();
    for l in url_lines {
        urls.extend(URL.find_iter(l).map(|m| m.as_str()));
    }
    for url in urls {
        if let Some((date, p, ev)) = date_in_url(url)
            && plausible(date)
        {
            let range = input.text.find(url).map(|i| i..i + url.len());
            return Dating {
                date: Some(make(
                    date,
                    p,
                    0.85,
                    DateSource::Url,
                    &ev,
                    range,
                    format!("date in the URL {url}"),
                )),
                note: None,
            };
        }
    }
    let file_name = input.path.rsplit('/').next().unwrap_or(input.path);
    if let Some((date, p, ev)) = date_in_url(&format!("/{file_name}"))
        && plausible(date)
    {
        return Dating {
            date: Some(make(
                date,
                p,
                0.7,
                DateSource::Filename,
                &ev,
                None,
                format!("date in the file name {file_name}"),
            )),
            note: None,
        };
    }
    let exprs = tokens
        .get_or_init(|| DateTokens::new(&input.text[..content_end]))
        .exprs();
    date_from_text(input.text, content_end, &exprs, input.body_start, input.today)
}

/// How many of the last lines of a text a closing formula ("Done at …") may be on.
const CLOSING_LINES: usize = 12;

/// A year-less or weekday-anchored analysis of the text, whose date expressions before its
/// boilerplate are `exprs`.
fn date_from_text(text: &str, content_end: usize, exprs: &[DateExpr], body_start: usize, today: Date) -> Dating {
    let years_mentioned: Vec<i16> = exprs
        .iter()
        .filter_map(|e| match e.kind {
            DateExprKind::Calendar { year: Some(y), .. } => Some(y),
            _ => None,
        })
        .filter(|y| *y <= today.year())
        .collect();
    let min_year = years_mentioned
        .iter()
        .copied()
        .max()
        .unwrap_or(EARLIEST_YEAR)
        .max(EARLIEST_YEAR);
    // Year fixed by a weekday ("Tuesday (1 March)"): the latest year that fits.
    let weekday_year = exprs.iter().find_map(|e| match e.kind {
        DateExprKind::Calendar {
            year: None,
            month: Some(m),
            day: Some(d),
            weekday: Some(w),
            ..
        } => {
            let years = years_matching_weekday(m, d, w, min_year..=today.year());
            let y = *years.first()?;
            let date = Date::new(y, m, d).ok()?;
            (date <= today).then_some((y, years, e.clone()))
        }
        _ => None,
    });
    let resolve_year = |year: Option<i16>| -> Option<(i16, f32, String)> {
        match (year, &weekday_year) {
            (Some(y), _) => Some((y, 0.0, String::new())),
            (None, Some((y, years, e))) => {
                let others: Vec<String> = years.iter().skip(1).take(3).map(|y| y.to_string()).collect();
                let also = if others.is_empty() {
                    String::new()
                } else {
                    format!(" (it also fits {})", others.join(", "))
                };
                Some((
                    *y,
                    0.1,
                    format!(
                        "; the year {y} is the latest in which “{}” fits the weekday{also}",
                        text[e.range.clone()].trim()
                    ),
                ))
            }
            (None, None) => None,
        }
    };
    // 1. "today (2 March)" / "today, 2 March 2022".
    for pair in exprs.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let gap = &text[a.range.end..b.range.start];
        if matches!(
            a.kind,
            DateExprKind::Relative {
                amount: 0,
                unit: Unit::Day
            }
        ) && gap.len() <= 3
            && gap.chars().all(|c| c.is_whitespace() || c == '(' || c == ',')
            && let DateExprKind::Calendar {
                year,
                month: Some(m),
                day: Some(d),
                ..
            } = b.kind
            && let Some((y, penalty, why)) = resolve_year(year)
            && let Ok(date) = Date::new(y, m, d)
            && date <= today
        {
            let range = a.range.start..b.range.end;
            let reasoning = format!("the text calls {} “today”{why}", &text[b.range.clone()]);
            return Dating {
                date: Some(make(
                    date,
                    DatePrecision::Day,
                    0.9 - penalty,
                    DateSource::Text,
                    &text[range.clone()],
                    Some(range),
                    reasoning,
                )),
                note: None,
            };
        }
    }
    // 2. A dateline: a date on a short line near the top, in parentheses with a place,
    //    or opening the first paragraph after a place name ("ASTANA, June 17. /TASS/").
    let dateline_zone_end = next_sentence_ends(text, body_start, 2).min(content_end);
    let latest_year = years_mentioned.iter().copied().filter(|y| *y <= today.year()).max();
    for e in exprs {
        let DateExprKind::Calendar {
            year,
            month: Some(m),
            day: Some(d),
            weekday,
            ..
        } = e.kind
        else {
            continue;
        };
        if e.range.start >= dateline_zone_end {
            continue;
        }
        let line = line_around(text, e.range.clone());
        let line_start = e.range.start - text[..e.range.start].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[e.range.start - line_start..e.range.start];
        // A short line, but no sentence that mentions a date ("The Sides established
        // relations on 1 March 1992.").
        // Not a header of fields ("Аналитика | 18 августа 2022 г."), a short line ending in
        // the abbreviation of "year" ("г.", "р."), or a stamp with a clock time right after the
        // date ("Эфир от 14 июня 2023 года, 19:05 (мск). Расшифровка.").
        let words = line.split_whitespace().count();
        let trimmed = line.trim_end();
        let rest = &text[e.range.end..];
        let after = rest.trim_start_matches([',', ' ']);
        let header = line.contains(" | ")
            || words <= 8 && (trimmed.ends_with(" г.") || trimmed.ends_with(" р."))
            || rest.len() - after.len() <= 2 && clock_time_len(after).is_some();
        let sentence = words >= 6 && trimmed.ends_with('.') && !before.trim().is_empty() && !header;
        let short_line = words <= 12 && !sentence;
        let parenthesised = line.trim_start().starts_with('(');
        let after_place = is_place_prefix(before);
        if !(short_line || parenthesised || after_place) {
            continue;
        }
        // The year: written, fixed by a weekday, or assumed from the latest year the text mentions.
        let (y, confidence, how) = match (year, weekday) {
            (Some(y), _) => (y, 0.85, String::new()),
            (None, Some(w)) => match years_matching_weekday(m, d, w, min_year..=today.year()).first() {
                Some(y) => (*y, 0.7, format!("; {y} is the latest year in which the weekday fits")),
                None => continue,
            },
            (None, None) => match latest_year {
                Some(y) => (
                    y,
                    0.45,
                    format!("; the year {y} is assumed from the latest year the text mentions"),
                ),
                None => continue,
            },
        };
        let Ok(date) = Date::new(y, m, d) else { continue };
        if date > today {
            continue;
        }
        let reasoning = format!("dateline “{}” at the top of the text{how}", clip_line(line));
        let evidence = &text[e.range.clone()];
        return Dating {
            date: Some(make(
                date,
                DatePrecision::Day,
                confidence,
                DateSource::Text,
                evidence,
                Some(e.range.clone()),
                reasoning,
            )),
            note: None,
        };
    }
    // 3. A closing formula of an official text: "Done at Yerevan on 12 November 2024",
    //    "Signed in Astana, 5 May 2023", near the end of the text, with a full date.
    static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?i:done|signed|adopted|issued|made|подписано|совершено|принято)\s+(?i:at|in|в)\s").unwrap()
    });
    let closing_zone_start = text[..content_end]
        .trim_end()
        .rmatch_indices('\n')
        .nth(CLOSING_LINES)
        .map_or(0, |(i, _)| i);
    for e in exprs.iter().rev() {
        let DateExprKind::Calendar {
            year: Some(y),
            month: Some(m),
            day: Some(d),
            ..
        } = e.kind
        else {
            continue;
        };
        if e.range.start < closing_zone_start.max(body_start) || e.range.end > content_end {
            continue;
        }
        let line = line_around(text, e.range.clone());
        if !CLOSING.is_match(line) {
            continue;
        }
        let Ok(date) = Date::new(y, m, d) else { continue };
        if date > today {
            continue;
        }
        return Dating {
            date: Some(make(
                date,
                DatePrecision::Day,
                0.8,
                DateSource::Text,
                &text[e.range.clone()],
                Some(e.range.clone()),
                format!("closing line “{}” of the text", clip_line(line)),
            )),
            note: None,
        };
    }
    // 4. Nothing fixes the date: say what the text tells.
    let mut facts = Vec::new();
    if let Some(max) = years_mentioned.iter().max() {
        let mut ys: Vec<i16> = years_mentioned.clone();
        ys.sort_unstable();
        ys.dedup();
        let list: Vec<String> = ys.iter().map(|y| y.to_string()).collect();
        facts.push(format!(
            "the text mentions {} (so it was written in {max} or later)",
            list.join(", ")
        ));
    }
    let yearless: Vec<&str> = exprs
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                DateExprKind::Calendar {
                    year: None,
                    month: Some(_),
                    day: Some(_),
                    ..
                }
            )
        })
        .map(|e| text[e.range.clone()].trim())
        .take(3)
        .collect();
    if !yearless.is_empty() {
        facts.push(format!("dates without a year: {}", yearless.join(", ")));
    }
    let relative = exprs
        .iter()
        .filter(|e| matches!(e.kind, DateExprKind::Relative { .. } | DateExprKind::Weekday { .. }))
        .count();
    if relative > 0 {
        facts.push(format!(
            "{relative} relative expression(s) such as “{}” that need the publication date",
            exprs
                .iter()
                .find(|e| matches!(e.kind, DateExprKind::Relative { .. } | DateExprKind::Weekday { .. }))
                .map(|e| text[e.range.clone()].trim())
                .unwrap_or("")
        ));
    }
    let note = if facts.is_empty() {
        "no date in metadata, file name or text".to_string()
    } else {
        format!(
            "no publication date in metadata, file name or text; {}",
            facts.join("; ")
        )
    };
    Dating {
        date: None,
        note: Some(note),
    }
}

/// "ASTANA, " / "KYIV. " / "MOSCOW (Reuters) - ": an upper-case place name (and
/// optionally an agency) before a dateline at the start of a line; or a place name written in
/// capitalised words and a comma ("Київ, ", "Buenos Aires, "), not a word of time ("Yesterday, ").
fn is_place_prefix(before: &str) -> bool {
    /// Capitalised words before a comma that are no place.
    const NOT_PLACES: &[&str] = &[
        "yesterday",
        "earlier",
        "later",
        "since",
        "until",
        "by",
        "from",
        "before",
        "after",
        "on",
        "вчера",
        "позавчера",
        "вчора",
        "позавчора",
    ];
    let t = before.trim();
    if t.is_empty() || t.chars().count() > 40 {
        return false;
    }
    let place: String = t
        .chars()
        .take_while(|c| !matches!(c, ',' | '.' | '(' | '-' | '–' | '—'))
        .collect();
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) && t.ends_with([',', '.', '-', '–', '—', ')'])
    {
        return true;
    }
    let words: Vec<&str> = place.split_whitespace().collect();
    t.ends_with(',')
        && place.len() + 1 == t.len()
        && (1..=PLACE_WORDS).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
        && !(words.len() == 1 && NOT_PLACES.contains(&words[0].to_lowercase().as_str()))
}

/// The length of the clock time `s` opens with ("19:05", "9:30"): one or two digits, a colon,
/// two digits, and no digit after.
pub(super) fn clock_time_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let hours = b.iter().take_while(|c| c.is_ascii_digit()).count();
    ((1..=2).contains(&hours)
        && b.get(hours) == Some(&b':')
        && b.get(hours + 1..hours + 3)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
        && !b.get(hours + 3).is_some_and(u8::is_ascii_digit))
    .then_some(hours + 3)
}

/// Words of a place name written in capitalised words before a dateline, at most ("Buenos Aires").
const PLACE_WORDS: usize = 3;

fn clip_line(line: &str) -> String {
    let t = line.trim();
    if t.chars().count() <= 80 {
        t.to_string()
    } else {
        format!("{}…", t.chars().take(80).collect::<String>())
    }
}

/// Byte offset of the end of the `n`th sentence-ending punctuation after `from`.
fn next_sentence_ends(text: &str, from: usize, n: usize) -> usize {
    let mut count = 0;
    for (i, c) in text[from..].char_indices() {
        if matches!(c, '.' | '!' | '?') {
            count += 1;
            if count == n {
                return from + i + 1;
            }
        }
    }
    text.len()
}

fn line_around(text: &str, r: Range<usize>) -> &str {
    let start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[r.end..].find('\n').map_or(text.len(), |i| r.end + i);
    &text[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DatedPeriod;

    fn date_of(text: &str, path: &str) -> Dating {
        let layout = super::super::layout::analyse_layout(text);
        date_document(&DatingInput {
            text,
            path,
            meta_date: None,
            source_url: None,
            body_start: layout.body_start,
            boilerplate_start: layout.boilerplate_start,
            today: jiff::civil::date(2026, 12, 2),
        })
    }

    /// Header lines that end like a sentence but are none: fields split by " | ", a short line
    /// ending in "г." (год), a stamp with a clock time right after the date. A sentence in the
    /// lead with a date is still no dateline, also with "г." or a time further on.
    #[test]
    fn header_lines_that_end_in_a_full_stop() {
        let body =
            "\n\nИзраиль и Турция объявили в среду о восстановлении дипломатических отношений в полном объёме.\n";
        for (line, want) in [
            ("Аналитика | 18 августа 2022 г.", Some("2022-08-18")),
            ("Аналитика | Ближний Восток | 18 августа 2022 года.", Some("2022-08-18")),
            (
                "Стороны установили дипломатические отношения в Алма-Ате 1 марта 1992 г.",
                None,
            ),
            ("Справка | Рига, 4 сентября 2023 г.", Some("2023-09-04")),
            (
                "Эфир от 14 июня 2023 года, 19:05 (мск). Расшифровка.",
                Some("2023-06-14"),
            ),
            (
                "Стороны установили дипломатические отношения 1 марта 1992 г. в Алма-Ате и с тех пор.",
                None,
            ),
            ("Встреча состоялась 1 марта 2022 года в 10:00 в Минске.", None),
        ] {
            let d = date_of(&format!("ОБОЗРЕНИЕ\n{line}{body}"), "a.txt");
            assert_eq!(d.date.map(|d| d.date.to_string()).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn url_dates() {
        let d = |u: &str| date_in_url(u).map(|(d, p, _)| (d.to_string(), p));
        assert_eq!(
            d("https://x.org/news/2022/03/18/story"),
            Some(("2022-03-18".into(), DatePrecision::Day))
        );
        assert_eq!(
            d("https://x.org/a/20220823/b.html"),
            Some(("2022-08-23".into(), DatePrecision::Day))
        );
        assert_eq!(
            d("https://x.org/kazakh-plan-2022-06-18"),
            Some(("2022-06-18".into(), DatePrecision::Day))
        );
        assert_eq!(
            d("https://x.org/18/06/2022/story"),
            Some(("2022-06-18".into(), DatePrecision::Day))
        );
        assert_eq!(
            d("https://x.org/2022/03/"),
            Some(("2022-03-01".into(), DatePrecision::Month))
        );
        assert_eq!(d("https://2022.org/story-12345"), None);
    }

    #[test]
    fn dateline_in_parentheses() {
        let text = "Statement by X\n\n(27 March 2014, New York)\n\nThe crisis is painful and sensitive for all of the people living in the region today.\n";
        let d = date_of(text, "a.txt").date.unwrap();
        assert_eq!(d.value_string(), "2014-03-27");
        assert!(d.confidence >= 0.8);
        assert_eq!(d.source, DateSource::Text);
    }

    #[test]
    fn today_with_weekday_year() {
        let text = "On Tuesday (1 March), the president spoke about the conflict and called for peace in the region.\nThe press service reported today (2 March) that the two presidents talked over the phone.\n";
        let d = date_of(text, "a.txt").date.unwrap();
        assert_eq!(d.value_string(), "2022-03-02");
        assert!(d.confidence >= 0.75, "{d:?}");
    }

    #[test]
    fn boilerplate_dates_never_win_and_undated_says_why() {
        let body = "The ministry on Feb. 24 released a plan that many observers have discussed at length this week.";
        let text = format!(
            "{body}\n{body}\n{body}\n{body}\n\nRead more\n\nThe chancellor said on Aug. 31, 2025 that the war will last.\n"
        );
        let d = date_of(&text, "a.txt");
        assert!(d.date.is_none(), "{d:?}");
        assert!(d.note.unwrap().contains("Feb. 24"));
    }

    #[test]
    fn an_official_text_is_dated_by_its_closing_formula() {
        let body =
            "The Sides reaffirmed their commitment to the peaceful settlement of disputes in the region and beyond.";
        let text = format!(
            "Joint Statement of the Republic of Armenia and the Republic of India\n\n{body}\n\n\
             The Sides established relations on 1 March 1992.\n\n\
             Done at Yerevan on 12 November 2024, in two originals.\n\nFor the Republic of Armenia\n"
        );
        let d = date_of(&text, "a.txt").date.expect("dated by its closing line");
        assert_eq!(d.date.to_string(), "2024-11-12");
        assert!(d.reasoning.contains("closing line"), "{}", d.reasoning);
        // A date in a closing line far above the end is an event in the body.
        let long = format!("{body}\n").repeat(20);
        let text = format!("Statement\n\n{body}\n\nSigned in Astana on 5 May 2023.\n\n{long}");
        assert!(date_of(&text, "a.txt").date.is_none());
        // A date on the last line that is no closing formula dates nothing.
        let text = format!("Statement\n\n{body}\n\nThe treaty expires on 5 May 2023.\n");
        assert!(date_of(&text, "a.txt").date.is_none());
    }

    /// Document-level dating of realistic openings: (text, expected value or None, minimum confidence).
    #[test]
    fn datelines_and_bylines() {
        let body = "The foreign ministry said on Thursday that the country would keep its position on the conflict and the talks.";
        let cases: Vec<(String, Option<&str>, f32)> = vec![
            (
                format!("ASTANA, June 17. /TASS/. {body} Officials met in 2023 as well."),
                Some("2023-06-17"),
                0.4,
            ),
            (
                format!("KYIV. Dec 5 (Interfax-Ukraine) - {body} It was the second such statement in 2022."),
                Some("2022-12-05"),
                0.4,
            ),
            (format!("29/09/2023 - 10:37\n\n{body}"), Some("2023-09-29"), 0.8),
            (format!("By Jane Doe\nJune 30, 2022\n\n{body}"), Some("2022-06-30"), 0.8),
            (
                format!("Statement by the ministry\n(27 March 2014, New York)\n\n{body}"),
                Some("2014-03-27"),
                0.8,
            ),
            (
                format!("MOSCOW, Monday, 16 September 2024 - {body}"),
                Some("2024-09-16"),
                0.8,
            ),
            // A place in capitalised words, in any script, with the agency after the date.
            (
                format!("Київ, 12 лютого 2024 — Укрінформ. {body} Про це повідомив речник МЗС у понеділок."),
                Some("2024-02-12"),
                0.8,
            ),
            (
                format!("Buenos Aires, 3 March 2023. {body} More in 2023."),
                Some("2023-03-03"),
                0.8,
            ),
            // Not a word of time: "Yesterday, 11 March 2024 …" is the day before.
            (
                format!("Yesterday, 11 March 2024 was a long day. {body} More in 2024."),
                None,
                0.0,
            ),
            // Year-less dateline and no year anywhere: undated, never guessed.
            (format!("ASTANA, June 17. /TASS/. {body}"), None, 0.0),
            // A date deep in the body is an event, not a dateline.
            (
                format!(
                    "{body}\n{body} The treaty was signed on 12 May 2015 in Minsk by both sides after long talks.\n"
                ),
                None,
                0.0,
            ),
            // Dates in the future are not publication dates.
            (format!("Statement\n(27 March 2031, New York)\n\n{body}"), None, 0.0),
            // Boilerplate below the article never dates it.
            (
                format!("{body}\n{body}\n{body}\n{body}\n\nRelated articles\n\n(3 June 2025, Brussels)\n"),
                None,
                0.0,
            ),
        ];
        for (text, want, min_conf) in cases {
            let got = date_of(&text, "a.txt");
            match want {
                Some(v) => {
                    let d = got
                        .date
                        .unwrap_or_else(|| panic!("no date for {text:?}: {:?}", got.note));
                    assert_eq!(d.value_string(), v, "{text:?}");
                    assert!(d.confidence >= min_conf, "{text:?}: {d:?}");
                    assert!(!d.reasoning.is_empty());
                }
                None => assert!(got.date.is_none(), "{text:?} dated {:?}", got.date),
            }
        }
    }

    #[test]
    fn metadata_beats_text() {
        let meta = MetaDate {
            value: "2023-02-25T09:00:00+05:00".into(),
            source: DateSource::HtmlMeta,
            field: "article:published_time".into(),
        };
        let text = "Statement\n(27 March 2014, New York)\n\nThe crisis is painful and sensitive for all of the people living in the region today.";
        let d = date_document(&DatingInput {
            text,
            path: "2019-01-01.html",
            meta_date: Some(&meta),
            source_url: None,
            body_start: 0,
            boilerplate_start: None,
            today: jiff::civil::date(2026, 12, 2),
        })
        .date
        .unwrap();
        assert_eq!(
            (d.value_string(), d.source),
            ("2023-02-25".into(), DateSource::HtmlMeta)
        );
        let text2 = format!("Source: https://example.org/news/2022/03/18/astana-statement\n\n{text}");
        let layout = super::super::layout::analyse_layout(&text2);
        let d = date_document(&DatingInput {
            text: &text2,
            path: "a.txt",
            meta_date: None,
            source_url: None,
            body_start: layout.body_start,
            boilerplate_start: None,
            today: jiff::civil::date(2026, 12, 2),
        })
        .date
        .unwrap();
        assert_eq!((d.value_string(), d.source), ("2022-03-18".into(), DateSource::Url));
    }

    #[test]
    fn filename_date() {
        let d = date_of(
            "Some text without any dates in it at all, but long enough to be a body line.",
            "news/2023-02-25_kz.txt",
        )
        .date
        .unwrap();
        assert_eq!(d.value_string(), "2023-02-25");
        assert_eq!(d.source, DateSource::Filename);
    }
}

/// Converts the date finder's precision.
fn to_precision(p: super::date_expr::Precision) -> DatePrecision {
    match p {
        super::date_expr::Precision::Year => DatePrecision::Year,
        super::date_expr::Precision::Month => DatePrecision::Month,
        super::date_expr::Precision::Day => DatePrecision::Day,
    }
}

/// The date of the event a sentence reports ("On Friday, Tokayev …", "in 2014",
/// "in May 2022"): the date expression nearest to `near` (a byte offset in the
/// sentence). Expressions without a year, and relative ones, are resolved against
/// the publication date; without one they give nothing.
pub fn event_date(sentence: &str, sentence_start: usize, near: usize, pub_date: Option<&DocDate>) -> Option<EventDate> {
    event_date_among(&find_date_exprs(sentence), sentence, sentence_start, near, pub_date)
}

/// [`event_date`] with the sentence's date expressions already found (`find_date_exprs`), so
/// that several events of one sentence scan it once.
pub fn event_date_among(
    exprs: &[DateExpr],
    sentence: &str,
    sentence_start: usize,
    near: usize,
    pub_date: Option<&DocDate>,
) -> Option<EventDate> {
    let e = exprs
        .iter()
        .min_by_key(|e| (e.range.start + sentence_start).abs_diff(near))?;
    debug_assert!(
        sentence.get(e.range.clone()).is_some(),
        "date expressions lie in the sentence"
    );
    let evidence = crate::model::Span::new(sentence_start + e.range.start..sentence_start + e.range.end);
    let reference = pub_date.filter(|d| d.precision == DatePrecision::Day);
    let (date, precision, confidence, source, basis) = match e.kind {
        DateExprKind::Calendar {
            year: Some(y),
            month,
            day,
            ..
        } => {
            let p = match (month, day) {
                (Some(_), Some(_)) => DatePrecision::Day,
                (Some(_), None) => DatePrecision::Month,
                _ => DatePrecision::Year,
            };
            let date = Date::new(y, month.unwrap_or(1), day.unwrap_or(1)).ok()?;
            let conf = match p {
                DatePrecision::Day => 0.8,
                DatePrecision::Month => 0.7,
                DatePrecision::Year => 0.6,
            };
            (date, p, conf, DateSource::Text, EventDateBasis::Named)
        }
        DateExprKind::Calendar {
            year: None,
            month: Some(m),
            day,
            ..
        } => {
            let r = reference?;
            let d = day.unwrap_or(1);
            // The latest such date on or before publication.
            let mut date = Date::new(r.date.year(), m, d).ok()?;
            if date > r.date {
                date = Date::new(r.date.year() - 1, m, d).ok()?;
            }
            let p = if day.is_some() {
                DatePrecision::Day
            } else {
                DatePrecision::Month
            };
            (
                date,
                p,
                0.6 * r.confidence,
                DateSource::Inferred,
                EventDateBasis::BeforePublication(r.date),
            )
        }
        DateExprKind::Calendar { .. } => return None,
        DateExprKind::Relative { .. } | DateExprKind::Weekday { .. } => {
            let r = reference?;
            let (date, p) = super::date_expr::resolve(&e.kind, r.date)?;
            (
                date,
                to_precision(p),
                0.6 * r.confidence,
                DateSource::Inferred,
                EventDateBasis::CountedFromPublication(r.date),
            )
        }
    };
    // Normalise to the start of the period.
    let date = match precision {
        DatePrecision::Day => date,
        DatePrecision::Month => date.first_of_month(),
        DatePrecision::Year => Date::new(date.year(), 1, 1).ok()?,
    };
    Some(EventDate {
        date,
        precision,
        confidence,
        source,
        evidence,
        basis,
    })
}

#[cfg(test)]
mod event_tests {
    use super::*;
    use crate::model::DatedPeriod;

    fn pub_day(y: i16, m: i8, d: i8) -> DocDate {
        DocDate {
            date: jiff::civil::date(y, m, d),
            precision: DatePrecision::Day,
            confidence: 0.9,
            source: DateSource::Text,
            evidence: String::new(),
            evidence_range: None,
            reasoning: String::new(),
        }
    }

    #[test]
    fn event_dates_from_the_sentence() {
        let s = "The conflict has roots in the 2014 crisis, when Russia annexed Crimea.";
        let d = event_date(s, 100, 100 + s.find("annexed").unwrap(), None).unwrap();
        assert_eq!(
            (d.value_string(), d.precision, d.source),
            ("2014".into(), DatePrecision::Year, DateSource::Text)
        );
        assert_eq!(
            d.evidence.range(),
            100 + s.find("2014").unwrap()..100 + s.find("2014").unwrap() + 4
        );

        let s = "Talks fell apart in May 2022, despite compromises.";
        assert_eq!(event_date(s, 0, 0, None).unwrap().value_string(), "2022-05");

        // Relative and year-less expressions need the publication date.
        let s = "Tokayev was quoted as saying on Monday that the war must end.";
        assert!(event_date(s, 0, 0, None).is_none());
        let d = event_date(s, 0, 0, Some(&pub_day(2024, 9, 17))).unwrap();
        assert_eq!(d.value_string(), "2024-09-16");
        assert_eq!(d.source, DateSource::Inferred);
        let s = "The president in November urged a formula for peace.";
        assert_eq!(
            event_date(s, 0, 0, Some(&pub_day(2023, 2, 25))).unwrap().value_string(),
            "2022-11"
        );
        assert!(event_date("No date here at all.", 0, 0, Some(&pub_day(2023, 2, 25))).is_none());
    }

    /// The compact event date writes out the evidence and reasoning it stands for, from the
    /// document text, for each way a date is read.
    #[test]
    fn event_dates_write_out_evidence_and_reasoning() {
        let text = "Header line.\nOn 11 December 2020 , Kazakhstan abstained. On 2 March the envoy spoke. \
                    On Monday the minister urged talks.";
        let at = |needle: &str| text.find(needle).unwrap();
        let full = |sentence: &str, pub_date: Option<&DocDate>| {
            let start = at(sentence);
            event_date(sentence, start, start, pub_date).map(|e| e.to_doc_date(text))
        };
        let named = full("On 11 December 2020 , Kazakhstan abstained.", None).unwrap();
        assert_eq!(named.evidence, "11 December 2020");
        assert_eq!(named.reasoning, "the sentence names “11 December 2020”");
        assert_eq!(&text[named.evidence_range.clone().unwrap()].trim(), &"11 December 2020");
        let published = pub_day(2023, 2, 25);
        let before = full("On 2 March the envoy spoke.", Some(&published)).unwrap();
        assert_eq!(before.value_string(), "2022-03-02");
        assert_eq!(before.reasoning, "“2 March” before the publication date 2023-02-25");
        let counted = full("On Monday the minister urged talks.", Some(&published)).unwrap();
        assert_eq!(counted.value_string(), "2023-02-20");
        assert_eq!(
            counted.reasoning,
            "“Monday” counted from the publication date 2023-02-25"
        );
        assert_eq!(counted.source, DateSource::Inferred);
    }
}
