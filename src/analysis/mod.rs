//! Analysis: sentences, layout, dates, entities and stance, turning ingested files
//! into the shared [`Corpus`](crate::model::Corpus).
//!
//! Everything here is pure and parallel over documents; the editable data (gazetteer,
//! lexicon) is passed in as [`Resources`].

pub mod align;
pub mod candidates;
pub mod copies;
pub mod date_expr;
pub mod dating;
pub mod events;
pub mod framing;
pub mod gazetteer;
mod inflect;
mod instruments;
pub mod layout;
pub mod lexicon;
pub mod sentences;
pub mod similar;
pub mod stance;
pub mod text;
pub mod word_start;

use crate::corrections::{CorrectionStore, Corrections};
use crate::ingest::{Cancelled, Ingested, LoadControl, LoadPhase, RawDocument};
use crate::model::{Corpus, DocId, Document, Entity, EntityId, LoadProblem, StanceEvent};
use gazetteer::Gazetteer;
use jiff::civil::Date;
use lexicon::Lexicon;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use text::FastMap;

/// The editable data the analysis runs on.
#[derive(Debug, Clone)]
pub struct Resources {
    /// Known entities.
    pub gazetteer: Gazetteer,
    /// Stance cues.
    pub lexicon: Lexicon,
    /// Problems reading per-corpus overrides (shown as load problems).
    pub problems: Vec<LoadProblem>,
    /// Explanations shared by the documents of one load: events explained alike (copies of
    /// one statement, one template) hold one string.
    /// (A clone shares them.)
    explanations: std::sync::Arc<std::sync::Mutex<text::FastSet<crate::model::SharedStr>>>,
}

/// Folder inside a corpus where the app keeps its own files.
pub const SIDECAR_DIR: &str = ".stance-explorer";

impl Resources {
    /// The shipped gazetteer and lexicon, with overrides from
    /// `<corpus>/.stance-explorer/{gazetteer,lexicon}.toml` when `corpus` has them.
    /// A broken override is reported and ignored.
    pub fn load(corpus: Option<&Path>) -> Resources {
        let mut problems = Vec::new();
        let read = |name: &str, problems: &mut Vec<LoadProblem>| -> Option<String> {
            let path = corpus?.join(SIDECAR_DIR).join(name);
            match std::fs::read_to_string(&path) {
                Ok(s) => Some(s),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => {
                    problems.push(LoadProblem {
                        path: format!("{SIDECAR_DIR}/{name}"),
                        reason: format!("cannot be read: {e}"),
                    });
                    None
                }
            }
        };
        let gaz_overrides = read("gazetteer.toml", &mut problems)
            .and_then(|s| match Gazetteer::parse(&s) {
                Ok(v) => Some(v),
                Err(e) => {
                    problems.push(LoadProblem {
                        path: format!("{SIDECAR_DIR}/gazetteer.toml"),
                        reason: format!("ignored, not valid: {e}"),
                    });
                    None
                }
            })
            .unwrap_or_default();
        let gazetteer = Gazetteer::with_overrides(gaz_overrides.clone())
            .or_else(|e| {
                problems.push(LoadProblem {
                    path: format!("{SIDECAR_DIR}/gazetteer.toml"),
                    reason: format!("ignored: {e}"),
                });
                Gazetteer::with_overrides(Vec::new())
            })
            .expect("the shipped gazetteer is valid (checked by tests)");
        let lex_src = read("lexicon.toml", &mut problems);
        let lexicon = Lexicon::with_override(lex_src.as_deref())
            .or_else(|e| {
                problems.push(LoadProblem {
                    path: format!("{SIDECAR_DIR}/lexicon.toml"),
                    reason: format!("ignored, not valid: {e}"),
                });
                Lexicon::with_override(None)
            })
            .expect("the shipped lexicon is valid (checked by tests)");
        Resources {
            gazetteer,
            lexicon,
            problems,
            explanations: Default::default(),
        }
    }
}

/// Today's date in the local time zone.
pub fn today() -> Date {
    jiff::Zoned::now().date()
}

#[derive(Clone)]
struct DocAnalysis {
    doc: Document,
    /// Gazetteer entry and span of each mention (12 bytes: the full match is only needed
    /// while the document is analysed, and a corpus holds millions until the merge).
    mentions: Vec<(u32, crate::model::Span)>,
    /// The document's stance events, with gazetteer entries for entity ids (see
    /// [`Analysed::push`]).
    stances: Vec<StanceEvent>,
    candidates: Vec<candidates::Candidate>,
    /// Why the stance rules failed on this document, when they did (listed as a problem).
    stance_failure: Option<String>,
}

/// The documents analysed so far, and their stance events in one table.
///
/// A dense corpus holds an event per 120 bytes of text. Each batch's events move into the one
/// table as soon as the batch is analysed, so the memory of the per-document lists is reused by
/// the next batch. Held to the merge, those lists would stay resident next to the corpus table
/// the merge builds (malloc keeps freed small blocks for reuse, and nothing reused them).
#[derive(Clone, Default)]
struct Analysed {
    docs: Vec<DocAnalysis>,
    /// Every document's events, in document order. `actor`, `target` and a speaker's entity
    /// are gazetteer entries until [`assemble`] maps them to entity ids.
    stances: Vec<StanceEvent>,
}

