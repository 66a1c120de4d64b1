//! Copies of one statement: the same position reported by several outlets, verbatim
//! (syndication) or reworded (another translation of the same official text).
//!
//! # The rule
//!
//! Two stance events are **copies** of one statement when all of these hold:
//!
//! 1. same actor and same target;
//! 2. same direction: both scores above `+0.1`, both below `-0.1`, or both within `±0.1`;
//! 3. different documents;
//! 4. when both documents are dated, the dates lie within [`CopyRule::window_days`] (14 days
//!    by default) of each other. A date with month or year precision stands for its whole
//!    period; an undated document is compared with every date;
//! 5. their evidence passages are near-duplicates: [`passage_similarity`] is at least
//!    [`CopyRule::min_similarity`] ([`MIN_SIMILARITY`], 0.5 by default).
//!
//! Copies are grouped transitively (union-find): if A copies B and B copies C, all three are
//! one group, even when A and C alone would fall short (so two events of one document, a lead
//! paragraph and a quotation, can share a group through a copy elsewhere). A group's
//! **representative** is its earliest-dated event (undated after dated; ties go to the lower
//! document id, then the lower stance id); the other members are its copies, in that order.
//!
//! # Passage similarity
//!
//! Each event's passage is its evidence sentence `E` and the sentences just before and after
//! it (`P` = previous + `E`, `N` = `E` + next, `W` = previous + `E` + next; trailing page
//! boilerplate is never a neighbour). Each span becomes a set of content-word stems: text folded
//! (case, diacritics, apostrophes), split into words, English stop words and reporting verbs
//! ("said", "told") dropped, common suffixes stripped ("-ing", "-ed", "-es", "-s", "-ly",
//! "-al", "-ment", "-ation", final "-e": *welcomes*/*welcome*, *states*/*state*,
//! *principles*/*principle* meet), and the words of the actor's and target's own names,
//! aliases and mentions in the passage ("Astana", "Kazakh") dropped: every event compared
//! shares them, so they say nothing.
//!
//! The similarity is `min(best, gate)`, where
//!
//! * `best` is the highest Dice coefficient `2|x∩y| / (|x|+|y|)` over all pairs of spans
//!   (`E`,`P`,`N`,`W` of one against `E`,`P`,`N`,`W` of the other) that share at least
//!   [`MIN_SHARED_WORDS`] words: the neighbours absorb different sentence splitting (one
//!   translation's sentence is two in the other) and let short evidence sentences match
//!   through their copied context;
//! * `gate` is the overlap coefficient `|E₁∩E₂| / min(|E₁|,|E₂|)` of the two evidence
//!   sentences alone, so that matching neighbours never make two *different* sentences of a
//!   syndicated article copies of each other;
//!
//! and it is 0 when both evidence sentences contain numbers (proper data: dates, counts,
//! "12-point") and share none of them — translations and copies keep their numbers.
//!
//! # Threshold
//!
//! [`MIN_SIMILARITY`] = 0.5: half of the content words in common by Dice (Jaccard 1/3), and at
//! least half of the shorter evidence sentence's words in the other. Calibrated on the sample
//! corpus, where 000 and 001 are two English translations of one Kazakh Foreign Ministry
//! statement and none of the five documents is dated exactly (see the tests):
//!
//! | pair (Kazakhstan → target) | similarity |
//! |---|---:|
//! | 000 quotation / 001 quotation (→ China, → Ukraine, → peace process) | 0.72, 0.73, 0.74 |
//! | 000 "We advocate that the parties…" / 001 "The ministry also called for…" | 0.68 |
//! | 000 lead / 001 lead (→ China, → peace process) | 0.67 |
//! | 000 lead / 001 headline (→ China) | 0.55 |
//! | 000 quotation / 001 lead, 000 lead / 001 quotation (same statement, other passage) | 0.31–0.35 |
//! | 000 lead / 004 "the peace plan of China and Brazil deserves support" | 0.29 |
//! | 001 lead / 004 the same | 0.28 |
//! | 000 quotation / 003 "conflicts should be resolved through negotiations…" | 0.27 |
//! | every other pair of different articles (002, 003, 004) | ≤ 0.06 |
//!
//! The threshold sits in the gap between 0.35 and 0.55. A verbatim syndicated copy scores 1; a
//! reworded synthetic translation 0.79.
//!
//! # Cost
//!
//! Each sentence that a passage reads is cut into words once, in parallel over documents, and
//! kept as sorted 32-bit word hashes (once, although up to three passages of each of its events
//! read it). Events are bucketed by (actor, target, direction); a bucket's passages are merged
//! from those sentence words when the bucket is grouped and dropped after it, as sorted hashes
//! tagged with the spans they belong to, so that one merge of two passages gives all sixteen
//! span overlaps. Only the buckets in progress hold passages.
//! Candidates pass a prefix filter: a pair can only pass the gate if the `|E| − ⌈t·|E|⌉ + 1`
//! rarest words (in the bucket) of the smaller evidence set meet the other. Inside a bucket,
//! dated events are sorted by date and each is compared with those inside its window: pair by
//! pair when they are few, else only those an inverted index of evidence words and rarest words
//! gives. Undated events may match any date; they are compared per class of identical evidence
//! (an undated class of at least [`MIN_SHARED_WORDS`] words from two documents is one group
//! from the start), with candidates from inverted indexes of evidence words (and, when both
//! have numbers, of shared numbers). Pairs already in one group are not compared again.
//! The 1.47 million events of 100,000 generated template documents (one in five undated, the
//! `scale` test) group in about 3.2 s on 2 cores; the 1.34 million of the benchmark's 50,000
//! documents (most undated) in about 3.4 s, down from 5 s before the classes.

use crate::model::DatedPeriod;
use crate::model::{Corpus, Document, Entity, EntityId, StanceEvent, StanceId};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::similar::sorted_common_count;
use super::text::{ASCII_WORD_BYTE, FastMap, fold};

/// Default [`CopyRule::min_similarity`]: passages at or above it are copies.
pub const MIN_SIMILARITY: f32 = 0.5;

/// Default [`CopyRule::window_days`].
pub const WINDOW_DAYS: u32 = 14;

/// A span pair must share at least this many content words to count in the similarity.
pub const MIN_SHARED_WORDS: usize = 4;

/// Scores within `±NEUTRAL_BAND` are neutral (a direction of their own).
const NEUTRAL_BAND: f32 = 0.1;

/// When two stance events count as copies of one statement (see the [module docs](self)).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CopyRule {
    /// Largest distance in days between the two documents' dates (when both are dated).
    pub window_days: u32,
    /// Lowest [`passage_similarity`] of copies, 0..=1 (a similarity of 0 never groups).
    pub min_similarity: f32,
}

impl Default for CopyRule {
    fn default() -> Self {
        CopyRule {
            window_days: WINDOW_DAYS,
            min_similarity: MIN_SIMILARITY,
        }
    }
}

/// One statement reported several times: the event to count and its copies.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyGroup {
    /// The earliest-dated event of the group (ties: lower document id): the one to count.
    pub representative: StanceId,
    /// The other events of the group, in the same order (date, document, stance id); never empty.
    pub copies: Vec<StanceId>,
    /// The weakest link: the lowest similarity among the copy pairs that joined the members into
    /// one group (for two events, their similarity). At least the rule's `min_similarity`.
    pub similarity: f32,
}

impl CopyGroup {
    /// The representative followed by its copies.
    pub fn members(&self) -> impl Iterator<Item = StanceId> + '_ {
        std::iter::once(self.representative).chain(self.copies.iter().copied())
    }
}

/// Groups the corpus's stance events into copies of one statement with the default rule.
/// Only groups with at least one copy are returned, sorted by representative.
pub fn group_copies(corpus: &Corpus) -> Vec<CopyGroup> {
    group_copies_with(
        &corpus.documents,
        &corpus.entities,
        &corpus.stances,
        &CopyRule::default(),
    )
}

/// [`group_copies`] over the pieces of a corpus, with an explicit rule. `stances[i]` is
/// [`StanceId`]`(i)`; events whose document or sentence is out of range are never grouped.
pub fn group_copies_with(
    documents: &[Document],
    entities: &[Entity],
    stances: &[StanceEvent],
    rule: &CopyRule,
) -> Vec<CopyGroup> {
    let names = NameWords::new(entities, stances);
    let sentence_words = SentenceWords::new(documents, stances, &names);
    // Per document (a corpus has far fewer documents than events).
    let dates: Vec<Option<(f64, f64)>> = documents.iter().map(date_interval).collect();

    let mut buckets: HashMap<(EntityId, EntityId, i8), Vec<u32>> = HashMap::new();
    for (i, s) in stances.iter().enumerate() {
        if has_passage(documents, s) {
            buckets
                .entry((s.actor, s.target, direction(s.score)))
                .or_default()
                .push(i as u32);
        }
    }
    let mut buckets: Vec<Vec<u32>> = buckets.into_values().filter(|b| b.len() > 1).collect();
    buckets.sort_unstable_by_key(|b| b[0]);

    let ctx = Ctx {
        stances,
        names: &names,
        sentence_words: &sentence_words,
        dates: &dates,
        window: f64::from(rule.window_days),
        min_similarity: rule.min_similarity,
    };
    let found: Vec<(Vec<u32>, f32)> = buckets.par_iter().flat_map_iter(|b| ctx.group_bucket(b)).collect();
    // The passages' words are done with: their memory serves the groups built next. (Handing
    // it back to the system here, with glibc's `malloc_trim`, made the views' frames slower
    // after the load, as their allocations then took fresh pages, for no lower peak.)
    drop(buckets);
    drop(sentence_words);
    drop(names);
    let order_key = |i: u32| {
        let s = &stances[i as usize];
        let date = documents
            .get(s.doc.index())
            .and_then(|d| d.date.as_ref())
            .map(|d| d.date);
        (date.is_none(), date, s.doc, i)
    };
    let mut groups: Vec<CopyGroup> = found
        .into_iter()
        .map(|(mut m, similarity)| {
            m.sort_by_key(|&i| order_key(i));
            CopyGroup {
                representative: StanceId(m[0]),
                copies: m[1..].iter().map(|&i| StanceId(i)).collect(),
                similarity,
            }
        })
        .collect();
    groups.sort_by_key(|g| g.representative);
    groups
}

/// Passages of a bucket are built in parallel chunks of this many events.
const PASSAGE_CHUNK: usize = 2048;

/// What every bucket's grouping reads.
struct Ctx<'a> {
    stances: &'a [StanceEvent],
    names: &'a NameWords,
    sentence_words: &'a SentenceWords,
    /// Per document, the period its date stands for.
    dates: &'a [Option<(f64, f64)>],
    window: f64,
    min_similarity: f32,
}

