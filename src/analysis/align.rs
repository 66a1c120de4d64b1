//! Aligning two documents passage by passage, and word diffs inside aligned pairs.
//!
//! Sentences are compared by the overlap of their content words (folded, crudely
//! stemmed); a dynamic-programming pass then finds the best in-order alignment, so
//! reworded translations of one statement line up and unmatched passages become gaps.
//! [`align_with_moves`] then pairs passages that only moved (a paragraph placed
//! elsewhere in the other document).
//!
//! Long documents: similarities are computed only for pairs of passages that share a
//! content word (an inverted index over interned words), and the score table is kept
//! as checkpoint rows (about `2·√n` rows of `m` scores) and recomputed block by block
//! while tracing back, so time is `O(n·m)` cheap float steps plus the shared-word
//! pairs, and memory is `O(√n·m)`. Results are the same as with the full table.

use super::text::{fold, tokenize};
use similar::{ChangeTag, TextDiff};
use std::collections::{HashMap, HashSet};

/// Pairs below this similarity are not aligned.
pub const MIN_SIMILARITY: f32 = 0.25;

/// Passages left over by the in-order alignment are paired as moved when at least this
/// similar (stricter than [`MIN_SIMILARITY`]: a move is claimed only for clear matches).
pub const MOVE_MIN_SIMILARITY: f32 = 0.5;

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
    /// Sentence `left` of A matches sentence `right` of B, which stands elsewhere in B
    /// (out of order): the row is placed at A's position. Only [`align_with_moves`]
    /// produces it.
    Moved {
        /// Sentence index in A.
        left: usize,
        /// Sentence index in B.
        right: usize,
        /// 0..=1 content-word overlap.
        similarity: f32,
    },
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
    dice(common, a.len(), b.len())
}

/// Dice coefficient from the shared count and the two set sizes (the one formula, so
/// that the indexed search gives bit-identical similarities).
fn dice(common: usize, a: usize, b: usize) -> f32 {
    2.0 * common as f32 / (a + b) as f32
}

/// For each passage of A, `(index in B, similarity)` of the passages of B it may pair
/// with, sorted by index.
type Candidates = Vec<Vec<(u32, f32)>>;

/// The candidates at or above `min` similarity.
///
/// Only pairs sharing a content word can reach `min > 0`, so the shared counts are
/// accumulated through an inverted index of B's words instead of comparing every pair.
fn candidates(a: &[&str], b: &[&str], min: f32) -> Candidates {
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut intern = |s: &str| -> Vec<u32> {
        let mut ids: Vec<u32> = content_words(s)
            .into_iter()
            .map(|w| {
                let next = vocab.len() as u32;
                *vocab.entry(w).or_insert(next)
            })
            .collect();
        ids.sort_unstable();
        ids
    };
    let wa: Vec<Vec<u32>> = a.iter().map(|s| intern(s)).collect();
    let wb: Vec<Vec<u32>> = b.iter().map(|s| intern(s)).collect();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
    for (j, words) in wb.iter().enumerate() {
        for &w in words {
            postings[w as usize].push(j as u32);
        }
    }
    let mut shared = vec![0u32; b.len()];
    let mut touched: Vec<u32> = Vec::new();
    wa.iter()
        .map(|words| {
            for &w in words {
                for &j in &postings[w as usize] {
                    if shared[j as usize] == 0 {
                        touched.push(j);
                    }
                    shared[j as usize] += 1;
                }
            }
            touched.sort_unstable();
            let row: Vec<(u32, f32)> = touched
                .iter()
                .filter_map(|&j| {
                    let s = dice(shared[j as usize] as usize, words.len(), wb[j as usize].len());
                    shared[j as usize] = 0;
                    (s >= min).then_some((j, s))
                })
                .collect();
            touched.clear();
            row
        })
        .collect()
}

/// The similarity of `a[i]` and `b[j]` if it is a candidate.
fn candidate(cands: &Candidates, i: usize, j: usize) -> Option<f32> {
    let row = &cands[i];
    row.binary_search_by_key(&(j as u32), |c| c.0).ok().map(|k| row[k].1)
}