impl Analysed {
    fn with_capacity(docs: usize) -> Analysed {
        Analysed {
            docs: Vec::with_capacity(docs),
            stances: Vec::new(),
        }
    }

    /// Adds a batch of analysed documents (in document order), moving their events into the
    /// one table.
    fn push(&mut self, batch: Vec<DocAnalysis>) {
        self.stances.reserve(batch.iter().map(|a| a.stances.len()).sum());
        for mut a in batch {
            self.stances.extend(std::mem::take(&mut a.stances));
            self.docs.push(a);
        }
    }
}

/// Analyses one document, timing each step in `control`.
fn analyse_document(
    id: DocId,
    raw: RawDocument,
    res: &Resources,
    today: Date,
    corrections: &Corrections,
    control: &LoadControl,
) -> DocAnalysis {
    use crate::ingest::AnalysisStep as Step;
    let markup = if raw.format == crate::model::DocFormat::Markdown {
        crate::ingest::markdown::markup_spans(&raw.text)
    } else {
        Vec::new()
    };
    // A Markdown file is read without its links' addresses (blanked, so offsets hold); the
    // document keeps its text as written.
    let (text, as_written) = match crate::ingest::markdown::without_addresses(&raw.text, &markup) {
        Some(read) => (read, Some(raw.text)),
        None => (raw.text, None),
    };
    control.add_text_bytes(text.len() as u64);
    // Folded once, for the layout's line words, the gazetteer and the tokens.
    let folded = control.timed(Step::Entities, || text::Folded::new(&text));
    // The lines, and which breaks only wrap a paragraph, for the layout and the sentences.
    let lines = control.timed(Step::Sentences, || sentences::TextLines::new(&text));
    let layout = control.timed(Step::Layout, || layout::analyse_folded_layout(&folded, &lines));
    let sentences = control.timed(Step::Sentences, || sentences::split_sentences_in(&text, &lines));
    drop(lines);
    // The date tokens of the text before its boilerplate, when dating cuts them: the event
    // dates read their sentences' expressions from them. Not kept for a huge text, where they
    // would be held beside its other tokens.
    let date_tokens = std::cell::OnceCell::new();
    let dating = control.timed(Step::Dating, || {
        dating::date_document_with(
            &dating::DatingInput {
                text: &text,
                path: &raw.path,
                meta_date: raw.meta_date.as_ref(),
                source_url: raw.source_url.as_deref(),
                body_start: layout.body_start,
                boilerplate_start: layout.boilerplate_start,
                today,
            },
            &date_tokens,
        )
    });
    let date_tokens = date_tokens
        .into_inner()
        .filter(|_| text.len() <= KEEP_DATE_TOKENS_BYTES);
    let detected = dating.clone();
    let dating = match corrections.date_for(&raw.path) {
        Some(None) => dating::Dating {
            date: None,
            note: Some(crate::corrections::UNDATED_BY_USER.into()),
        },
        Some(date) => dating::Dating { date, note: None },
        None => dating,
    };
    // Word starts are found with the tokens, and the gazetteer looks names up there.
    let (tokens, word_starts) = control.timed(Step::Tokens, || res.lexicon.tokens_and_word_starts(&folded));
    let mentions = control.timed(Step::Entities, || res.gazetteer.find_at(&text, &folded, &word_starts));
    drop(word_starts);
    let mut stance_failure = None;
    let (stances, quotes, cue_hits) = control.timed(Step::Stance, || {
        let quotes = stance::quoted_ranges(&text);
        // Found once over the whole text, for the stance sentences and the framing marks.
        let cue_hits = res.lexicon.cue_matcher.find(&tokens);
        let input = stance::StanceInput {
            text: &text,
            sentences: &sentences,
            tokens: &tokens,
            mentions: &mentions,
            boilerplate_start: layout.boilerplate_start,
            doc_date: dating.date.as_ref().map(|d| d.date),
            quotes: &quotes,
            cue_hits: &cue_hits,
        };
        // The stance rules are many: should one fail on a text no one foresaw, this document
        // is shown without events (and listed as a problem), and the rest of the folder loads.
        let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            stance::find_stances(&input, &res.gazetteer, &res.lexicon)
        }));
        let stances = found.unwrap_or_else(|panic| {
            stance_failure = Some(format!("{STANCE_FAILED}: {}", panic_message(panic.as_ref())));
            Vec::new()
        });
        (stances, quotes, cue_hits)
    });
    let framing = control.timed(Step::Framing, || {
        framing::framing_marks(&tokens, &cue_hits, &quotes, &res.lexicon)
    });
    let content_end = layout.boilerplate_start.unwrap_or(text.len());
    let candidates = control.timed(Step::Candidates, || {
        let content_sentences: Vec<std::ops::Range<usize>> = sentences
            .iter()
            .filter(|r| r.start >= layout.body_start && r.start < content_end)
            .cloned()
            .collect();
        let mut found = candidates::find_candidates(&text, &content_sentences, &mentions, content_end);
        candidates::mark_lower_case_uses(&text, &tokens, &mut found);
        found
    });
    let mut stances = stances;
    let pub_date = dating.date.as_ref();
    control.timed(Step::EventDates, || {
        // Events come in sentence order: each sentence is scanned for dates once.
        let mut scanned: Option<(usize, Vec<date_expr::DateExpr>)> = None;
        for s in &mut stances {
            let r = &sentences[s.sentence];
            let sentence = &text[r.clone()];
            let exprs = match &scanned {
                Some((i, exprs)) if *i == s.sentence => exprs,
                _ => {
                    let exprs = date_tokens
                        .as_ref()
                        .and_then(|t| t.exprs_in(r.clone()))
                        .unwrap_or_else(|| date_expr::find_date_exprs(sentence));
                    &scanned.insert((s.sentence, exprs)).1
                }
            };
            s.event_date =
                dating::event_date_among(exprs, sentence, r.start, s.cue_range.start, pub_date).map(Box::new);
        }
    });
    drop(date_tokens);
    // These live until the corpus is built (the sentences and framing for good): no
    // spare capacity from growing them.
    let mentions: Vec<(u32, crate::model::Span)> = mentions
        .iter()
        .map(|m| (m.entry as u32, crate::model::Span::new(m.range.clone())))
        .collect();
    let mut framing = framing;
    framing.shrink_to_fit();
    let mut candidates = candidates;
    candidates.shrink_to_fit();
    // A dense corpus holds hundreds of thousands of events: equal explanations are shared
    // (one lock per document), and reasonings built by `format!` keep no growth slack.
    if !stances.is_empty() {
        let mut shared = res
            .explanations
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        for s in &mut stances {
            match shared.get(&s.explanation) {
                Some(e) => s.explanation = e.clone(),
                None => {
                    shared.insert(s.explanation.clone());
                }
            }
        }
    }
    // Entity ids stay gazetteer entries until the merge numbers the entities.
    let entry = |e: usize| EntityId(e as u32);
    let stances: Vec<StanceEvent> = stances
        .into_iter()
        .map(|s| StanceEvent {
            doc: id,
            actor: entry(s.actor),
            target: entry(s.target),
            speaker: s.speaker,
            score: s.score,
            sentence: s.sentence as u32,
            cue_range: crate::model::Span::new(s.cue_range),
            category: s.category,
            negated: s.negated,
            explanation: s.explanation,
            event_date: s.event_date,
            corrected: false,
            statement: None,
        })
        .collect();
    let title = raw
        .title
        .or(layout.title)
        .or_else(|| sentences.first().map(|r| clip(&text[r.clone()], 90)))
        .unwrap_or_else(|| raw.path.clone());
    let doc = Document {
        id,
        path: raw.path,
        title,
        outlet: raw.outlet.or(layout.outlet),
        source_url: raw.source_url,
        format: raw.format,
        encoding: raw.encoding,
        sentences: crate::model::Spans::from_ranges(&sentences),
        boilerplate_start: layout.boilerplate_start,
        date: dating.date,
        date_note: dating.note,
        detected_date: detected.date,
        detected_note: detected.note,
        mentions: Vec::new(),
        notices: {
            let mut notices = raw.notices;
            notices.extend(stance_failure.clone());
            notices
        },
        framing,
        markup,
        text: as_written.unwrap_or(text),
    };
    DocAnalysis {
        doc,
        mentions,
        stances,
        candidates,
        stance_failure,
    }
}