impl Ctx<'_> {
    /// Groups one (actor, target, direction) bucket: `(members, weakest link)` per group of two
    /// or more.
    fn group_bucket(&self, bucket: &[u32]) -> Vec<(Vec<u32>, f32)> {
        let n = bucket.len();
        // The bucket's passages, built from the sentence words and dropped with the bucket: only
        // the buckets in progress hold passages.
        // A large bucket's passages are built in parallel chunks (the grouping of one bucket is
        // serial: the largest would otherwise be a long tail).
        let build = |events: &[u32]| {
            let mut store = PassageStore::default();
            for &i in events {
                store.add_event(i as usize, &self.stances[i as usize], self.names, self.sentence_words);
            }
            store
        };
        let stores: Vec<PassageStore> = if n > PASSAGE_CHUNK {
            bucket.par_chunks(PASSAGE_CHUNK).map(build).collect()
        } else {
            vec![build(bucket)]
        };
        let passages: Vec<Passage<'_>> = stores
            .iter()
            .flat_map(|store| (0..store.metas.len()).map(|k| store.get(k)))
            .collect();
        let mut linker = Linker {
            docs: bucket.iter().map(|&i| self.stances[i as usize].doc.0).collect(),
            passages: &passages,
            sets: UnionFind::new(n),
            weakest: vec![f32::INFINITY; n],
            min_similarity: self.min_similarity,
        };

        let mut dated: Vec<(f64, f64, usize)> = Vec::new();
        let mut undated: Vec<usize> = Vec::new();
        for (k, &i) in bucket.iter().enumerate() {
            match self.dates[self.stances[i as usize].doc.index()] {
                Some((lo, hi)) => dated.push((lo, hi, k)),
                None => undated.push(k),
            }
        }
        let t = self.min_similarity.clamp(0.0, 1.0);
        // Evidence words and the prefix filter's rarest words, built on first need.
        let mut words: Option<EvidenceWords> = None;

        // Dated against dated: sorted by period start, so the events that start within
        // `window` days of one's end are the run right after it. Short runs are compared pair
        // by pair; in long ones (dense buckets) only the pairs that pass the prefix filter
        // (see `EvidenceWords`) are.
        dated.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
        let mut index: Option<DatedIndex> = None;
        let mut candidates: Vec<u32> = Vec::new();
        for (j, &(_, hi, x)) in dated.iter().enumerate() {
            let end = j + 1 + dated[j + 1..].partition_point(|&(lo, _, _)| lo - hi <= self.window);
            if end - j - 1 <= DIRECT_RUN {
                for &(_, _, y) in &dated[j + 1..end] {
                    linker.link(x, y);
                }
                continue;
            }
            let words = words.get_or_insert_with(|| EvidenceWords::new(&passages, t));
            let index = index.get_or_insert_with(|| DatedIndex::new(&dated, words));
            index.candidates(j, end, &dated, words, &mut candidates);
            for &p in &candidates {
                linker.link(x, dated[p as usize].2);
            }
        }

        if !undated.is_empty() {
            let words = words.get_or_insert_with(|| EvidenceWords::new(&passages, t));
            let mut is_undated = vec![false; n];
            for &k in &undated {
                is_undated[k] = true;
            }
            linker.link_undated(words, &is_undated);
        }

        let mut members: HashMap<u32, Vec<u32>> = HashMap::new();
        for (k, &i) in bucket.iter().enumerate() {
            let r = linker.sets.find(k as u32);
            if linker.weakest[r as usize].is_finite() {
                members.entry(r).or_default().push(i);
            }
        }
        let mut out: Vec<(Vec<u32>, f32)> = members
            .into_iter()
            .map(|(r, m)| (m, linker.weakest[r as usize]))
            .collect();
        out.sort_unstable_by_key(|(m, _)| m[0]);
        out
    }
}

/// The groups of one bucket as they form (events by local index).
struct Linker<'a> {
    /// Each event's document.
    docs: Vec<u32>,
    passages: &'a [Passage<'a>],
    sets: UnionFind,
    /// Per group root, the lowest similarity of the links that joined it (∞: a lone event).
    weakest: Vec<f32>,
    min_similarity: f32,
}

impl Linker<'_> {
    /// Whether `x` and `y` are in one group.
    fn joined(&mut self, x: usize, y: usize) -> bool {
        self.sets.find(x as u32) == self.sets.find(y as u32)
    }

    /// Joins the groups of `x` and `y` when the two are copies; returns whether they are in one
    /// group now. Pairs already in one group are not compared again (syndicated copies form
    /// cliques).
    fn link(&mut self, x: usize, y: usize) -> bool {
        let (rx, ry) = (self.sets.find(x as u32), self.sets.find(y as u32));
        if rx == ry {
            return true;
        }
        if self.docs[x] == self.docs[y] {
            return false;
        }
        let sim = self.passages[x].similarity(&self.passages[y]);
        if sim > 0.0 && sim >= self.min_similarity {
            let w = self.weakest[rx as usize].min(self.weakest[ry as usize]).min(sim);
            let root = self.sets.union(rx, ry);
            self.weakest[root as usize] = w;
            return true;
        }
        false
    }

    /// Links the undated events with every event, and the dated ones with the undated ones.
    ///
    /// Events with the same evidence words form a class; all the candidate search is done per
    /// class. Undated events with the same evidence (of at least [`MIN_SHARED_WORDS`] words)
    /// are copies of each other when their documents differ (similarity 1), so such a class
    /// is joined first and then met as one group. A pair of classes can only hold copies if
    /// the rarest words of the smaller evidence set meet the larger set, and, when both have
    /// numbers, only if they share one: only such class pairs are compared, found through
    /// inverted indexes of the evidence words.
    fn link_undated(&mut self, words: &EvidenceWords, is_undated: &[bool]) {
        // Classes, numbered in order of their first event.
        let mut class_of: FastMap<(&[u32], bool), u32> = FastMap::default();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (k, (evidence, &undated)) in words.evidence.iter().zip(is_undated).enumerate() {
            let c = *class_of.entry((evidence, undated)).or_insert_with(|| {
                members.push(Vec::new());
                (members.len() - 1) as u32
            });
            members[c as usize].push(k);
        }
        drop(class_of);
        // Whether a class is (now) one group.
        let mut whole: Vec<bool> = members.iter().map(|m| m.len() == 1).collect();
        for (c, m) in members.iter().enumerate() {
            if !is_undated[m[0]] || m.len() == 1 {
                continue;
            }
            // Each event with the first one, or with the first of another document: enough
            // when the evidence has `MIN_SHARED_WORDS` words; otherwise every pair.
            let other_doc = m.iter().copied().find(|&k| self.docs[k] != self.docs[m[0]]);
            for &k in &m[1..] {
                let partner = if self.docs[k] == self.docs[m[0]] {
                    other_doc
                } else {
                    Some(m[0])
                };
                if let Some(p) = partner {
                    self.link(k, p);
                }
            }
            if !m[1..].iter().all(|&k| self.joined(k, m[0])) {
                for (i, &x) in m.iter().enumerate() {
                    for &y in &m[i + 1..] {
                        self.link(x, y);
                    }
                }
            }
            whole[c] = m[1..].iter().all(|&k| self.joined(k, m[0]));
        }

        let first = |c: usize| members[c][0];
        let key = |c: usize| (words.evidence[first(c)].len(), c);
        // [undated classes only?][classes without numbers only?]: word → classes.
        let mut index: [[FastMap<u32, Vec<u32>>; 2]; 2] = Default::default();
        for c in 0..members.len() {
            let k = first(c);
            for w in &words.evidence[k] {
                for by_numbers in &mut index[..=usize::from(is_undated[k])] {
                    for map in &mut by_numbers[..=usize::from(words.numbers[k].is_empty())] {
                        map.entry(*w).or_default().push(c as u32);
                    }
                }
            }
        }
        // Each word's classes by `key`, so that a probe reads only the larger ones.
        for map in index.iter_mut().flatten() {
            for list in map.values_mut() {
                list.sort_unstable_by_key(|&c| key(c as usize));
            }
        }
        let mut seen = vec![u32::MAX; members.len()];
        for x in 0..members.len() {
            let k = first(x);
            let Some(rare) = &words.rare[k] else {
                continue;
            };
            // A dated class only looks for undated partners (dated pairs are done).
            let only_undated = usize::from(!is_undated[k]);
            let probes: [(&[u32], usize); 2] = if words.numbers[k].is_empty() {
                [(rare, 0), (&[], 0)]
            } else {
                // Partners without numbers, through the rare words; partners with numbers,
                // through a shared number.
                [(rare, 1), (&words.numbers[k], 0)]
            };
            for (probe, no_num) in probes {
                for w in probe {
                    let list = index[only_undated][no_num].get(w).map_or(&[][..], Vec::as_slice);
                    let larger = list.partition_point(|&y| key(y as usize) <= key(x));
                    for &y in &list[larger..] {
                        let y = y as usize;
                        if seen[y] == x as u32 {
                            continue;
                        }
                        seen[y] = x as u32;
                        // Two classes that are each one group and already joined: nothing to do.
                        if whole[x] && whole[y] && self.joined(k, first(y)) {
                            continue;
                        }
                        // Every pair of the two classes has the same evidence sets, hence the
                        // same gate: when it fails, no pair can be copies.
                        if words.gate_passes(k, first(y), self.min_similarity) {
                            self.link_classes(&members[x], whole[x], &members[y], whole[y]);
                        }
                    }
                }
            }
        }
    }

    /// Links the events of two classes; a class that is one group is joined as soon as one of
    /// its events is.
    fn link_classes(&mut self, xs: &[usize], x_whole: bool, ys: &[usize], y_whole: bool) {
        let ((outer, _), (inner, inner_whole)) = if x_whole && !y_whole {
            ((ys, y_whole), (xs, x_whole))
        } else {
            ((xs, x_whole), (ys, y_whole))
        };
        for &a in outer {
            if inner_whole {
                if !self.joined(a, inner[0]) {
                    for &b in inner {
                        if self.link(a, b) {
                            break;
                        }
                    }
                }
            } else {
                for &b in inner {
                    self.link(a, b);
                }
            }
        }
    }
}

/// Runs of at most this many dated events in one's window are compared pair by pair; longer
/// ones go through [`DatedIndex`].
const DIRECT_RUN: usize = 16;

/// The evidence words of a bucket's events and what the prefix filter needs of them.
///
/// The filter: a pair passes the evidence gate only if the smaller evidence set `E` (by size,
/// then position) shares at least `⌈t·|E|⌉` words with the other, so its `|E| − ⌈t·|E|⌉ + 1`
/// rarest words (by frequency in the bucket, then hash) include a shared one.
struct EvidenceWords {
    /// Per event of the bucket (local index), its evidence words, sorted.
    evidence: Vec<Vec<u32>>,
    /// Per event, the numbers of its evidence.
    numbers: Vec<Vec<u32>>,
    /// Per event, its rarest evidence words as above; `None` when no pair can pass the gate.
    rare: Vec<Option<Vec<u32>>>,
}