/// Row `i` of the score table from row `i + 1` (`next`): `out[j]` is the best total
/// similarity aligning `a[i..]` with `b[j..]`.
fn score_row(cands: &[(u32, f32)], next: &[f32], out: &mut [f32]) {
    let m = out.len() - 1;
    out[m] = 0.0;
    let mut k = cands.len();
    for j in (0..m).rev() {
        let pair = if k > 0 && cands[k - 1].0 as usize == j {
            k -= 1;
            cands[k].1 + next[j + 1]
        } else {
            f32::MIN
        };
        out[j] = pair.max(next[j]).max(out[j + 1]);
    }
}

/// The `(n + 1) × (m + 1)` score table, kept as every `block`-th row and recomputed one
/// block at a time on demand (trace-back walks the rows in increasing order, so each
/// block is recomputed once).
struct ScoreTable<'a> {
    cands: &'a Candidates,
    n: usize,
    m: usize,
    block: usize,
    /// Rows `0, block, 2·block, …` (those `< n`).
    checkpoints: Vec<Vec<f32>>,
    /// First row held in `rows`, and rows `start..=min(start + block, n)`.
    start: Option<usize>,
    rows: Vec<Vec<f32>>,
}

impl<'a> ScoreTable<'a> {
    fn new(cands: &'a Candidates, m: usize) -> Self {
        let n = cands.len();
        let block = ((n + 1) as f64).sqrt().ceil().max(1.0) as usize;
        let mut checkpoints = vec![Vec::new(); n.div_ceil(block)];
        let mut next = vec![0.0f32; m + 1];
        let mut cur = vec![0.0f32; m + 1];
        for i in (0..n).rev() {
            score_row(&cands[i], &next, &mut cur);
            if i % block == 0 {
                checkpoints[i / block] = cur.clone();
            }
            std::mem::swap(&mut next, &mut cur);
        }
        ScoreTable {
            cands,
            n,
            m,
            block,
            checkpoints,
            start: None,
            rows: Vec::new(),
        }
    }

    /// Rows `i` and `i + 1` (`i < n`).
    fn rows(&mut self, i: usize) -> (&[f32], &[f32]) {
        let start = i / self.block * self.block;
        if self.start != Some(start) {
            let end = (start + self.block).min(self.n);
            let mut rows = vec![Vec::new(); end - start + 1];
            rows[end - start] = match self.checkpoints.get(end / self.block) {
                Some(row) if end < self.n => row.clone(),
                _ => vec![0.0; self.m + 1],
            };
            for r in (start..end).rev() {
                let mut out = vec![0.0; self.m + 1];
                score_row(&self.cands[r], &rows[r + 1 - start], &mut out);
                rows[r - start] = out;
            }
            self.rows = rows;
            self.start = Some(start);
        }
        (&self.rows[i - start], &self.rows[i + 1 - start])
    }
}