/// How a document whose stance analysis failed is noted and listed among the problems.
pub const STANCE_FAILED: &str = "stance analysis failed on an internal error; shown without stance events";

/// The message a panic carried (`panic!("…")`, a failed index, an `expect`).
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".to_string())
}

fn clip(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let cut: String = s.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    format!("{cut}…")
}

/// Builds the corpus from ingested files: analysis in parallel, then entities and
/// indexes. Cancellable through `control`.
pub fn build_corpus(
    ingested: Ingested,
    res: &Resources,
    corrections: &Corrections,
    today: Date,
    control: &LoadControl,
    root: Option<PathBuf>,
    label: String,
) -> Result<Corpus, Cancelled> {
    control.set_phase(LoadPhase::Analysing);
    let mut analyses = Analysed::with_capacity(ingested.documents.len());
    analyses.push(
        ingested
            .documents
            .into_par_iter()
            .enumerate()
            .map(|(i, raw)| {
                let a = analyse_document(DocId(i as u32), raw, res, today, corrections, control);
                control.doc_analysed();
                a
            })
            .collect(),
    );
    control.check()?;
    let corpus = control.timed(crate::ingest::AnalysisStep::Merge, || {
        let mut c = finish_corpus(analyses, ingested.problems, res, root, label);
        c.index_stances();
        c
    });
    control.set_phase(LoadPhase::Done);
    Ok(corpus)
}

/// Entities, stance events and reference events from analysed documents, with the entity-name
/// table of the index; the stance tables of the index are left to the caller ([`Corpus::index_stances`]).
fn finish_corpus(
    mut analyses: Analysed,
    mut problems: Vec<LoadProblem>,
    res: &Resources,
    root: Option<PathBuf>,
    label: String,
) -> Corpus {
    problems.extend(res.problems.iter().cloned());
    problems.extend(analyses.docs.iter().filter_map(|a| {
        Some(LoadProblem {
            path: a.doc.path.clone(),
            reason: a.stance_failure.clone()?,
        })
    }));
    let (events, event_problems) = events::load_events(root.as_deref());
    problems.extend(event_problems);
    let extra = merge_candidates(&mut analyses.docs, res.gazetteer.entries.len());
    let mut corpus = assemble(analyses, &res.gazetteer, &extra, root, label, problems);
    corpus.events = events;
    events::keep_events_about(&mut corpus);
    corpus
}