impl EvidenceWords {
    fn new(passages: &[Passage<'_>], t: f32) -> EvidenceWords {
        let evidence: Vec<Vec<u32>> = passages.iter().map(|p| p.evidence().collect()).collect();
        let numbers: Vec<Vec<u32>> = passages.iter().map(|p| p.evidence_numbers().collect()).collect();
        let mut freq: FastMap<u32, u32> = FastMap::default();
        for e in &evidence {
            for w in e {
                *freq.entry(*w).or_default() += 1;
            }
        }
        let rare = evidence
            .iter()
            .map(|e| {
                let needed = ((t * e.len() as f32).ceil() as usize).max(1);
                (needed <= e.len()).then(|| {
                    let mut rare = e.clone();
                    rare.sort_unstable_by_key(|w| (freq[w], *w));
                    rare.truncate(e.len() - needed + 1);
                    rare
                })
            })
            .collect();
        EvidenceWords {
            evidence,
            numbers,
            rare,
        }
    }

    /// Whether events `a` and `b` can be copies by their evidence alone: the evidence overlap
    /// (the similarity's `gate`) reaches `min_similarity` and is above 0, and when both
    /// evidence sentences have numbers, they share one. [`Passage::similarity`] is at most
    /// the gate and is 0 on conflicting numbers, so a pair that fails here is never linked.
    fn gate_passes(&self, a: usize, b: usize, min_similarity: f32) -> bool {
        let (ea, eb) = (&self.evidence[a], &self.evidence[b]);
        let smaller = ea.len().min(eb.len());
        if smaller == 0 {
            return false;
        }
        let gate = sorted_common_count(ea, eb) as f32 / smaller as f32;
        let (na, nb) = (&self.numbers[a], &self.numbers[b]);
        gate > 0.0 && gate >= min_similarity && (na.is_empty() || nb.is_empty() || sorted_common_count(na, nb) > 0)
    }

    /// The order that decides which of two events is the smaller one.
    fn key(&self, k: usize) -> (usize, usize) {
        (self.evidence[k].len(), k)
    }
}

/// Inverted indexes over a bucket's dated events (by position in date order), to find the
/// partners of one event among those in its window that pass the prefix filter
/// ([`EvidenceWords`]).
struct DatedIndex {
    /// Word → the positions whose evidence has it, ascending.
    evidence: FastMap<u32, Vec<u32>>,
    /// Word → the positions whose rarest words include it, ascending.
    rare: FastMap<u32, Vec<u32>>,
    /// Per position, the last position that collected it (dedup stamp).
    seen: Vec<u32>,
}

impl DatedIndex {
    fn new(dated: &[(f64, f64, usize)], words: &EvidenceWords) -> DatedIndex {
        let mut evidence: FastMap<u32, Vec<u32>> = FastMap::default();
        let mut rare: FastMap<u32, Vec<u32>> = FastMap::default();
        for (p, &(_, _, k)) in dated.iter().enumerate() {
            for &w in &words.evidence[k] {
                evidence.entry(w).or_default().push(p as u32);
            }
            for &w in words.rare[k].iter().flatten() {
                rare.entry(w).or_default().push(p as u32);
            }
        }
        DatedIndex {
            evidence,
            rare,
            seen: vec![u32::MAX; dated.len()],
        }
    }

    /// Into `out`, ascending: the positions in `j + 1..end` that may be copies of position `j`:
    /// those whose evidence meets `j`'s rarest words when `j` is the smaller, and those whose
    /// rarest words meet `j`'s evidence when they are.
    fn candidates(
        &mut self,
        j: usize,
        end: usize,
        dated: &[(f64, f64, usize)],
        words: &EvidenceWords,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        let x = dated[j].2;
        fn in_run(list: &[u32], j: usize, end: usize) -> &[u32] {
            let from = list.partition_point(|&p| p as usize <= j);
            let to = from + list[from..].partition_point(|&p| (p as usize) < end);
            &list[from..to]
        }
        type Probe<'a> = (&'a [u32], &'a FastMap<u32, Vec<u32>>, bool);
        let probes: [Probe; 2] = [
            (words.rare[x].as_deref().unwrap_or_default(), &self.evidence, true),
            (&words.evidence[x], &self.rare, false),
        ];
        for (probe, index, x_smaller) in probes {
            for w in probe {
                for &p in in_run(index.get(w).map_or(&[][..], Vec::as_slice), j, end) {
                    let y = dated[p as usize].2;
                    if self.seen[p as usize] != j as u32 && (words.key(x) < words.key(y)) == x_smaller {
                        self.seen[p as usize] = j as u32;
                        out.push(p);
                    }
                }
            }
        }
        out.sort_unstable();
    }
}

/// For every stance event (by index), the representative of its group when it is a copy, else
/// `None` (also for representatives and ungrouped events): what to skip when each statement
/// counts once.
pub fn copy_of(groups: &[CopyGroup], stance_count: usize) -> Vec<Option<StanceId>> {
    let mut out = vec![None; stance_count];
    for g in groups {
        for c in &g.copies {
            if let Some(slot) = out.get_mut(c.index()) {
                *slot = Some(g.representative);
            }
        }
    }
    out
}

/// The passage similarity (0..=1, see the [module docs](self)) of two stance events of
/// `corpus`, whatever their actors, directions, documents and dates. 0 for unknown ids.
pub fn passage_similarity(corpus: &Corpus, a: StanceId, b: StanceId) -> f32 {
    let (Some(sa), Some(sb)) = (corpus.stances.get(a.index()), corpus.stances.get(b.index())) else {
        return 0.0;
    };
    let pair = [sa.clone(), sb.clone()];
    let names = NameWords::new(&corpus.entities, &pair);
    if !pair.iter().all(|s| has_passage(&corpus.documents, s)) {
        return 0.0;
    }
    let sentence_words = SentenceWords::new(&corpus.documents, &pair, &names);
    let mut store = PassageStore::default();
    for (i, s) in pair.iter().enumerate() {
        store.add_event(i, s, &names, &sentence_words);
    }
    store.get(0).similarity(&store.get(1))
}

/// -1, 0 or 1: the direction of a score (within ±0.1 is neutral).
fn direction(score: f32) -> i8 {
    if !score.is_finite() || score.abs() <= NEUTRAL_BAND {
        0
    } else if score > 0.0 {
        1
    } else {
        -1
    }
}

/// The period a document's date stands for, in days since 1970-01-01.
fn date_interval(doc: &Document) -> Option<(f64, f64)> {
    let d = doc.date.as_ref()?;
    let (mid, half) = (d.plot_day(), d.uncertainty_days());
    Some((mid - half, mid + half))
}

/// Word hashes of each entity's own names (name and aliases), for the entities that are actors
/// or targets.
struct NameWords {
    by_entity: HashMap<EntityId, Vec<u32>>,
}

impl NameWords {
    fn new(entities: &[Entity], stances: &[StanceEvent]) -> NameWords {
        let mut by_entity = HashMap::new();
        for s in stances {
            for id in [s.actor, s.target] {
                by_entity.entry(id).or_insert_with(|| {
                    let Some(e) = entities.get(id.index()) else {
                        return Vec::new();
                    };
                    let mut words: Vec<u32> = std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .flat_map(|n| words_of(n).into_iter().map(|w| w.hash))
                        .collect();
                    words.sort_unstable();
                    words.dedup();
                    words
                });
            }
        }
        NameWords { by_entity }
    }

    /// The sorted word hashes of entity `id`'s names.
    fn of(&self, id: EntityId) -> &[u32] {
        self.by_entity.get(&id).map_or(&[], Vec::as_slice)
    }
}

/// One content word of a passage.
#[derive(Debug, Clone, Copy)]
struct Word {
    hash: u32,
    number: bool,
}

/// The content words of `text`: folded (case, Latin diacritics, curly apostrophes), cut into
/// runs of letters and digits (with inner apostrophes), stop words dropped, stemmed, hashed.
fn words_of(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    words_of_into(text, &mut out);
    out
}

/// [`words_of`], appended to `out`. Runs of ASCII letters and digits (most of a text) are
/// lower-cased in one go; other characters are read one by one.
fn words_of_into(text: &str, out: &mut Vec<Word>) {
    let bytes = text.as_bytes();
    let mut word = String::new();
    let mut buf = [0u8; 4];
    let mut i = 0;
    while i < bytes.len() {
        if ASCII_WORD_BYTE[usize::from(bytes[i])] {
            let start = i;
            while bytes.get(i).is_some_and(|&b| ASCII_WORD_BYTE[usize::from(b)]) {
                i += 1;
            }
            let from = word.len();
            word.push_str(&text[start..i]);
            word[from..].make_ascii_lowercase();
            continue;
        }
        let c = text[i..].chars().next().expect("a character starts here");
        i += c.len_utf8();
        if c.is_alphanumeric() {
            // Not ASCII (ASCII letters and digits are read above).
            word.push_str(&fold(c.encode_utf8(&mut buf)));
        } else if matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
            && !word.is_empty()
            && text[i..].chars().next().is_some_and(char::is_alphabetic)
        {
            word.push('\'');
        } else if !word.is_empty() {
            push_word(&word, out);
            word.clear();
        }
    }
    if !word.is_empty() {
        push_word(&word, out);
    }
}

/// Adds one folded token to `out` unless it is a stop word or a lone letter.
fn push_word(token: &str, out: &mut Vec<Word>) {
    let w = strip_ascii_suffix(token, "'s").unwrap_or(token).trim_end_matches('\'');
    let number = w.bytes().any(|b| b.is_ascii_digit());
    if (!number && w.chars().nth(1).is_none()) || is_stop_word(w) {
        return;
    }
    let stemmed = if number { w } else { stem(w) };
    out.push(Word {
        hash: hash_word(stemmed),
        number,
    });
}

/// A 32-bit hash of a word, FNV-1a folded (collisions among a corpus's words are too rare to
/// matter).
fn hash_word(w: &str) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in w.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    (h >> 32) as u32 ^ h as u32
}

/// Strips one common English suffix (keeping a stem of at least three letters), then a final
/// "e": "welcomes" and "welcome" both become "welcom".
fn stem(w: &str) -> &str {
    // The suffixes tried, longest first; only those that end with the word's last byte can
    // match, so each list holds those (in the same order).
    let suffixes: &[&str] = match w.as_bytes().last() {
        Some(b's') => &["ations", "ments", "ings", "ies", "es", "s"],
        Some(b'n') => &["ation"],
        Some(b'y') => &["edly", "ly"],
        Some(b't') => &["ment"],
        Some(b'g') => &["ing"],
        Some(b'd') => &["ed"],
        Some(b'l') => &["al"],
        _ => &[],
    };
    let mut base = w;
    for &suf in suffixes {
        if let Some(b) = strip_ascii_suffix(w, suf) {
            if b.chars().count() < 3 {
                continue;
            }
            // "crisis", "status", "class": not plurals.
            if suf == "s" && (b.ends_with('s') || b.ends_with('u') || b.ends_with('i')) {
                continue;
            }
            base = b;
            break;
        }
    }
    match strip_ascii_suffix(base, "e") {
        Some(b) if b.chars().count() >= 3 => b,
        _ => base,
    }
}

/// `w` without `suffix` (ASCII), compared byte by byte: a word's few bytes cost less so
/// than a call to `memcmp`.
fn strip_ascii_suffix<'w>(w: &'w str, suffix: &str) -> Option<&'w str> {
    let (b, s) = (w.as_bytes(), suffix.as_bytes());
    let at = b.len().checked_sub(s.len())?;
    // An ASCII suffix starts at a character boundary.
    (b[at..].iter().zip(s).all(|(x, y)| x == y)).then(|| &w[..at])
}

/// English function words and reporting verbs: they say nothing about which statement it is.
const STOP_WORDS: &str = "a about above according added after again against all also am an and any are as at be \
    because been before being below between both but by can could did do does doing down during each few for from \
    further had has have having he her here hers herself him himself his how however i if in into is it its itself \
    just may me might more most must my no nor not now noted of off on once only or other our ours out over own said \
    same say saying says she should so some stated such than that the their theirs them then there these they this \
    those through thus to told too under until up upon us very was we were what when where whether which while who \
    whom why will with within would yet you your";

fn is_stop_word(w: &str) -> bool {
    // Looked up for every word of every passage.
    // The set, and the length of its longest word (a longer word is none of them).
    static SET: LazyLock<(super::text::FastSet<&'static str>, usize)> = LazyLock::new(|| {
        let set: super::text::FastSet<&'static str> = STOP_WORDS.split_whitespace().collect();
        let longest = set.iter().map(|w| w.len()).max().unwrap_or(0);
        (set, longest)
    });
    w.len() <= SET.1 && SET.0.contains(w)
}