/// The in-order alignment traced through the score table.
fn trace(cands: &Candidates, m: usize) -> Vec<AlignedRow> {
    let n = cands.len();
    let mut table = ScoreTable::new(cands, m);
    let mut rows = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let s = candidate(cands, i, j);
        let (cur, next) = table.rows(i);
        if let Some(s) = s
            && (cur[j] - (s + next[j + 1])).abs() < 1e-6
        {
            rows.push(AlignedRow::Pair {
                left: i,
                right: j,
                similarity: s,
            });
            i += 1;
            j += 1;
        } else if (cur[j] - next[j]).abs() < 1e-6 {
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

/// Best in-order alignment of passages `a` and `b`.
pub fn align(a: &[&str], b: &[&str]) -> Vec<AlignedRow> {
    trace(&candidates(a, b, MIN_SIMILARITY), b.len())
}

/// [`align`], then passages left over on both sides are paired when they match
/// clearly (at least [`MOVE_MIN_SIMILARITY`]), best matches first, each passage once:
/// a paragraph moved elsewhere in B becomes [`AlignedRow::Moved`] rows at A's
/// position (and its B sentences no longer appear as [`AlignedRow::RightOnly`]).
pub fn align_with_moves(a: &[&str], b: &[&str]) -> Vec<AlignedRow> {
    let cands = candidates(a, b, MIN_SIMILARITY);
    let rows = trace(&cands, b.len());
    let mut right_free = vec![false; b.len()];
    for r in &rows {
        if let AlignedRow::RightOnly(j) = r {
            right_free[*j] = true;
        }
    }
    let mut moves: Vec<(f32, usize, usize)> = rows
        .iter()
        .filter_map(|r| match r {
            AlignedRow::LeftOnly(i) => Some(*i),
            _ => None,
        })
        .flat_map(|i| {
            cands[i]
                .iter()
                .filter(|(j, s)| right_free[*j as usize] && *s >= MOVE_MIN_SIMILARITY)
                .map(move |(j, s)| (*s, i, *j as usize))
        })
        .collect();
    moves.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut left_match: HashMap<usize, (usize, f32)> = HashMap::new();
    for (s, i, j) in moves {
        if right_free[j] && !left_match.contains_key(&i) {
            right_free[j] = false;
            left_match.insert(i, (j, s));
        }
    }
    rows.into_iter()
        .filter_map(|r| match r {
            AlignedRow::LeftOnly(i) => Some(match left_match.get(&i) {
                Some(&(right, similarity)) => AlignedRow::Moved {
                    left: i,
                    right,
                    similarity,
                },
                None => r,
            }),
            AlignedRow::RightOnly(j) if !right_free[j] => None,
            r => Some(r),
        })
        .collect()
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

    /// The alignment as it was first written: every pair compared, full score table.
    fn reference_align(a: &[&str], b: &[&str]) -> Vec<AlignedRow> {
        let wa: Vec<_> = a.iter().map(|s| content_words(s)).collect();
        let wb: Vec<_> = b.iter().map(|s| content_words(s)).collect();
        let (n, m) = (a.len(), b.len());
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

    /// Deterministic pseudo-random sentences over a small vocabulary (many ties and
    /// near-ties, the hard case for an equivalent trace-back).
    fn sentences(seed: u64, n: usize) -> Vec<String> {
        const WORDS: [&str; 24] = [
            "ministry",
            "ukraine",
            "support",
            "plan",
            "peace",
            "ceasefire",
            "sanctions",
            "talks",
            "grain",
            "border",
            "delegation",
            "resolution",
            "territorial",
            "integrity",
            "dialogue",
            "energy",
            "trade",
            "prisoners",
            "statement",
            "position",
            "neutral",
            "summit",
            "crisis",
            "settlement",
        ];
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        (0..n)
            .map(|_| {
                let len = 2 + (next() % 7) as usize;
                let words: Vec<&str> = (0..len)
                    .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
                    .collect();
                words.join(" the ") + "."
            })
            .collect()
    }

    #[test]
    fn indexed_alignment_equals_the_full_table() {
        for seed in 0..60u64 {
            let (n, m) = ((seed % 13) as usize, ((seed * 7) % 17) as usize);
            let a = sentences(seed, n);
            let b = sentences(seed + 1000, m);
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            let b: Vec<&str> = b.iter().map(String::as_str).collect();
            assert_eq!(align(&a, &b), reference_align(&a, &b), "seed {seed}: {n}×{m}");
        }
        // Larger, with blocks of the checkpointed table recomputed many times.
        let a = sentences(7, 300);
        let b = sentences(8, 260);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let b: Vec<&str> = b.iter().map(String::as_str).collect();
        assert_eq!(align(&a, &b), reference_align(&a, &b));
    }

    #[test]
    fn moved_passages_pair_with_their_counterparts() {
        let a = [
            "The harvest of winter wheat in the northern provinces was larger than expected.",
            "Parliament approved the budget for new railway lines to the coast.",
            "The central bank kept its interest rate unchanged at the monthly meeting.",
            "The weather was fine.",
        ];
        let b = [
            "The central bank kept the interest rate unchanged at its monthly meeting.",
            "The harvest of winter wheat in northern provinces was larger than forecast.",
            "Parliament approved a budget for railway lines to the coast.",
            "Something else entirely about football.",
        ];
        let in_order = align(&a, &b);
        assert!(in_order.contains(&AlignedRow::LeftOnly(2)), "{in_order:?}");
        let rows = align_with_moves(&a, &b);
        let matched: Vec<(usize, usize)> = rows
            .iter()
            .filter_map(|r| match r {
                AlignedRow::Pair { left, right, .. } | AlignedRow::Moved { left, right, .. } => Some((*left, *right)),
                _ => None,
            })
            .collect();
        assert_eq!(matched, [(0, 1), (1, 2), (2, 0)]);
        assert!(matches!(rows[2], AlignedRow::Moved { left: 2, right: 0, .. }));
        assert!(rows.contains(&AlignedRow::LeftOnly(3)));
        assert!(rows.contains(&AlignedRow::RightOnly(3)));
        assert!(
            !rows.contains(&AlignedRow::RightOnly(0)),
            "a moved passage is not also a gap"
        );
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