/// Texts up to this size keep the date tokens the dating step cut, for the event dates (a
/// token is some 56 bytes: about ten bytes for each byte of text). A larger text's events scan their own
/// sentences instead.
const KEEP_DATE_TOKENS_BYTES: usize = 256 << 10;

/// Files read and analysed in the first batch of a streamed load: small, so the first
/// results show within a fraction of a second on any folder.
const FIRST_BATCH_FILES: usize = 48;
/// Largest batch of a streamed load (batches double up to this).
const MAX_BATCH_FILES: usize = 4096;
/// Shortest time between two partial corpora of a streamed load; the gap also grows with
/// the load (a third of the time so far), so building partial corpora stays a small share.
const MIN_PARTIAL_INTERVAL: std::time::Duration = std::time::Duration::from_millis(700);

/// Reads and analyses the files under `root` in growing batches. After the first batch, and
/// then at growing intervals until a third of the files are done, `partial` receives a
/// corpus of the documents analysed so far
/// (with `corrections` applied), so a viewer can show results long before the whole folder
/// is done. Returns the complete corpus; document ids are the same in every partial corpus
/// and the final one (files in path order).
pub fn stream_folder(
    root: &Path,
    res: &Resources,
    corrections: &Corrections,
    today: Date,
    control: &LoadControl,
    mut partial: Option<&mut dyn FnMut(Corpus)>,
) -> Result<Corpus, Cancelled> {
    control.set_phase(LoadPhase::Listing);
    let listing = crate::ingest::list_files(root, control)?;
    let mut files = listing.files;
    files.sort_by(|a, b| a.rel_path.cmp(&b.rel_path));
    control.set_total(files.len());
    control.set_phase(LoadPhase::Reading);
    let label = root
        .file_name()
        .map_or_else(|| root.display().to_string(), |n| n.to_string_lossy().into_owned());
    let started = std::time::Instant::now();
    let mut next_partial = std::time::Duration::ZERO;
    let mut analyses = Analysed::with_capacity(files.len());
    let mut problems = listing.problems;
    let mut batch = FIRST_BATCH_FILES;
    let mut pos = 0;
    while pos < files.len() {
        let end = (pos + batch).min(files.len());
        let read: Vec<_> = files[pos..end]
            .par_iter()
            .map(|entry| crate::ingest::read_entry(entry, control))
            .collect();
        control.check()?;
        let mut raws = Vec::with_capacity(read.len());
        for r in read {
            match r {
                Ok(d) => raws.push(d),
                Err(p) => problems.push(p),
            }
        }
        control.set_phase(LoadPhase::Analysing);
        let base = analyses.docs.len();
        let analysed: Vec<DocAnalysis> = raws
            .into_par_iter()
            .enumerate()
            .map(|(i, raw)| {
                let a = analyse_document(DocId((base + i) as u32), raw, res, today, corrections, control);
                control.doc_analysed();
                a
            })
            .collect();
        control.check()?;
        analyses.push(analysed);
        pos = end;
        batch = (batch * 2).min(MAX_BATCH_FILES);
        let elapsed = started.elapsed();
        // Partial corpora copy what is analysed so far; past the first third of the folder
        // that copy would raise the load's peak memory, so updates stop there (the
        // progress bar goes on).
        if let Some(partial) = partial.as_deref_mut()
            && pos < files.len()
            && pos * 3 <= files.len()
            && elapsed >= next_partial
            && !analyses.docs.is_empty()
        {
            let mut shown = problems.clone();
            shown.sort_by(|a, b| a.path.cmp(&b.path));
            let corpus = finish_and_edit(
                analyses.clone(),
                shown,
                res,
                Some(root.to_path_buf()),
                label.clone(),
                corrections,
                control,
            );
            partial(corpus);
            let spent = started.elapsed();
            next_partial = spent + MIN_PARTIAL_INTERVAL.max(spent / 3);
        }
    }
    problems.sort_by(|a, b| a.path.cmp(&b.path));
    // Every file is read: the listing (paths and metadata) is not needed for the merge, the
    // step where memory peaks.
    drop(files);
    let corpus = finish_and_edit(
        analyses,
        problems,
        res,
        Some(root.to_path_buf()),
        label,
        corrections,
        control,
    );
    control.set_phase(LoadPhase::Done);
    Ok(corpus)
}

/// [`finish_corpus`] and [`apply_edits`], timed as the merge and copies steps.
fn finish_and_edit(
    analyses: Analysed,
    problems: Vec<LoadProblem>,
    res: &Resources,
    root: Option<PathBuf>,
    label: String,
    corrections: &Corrections,
    control: &LoadControl,
) -> Corpus {
    let mut corpus = control.timed(crate::ingest::AnalysisStep::Merge, || {
        let mut c = finish_corpus(analyses, problems, res, root, label);
        apply_entity_and_stance_edits(&mut c, corrections);
        c
    });
    control.timed(crate::ingest::AnalysisStep::Copies, || mark_copies(&mut corpus));
    // The stance tables of the index come last: the copies' word tables are gone by then.
    control.timed(crate::ingest::AnalysisStep::Merge, || corpus.index_stances());
    corpus
}

/// The analyst's entity and stance edits, applied to a freshly built corpus.
fn apply_entity_and_stance_edits(corpus: &mut Corpus, corrections: &Corrections) {
    crate::corrections::apply_entity_edits(corpus, &corrections.entities);
    crate::corrections::apply_stance_edits(corpus, &corrections.stances);
}