/// Which spans of a passage a word is in (bits of [`Passage::masks`]).
const IN_E: u8 = 1;
const IN_PREV: u8 = 2;
const IN_NEXT: u8 = 4;
/// The word is a number in the evidence sentence.
const NUMBER_IN_E: u8 = 8;
/// The spans `E`, `P`, `N`, `W` as masks over `IN_E`, `IN_PREV`, `IN_NEXT`.
const SPANS: [u8; 4] = [IN_E, IN_E | IN_PREV, IN_E | IN_NEXT, IN_E | IN_PREV | IN_NEXT];

/// The word sets of one event's passage, compactly: every word of `W` once (sorted hashes),
/// with the spans it belongs to. Borrowed from a [`PassageStore`].
#[derive(Debug, Clone, Copy)]
struct Passage<'a> {
    /// Sorted, unique word hashes of `W`.
    words: &'a [u32],
    /// For each word, its `IN_*` / `NUMBER_IN_E` bits.
    masks: &'a [u8],
    /// Sizes of `E`, `P`, `N`, `W`.
    sizes: [u16; 4],
    /// Whether the evidence sentence has a number.
    has_number: bool,
}

/// The content words that passages read, computed once per document, in parallel: per sentence
/// that a passage reads (each event's sentence and its neighbours), its distinct word hashes,
/// sorted, then those of them that are numbers; per event, where its sentences are, and the
/// words of the actor's and target's mentions in the passage that their names do not already
/// have. Each sentence is stored once, where the passages that read it (up to three per event)
/// would repeat it; passages are built from it one bucket at a time.
#[derive(Debug, Default)]
struct SentenceWords {
    /// The rayon jobs' results, each for a run of the event table: the words of the sentences
    /// it read, where each sentence's words are, and per event where its sentence is. Kept as
    /// the jobs left them (gathering them into corpus-wide tables would hold both at once, at
    /// the top of a load's memory).
    jobs: Vec<SentenceJob>,
    /// Per job, its first event: job `j` holds events `first_event[j]..first_event[j + 1]`.
    first_event: Vec<u32>,
    /// The events whose mentions add words to drop, sorted by event: (event, start, end) in
    /// `own_words`.
    own_index: Vec<(u32, u32, u32)>,
    own_words: Vec<u32>,
}

/// Where one sentence's words lie in its job's [`SentenceJob::store`]:
/// `store[start..numbers]` are the words, `store[numbers..]` up to the next entry's `start`
/// the numbers among them.
#[derive(Debug, Clone, Copy)]
struct SentenceEntry {
    start: u32,
    numbers: u32,
}

/// An event's sentence in its job's [`SentenceJob::entries`]; its neighbours are the entries
/// right before and after it when `WITH_PREVIOUS` / `WITH_NEXT` are set. An event without a
/// passage ([`has_passage`]) has the default entry, never read.
#[derive(Debug, Clone, Copy, Default)]
struct EventEntry {
    entry: u32,
    flags: u8,
}

const WITH_PREVIOUS: u8 = 1;
const WITH_NEXT: u8 = 2;

/// Events per job of [`SentenceWords::new`] (a job ends at the next change of document): each
/// job's word store is grown by doubling and then trimmed, so a job's spare room stays small.
const SENTENCE_JOB_EVENTS: usize = 2048;

/// What one rayon job of [`SentenceWords::new`] reads: a run of the event table.
#[derive(Debug, Default)]
struct SentenceJob {
    store: Vec<u32>,
    /// Per sentence read, where its words are; a document's sentences are together, in order.
    /// Ends with an entry at the end of `store`, which only closes the last sentence.
    entries: Vec<SentenceEntry>,
    /// Per event of the run, in order: its sentence's entry and which neighbours it has.
    events: Vec<EventEntry>,
    own: Vec<(u32, Vec<u32>)>,
}

impl SentenceWords {
    /// The words of the passages of `stances` (those with one, [`has_passage`]; `stances[i]` is
    /// event `i`).
    ///
    /// The table is cut into runs of events, each read by one job, document by document. The
    /// events of a document are normally together (a corpus lists them in document order); a
    /// document whose events are not is read once per run of them.
    fn new(documents: &[Document], stances: &[StanceEvent], names: &NameWords) -> SentenceWords {
        let mut bounds: Vec<(usize, usize)> = Vec::new();
        let mut start = 0;
        while start < stances.len() {
            let mut end = (start + SENTENCE_JOB_EVENTS).min(stances.len());
            while end < stances.len() && stances[end].doc == stances[end - 1].doc {
                end += 1;
            }
            bounds.push((start, end));
            start = end;
        }
        let mut jobs: Vec<SentenceJob> = bounds
            .par_iter()
            .map(|&(start, end)| {
                let mut job = SentenceJob::default();
                let mut i = start;
                for run in stances[start..end].chunk_by(|a, b| a.doc == b.doc) {
                    let events = run.iter().enumerate().map(|(k, s)| ((i + k) as u32, s));
                    match documents.get(run[0].doc.index()) {
                        Some(doc) => job.add_document(doc, events, names),
                        None => job.events.resize(job.events.len() + run.len(), EventEntry::default()),
                    }
                    i += run.len();
                }
                job.close();
                job
            })
            .collect();
        let mut out = SentenceWords {
            first_event: bounds.iter().map(|&(start, _)| start as u32).collect(),
            ..Default::default()
        };
        for job in &mut jobs {
            for (i, words) in std::mem::take(&mut job.own) {
                let start = out.own_words.len() as u32;
                out.own_words.extend(words);
                out.own_index.push((i, start, out.own_words.len() as u32));
            }
        }
        out.jobs = jobs;
        out.own_index.sort_unstable();
        out
    }

    /// For event `i`'s passage: the words of its sentence (sorted, distinct), the numbers among
    /// them (sorted), the words of the previous and of the next sentence (empty when the
    /// passage has no such neighbour), and the words of the actor's and target's mentions that
    /// their names do not have.
    fn passage_lists(&self, i: usize) -> [&[u32]; 5] {
        let j = self.first_event.partition_point(|&f| f as usize <= i) - 1;
        let job = &self.jobs[j];
        let e = job.events[i - self.first_event[j] as usize];
        let k = e.entry as usize;
        let words = |k: usize| {
            let x = job.entries[k];
            &job.store[x.start as usize..x.numbers as usize]
        };
        let numbers = &job.store[job.entries[k].numbers as usize..job.entries[k + 1].start as usize];
        let own = match self.own_index.binary_search_by_key(&(i as u32), |o| o.0) {
            Ok(j) => &self.own_words[self.own_index[j].1 as usize..self.own_index[j].2 as usize],
            Err(_) => &[],
        };
        [
            words(k),
            numbers,
            if e.flags & WITH_PREVIOUS != 0 {
                words(k - 1)
            } else {
                &[]
            },
            if e.flags & WITH_NEXT != 0 { words(k + 1) } else { &[] },
            own,
        ]
    }
}

impl SentenceJob {
    /// Adds the closing entry and gives back the spare room of the job's tables.
    fn close(&mut self) {
        let end = u32::try_from(self.store.len()).expect("under 4 G sentence words per job");
        self.entries.push(SentenceEntry {
            start: end,
            numbers: end,
        });
        self.store.shrink_to_fit();
        self.entries.shrink_to_fit();
    }

    /// Reads the sentences of `doc` that the passages of `events` (all of `doc`) need, and adds
    /// an [`EventEntry`] per event (the default one for an event whose sentence `doc` does not
    /// have).
    fn add_document<'s>(
        &mut self,
        doc: &Document,
        events: impl Iterator<Item = (u32, &'s StanceEvent)> + Clone,
        names: &NameWords,
    ) {
        let mut wanted: Vec<usize> = Vec::new();
        for (_, s) in events.clone() {
            let i = s.sentence_index();
            if i >= doc.sentences.len() {
                continue;
            }
            wanted.push(i);
            let flags = passage_neighbours(doc, i);
            if flags & WITH_PREVIOUS != 0 {
                wanted.push(i - 1);
            }
            if flags & WITH_NEXT != 0 {
                wanted.push(i + 1);
            }
        }
        wanted.sort_unstable();
        wanted.dedup();
        let first_entry = self.entries.len();
        let mut words: Vec<Word> = Vec::new();
        let mut numbers: Vec<u32> = Vec::new();
        for &i in &wanted {
            words.clear();
            words_of_into(doc.sentence_text(i), &mut words);
            words.sort_unstable_by_key(|w| (w.hash, w.number));
            let start = self.store.len();
            numbers.clear();
            for w in &words {
                if self.store.len() == start || self.store.last() != Some(&w.hash) {
                    self.store.push(w.hash);
                }
                if w.number && numbers.last() != Some(&w.hash) {
                    numbers.push(w.hash);
                }
            }
            let numbers_at = self.store.len();
            self.store.extend_from_slice(&numbers);
            self.entries.push(SentenceEntry {
                start: u32::try_from(start).expect("under 4 G sentence words per job"),
                numbers: numbers_at as u32,
            });
        }
        // Mention index → the hashes of its words, for the mentions of this document's
        // passages.
        let mut mention_words: FastMap<usize, Vec<u32>> = FastMap::default();
        let mut own: Vec<u32> = Vec::new();
        for (id, s) in events {
            if s.sentence_index() >= doc.sentences.len() {
                self.events.push(EventEntry::default());
                continue;
            }
            let k = wanted
                .binary_search(&s.sentence_index())
                .expect("each event's sentence is read");
            self.events.push(EventEntry {
                entry: (first_entry + k) as u32,
                flags: passage_neighbours(doc, s.sentence_index()),
            });
            // The actor's and target's names as this document writes them ("Astana", "Kazakh"),
            // when their names do not have these words already.
            let first = s.sentence_index().saturating_sub(1);
            let last = (s.sentence_index() + 1).min(doc.sentences.len() - 1);
            let span = doc.sentences.range(first).start..doc.sentences.range(last).end;
            let (actor_words, target_words) = (names.of(s.actor), names.of(s.target));
            own.clear();
            for (m, (e, r)) in doc.mentions.iter().enumerate() {
                if (*e == s.actor || *e == s.target) && r.range().start < span.end && r.range().end > span.start {
                    own.extend_from_slice(mention_words.entry(m).or_insert_with(|| {
                        doc.text
                            .get(r.range())
                            .map_or_else(Vec::new, |t| words_of(t).into_iter().map(|w| w.hash).collect())
                    }));
                }
            }
            own.retain(|w| actor_words.binary_search(w).is_err() && target_words.binary_search(w).is_err());
            if !own.is_empty() {
                own.sort_unstable();
                own.dedup();
                self.own.push((id, own.clone()));
            }
        }
    }
}

/// Whether event `s` has a passage: its document and sentence exist.
fn has_passage(documents: &[Document], s: &StanceEvent) -> bool {
    documents
        .get(s.doc.index())
        .is_some_and(|d| s.sentence_index() < d.sentences.len())
}

/// Which neighbours (`WITH_PREVIOUS`, `WITH_NEXT`) the passage of sentence `i` of `doc` has.
fn passage_neighbours(doc: &Document, i: usize) -> u8 {
    let mut flags = 0;
    if i.checked_sub(1).is_some_and(|p| is_neighbour(doc, p)) {
        flags |= WITH_PREVIOUS;
    }
    if is_neighbour(doc, i + 1) {
        flags |= WITH_NEXT;
    }
    flags
}

