//! Aligning two documents passage by passage, and word diffs inside aligned pairs.
//!
//! Sentences are compared by the overlap of their content words (folded, crudely
//! stemmed); a dynamic-programming pass then finds the best in-order alignment, so
//! reworded translations of one statement line up and unmatched passages become gaps.

use super::text::{fold, tokenize};
use similar::{ChangeTag, TextDiff};
use std::collections::HashSet;

/// Pairs below this similarity are not aligned.
pub const MIN_SIMILARITY: f32 = 0.25;

/// One row of a side-by-side alignment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AlignedRow {
    /// Sentence `left` of A lines up with sentence `right` of B.
    Pair {
        /// Sentence index in A.
        left: usize,
        /// Sentence index in B.
        right: usize,
        /// 0..=1 content-word overlap.
        similarity: f32,
    },
    /// Only in A.
    LeftOnly(usize),
    /// Only in B.
    RightOnly(usize),
}

const STOPWORDS: &[&str] = &[
    "the", "and", "for", "that", "with", "from", "this", "its", "has", "have", "had", "was", "were", "are", "which",
    "their", "there", "also", "but", "not", "been", "will", "would", "can", "into", "onto", "than", "then", "they",
    "them", "our", "who", "whom", "such", "these", "those", "about", "said", "what",
];

fn stem(w: &str) -> String {
    for suf in ["ing", "ed", "es", "s", "ly"] {
        if w.len() > suf.len() + 3 && w.ends_with(suf) {
            return w[..w.len() - suf.len()].to_string();
        }
    }
    w.to_string()
}

/// The content-word set of a passage.
pub fn content_words(s: &str) -> HashSet<String> {
    tokenize(&fold(s))
        .into_iter()
        .map(|t| t.text.trim_end_matches("'s").to_string())
        .filter(|w| w.chars().count() > 2 && !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

/// Dice coefficient of two word sets.
pub fn similarity(a: &HashSet<String>, b: &HashSet<String>) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(b).count();
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

/// Best in-order alignment of passages `a` and `b`.
pub fn align(a: &[&str], b: &[&str]) -> Vec<AlignedRow> {
    let wa: Vec<_> = a.iter().map(|s| content_words(s)).collect();
    let wb: Vec<_> = b.iter().map(|s| content_words(s)).collect();
    let (n, m) = (a.len(), b.len());
    // score[i][j]: best total similarity aligning a[i..] with b[j..].
    let mut score = vec![vec![0.0f32; m + 1]; n + 1];
    let sim = |i: usize, j: usize| similarity(&wa[i], &wb[j]);
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let s = sim(i, j);
            let pair = if s >= MIN_SIMILARITY {
                s + score[i + 1][j + 1]
            } else {
                f32::MIN
            };
            score[i][j] = pair.max(score[i + 1][j]).max(score[i][j + 1]);
        }
    }
    let mut rows = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let s = sim(i, j);
        if s >= MIN_SIMILARITY && (score[i][j] - (s + score[i + 1][j + 1])).abs() < 1e-6 {
            rows.push(AlignedRow::Pair {
                left: i,
                right: j,
                similarity: s,
            });
            i += 1;
            j += 1;
        } else if (score[i][j] - score[i + 1][j]).abs() < 1e-6 {
            rows.push(AlignedRow::LeftOnly(i));
            i += 1;
        } else {
            rows.push(AlignedRow::RightOnly(j));
            j += 1;
        }
    }
    rows.extend((i..n).map(AlignedRow::LeftOnly));
    rows.extend((j..m).map(AlignedRow::RightOnly));
    rows
}

/// A piece of a word diff.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffSegment {
    /// The text.
    pub text: String,
    /// True when this side has it and the other does not.
    pub changed: bool,
}

/// Word-level diff: the segments of `a` and of `b`, with what differs marked.
pub fn word_diff(a: &str, b: &str) -> (Vec<DiffSegment>, Vec<DiffSegment>) {
    let diff = TextDiff::from_words(a, b);
    let (mut left, mut right) = (Vec::new(), Vec::new());
    let push = |v: &mut Vec<DiffSegment>, text: &str, changed: bool| match v.last_mut() {
        Some(last) if last.changed == changed => last.text.push_str(text),
        _ => v.push(DiffSegment {
            text: text.to_string(),
            changed,
        }),
    };
    for change in diff.iter_all_changes() {
        let t = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                push(&mut left, t, false);
                push(&mut right, t, false);
            }
            ChangeTag::Delete => push(&mut left, t, !t.trim().is_empty()),
            ChangeTag::Insert => push(&mut right, t, !t.trim().is_empty()),
        }
    }
    (left, right)
}

/// Pairs of passages lists (documents) ordered by similarity of their content
/// words, best first; only pairs at or above `min_similarity`, at most `max_pairs`.
/// Quadratic in the number of documents: callers limit it to small corpora.
pub fn suggest_pairs(docs: &[&str], min_similarity: f32, max_pairs: usize) -> Vec<(usize, usize, f32)> {
    let words: Vec<HashSet<String>> = docs.iter().map(|d| content_words(d)).collect();
    let mut pairs = Vec::new();
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let s = similarity(&words[i], &words[j]);
            if s >= min_similarity {
                pairs.push((i, j, s));
            }
        }
    }
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2));
    pairs.truncate(max_pairs);
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reworded_translations_line_up_and_extras_become_gaps() {
        let a = [
            "The Republic of Kazakhstan, approving the position of China on the settlement, says the plan is worthy of support.",
            "The weather was fine.",
            "We advocate that the parties show goodwill and sit down at the negotiating table.",
        ];
        let b = [
            "An unrelated opening line about markets.",
            "The Republic of Kazakhstan welcomes the position of China regarding the settlement, which deserves support.",
            "The ministry called for the parties to show goodwill and sit down at the negotiating table.",
        ];
        let rows = align(&a, &b);
        let pairs: Vec<(usize, usize)> = rows
            .iter()
            .filter_map(|r| match r {
                AlignedRow::Pair { left, right, .. } => Some((*left, *right)),
                _ => None,
            })
            .collect();
        assert_eq!(pairs, [(0, 1), (2, 2)]);
        assert!(rows.contains(&AlignedRow::LeftOnly(1)));
        assert!(rows.contains(&AlignedRow::RightOnly(0)));
    }

    #[test]
    fn word_diff_marks_only_changes() {
        let (l, r) = word_diff("it is worthy of support", "it deserves support");
        let changed_l: String = l.iter().filter(|s| s.changed).map(|s| s.text.as_str()).collect();
        let changed_r: String = r.iter().filter(|s| s.changed).map(|s| s.text.as_str()).collect();
        assert!(changed_l.contains("worthy"));
        assert!(changed_r.contains("deserves"));
        assert!(!changed_r.contains("support"));
    }
}