/// The analyst's entity and stance edits, applied to a freshly built corpus; then the copies
/// of one statement are found among the (corrected) stance events.
fn apply_edits(corpus: &mut Corpus, corrections: &Corrections) {
    apply_entity_and_stance_edits(corpus, corrections);
    mark_copies(corpus);
}

/// Numbers each group of copies of one statement ([`copies::group_copies`]) in
/// [`StanceEvent::statement`] and indexes them.
pub fn mark_copies(corpus: &mut Corpus) {
    let groups = copies::group_copies(corpus);
    for s in &mut corpus.stances {
        s.statement = None;
    }
    // Only the statement index changes: the rest of the index stays as built.
    let mut statements: HashMap<u32, Vec<crate::model::StanceId>> = HashMap::new();
    for (n, g) in groups.iter().enumerate() {
        let n = n as u32;
        let mut ids: Vec<_> = g.members().collect();
        ids.sort();
        for id in &ids {
            corpus.stances[id.0 as usize].statement = Some(n);
        }
        statements.insert(n, ids);
    }
    corpus.index.statements = statements;
}

/// How many times more often than the one full name it ends a lone surname may be named and
/// still stand for it.
const MAX_SURNAME_SHARE: u32 = 10;

/// A one-word name of unknown kind is a common word when at least one in this many of its
/// mentions is in a text that also writes it in lower case.
const MIN_COMMON_WORD_SHARE: u32 = 4;

/// The one person that all of `full_names` (names that end with one surname) name, if they name
/// one: a name whose given name is a short form of another's, with the same other words
/// ("Jen Granholm", "Jennifer Granholm"), names the same person.
fn one_person<'n>(full_names: &[&'n str]) -> Option<&'n str> {
    let short_form_of = |short: &str, long: &str| {
        let (s_given, s_rest) = short.split_once(' ')?;
        let (l_given, l_rest) = long.split_once(' ')?;
        Some(s_rest == l_rest && l_given.len() > s_given.len() && l_given.starts_with(s_given))
    };
    let mut people = full_names
        .iter()
        .filter(|&&f| !full_names.iter().any(|&g| short_form_of(f, g) == Some(true)));
    let only = people.next()?;
    people.next().is_none().then_some(*only)
}

/// Whether `full` can be a person's name: capitalised words only, none of an organisation's
/// ("Award for Excellence", "Services Administration" are no one's).
fn personal_name(full: &str) -> bool {
    full.split(' ')
        .all(|w| w.starts_with(char::is_uppercase) && !candidates::is_org_word(w))
}

/// For each document, its one-word candidates (by index, in order) that stand for the one
/// person's full name the same text begins with that word ("Aidana" for "Aidana Serikova"),
/// unless the word is mostly a name of its own elsewhere ("Illinois" beside an "Illinois
/// Environmental …" read as a person in one text): at least half of the word's uses in the
/// corpus must be such.
fn given_names<'a>(
    analyses: &'a [DocAnalysis],
    name_in: &(dyn Fn(usize, usize, &'a DocAnalysis) -> &'a str + Sync),
) -> Vec<Vec<(u32, &'a str)>> {
    use crate::model::EntityKind;
    // A lone word is read from the text: white space is all a respaced name differs by.
    let lone = |a: &'a DocAnalysis, k: usize| {
        let c = &a.candidates[k];
        let name = c.name(&a.doc.text);
        (matches!(c.kind, EntityKind::Person | EntityKind::Other)
            && !c.lower_case_in_text
            && !name.contains(char::is_whitespace))
        .then_some(name)
    };
    let mut given: Vec<Vec<(u32, &'a str)>> = analyses
        .par_iter()
        .enumerate()
        .map(|(d, a)| {
            // (first word, the one full name it begins, or None when it begins several)
            let mut first_words: Vec<(&str, Option<&str>)> = Vec::new();
            for (k, c) in a.candidates.iter().enumerate() {
                if c.kind != EntityKind::Person {
                    continue;
                }
                let full = name_in(d, k, a);
                if let Some((first, _)) = full.split_once(' ')
                    && personal_name(full)
                {
                    match first_words.iter_mut().find(|(f, _)| *f == first) {
                        Some((_, only)) => *only = only.filter(|f| *f == full),
                        None => first_words.push((first, Some(full))),
                    }
                }
            }
            if first_words.is_empty() {
                return Vec::new();
            }
            (0..a.candidates.len())
                .filter_map(|k| {
                    let name = lone(a, k)?;
                    let full = first_words.iter().find(|(f, _)| *f == name)?.1?;
                    Some((k as u32, full))
                })
                .collect()
        })
        .collect();
    // (uses as a given name, all uses) of each word used as one somewhere.
    let mut uses: FastMap<&str, (u32, u32)> = FastMap::default();
    for (d, g) in given.iter().enumerate() {
        for &(k, _) in g {
            uses.entry(analyses[d].candidates[k as usize].name(&analyses[d].doc.text))
                .or_default()
                .0 += 1;
        }
    }
    if uses.is_empty() {
        return given;
    }
    for a in analyses {
        for c in &a.candidates {
            if let Some(u) = uses.get_mut(c.name(&a.doc.text)) {
                u.1 += 1;
            }
        }
    }
    for (d, g) in given.iter_mut().enumerate() {
        g.retain(|&(k, _)| {
            let (as_given, all) = uses[analyses[d].candidates[k as usize].name(&analyses[d].doc.text)];
            as_given * 2 >= all
        });
    }
    given
}