/// Whether sentence `i` of `doc` can be a passage's neighbour (it exists and is not trailing
/// boilerplate).
fn is_neighbour(doc: &Document, i: usize) -> bool {
    i < doc.sentences.len() && !doc.in_boilerplate(doc.sentences.range(i).start)
}

/// Where one passage lies in its [`PassageStore`], and its sizes.
#[derive(Debug, Clone, Copy)]
struct PassageMeta {
    start: u32,
    len: u32,
    sizes: [u16; 4],
    has_number: bool,
}

/// Many passages in two flat arrays: a dense corpus has a passage per 120 bytes of text, and
/// two small allocations each would cost more than their words.
#[derive(Debug, Default)]
struct PassageStore {
    words: Vec<u32>,
    masks: Vec<u8>,
    metas: Vec<PassageMeta>,
}

impl PassageStore {
    /// Passage `i` (in the order they were added).
    fn get(&self, i: usize) -> Passage<'_> {
        let m = self.metas[i];
        let range = m.start as usize..(m.start + m.len) as usize;
        Passage {
            words: &self.words[range.clone()],
            masks: &self.masks[range],
            sizes: m.sizes,
            has_number: m.has_number,
        }
    }

    /// Adds the passage of stance event `i` (`s`), from the words of its sentences in
    /// `sentence_words`.
    fn add_event(&mut self, i: usize, s: &StanceEvent, names: &NameWords, sentence_words: &SentenceWords) {
        let [evidence, numbers, previous, next, own] = sentence_words.passage_lists(i);
        let (actor_words, target_words) = (names.of(s.actor), names.of(s.target));
        let kept = |w: &u32| {
            actor_words.binary_search(w).is_err()
                && target_words.binary_search(w).is_err()
                && own.binary_search(w).is_err()
        };
        // Three sorted lists merged into one, each word with the spans it is in.
        let start = self.words.len();
        let (mut a, mut b, mut c) = (0, 0, 0);
        while a < evidence.len() || b < previous.len() || c < next.len() {
            let mut w = u32::MAX;
            for (list, k) in [(evidence, a), (previous, b), (next, c)] {
                if let Some(&x) = list.get(k) {
                    w = w.min(x);
                }
            }
            let mut mask = 0u8;
            if evidence.get(a) == Some(&w) {
                mask |= IN_E;
                if numbers.binary_search(&w).is_ok() {
                    mask |= NUMBER_IN_E;
                }
                a += 1;
            }
            if previous.get(b) == Some(&w) {
                mask |= IN_PREV;
                b += 1;
            }
            if next.get(c) == Some(&w) {
                mask |= IN_NEXT;
                c += 1;
            }
            if kept(&w) {
                self.words.push(w);
                self.masks.push(mask);
            }
        }
        self.end_passage(start);
    }

    /// Ends the passage whose words start at `start`: its span sizes and numbers.
    fn end_passage(&mut self, start: usize) {
        let masks = &self.masks[start..];
        let mut sizes = [0u16; 4];
        for m in masks {
            for (size, span) in sizes.iter_mut().zip(SPANS) {
                if m & span != 0 {
                    *size = size.saturating_add(1);
                }
            }
        }
        let has_number = masks.iter().any(|m| m & NUMBER_IN_E != 0);
        self.metas.push(PassageMeta {
            start: u32::try_from(start).expect("under 4 G passage words"),
            len: (self.words.len() - start) as u32,
            sizes,
            has_number,
        });
    }
}

impl Passage<'_> {
    /// The words of the evidence sentence.
    fn evidence(&self) -> impl Iterator<Item = u32> + '_ {
        self.words
            .iter()
            .zip(self.masks)
            .filter(|(_, m)| *m & IN_E != 0)
            .map(|(w, _)| *w)
    }

    /// The numbers of the evidence sentence.
    fn evidence_numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.words
            .iter()
            .zip(self.masks)
            .filter(|(_, m)| *m & NUMBER_IN_E != 0)
            .map(|(w, _)| *w)
    }

    /// `min(best span Dice, evidence overlap)`, 0 on conflicting numbers (module docs).
    fn similarity(&self, other: &Passage<'_>) -> f32 {
        let (ea, eb) = (self.sizes[0], other.sizes[0]);
        if ea == 0 || eb == 0 {
            return 0.0;
        }
        // One merge counts the common words of every span pair.
        let mut shared = [[0u16; 4]; 4];
        let mut shared_numbers = 0u16;
        let (a, b) = (self.words, other.words);
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let (ma, mb) = (self.masks[i], other.masks[j]);
                    if ma & mb & NUMBER_IN_E != 0 {
                        shared_numbers += 1;
                    }
                    for (x, span_x) in SPANS.iter().enumerate() {
                        if ma & span_x != 0 {
                            for (y, span_y) in SPANS.iter().enumerate() {
                                if mb & span_y != 0 {
                                    shared[x][y] += 1;
                                }
                            }
                        }
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        if self.has_number && other.has_number && shared_numbers == 0 {
            return 0.0;
        }
        let gate = f32::from(shared[0][0]) / f32::from(ea.min(eb));
        let mut best = 0.0f32;
        for (x, row) in shared.iter().enumerate() {
            for (y, &c) in row.iter().enumerate() {
                if usize::from(c) >= MIN_SHARED_WORDS {
                    let total = f32::from(self.sizes[x]) + f32::from(other.sizes[y]);
                    best = best.max(2.0 * f32::from(c) / total);
                }
            }
        }
        best.min(gate)
    }
}

