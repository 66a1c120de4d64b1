//! The most similar document pairs of a corpus of any size, without comparing every pair.
//!
//! Documents are sets of content words; two are similar by the Dice coefficient of their
//! sets, as in [`super::align::similarity`]. A pair at or above a threshold `t` has Jaccard
//! similarity at least `t / (2 − t)`, and the "prefix filter" of all-pairs similarity search
//! (Bayardo, Ma and Srikant 2007) then guarantees that the pair shares a word among the first
//! few words of each set when words are ordered rarest first. So only pairs sharing such a
//! word are counted exactly; the result is the same as comparing every pair.

use std::collections::HashMap;
use std::hash::Hash;

/// A document's content words as 64-bit hashes (what [`similar_pairs`] takes for a large
/// corpus: eight bytes a word instead of a string; two of 10⁶ distinct words collide with
/// probability about 3 × 10⁻⁸).
pub fn word_hashes(words: impl IntoIterator<Item = String>) -> Vec<u64> {
    use std::hash::Hasher;
    let mut v: Vec<u64> = words
        .into_iter()
        .map(|w| {
            let mut h = std::hash::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Documents as sorted word ranks (rarest word first), from their word lists.
fn ranked_sets<W: Hash + Ord>(docs: &[Vec<W>]) -> Vec<Vec<u32>> {
    let mut df: HashMap<&W, u32> = HashMap::new();
    let sets: Vec<Vec<&W>> = docs
        .iter()
        .map(|words| {
            let mut v: Vec<&W> = words.iter().collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    for set in &sets {
        for w in set {
            *df.entry(*w).or_default() += 1;
        }
    }
    // Rank: rarest first, ties by the word, so the order is total and deterministic.
    let mut vocab: Vec<(&W, u32)> = df.into_iter().collect();
    vocab.sort_unstable_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
    let rank: HashMap<&W, u32> = vocab.iter().enumerate().map(|(i, (w, _))| (*w, i as u32)).collect();
    sets.into_iter()
        .map(|set| {
            let mut r: Vec<u32> = set.iter().map(|w| rank[w]).collect();
            r.sort_unstable();
            r
        })
        .collect()
}

/// Size of the intersection of two sorted, duplicate-free lists (one merge pass).
pub fn sorted_common_count<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice coefficient, the same formula as [`super::align::similarity`].
fn dice(common: usize, a: usize, b: usize) -> f32 {
    2.0 * common as f32 / (a + b) as f32
}

/// Pairs `(i, j, similarity)` with `i < j` of documents (given as their content words) whose
/// Dice similarity is at least `min_dice` (> 0), best first (ties by index), at most
/// `max_pairs`. `cancelled` is polled between documents; when it returns true the search
/// stops and returns what it has.
///
/// When few pairs are wanted, stricter thresholds are tried first: if one already yields
/// `max_pairs` pairs, every better pair is among them, and the search (whose cost falls
/// steeply with the threshold) ends there with the same answer.
pub fn similar_pairs<W: Hash + Ord>(
    docs: &[Vec<W>],
    min_dice: f32,
    max_pairs: usize,
    cancelled: &dyn Fn() -> bool,
) -> Vec<(usize, usize, f32)> {
    assert!(min_dice > 0.0 && min_dice <= 1.0, "threshold in (0, 1]");
    let sets = ranked_sets(docs);
    let mut thresholds: Vec<f32> = [0.95, 0.8, 0.65].into_iter().filter(|t| *t > min_dice).collect();
    thresholds.push(min_dice);
    let mut pairs = Vec::new();
    for t in thresholds {
        pairs = join(&sets, t, cancelled);
        if pairs.len() >= max_pairs || cancelled() {
            break;
        }
    }
    pairs.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    pairs.truncate(max_pairs);
    pairs
}

/// Every pair of `sets` with Dice similarity ≥ `min_dice`: prefix filtering with the length
/// and positional filters of PPJoin (Xiao et al. 2008), then an exact count of the shared
/// words of each pair that survives.
fn join(sets: &[Vec<u32>], min_dice: f32, cancelled: &dyn Fn() -> bool) -> Vec<(usize, usize, f32)> {
    // Jaccard threshold implied by the Dice threshold, a hair lower against rounding.
    let jaccard = f64::from(min_dice) / (2.0 - f64::from(min_dice)) - 1e-9;
    let prefix_len = |n: usize| n - ((jaccard * n as f64).ceil() as usize).min(n) + 1;
    // Shared words two sets of sizes a and b need for Jaccard ≥ j: o ≥ j (a + b) / (1 + j).
    let needed = |a: usize, b: usize| (jaccard * (a + b) as f64 / (1.0 + jaccard)).ceil() as usize;
    // Word rank → (document, position of the word in it) for the prefixes seen so far.
    let mut index: HashMap<u32, Vec<(u32, u32)>> = HashMap::new();
    // Per earlier document: shared prefix words counted for the current one, or DEAD.
    const DEAD: u32 = u32::MAX;
    let mut acc: Vec<u32> = vec![0; sets.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
    for (i, x) in sets.iter().enumerate() {
        if cancelled() {
            break;
        }
        if x.is_empty() {
            continue;
        }
        let px = prefix_len(x.len()).min(x.len());
        for (p, w) in x[..px].iter().enumerate() {
            if let Some(list) = index.get(w) {
                for &(k, q) in list {
                    let k = k as usize;
                    if acc[k] == DEAD {
                        continue;
                    }
                    let y = &sets[k];
                    // Length filter: Jaccard ≥ j needs the smaller set ≥ j × the larger.
                    let (small, large) = (x.len().min(y.len()) as f64, x.len().max(y.len()) as f64);
                    // Positional filter: the words after this one bound what can still be shared.
                    let rest = (x.len() - p - 1).min(y.len() - q as usize - 1);
                    if small < jaccard * large || (acc[k] as usize) + 1 + rest < needed(x.len(), y.len()) {
                        if acc[k] == 0 {
                            touched.push(k as u32);
                        }
                        acc[k] = DEAD;
                        continue;
                    }
                    if acc[k] == 0 {
                        touched.push(k as u32);
                    }
                    acc[k] += 1;
                }
            }
            index.entry(*w).or_default().push((i as u32, p as u32));
        }
        for &k in &touched {
            let k = k as usize;
            if acc[k] != DEAD && acc[k] > 0 {
                let y = &sets[k];
                let s = dice(sorted_common_count(x, y), x.len(), y.len());
                if s >= min_dice {
                    pairs.push((k, i, s));
                }
            }
            acc[k] = 0;
        }
        touched.clear();
    }
    pairs
}

/// Which threads [`similar_documents`] reads the documents' words on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Workers {
    /// The calling thread alone. A UI thread must use this: the shared thread pool may be busy
    /// with a folder's load, and waiting for it would freeze the window until the load's batch
    /// is done.
    CallingThread,
    /// Every core (rayon's shared pool), for a background thread.
    AllCores,
}

/// The corpus's most similar document pairs by the content words of their passages outside
/// boilerplate (Dice ≥ `min_dice`), best first, at most `max_pairs`; words are read on the
/// `workers` threads. `cancelled` is polled as in [`similar_pairs`].
pub fn similar_documents(
    corpus: &crate::model::Corpus,
    min_dice: f32,
    max_pairs: usize,
    workers: Workers,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Vec<(crate::model::DocId, crate::model::DocId, f32)> {
    use rayon::prelude::*;
    let read = |d: &crate::model::Document| {
        if cancelled() {
            return Vec::new();
        }
        word_hashes(super::align::content_words(&d.content_text()))
    };
    let words: Vec<Vec<u64>> = match workers {
        Workers::CallingThread => corpus.documents.iter().map(read).collect(),
        Workers::AllCores => corpus.documents.par_iter().map(read).collect(),
    };
    if cancelled() {
        return Vec::new();
    }
    similar_pairs(&words, min_dice, max_pairs, cancelled)
        .into_iter()
        .map(|(a, b, s)| (crate::model::DocId(a as u32), crate::model::DocId(b as u32), s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair compared: what the indexed search must reproduce.
    fn brute_force(docs: &[Vec<String>], min: f32, max: usize) -> Vec<(usize, usize, f32)> {
        let sets: Vec<std::collections::HashSet<String>> = docs.iter().map(|d| d.iter().cloned().collect()).collect();
        let mut pairs = Vec::new();
        for i in 0..sets.len() {
            for j in i + 1..sets.len() {
                if sets[i].is_empty() || sets[j].is_empty() {
                    continue;
                }
                let c = sets[i].intersection(&sets[j]).count();
                let s = dice(c, sets[i].len(), sets[j].len());
                if s >= min {
                    pairs.push((i, j, s));
                }
            }
        }
        pairs.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
        pairs.truncate(max);
        pairs
    }

    /// Documents drawn from a skewed vocabulary, with some near-copies of earlier ones.
    fn corpus(n: usize, seed: u64) -> Vec<Vec<String>> {
        let mut state = seed;
        let mut next = |m: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % m
        };
        let mut docs: Vec<Vec<String>> = Vec::new();
        for i in 0..n {
            if i > 3 && next(4) == 0 {
                // A rewrite of an earlier document: some words dropped, some added.
                let mut d: Vec<String> = docs[next(i as u64) as usize].clone();
                d.retain(|_| next(5) != 0);
                for _ in 0..next(6) {
                    d.push(format!("w{}", next(3000)));
                }
                docs.push(d);
            } else {
                let len = 5 + next(60) as usize;
                // Skewed: small word numbers are common.
                docs.push(
                    (0..len)
                        .map(|_| {
                            let range = 1 + next(3000);
                            format!("w{}", next(range))
                        })
                        .collect(),
                );
            }
        }
        docs.push(Vec::new());
        docs
    }

    #[test]
    fn the_indexed_search_finds_exactly_the_pairs_every_comparison_finds() {
        for (seed, min) in [(1, 0.5), (2, 0.3), (3, 0.7), (4, 0.15), (5, 1.0)] {
            let docs = corpus(400, seed);
            let fast = similar_pairs(&docs, min, usize::MAX, &|| false);
            let slow = brute_force(&docs, min, usize::MAX);
            assert_eq!(fast, slow, "seed {seed}, threshold {min}");
            assert!(min >= 1.0 || !fast.is_empty(), "the rewrites are found (seed {seed})");
        }
        let docs = corpus(300, 9);
        assert_eq!(similar_pairs(&docs, 0.4, 5, &|| false), brute_force(&docs, 0.4, 5));
    }

    #[test]
    fn sorted_common_count_counts_common_items_of_sorted_lists() {
        assert_eq!(sorted_common_count(&[1, 3, 5, 7, 9], &[2, 3, 4, 5, 9, 10]), 3);
        assert_eq!(sorted_common_count::<u32>(&[], &[1, 2]), 0);
        assert_eq!(sorted_common_count(&[1, 2, 3], &[1, 2, 3]), 3);
    }

    #[test]
    fn a_cancelled_search_stops() {
        let docs = corpus(200, 7);
        assert!(similar_pairs(&docs, 0.5, 10, &|| true).is_empty());
    }
}