/// Merges per-document results into entities (one per gazetteer entry) and stance events.
/// Turns candidate names into entities shared across documents: a lone surname joins
/// the full name it ends ("Fidan" → "Hakan Fidan"); names of unknown kind need two
/// mentions in the corpus.
/// Their mentions are added to each document with indices after the gazetteer's.
fn merge_candidates(analyses: &mut [DocAnalysis], first_index: usize) -> Vec<(String, crate::model::EntityKind)> {
    use crate::model::EntityKind;
    // Votes for each kind, by position in `EntityKind::ALL` (a fixed array, not a map per name).
    // (u32 counts: the map holds every distinct candidate name of the corpus, and is the
    // largest table of the merge, where a load's memory peaks.)
    type Votes = [u32; EntityKind::ALL.len()];
    let slot = |k: EntityKind| EntityKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    // The names whose white space is not single spaces ("Charles\nJohnson" in hard-wrapped
    // text), by (document, candidate): few, so kept apart from the names borrowed from the text.
    let respaced: FastMap<(u32, u32), String> = analyses
        .iter()
        .enumerate()
        .flat_map(|(d, a)| {
            a.candidates
                .iter()
                .enumerate()
                .filter_map(move |(k, c)| match text::normalise_space(c.name(&a.doc.text)) {
                    std::borrow::Cow::Owned(name) => Some(((d as u32, k as u32), name)),
                    std::borrow::Cow::Borrowed(_) => None,
                })
        })
        .collect();
    fn name_in<'a>(respaced: &'a FastMap<(u32, u32), String>, d: usize, k: usize, a: &'a DocAnalysis) -> &'a str {
        respaced
            .get(&(d as u32, k as u32))
            .map_or_else(|| a.candidates[k].name(&a.doc.text), String::as_str)
    }
    // "Karine" in a briefing that names "Karine Jean-Pierre", "Xi" beside "Xi Jinping": a lone
    // name that begins exactly one person's full name in the same text is that person there.
    let given = given_names(analyses, &|d, k, a| name_in(&respaced, d, k, a));
    let given_as = |d: usize, k: u32| {
        let g = &given[d];
        g.binary_search_by_key(&k, |(k, _)| *k).ok().map(|i| g[i].1)
    };
    let name_of = |d: usize, k: usize, a| given_as(d, k as u32).unwrap_or_else(|| name_in(&respaced, d, k, a));
    let mut counts: FastMap<&str, (u32, Votes)> = FastMap::default();
    // For one-word names, how many mentions are in a text that also writes the word in lower
    // case (few names: kept apart from `counts`, the merge's largest table).
    let mut lower_case_in_text: FastMap<&str, u32> = FastMap::default();
    for (d, a) in analyses.iter().enumerate() {
        for (k, c) in a.candidates.iter().enumerate() {
            let full = given_as(d, k as u32);
            let name = full.unwrap_or_else(|| name_in(&respaced, d, k, a));
            let e = counts.entry(name).or_default();
            e.0 += 1;
            // A given name standing for a person's full name votes as that person.
            let kind = if full.is_some() { EntityKind::Person } else { c.kind };
            e.1[slot(kind)] += 1;
            if c.lower_case_in_text {
                *lower_case_in_text.entry(name).or_default() += 1;
            }
        }
    }
    // The kind with most votes; on a tie the first in `EntityKind`'s order; `Other` without votes.
    let kind_of = |votes: &Votes| {
        EntityKind::ALL
            .iter()
            .zip(votes)
            .filter(|(_, n)| **n > 0)
            .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
            .map_or(EntityKind::Other, |(k, _)| *k)
    };
    // Surname → the full names it ends (built once: lookups stay constant-time). Only whether
    // a surname ends exactly one full name matters, not in which order they come.
    // Only a person's name: no "and", "of" or "for" joins two names or a name and a place
    // ("Sean Duffy and House Republicans", "Devona Williams of Delaware State").
    let mut by_surname: FastMap<&str, Vec<&str>> = FastMap::default();
    for (f, (_, v)) in &counts {
        if f.contains(' ')
            && kind_of(v) == EntityKind::Person
            && !f.split(' ').any(|w| matches!(w, "and" | "of" | "for"))
            && let Some(last) = f.rsplit(' ').next()
        {
            by_surname.entry(last).or_default().push(f);
        }
    }
    // A lone surname that ends exactly one full name stands for it, unless it is named far
    // more often than that name (then it is a word of its own that a name happens to end
    // with: "Democrats").
    let surname_of: FastMap<&str, &str> = counts
        .iter()
        .filter(|(name, _)| !name.contains(' '))
        .filter_map(|(&name, &(n, _))| {
            let only = one_person(by_surname.get(name)?)?;
            (n <= MAX_SURNAME_SHARE * counts.get(only).map_or(0, |c| c.0)).then_some((name, only))
        })
        .collect();
    // A name of another kind that ends with a person's full name is that person, after words of
    // an office ("Energy Jennifer Granholm" from "Secretary of Energy Jennifer Granholm"), when
    // the person is named at least as often; not two names joined by "and" ("Morrison and
    // Justin Trudeau"), nor one that cannot be a person's (see [`personal_name`]).
    let person_of: FastMap<&str, &str> = counts
        .iter()
        .filter(|(name, (_, votes))| kind_of(votes) != EntityKind::Person && !name.split(' ').any(|w| w == "and"))
        .filter_map(|(&name, &(n, _))| {
            let full = name
                .match_indices(' ')
                .map(|(i, _)| &name[i + 1..])
                .filter(|rest| rest.contains(' ') && personal_name(rest))
                .find(|rest| {
                    counts
                        .get(rest)
                        .is_some_and(|(m, votes)| kind_of(votes) == EntityKind::Person && *m >= n)
                })?;
            Some((name, full))
        })
        .collect();
    let canonical = |name| {
        surname_of
            .get(name)
            .or_else(|| person_of.get(name))
            .copied()
            .unwrap_or(name)
    };
    // Each lone surname's counts move to its full name, in place (a second map of all names
    // would double the merge's largest table).
    let merges: Vec<(&str, &str)> = counts
        .keys()
        .filter_map(|&name| {
            let c = canonical(name);
            (c != name).then_some((name, c))
        })
        .collect();
    for (name, full) in merges {
        if let Some((n, votes)) = counts.remove(name) {
            let t = counts.entry(full).or_default();
            t.0 += n;
            for (total, v) in t.1.iter_mut().zip(votes) {
                *total += v;
            }
        }
    }
    let totals = counts;
    // A word of unknown kind that the texts naming it often also write in lower case is a
    // common word capitalised by style ("the State", "the Government"), no name.
    let common_word = |name: &str, mentions: u32, votes: &Votes| {
        kind_of(votes) == EntityKind::Other
            && lower_case_in_text
                .get(name)
                .is_some_and(|&n| n * MIN_COMMON_WORD_SHARE >= mentions)
    };
    // Names of people and organisations count from one mention; anything else needs two.
    let mut names: Vec<&str> = totals
        .iter()
        .filter(|(_, (c, votes))| *c >= 2 || kind_of(votes) != EntityKind::Other)
        .filter(|(n, (c, votes))| !common_word(n, *c, votes))
        .map(|(n, _)| *n)
        .collect();
    names.sort();
    let index: FastMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (*n, first_index + i)).collect();
    let found: Vec<Vec<(u32, crate::model::Span)>> = analyses
        .par_iter()
        .enumerate()
        .map(|(d, a)| {
            a.candidates
                .iter()
                .enumerate()
                .filter_map(|(k, c)| {
                    let &entry = index.get(canonical(name_of(d, k, a)))?;
                    Some((entry as u32, crate::model::Span::new(c.range())))
                })
                .collect()
        })
        .collect();
    let extra = names.iter().map(|n| (n.to_string(), kind_of(&totals[n].1))).collect();
    analyses.par_iter_mut().zip(found).for_each(|(a, found)| {
        a.candidates = Vec::new();
        a.mentions.extend(found);
        a.mentions.sort_by_key(|m| m.1.start);
        a.mentions.shrink_to_fit();
    });
    extra
}