/// Disjoint sets over `0..n` with path halving and union by size.
struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n as u32).collect(),
            size: vec![1; n],
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[x as usize];
            self.parent[x as usize] = self.parent[p as usize];
            x = self.parent[x as usize];
        }
        x
    }

    /// Joins two roots; returns the new root.
    fn union(&mut self, a: u32, b: u32) -> u32 {
        let (big, small) = if self.size[a as usize] >= self.size[b as usize] {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        big
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::LoadControl;

    /// [`words_of_into`] as it was first written, character by character: the reference its
    /// ASCII fast path is checked against.
    fn reference_words(text: &str) -> Vec<(u32, bool)> {
        let mut out = Vec::new();
        let mut word = String::new();
        let mut buf = [0u8; 4];
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c.is_alphanumeric() {
                if c.is_ascii() {
                    word.push(c.to_ascii_lowercase());
                } else {
                    word.push_str(&fold(c.encode_utf8(&mut buf)));
                }
            } else if matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
                && !word.is_empty()
                && chars.peek().is_some_and(|n| n.is_alphabetic())
            {
                word.push('\'');
            } else if !word.is_empty() {
                push_word(&word, &mut out);
                word.clear();
            }
        }
        if !word.is_empty() {
            push_word(&word, &mut out);
        }
        out.into_iter().map(|w| (w.hash, w.number)).collect()
    }

    /// [`stem`] as it was first written (every suffix tried with `strip_suffix`): the
    /// reference the last-byte dispatch is checked against.
    fn reference_stem(w: &str) -> &str {
        const SUFFIXES: [&str; 13] = [
            "ations", "ation", "ments", "ings", "edly", "ment", "ing", "ies", "ed", "es", "ly", "al", "s",
        ];
        let mut base = w;
        for suf in SUFFIXES {
            if let Some(b) = w.strip_suffix(suf) {
                if b.chars().count() < 3 {
                    continue;
                }
                if suf == "s" && (b.ends_with('s') || b.ends_with('u') || b.ends_with('i')) {
                    continue;
                }
                base = b;
                break;
            }
        }
        match base.strip_suffix('e') {
            Some(b) if b.chars().count() >= 3 => b,
            _ => base,
        }
    }

    #[test]
    fn every_listed_stop_word_is_one_and_no_other_word_is() {
        for w in STOP_WORDS.split_whitespace() {
            assert!(is_stop_word(w), "{w}");
        }
        for w in ["ukraine", "sovereignty", "welcomed", "the2", "", "abouts"] {
            assert!(!is_stop_word(w), "{w}");
        }
    }

    proptest::proptest! {
        /// Stems are those of the reference, on words built from stems and every suffix
        /// (stacked, short, after "s", "u" or "i", with non-ASCII letters).
        #[test]
        fn stems_are_those_of_every_suffix_tried(
            w in "(a|b|s|u|i|é|ж|e|ation|ations|ment|ments|ing|ings|edly|ies|ed|es|ly|al){0,5}"
        ) {
            proptest::prop_assert_eq!(stem(&w), reference_stem(&w));
        }
    }

    proptest::proptest! {
        /// The fast path cuts, folds, stems and hashes the same words as the reference, on
        /// mixed case, digits, apostrophes (straight, curly, modifier), Latin diacritics,
        /// Cyrillic, stop words and punctuation.
        #[test]
        fn words_are_those_read_char_by_char(
            text in "([A-Za-z0-9 .,;'’‘ʼ\u{a0}-]|Élysée|Straße|Ukraine's|welcomes|the|Россия|Ⅻ|２){0,30}"
        ) {
            let mut fast = Vec::new();
            words_of_into(&text, &mut fast);
            let fast: Vec<(u32, bool)> = fast.into_iter().map(|w| (w.hash, w.number)).collect();
            proptest::prop_assert_eq!(fast, reference_words(&text));
        }
    }
    use crate::model::Span;
    use crate::model::{DateSource, DocDate};

    /// Loads synthetic documents `(file name, text, date)` through the real ingest and
    /// analysis, then drops the detected stances (tests add their own) and sets the dates.
    fn corpus_of(docs: &[(&str, &str, Option<&str>)]) -> Corpus {
        let dir = tempfile::tempdir().unwrap();
        for (name, text, _) in docs {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let mut c = super::super::load_corpus_with(Some(dir.path()), &LoadControl::default(), &Default::default())
            .expect("loads");
        c.stances.clear();
        for (name, _, date) in docs {
            let d = c
                .documents
                .iter_mut()
                .find(|d| d.path == *name)
                .expect("document loaded");
            d.date = date.map(|v| {
                let (date, precision) = crate::model::parse_value(v).expect("valid date");
                user_date(date, precision)
            });
        }
        c
    }

    /// Adds a stance event on the sentence of `doc` that contains `phrase` (the `nth` time).
    fn add(c: &mut Corpus, doc: &str, phrase: &str, nth: usize, actor: &str, target: &str, score: f32) -> StanceId {
        let d = c.documents.iter().find(|d| d.path == doc).expect("document");
        let at = d
            .text
            .match_indices(phrase)
            .nth(nth)
            .unwrap_or_else(|| panic!("{phrase:?} in {doc}"))
            .0;
        let sentence = d.sentence_at(at).expect("in a sentence");
        let entity = |n: &str| c.entity_named(n).unwrap_or_else(|| panic!("entity {n}"));
        let event = StanceEvent {
            doc: d.id,
            actor: entity(actor),
            speaker: None,
            target: entity(target),
            score,
            sentence: sentence as u32,
            cue_range: Span::new(at..at + phrase.len()),
            category: "endorse".into(),
            negated: false,
            explanation: "".into(),
            event_date: None,
            corrected: false,
            statement: None,
        };
        c.stances.push(event);
        StanceId(c.stances.len() as u32 - 1)
    }

    const STATEMENT: &str = "The Finnish Foreign Ministry said the accord on joint patrols in the Gulf of Finland \
        would strengthen regional security and deserved the full backing of Nordic partners.";
    const TRANSLATION: &str = "The accord on joint patrols in the Gulf of Finland will reinforce security in the \
        region and is worthy of full support from the Nordic partners, the Finnish foreign ministry stated.";
    const OTHER: &str = "Finland also supports the Estonian bid to host next year's summit of Baltic Sea states, \
        calling it an important step for cooperation on energy.";

    fn article(lead: &str, body: &str, tail: &str) -> String {
        format!("{lead}\n\n{body}\n\n{tail}\n")
    }

    fn sim(c: &Corpus, a: StanceId, b: StanceId) -> f32 {
        passage_similarity(c, a, b)
    }

    #[test]
    fn syndicated_verbatim_copy_groups() {
        let mut c = corpus_of(&[
            (
                "a.txt",
                &article(
                    "Finland and Estonia signed a border agreement on Tuesday.",
                    STATEMENT,
                    "Talks continue.",
                ),
                Some("2024-05-02"),
            ),
            (
                "b.txt",
                &article(
                    "Helsinki welcomed a deal with Tallinn.",
                    STATEMENT,
                    "Fishermen were sceptical.",
                ),
                Some("2024-05-01"),
            ),
        ]);
        let a = add(
            &mut c,
            "a.txt",
            "deserved the full backing",
            0,
            "Finland",
            "Estonia",
            0.8,
        );
        let b = add(
            &mut c,
            "b.txt",
            "deserved the full backing",
            0,
            "Finland",
            "Estonia",
            0.8,
        );
        assert_eq!(sim(&c, a, b), 1.0);
        let groups = group_copies(&c);
        // b.txt is dated a day earlier: it is the representative.
        assert_eq!(
            groups,
            [CopyGroup {
                representative: b,
                copies: vec![a],
                similarity: 1.0
            }]
        );
        assert_eq!(copy_of(&groups, c.stances.len()), [Some(b), None]);
    }

    #[test]
    fn reworded_translation_groups_but_a_different_statement_does_not() {
        let mut c = corpus_of(&[
            (
                "a.txt",
                &article("Finland and Estonia signed a border agreement.", STATEMENT, OTHER),
                Some("2024-05-01"),
            ),
            (
                "b.txt",
                &article(
                    "A new deal was signed in Tallinn on Tuesday.",
                    TRANSLATION,
                    "Fishermen were sceptical.",
                ),
                Some("2024-05-03"),
            ),
            (
                "c.txt",
                &article("Leaders met in Riga.", OTHER, "The summit ends on Friday."),
                Some("2024-05-02"),
            ),
        ]);
        let a = add(
            &mut c,
            "a.txt",
            "deserved the full backing",
            0,
            "Finland",
            "Estonia",
            0.8,
        );
        let b = add(&mut c, "b.txt", "worthy of full support", 0, "Finland", "Estonia", 1.0);
        let other_a = add(
            &mut c,
            "a.txt",
            "supports the Estonian bid",
            0,
            "Finland",
            "Estonia",
            0.5,
        );
        let other_c = add(
            &mut c,
            "c.txt",
            "supports the Estonian bid",
            0,
            "Finland",
            "Estonia",
            0.5,
        );
        let s = sim(&c, a, b);
        assert!((MIN_SIMILARITY..1.0).contains(&s), "translation: {s}");
        // The other statement sits right after the first one in a.txt: its neighbour matches,
        // but its own sentence does not.
        for (x, y) in [(other_c, a), (other_c, b), (other_a, b)] {
            let s = sim(&c, x, y);
            assert!(s < MIN_SIMILARITY, "{x:?} {y:?}: {s}");
        }
        let groups = group_copies(&c);
        assert_eq!(groups.len(), 2, "{groups:?}");
        assert_eq!(
            (groups[0].representative, groups[0].copies.as_slice()),
            (a, [b].as_slice())
        );
        assert_eq!(
            (groups[1].representative, groups[1].copies.as_slice()),
            (other_a, [other_c].as_slice())
        );
        assert_eq!(groups[0].similarity, s);
    }

    #[test]
    fn opposite_sign_same_document_and_far_apart_do_not_group() {
        let text = article("Border deal signed.", STATEMENT, OTHER);
        let mut c = corpus_of(&[
            (
                "a.txt",
                &article("Border deal signed.", &format!("{STATEMENT} {STATEMENT}"), OTHER),
                Some("2024-05-01"),
            ),
            ("b.txt", &text, Some("2024-05-15")),
            ("c.txt", &text, Some("2024-07-01")),
            (
                "d.txt",
                &article("Russia was not invited to the border talks.", STATEMENT, OTHER),
                Some("2024-05-03"),
            ),
        ]);
        // Twice in one document: not copies of each other.
        let a1 = add(
            &mut c,
            "a.txt",
            "deserved the full backing",
            0,
            "Finland",
            "Estonia",
            0.8,
        );
        let a2 = add(
            &mut c,
            "a.txt",
            "deserved the full backing",
            1,
            "Finland",
            "Estonia",
            0.8,
        );
        assert!(sim(&c, a1, a2) >= MIN_SIMILARITY);
        assert!(group_copies(&c).is_empty());
        // 14 days later: still a copy; 61 days later: not.
        let b = add(
            &mut c,
            "b.txt",
            "deserved the full backing",
            0,
            "Finland",
            "Estonia",
            0.8,
        );
        let far = add(
            &mut c,
            "c.txt",
            "deserved the full backing",
            0,
            "Finland",
            "Estonia",
            0.8,
        );
        // Same words, opposite direction; and a neutral reading is a third direction.
        let neg = add(
            &mut c,
            "d.txt",
            "deserved the full backing",
            0,
            "Finland",
            "Estonia",
            -0.6,
        );
        let neutral = add(
            &mut c,
            "d.txt",
            "deserved the full backing",
            0,
            "Finland",
            "Estonia",
            0.05,
        );
        // Another target.
        let other_target = add(
            &mut c,
            "d.txt",
            "deserved the full backing",
            0,
            "Finland",
            "Russia",
            0.8,
        );
        let groups = group_copies(&c);
        assert_eq!(groups.len(), 1, "{groups:?}");
        let g = &groups[0];
        assert_eq!(g.representative, a1);
        let mut members: Vec<StanceId> = g.members().collect();
        members.sort();
        assert!(
            members == [a1, b] || members == [a1, a2, b] || members == [a2, b],
            "{members:?}"
        );
        for x in [far, neg, neutral, other_target] {
            assert!(!members.contains(&x), "{x:?} grouped: {g:?}");
        }
        // Widening the window takes in the late copy.
        let wide = group_copies_with(
            &c.documents,
            &c.entities,
            &c.stances,
            &CopyRule {
                window_days: 90,
                ..CopyRule::default()
            },
        );
        assert!(wide.iter().any(|g| g.members().any(|m| m == far)), "{wide:?}");
        // Undated documents are compared with every date.
        c.documents.iter_mut().find(|d| d.path == "c.txt").unwrap().date = None;
        let groups = group_copies(&c);
        assert!(groups[0].members().any(|m| m == far), "{groups:?}");
        assert_eq!(groups[0].copies.last(), Some(&far), "undated sorts last");
    }

    #[test]
    fn neutral_copies_group() {
        let neutral = "Finland abstained in the vote on the Estonian draft resolution about fishing quotas, \
            saying the text needed more consultation with coastal communities.";
        let mut c = corpus_of(&[
            (
                "a.txt",
                &article("A vote was held.", neutral, "More later."),
                Some("2024-05-01"),
            ),
            (
                "b.txt",
                &article("The assembly voted.", neutral, "Nothing else."),
                Some("2024-05-02"),
            ),
        ]);
        let a = add(&mut c, "a.txt", "abstained", 0, "Finland", "Estonia", 0.0);
        let b = add(&mut c, "b.txt", "abstained", 0, "Finland", "Estonia", -0.1);
        let groups = group_copies(&c);
        assert_eq!(groups.len(), 1);
        assert_eq!(
            (groups[0].representative, groups[0].copies.as_slice()),
            (a, [b].as_slice())
        );
    }

    #[test]
    fn grouping_is_transitive() {
        // Each version rewrites part of the previous one: 1~2 and 2~3, but 1 and 3 share too little.
        let v1 = "The Finnish foreign ministry welcomed the Estonian decision to open new rail links, \
            expand ferry services and cut transit fees for freight companies.";
        let v2 = "The Finnish foreign ministry welcomed the Estonian decision to open new rail links and \
            expand ferry services, calling it good news for commuters and tourists.";
        let v3 = "Calling it good news for commuters and tourists, the ministry welcomed the Estonian plans \
            for faster trains and more ferry services across the gulf.";
        let mut c = corpus_of(&[
            (
                "a.txt",
                &article("Transport news.", v1, "Prices rose."),
                Some("2024-05-03"),
            ),
            (
                "b.txt",
                &article("Rail and sea links.", v2, "Unions objected."),
                Some("2024-05-01"),
            ),
            (
                "c.txt",
                &article("Travel update.", v3, "Weather was poor."),
                Some("2024-05-02"),
            ),
        ]);
        let a = add(&mut c, "a.txt", "welcomed", 0, "Finland", "Estonia", 0.7);
        let b = add(&mut c, "b.txt", "welcomed", 0, "Finland", "Estonia", 0.7);
        let cc = add(&mut c, "c.txt", "welcomed", 0, "Finland", "Estonia", 0.7);
        let (ab, bc, ac) = (sim(&c, a, b), sim(&c, b, cc), sim(&c, a, cc));
        assert!(ab >= MIN_SIMILARITY && bc >= MIN_SIMILARITY, "{ab} {bc}");
        assert!(ac < MIN_SIMILARITY, "{ac}");
        let groups = group_copies(&c);
        assert_eq!(groups.len(), 1, "{groups:?}");
        // Earliest first: b (1 May), then c (2 May), then a (3 May).
        assert_eq!(groups[0].representative, b);
        assert_eq!(groups[0].copies, [cc, a]);
        assert_eq!(groups[0].similarity, ab.min(bc));
    }

    #[test]
    fn conflicting_numbers_and_short_sentences_are_not_copies() {
        let mut c = corpus_of(&[
            (
                "a.txt",
                "Finland sent 40 rescue workers to Estonia after the storms, the ministry said.\n\nMore soon.\n",
                Some("2024-05-01"),
            ),
            (
                "b.txt",
                "Finland sent 300 rescue workers to Estonia after the storms, the ministry said.\n\nLater.\n",
                Some("2024-05-02"),
            ),
            (
                "c.txt",
                "Storms hit the coast.\n\nFinland supports Estonia.\n\nRoads closed.\n",
                Some("2024-05-01"),
            ),
            (
                "d.txt",
                "Talks were held.\n\nFinland supports Estonia.\n\nNo deal.\n",
                Some("2024-05-01"),
            ),
        ]);
        let a = add(&mut c, "a.txt", "sent", 0, "Finland", "Estonia", 0.5);
        let b = add(&mut c, "b.txt", "sent", 0, "Finland", "Estonia", 0.5);
        let x = add(&mut c, "c.txt", "supports", 0, "Finland", "Estonia", 0.5);
        let y = add(&mut c, "d.txt", "supports", 0, "Finland", "Estonia", 0.5);
        assert_eq!(sim(&c, a, b), 0.0);
        assert_eq!(sim(&c, x, y), 0.0, "one shared word is no evidence of a copy");
        assert!(group_copies(&c).is_empty());
    }

    #[test]
    fn stemming_meets_inflections() {
        for (a, b) in [
            ("welcomes", "welcome"),
            ("states", "state"),
            ("principles", "principle"),
            ("deserves", "deserve"),
            ("supported", "supporting"),
            ("regional", "region"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_eq!(stem("crisis"), "crisis");
        assert_eq!(direction(0.1), 0);
        assert_eq!(direction(-0.11), -1);
        assert_eq!(direction(f32::NAN), 0);
    }

    fn sample() -> Corpus {
        super::super::load_corpus_with(None, &LoadControl::default(), &Default::default()).expect("sample loads")
    }

    #[test]
    fn sample_translations_group_and_other_articles_do_not() {
        let mut c = sample();
        let doc = |c: &Corpus, prefix: &str| c.documents.iter().find(|d| d.path.starts_with(prefix)).expect("doc").id;
        let (d000, d001) = (doc(&c, "000"), doc(&c, "001"));
        // Every same-actor, same-target, same-direction pair from different documents: only
        // 000 and 001 (two translations of one statement) may be near-duplicates.
        let mut nearest_other = 0.0f32;
        for (i, a) in c.stances.iter().enumerate() {
            for (j, b) in c.stances.iter().enumerate().skip(i + 1) {
                if a.actor != b.actor
                    || a.target != b.target
                    || a.doc == b.doc
                    || direction(a.score) != direction(b.score)
                {
                    continue;
                }
                let s = sim(&c, StanceId(i as u32), StanceId(j as u32));
                if s >= 0.25 {
                    eprintln!(
                        "{} -> {}: {}#{} vs {}#{}: {s:.3}",
                        c.entity(a.actor).name,
                        c.entity(a.target).name,
                        c.doc(a.doc).file_name(),
                        a.sentence,
                        c.doc(b.doc).file_name(),
                        b.sentence,
                    );
                }
                let pair = [a.doc, b.doc];
                if !(pair.contains(&d000) && pair.contains(&d001)) {
                    nearest_other = nearest_other.max(s);
                }
            }
        }
        assert!(
            nearest_other < MIN_SIMILARITY - 0.1,
            "an unrelated pair scores {nearest_other}"
        );

        let check = |c: &Corpus| {
            let groups = group_copies(c);
            let kz = c.entity_named("Kazakhstan").expect("Kazakhstan");
            for target in ["China", "Ukraine"] {
                let t = c.entity_named(target).expect(target);
                let g = groups
                    .iter()
                    .find(|g| {
                        g.members().any(|m| c.stance(m).doc == d000 && c.stance(m).target == t)
                            && g.members().any(|m| c.stance(m).doc == d001)
                    })
                    .unwrap_or_else(|| panic!("Kazakhstan -> {target}: 000 and 001 not grouped: {groups:#?}"));
                assert!(g.members().all(|m| c.stance(m).actor == kz && c.stance(m).target == t));
                assert!(g.similarity >= MIN_SIMILARITY);
            }
            for g in &groups {
                for m in g.members() {
                    let d = c.stance(m).doc;
                    assert!(d == d000 || d == d001, "{g:?} takes in {}", c.doc(d).path);
                }
            }
            groups
        };
        let undated = check(&c);
        // With the true publication dates (as the analyst would set them) nothing changes...
        let set = |c: &mut Corpus, prefix: &str, v: &str| {
            let id = doc(c, prefix);
            let (date, precision) = crate::model::parse_value(v).expect("date");
            c.documents[id.index()].date = Some(user_date(date, precision));
        };
        for (prefix, v) in [("000", "2023-02-28"), ("001", "2023-02-25"), ("004", "2024-09-16")] {
            set(&mut c, prefix, v);
        }
        let dated = check(&c);
        assert_eq!(dated.len(), undated.len());
        // ...and 001 becomes the representative: it is the earlier one.
        assert!(
            dated.iter().all(|g| c.stance(g.representative).doc == d001),
            "{dated:#?}"
        );
        // Months apart, the same words are no longer one event.
        set(&mut c, "001", "2023-06-01");
        assert!(group_copies(&c).is_empty());
    }

    /// A date the analyst set, as `DocDate`.
    fn user_date(date: jiff::civil::Date, precision: crate::model::DatePrecision) -> DocDate {
        DocDate {
            date,
            precision,
            confidence: 1.0,
            source: DateSource::User,
            evidence: String::new(),
            evidence_range: None,
            reasoning: String::new(),
        }
    }

    /// A xorshift generator: `next(m)` is in `0..m`.
    fn xorshift(seed: u64) -> impl FnMut(usize) -> usize {
        let mut rng = seed;
        move |m: usize| {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            (rng % m as u64) as usize
        }
    }

    /// An empty corpus that knows `countries` (their ids, in order), and a blank document to
    /// copy for generated ones.
    fn country_corpus(countries: &[&str]) -> (Corpus, Document, Vec<EntityId>) {
        let text = countries.join(" and ") + ".";
        let mut c = corpus_of(&[("base.txt", &text, None)]);
        let mut base = c.documents[0].clone();
        base.mentions.clear();
        base.text.clear();
        base.sentences.clear();
        base.boilerplate_start = None;
        let ids = countries.iter().map(|n| c.entity_named(n).expect("country")).collect();
        c.documents.clear();
        (c, base, ids)
    }

    /// Generated document `i`: a copy of `base` with its id and path.
    fn blank_doc(base: &Document, i: usize) -> Document {
        let mut d = base.clone();
        d.id = crate::model::DocId(i as u32);
        d.path = format!("doc-{i:06}.txt");
        d
    }

    /// A stance event on the sentence `d` is about to get (the one starting at `start`).
    fn event_on_next_sentence(
        d: &Document,
        actor: EntityId,
        target: EntityId,
        score: f32,
        start: usize,
    ) -> StanceEvent {
        StanceEvent {
            doc: d.id,
            actor,
            speaker: None,
            target,
            score,
            sentence: d.sentences.len() as u32,
            cue_range: Span::new(start..start),
            category: "".into(),
            negated: false,
            explanation: "".into(),
            event_date: None,
            corrected: false,
            statement: None,
        }
    }

    /// A corpus of `n` generated documents (template sentences, 16 countries, one in five
    /// undated, the others dated within `spread_days` days from 2014-01-01), with one stance
    /// event per stance-bearing sentence.
    fn generated(n: usize, spread_days: usize) -> Corpus {
        const COUNTRIES: [&str; 16] = [
            "Kazakhstan",
            "Russia",
            "Ukraine",
            "China",
            "Germany",
            "France",
            "Poland",
            "Turkey",
            "Japan",
            "India",
            "Brazil",
            "Finland",
            "Estonia",
            "Georgia",
            "Armenia",
            "Serbia",
        ];
        const STANCE: [(&str, f32); 6] = [
            (
                "{A}'s Foreign Ministry said it supports the territorial integrity of {B}.",
                0.5,
            ),
            (
                "Officials in {A} condemned the strikes on {B} and demanded an immediate ceasefire.",
                -0.8,
            ),
            ("On {D}, {A} called for dialogue with {B} on the disputed border.", 0.6),
            (
                "{A} welcomed the peace plan put forward by {B}, calling it worthy of support.",
                1.0,
            ),
            ("{A} abstained in the vote on the resolution about {B}.", 0.0),
            ("{A} accused {B} of violating the agreement reached last year.", -0.7),
        ];
        const FILLER: [&str; 4] = [
            "The talks covered grain exports, border crossings and the exchange of prisoners.",
            "Analysts said the statement reflected a balanced position rather than a change of course.",
            "The ministry added that humanitarian aid would continue to reach civilians.",
            "Observers noted that nobody took sides during the debate.",
        ];
        let (mut c, base, ids) = country_corpus(&COUNTRIES);
        let mut next = xorshift(0x2545_F491_4F6C_DD1Du64);
        for i in 0..n {
            let mut d = blank_doc(&base, i);
            for _ in 0..20 + next(10) {
                let start = d.text.len();
                if next(10) < 6 {
                    let (t, score) = STANCE[next(STANCE.len())];
                    let (a, b) = (next(16), next(16));
                    let date = format!("{} {}", 1 + next(28), ["March", "May", "October"][next(3)]);
                    d.text.push_str(
                        &t.replace("{A}", COUNTRIES[a])
                            .replace("{B}", COUNTRIES[b])
                            .replace("{D}", &date),
                    );
                    c.stances.push(event_on_next_sentence(&d, ids[a], ids[b], score, start));
                } else {
                    d.text.push_str(FILLER[next(FILLER.len())]);
                }
                d.sentences.push(start..d.text.len());
                d.text.push(' ');
            }
            d.date = (next(5) > 0).then(|| {
                let date = jiff::civil::date(2014, 1, 1) + jiff::Span::new().days(next(spread_days) as i64);
                user_date(date, crate::model::DatePrecision::Day)
            });
            c.documents.push(d);
        }
        c
    }

    /// The groups as sets of events (representatives and weakest links aside: which pair
    /// joins a group first depends on the order events are met in).
    fn member_sets(groups: &[CopyGroup], original: impl Fn(u32) -> u32) -> Vec<Vec<u32>> {
        let mut sets: Vec<Vec<u32>> = groups
            .iter()
            .map(|g| {
                let mut m: Vec<u32> = g.members().map(|i| original(i.0)).collect();
                m.sort_unstable();
                m
            })
            .collect();
        sets.sort();
        sets
    }

    #[test]
    fn events_out_of_document_order_or_out_of_range_are_grouped_alike() {
        let c = generated(300, 40);
        let rule = CopyRule::default();
        let plain = group_copies_with(&c.documents, &c.entities, &c.stances, &rule);
        assert!(plain.len() > 10, "{} groups", plain.len());
        // The table scattered: a document's events are no longer together, so each is read in
        // several runs.
        let mut order: Vec<u32> = (0..c.stances.len() as u32).collect();
        order.sort_by_key(|&i| (i % 7, i));
        let mut scattered: Vec<StanceEvent> = order.iter().map(|&i| c.stances[i as usize].clone()).collect();
        // And two events without a passage: a document and a sentence that do not exist.
        let mut no_doc = c.stances[0].clone();
        no_doc.doc = crate::model::DocId(c.documents.len() as u32);
        let mut no_sentence = c.stances[1].clone();
        no_sentence.sentence = 100_000;
        scattered.insert(5, no_doc);
        scattered.insert(3000, no_sentence);
        order.insert(5, u32::MAX);
        order.insert(3000, u32::MAX - 1);
        let found = group_copies_with(&c.documents, &c.entities, &scattered, &rule);
        let found_sets = member_sets(&found, |i| order[i as usize]);
        assert!(
            found_sets.iter().flatten().all(|&i| i < u32::MAX - 1),
            "an event without a passage was grouped"
        );
        assert_eq!(found_sets, member_sets(&plain, |i| i));
    }

    #[test]
    fn generated_groups_are_consistent_and_match_brute_force() {
        let c = generated(400, 12 * 365);
        assert_consistent_and_brute_force(&c);
    }

    /// Most dated events have more than `DIRECT_RUN` others of their bucket in their window:
    /// the candidates come from the dated index.
    #[test]
    fn dense_dates_match_brute_force() {
        let c = generated(3000, 20);
        assert_consistent_and_brute_force(&c);
    }

    /// A corpus of `n` documents, four in five undated, whose evidence sentences are random
    /// subsets of a dozen content words (sometimes with a number) between shared neighbour
    /// sentences: the evidence overlaps of the pairs spread over the whole 0..1 range, around
    /// the threshold too, and many events share their evidence (classes), some within one
    /// document (a class that is not one group).
    fn varied(n: usize) -> Corpus {
        const COUNTRIES: [&str; 6] = ["Finland", "Estonia", "Latvia", "Lithuania", "Poland", "Norway"];
        const WORDS: [&str; 24] = [
            "grain",
            "corridor",
            "harbour",
            "convoy",
            "tariff",
            "pipeline",
            "reactor",
            "railway",
            "vaccine",
            "satellite",
            "fishery",
            "glacier",
            "lighthouse",
            "orchard",
            "quarry",
            "tunnel",
            "vineyard",
            "copper",
            "timber",
            "ferry",
            "airport",
            "meadow",
            "textile",
            "turbine",
        ];
        const NEIGHBOURS: [&str; 3] = [
            "Inspectors visited the northern depots and counted barrels of diesel.",
            "Engineers repaired the bridge before the winter storms arrived.",
            "Farmers complained about prices at the weekly market in the capital.",
        ];
        const STATEMENTS: usize = 12;
        let (mut c, base, ids) = country_corpus(&COUNTRIES);
        let mut next = xorshift(0x9E37_79B9_7F4A_7C15u64);
        for i in 0..n {
            let mut d = blank_doc(&base, i);
            let mut last_evidence = String::new();
            for _ in 0..6 + next(6) {
                let start = d.text.len();
                if next(2) == 0 {
                    // Now and then the same sentence again in the same document.
                    let evidence = if !last_evidence.is_empty() && next(6) == 0 {
                        last_evidence.clone()
                    } else {
                        // One of a few statements, with each word replaced now and then.
                        let statement = next(STATEMENTS);
                        let words: Vec<&str> = (0..8)
                            .map(|k| {
                                if next(4) == 0 {
                                    WORDS[next(WORDS.len())]
                                } else {
                                    WORDS[(statement * 5 + k * 7) % WORDS.len()]
                                }
                            })
                            .collect();
                        let number = ["", " 12", " 40"][next(3)];
                        let (a, b) = (next(COUNTRIES.len()), next(COUNTRIES.len()));
                        format!("{} {}{number} {}.", COUNTRIES[a], words.join(" "), COUNTRIES[b])
                    };
                    let (a, b) = (
                        COUNTRIES
                            .iter()
                            .position(|n| evidence.starts_with(n))
                            .expect("actor first"),
                        COUNTRIES
                            .iter()
                            .position(|n| evidence.ends_with(&format!("{n}.")))
                            .expect("target last"),
                    );
                    d.text.push_str(&evidence);
                    last_evidence = evidence;
                    c.stances.push(event_on_next_sentence(&d, ids[a], ids[b], 0.5, start));
                } else {
                    d.text.push_str(NEIGHBOURS[next(NEIGHBOURS.len())]);
                }
                d.sentences.push(start..d.text.len());
                d.text.push(' ');
            }
            d.date = (next(5) == 0).then(|| {
                let date = jiff::civil::date(2020, 1, 1) + jiff::Span::new().days(next(30) as i64);
                user_date(date, crate::model::DatePrecision::Day)
            });
            c.documents.push(d);
        }
        c
    }

    /// Mostly undated events whose evidence overlaps lie on both sides of the threshold: the
    /// classes' candidate search and its shortcuts (the evidence gate per class pair, classes
    /// already joined) miss no pair.
    #[test]
    fn varied_undated_evidence_matches_brute_force() {
        let c = varied(250);
        assert_consistent_and_brute_force(&c);
    }

    /// The groups of `c` are well formed and are the connected components of the copy
    /// relation computed pair by pair.
    fn assert_consistent_and_brute_force(c: &Corpus) {
        let groups = group_copies(c);
        assert!(groups.len() > 10, "{}", groups.len());
        let day = |m: StanceId| c.doc(c.stance(m).doc).date.as_ref().map(|d| d.plot_day());
        let mut seen = vec![false; c.stances.len()];
        for g in &groups {
            let first = c.stance(g.representative);
            for m in g.members() {
                assert!(!std::mem::replace(&mut seen[m.index()], true), "{m:?} in two groups");
                let s = c.stance(m);
                assert_eq!(
                    (s.actor, s.target, direction(s.score)),
                    (first.actor, first.target, direction(first.score))
                );
                // Each member is linked to another member of another document, undated or in
                // its window.
                assert!(g.members().any(|o| c.stance(o).doc != s.doc
                    && match (day(m), day(o)) {
                        (Some(a), Some(b)) => (a - b).abs() <= f64::from(WINDOW_DAYS),
                        _ => true,
                    }));
            }
            assert!((MIN_SIMILARITY..=1.0).contains(&g.similarity));
            let dated: Vec<f64> = g.members().filter_map(day).collect();
            let rep = day(g.representative);
            assert!(
                rep.is_some() || dated.is_empty(),
                "an undated representative before a dated copy"
            );
            assert!(
                dated.iter().all(|d| rep.is_some_and(|r| r <= *d)),
                "not the earliest: {g:?}"
            );
        }
        // The candidate search (date window, inverted indexes) misses no pair: the groups are
        // the connected components of the copy relation computed pair by pair.
        let n = c.stances.len();
        let mut sets = UnionFind::new(n);
        let names = NameWords::new(&c.entities, &c.stances);
        let mut store = PassageStore::default();
        for s in &c.stances {
            reference_passage(&mut store, c.doc(s.doc), s, &names);
        }
        let passages: Vec<Passage<'_>> = (0..n).map(|i| store.get(i)).collect();
        // Pair by pair within each (actor, target, direction).
        let mut by_bucket: Vec<usize> = (0..n).collect();
        let bucket = |i: usize| {
            let s = &c.stances[i];
            (s.actor, s.target, direction(s.score))
        };
        by_bucket.sort_by_key(|&i| (bucket(i), i));
        for run in by_bucket.chunk_by(|&i, &j| bucket(i) == bucket(j)) {
            for (k, &i) in run.iter().enumerate() {
                for &j in &run[k + 1..] {
                    let (a, b) = (&c.stances[i], &c.stances[j]);
                    let (da, db) = (day(StanceId(i as u32)), day(StanceId(j as u32)));
                    if a.doc != b.doc
                        && da.zip(db).is_none_or(|(x, y)| (x - y).abs() <= f64::from(WINDOW_DAYS))
                        && passages[i].similarity(&passages[j]) >= MIN_SIMILARITY
                    {
                        let (ri, rj) = (sets.find(i as u32), sets.find(j as u32));
                        if ri != rj {
                            sets.union(ri, rj);
                        }
                    }
                }
            }
        }
        let mut expected: HashMap<u32, Vec<u32>> = HashMap::new();
        for i in 0..n as u32 {
            expected.entry(sets.find(i)).or_default().push(i);
        }
        let mut expected: Vec<Vec<u32>> = expected.into_values().filter(|m| m.len() > 1).collect();
        expected.sort();
        let mut got: Vec<Vec<u32>> = groups
            .iter()
            .map(|g| {
                let mut m: Vec<u32> = g.members().map(|m| m.0).collect();
                m.sort_unstable();
                m
            })
            .collect();
        got.sort();
        assert_eq!(got, expected);
    }

    /// `cargo test --release --lib copies::tests::scale -- --ignored --nocapture`
    /// (`COPIES_SCALE_DOCS`, default 100,000).
    #[test]
    #[ignore = "timing run"]
    fn scale() {
        let n = std::env::var("COPIES_SCALE_DOCS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(100_000);
        let t = std::time::Instant::now();
        let c = generated(n, 12 * 365);
        eprintln!(
            "generated {n} documents, {} stance events in {:?}",
            c.stances.len(),
            t.elapsed()
        );
        let t = std::time::Instant::now();
        let groups = group_copies(&c);
        let copies: usize = groups.iter().map(|g| g.copies.len()).sum();
        eprintln!("{} groups, {copies} copies in {:?}", groups.len(), t.elapsed());
    }
    /// A passage built directly from the document, each sentence tokenised for the event
    /// (how passages were built before the shared sentence words): the reference the
    /// brute-force tests compare the grouping with.
    fn reference_passage(store: &mut PassageStore, doc: &Document, s: &StanceEvent, names: &NameWords) {
        let first = s.sentence_index().saturating_sub(1);
        let last = (s.sentence_index() + 1).min(doc.sentences.len() - 1);
        let span = doc.sentences.range(first).start..doc.sentences.range(last).end;
        let mut own: Vec<u32> = doc
            .mentions
            .iter()
            .filter(|(e, r)| {
                (*e == s.actor || *e == s.target) && r.range().start < span.end && r.range().end > span.start
            })
            .flat_map(|(_, r)| words_of(&doc.text[r.range()]).into_iter().map(|w| w.hash))
            .collect();
        own.sort_unstable();
        own.dedup();
        let (actor_words, target_words) = (names.of(s.actor), names.of(s.target));
        let mut tagged: Vec<(u32, u8)> = Vec::new();
        let mut add_sentence = |i: usize, bit: u8| {
            for w in words_of(doc.sentence_text(i)) {
                if actor_words.binary_search(&w.hash).is_ok()
                    || target_words.binary_search(&w.hash).is_ok()
                    || own.binary_search(&w.hash).is_ok()
                {
                    continue;
                }
                let number = if bit == IN_E && w.number { NUMBER_IN_E } else { 0 };
                tagged.push((w.hash, bit | number));
            }
        };
        add_sentence(s.sentence_index(), IN_E);
        if let Some(p) = s.sentence_index().checked_sub(1).filter(|&p| is_neighbour(doc, p)) {
            add_sentence(p, IN_PREV);
        }
        if is_neighbour(doc, s.sentence_index() + 1) {
            add_sentence(s.sentence_index() + 1, IN_NEXT);
        }
        tagged.sort_unstable();
        let start = store.words.len();
        for (w, m) in tagged {
            if store.words.len() > start && store.words.last() == Some(&w) {
                *store.masks.last_mut().expect("same length") |= m;
            } else {
                store.words.push(w);
                store.masks.push(m);
            }
        }
        store.end_passage(start);
    }

    /// Passages built from the shared sentence words are the passages built directly from the
    /// text: same words, same spans, same numbers (on corpora with neighbours in boilerplate,
    /// numbers, repeated words and names inside the passage). The sample is also read with its
    /// entities' aliases dropped, so that mentions written otherwise than the name ("Astana",
    /// "Kazakh") give words of their own to drop.
    #[test]
    fn passages_from_sentence_words_match_the_text() {
        let mut without_aliases = sample();
        for e in &mut without_aliases.entities {
            e.aliases.clear();
        }
        for (k, c) in [sample(), without_aliases, generated(300, 40), varied(300)]
            .into_iter()
            .enumerate()
        {
            let names = NameWords::new(&c.entities, &c.stances);
            let table = SentenceWords::new(&c.documents, &c.stances, &names);
            if k == 1 {
                assert!(!table.own_index.is_empty(), "mentions not written as the name");
            }
            let (mut built, mut expected) = (PassageStore::default(), PassageStore::default());
            for (i, s) in c.stances.iter().enumerate() {
                built.add_event(i, s, &names, &table);
                reference_passage(&mut expected, c.doc(s.doc), s, &names);
            }
            assert!(built.words.len() > c.stances.len(), "passages have words");
            for k in 0..c.stances.len() {
                let (a, b) = (built.get(k), expected.get(k));
                assert_eq!(
                    (a.words, a.masks, a.sizes, a.has_number),
                    (b.words, b.masks, b.sizes, b.has_number),
                    "passage of event {k}"
                );
            }
        }
    }
}
