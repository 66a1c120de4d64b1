//! Sentence splitting that survives "Feb.", "Mr." and initials.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Words that end with a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "st", "jr",
    "sr", "vs", "etc", "no", "nos", "inc", "ltd", "co", "corp", "dept", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig", "vol", "art", "para", "pp", "e.g", "i.e", "u.s",
    "u.k", "u.n", "a.m", "p.m", "г", "гг", "т.е", "т.д", "им", "ул", "см",
];

/// Splits `text` into sentences: every line is a boundary, and within a line the
/// Unicode sentence rules apply, except after abbreviations and initials. Returned
/// ranges are trimmed and never empty.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line, &mut out);
        line_start += line.len();
    }
    out
}

fn split_line(text: &str, line_start: usize, line: &str, out: &mut Vec<Range<usize>>) {
    let mut pending: Option<Range<usize>> = None;
    for (i, seg) in line.split_sentence_bound_indices() {
        let start = line_start + i;
        let range = start..start + seg.len();
        pending = Some(match pending {
            Some(p) if !ends_sentence(&text[p.clone()], seg) => p.start..range.end,
            Some(p) => {
                push_trimmed(text, p, out);
                range
            }
            None => range,
        });
    }
    if let Some(p) = pending {
        push_trimmed(text, p, out);
    }
}

/// Whether `prev` really ends a sentence, given the segment that follows.
fn ends_sentence(prev: &str, next: &str) -> bool {
    let trimmed = prev.trim_end();
    let next_first = next.trim_start().chars().next();
    if next_first.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
        return false;
    }
    let Some(body) = trimmed.strip_suffix('.') else {
        return true;
    };
    let last_word = body
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let lw = last_word.to_lowercase();
    if ABBREVIATIONS.contains(&lw.as_str()) {
        return false;
    }
    // Initials: "N.A." or a single capital letter.
    let letters: Vec<char> = last_word.chars().filter(|c| *c != '.').collect();
    if !letters.is_empty() && letters.len() <= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    true
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
    }

    #[test]
    fn lines_are_boundaries_and_blank_lines_vanish() {
        assert_eq!(
            split("Title line\n\n  Body one. Body two.\n"),
            ["Title line", "Body one.", "Body two."]
        );
    }

    #[test]
    fn quotes_end_sentences() {
        let s = "“We call on both states. There is no other way.” He left.";
        assert_eq!(
            split(s),
            ["“We call on both states.", "There is no other way.”", "He left."]
        );
    }
}