fn assemble(
    analysed: Analysed,
    gaz: &Gazetteer,
    extra: &[(String, crate::model::EntityKind)],
    root: Option<PathBuf>,
    label: String,
    problems: Vec<LoadProblem>,
) -> Corpus {
    #[derive(Default)]
    struct Acc<'t> {
        count: usize,
        docs: Vec<DocId>,
        /// Surface forms, borrowed from the documents' text where their white space is single
        /// spaces ([`text::normalise_space`]).
        surfaces: FastMap<std::borrow::Cow<'t, str>, usize>,
    }
    let Analysed {
        docs: analyses,
        mut stances,
    } = analysed;
    let mut acc: FastMap<usize, Acc> = FastMap::default();
    for a in &analyses {
        for &(entry, span) in &a.mentions {
            let e = acc.entry(entry as usize).or_default();
            e.count += 1;
            if e.docs.last() != Some(&a.doc.id) {
                e.docs.push(a.doc.id);
            }
            *e.surfaces
                .entry(text::normalise_space(&a.doc.text[span.range()]))
                .or_default() += 1;
        }
    }
    for s in &stances {
        acc.entry(s.actor.0 as usize).or_default();
        acc.entry(s.target.0 as usize).or_default();
    }
    let n_gaz = gaz.entries.len();
    let name_of = |i: usize| -> &str {
        if i < n_gaz {
            &gaz.entries[i].name
        } else {
            &extra[i - n_gaz].0
        }
    };
    let kind_of = |i: usize| if i < n_gaz { gaz.kind(i) } else { extra[i - n_gaz].1 };
    let mut order: Vec<usize> = acc.keys().copied().collect();
    order.sort_by(|a, b| {
        acc[b]
            .count
            .cmp(&acc[a].count)
            .then_with(|| name_of(*a).cmp(name_of(*b)))
    });
    let id_of: FastMap<usize, EntityId> = order
        .iter()
        .enumerate()
        .map(|(i, e)| (*e, EntityId(i as u32)))
        .collect();
    let entities: Vec<Entity> = order
        .iter()
        .map(|e| {
            let a = acc.get_mut(e).expect("ordered keys are in acc");
            let entry_name = name_of(*e);
            let mut surfaces: Vec<(&std::borrow::Cow<str>, &usize)> =
                a.surfaces.iter().filter(|(s, _)| **s != entry_name).collect();
            surfaces.sort_by(|x, y| y.1.cmp(x.1).then(x.0.cmp(y.0)));
            let mut aliases: Vec<String> = Vec::new();
            for (s, _) in surfaces {
                if !aliases.iter().any(|x| x.to_lowercase() == s.to_lowercase())
                    && s.to_lowercase() != entry_name.to_lowercase()
                {
                    aliases.push(s.to_string());
                }
            }
            Entity {
                name: entry_name.to_string(),
                kind: kind_of(*e),
                aliases,
                mention_count: a.count,
                documents: std::mem::take(&mut a.docs),
            }
        })
        .collect();
    // The surface counts are done with: freed before the corpus tables are built (the merge
    // is where a load's memory peaks).
    drop(acc);
    let documents: Vec<Document> = analyses
        .into_iter()
        .map(|a| {
            let mut doc = a.doc;
            // Same size and alignment: collected in place, in the per-document buffer.
            doc.mentions = a
                .mentions
                .into_iter()
                .map(|(entry, span)| (id_of[&(entry as usize)], span))
                .collect();
            doc
        })
        .collect();
    // The events are numbered in place, in the table they were gathered in (grown by
    // batches: its spare room is given back).
    stances.shrink_to_fit();
    let id_of_entry = |e: EntityId| id_of[&(e.0 as usize)];
    for s in &mut stances {
        s.actor = id_of_entry(s.actor);
        s.target = id_of_entry(s.target);
        if let Some(sp) = &mut s.speaker {
            sp.entity = sp.entity.and_then(|e| id_of.get(&(e.0 as usize)).copied());
        }
    }
    let mut corpus = Corpus {
        root,
        label,
        documents,
        entities,
        stances,
        problems,
        ..Default::default()
    };
    corpus.index_entity_names();
    corpus
}

/// Loads and analyses a folder (or the embedded sample when `root` is `None`),
/// applying the analyst's saved corrections.
pub fn load_corpus(root: Option<&Path>, control: &LoadControl) -> Result<Corpus, Cancelled> {
    load(root, control, None, None)
}

/// [`load_corpus`] with the corrections given.
pub fn load_corpus_with(
    root: Option<&Path>,
    control: &LoadControl,
    corrections: &Corrections,
) -> Result<Corpus, Cancelled> {
    load(root, control, Some(corrections), None)
}

/// [`load_corpus`] that hands partial corpora to `partial` while a folder loads (see
/// [`stream_folder`]). Without `corrections`, the corpus's saved ones are used (and a
/// problem with them is listed).
pub fn load_corpus_streaming(
    root: Option<&Path>,
    control: &LoadControl,
    corrections: Option<&Corrections>,
    partial: &mut dyn FnMut(Corpus),
) -> Result<Corpus, Cancelled> {
    load(root, control, corrections, Some(partial))
}

/// [`load_corpus_streaming`]; without `partial`, no partial corpus is built at all (building
/// one means merging and indexing all that is analysed so far).
fn load(
    root: Option<&Path>,
    control: &LoadControl,
    corrections: Option<&Corrections>,
    partial: Option<&mut dyn FnMut(Corpus)>,
) -> Result<Corpus, Cancelled> {
    let store = CorrectionStore::for_corpus(root);
    let (loaded, warning) = match corrections {
        Some(c) => (c.clone(), None),
        None => {
            let l = store.load();
            (l.corrections, l.warning)
        }
    };
    let res = Resources::load(root);
    let mut corpus = match root {
        Some(r) => stream_folder(r, &res, &loaded, today(), control, partial)?,
        None => {
            let mut c = build_corpus(
                crate::ingest::ingest_sample(),
                &res,
                &loaded,
                today(),
                control,
                None,
                "sample corpus (seeds)".to_string(),
            )?;
            apply_edits(&mut c, &loaded);
            c
        }
    };
    if let Some(w) = warning {
        corpus.problems.push(LoadProblem {
            path: store.path.display().to_string(),
            reason: w,
        });
    }
    Ok(corpus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_whose_stance_rules_fail_is_listed_and_the_rest_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Aid\n\nKazakhstan supports Ukraine.\n").unwrap();
        let failing = format!("Odd\n\nKazakhstan supports Ukraine. {}\n", stance::FAIL_FOR_TEST);
        std::fs::write(dir.path().join("b.txt"), failing).unwrap();
        let corpus = load_corpus_with(Some(dir.path()), &LoadControl::default(), &Corrections::default()).unwrap();
        assert_eq!(corpus.documents.len(), 2);
        let a = corpus.documents.iter().find(|d| d.path == "a.txt").unwrap();
        let b = corpus.documents.iter().find(|d| d.path == "b.txt").unwrap();
        assert!(
            corpus.stances.iter().any(|s| s.doc == a.id),
            "the other document keeps its events"
        );
        assert!(!corpus.stances.iter().any(|s| s.doc == b.id));
        assert!(
            b.text.contains("Kazakhstan supports Ukraine"),
            "the failing one is still shown"
        );
        assert!(
            b.notices
                .iter()
                .any(|n| n.starts_with(STANCE_FAILED) && n.contains("injected")),
            "{:?}",
            b.notices
        );
        assert!(
            corpus
                .problems
                .iter()
                .any(|p| p.path == "b.txt" && p.reason.starts_with(STANCE_FAILED)),
            "{:?}",
            corpus.problems
        );
    }
}
