//! Progress reporting and cancellation shared between a load and its observer.

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, AtomicUsize, Ordering};

/// The load was cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("loading was cancelled")]
pub struct Cancelled;

/// Which step a load is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadPhase {
    /// Walking the folder.
    Listing,
    /// Reading and decoding files.
    Reading,
    /// Finding sentences, dates, entities and stance.
    Analysing,
    /// Finished.
    Done,
}

/// One step of the per-document analysis, timed separately (see [`LoadControl::step_times`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnalysisStep {
    /// Reading and decoding the file (including format extraction).
    Read,
    /// Title, body and boilerplate.
    Layout,
    /// Sentence boundaries.
    Sentences,
    /// The publication date.
    Dating,
    /// Case and diacritics folding, gazetteer matching.
    Entities,
    /// Word tokens.
    Tokens,
    /// Stance events (actor, target, cue, negation).
    Stance,
    /// Framing marks (labels, hedges, quotes).
    Framing,
    /// Names the gazetteer does not know.
    Candidates,
    /// Dates of the events the stance sentences report.
    EventDates,
    /// Merging the documents' results into entities, stance events and indexes (once per
    /// corpus, and once per partial corpus of a streamed load; single-threaded).
    Merge,
    /// Grouping the stance events into copies of one statement (after the analyst's edits).
    Copies,
}

impl AnalysisStep {
    /// Every step, in pipeline order.
    pub const ALL: [AnalysisStep; 12] = [
        AnalysisStep::Read,
        AnalysisStep::Layout,
        AnalysisStep::Sentences,
        AnalysisStep::Dating,
        AnalysisStep::Entities,
        AnalysisStep::Tokens,
        AnalysisStep::Stance,
        AnalysisStep::Framing,
        AnalysisStep::Candidates,
        AnalysisStep::EventDates,
        AnalysisStep::Merge,
        AnalysisStep::Copies,
    ];

    /// A short name for reports.
    pub fn label(self) -> &'static str {
        match self {
            AnalysisStep::Read => "read + decode",
            AnalysisStep::Layout => "layout",
            AnalysisStep::Sentences => "sentences",
            AnalysisStep::Dating => "dating",
            AnalysisStep::Entities => "entities (gazetteer)",
            AnalysisStep::Tokens => "tokens",
            AnalysisStep::Stance => "stance",
            AnalysisStep::Framing => "framing",
            AnalysisStep::Candidates => "entities (unknown names)",
            AnalysisStep::EventDates => "event dates",
            AnalysisStep::Merge => "merge + index",
            AnalysisStep::Copies => "copies of one statement",
        }
    }
}

/// Shared, lock-free progress counters and a cancel flag.
#[derive(Debug, Default)]
pub struct LoadControl {
    cancelled: AtomicBool,
    phase: AtomicU8,
    files_total: AtomicUsize,
    files_done: AtomicUsize,
    docs_analysed: AtomicUsize,
    bytes_read: AtomicU64,
    text_bytes: AtomicU64,
    step_nanos: [AtomicU64; AnalysisStep::ALL.len()],
}

impl LoadControl {
    /// Asks the load to stop.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether [`LoadControl::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// `Err(Cancelled)` once cancelled.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() { Err(Cancelled) } else { Ok(()) }
    }

    /// Sets the current phase.
    pub fn set_phase(&self, phase: LoadPhase) {
        self.phase.store(phase as u8, Ordering::Relaxed);
    }

    /// The current phase.
    pub fn phase(&self) -> LoadPhase {
        match self.phase.load(Ordering::Relaxed) {
            0 => LoadPhase::Listing,
            1 => LoadPhase::Reading,
            2 => LoadPhase::Analysing,
            _ => LoadPhase::Done,
        }
    }

    /// Sets the number of files to read.
    pub fn set_total(&self, n: usize) {
        self.files_total.store(n, Ordering::Relaxed);
    }

    /// Counts one file read (or failed).
    pub fn file_done(&self) {
        self.files_done.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts one document analysed.
    pub fn doc_analysed(&self) {
        self.docs_analysed.fetch_add(1, Ordering::Relaxed);
    }

    /// Adds bytes read.
    pub fn add_bytes(&self, n: u64) {
        self.bytes_read.fetch_add(n, Ordering::Relaxed);
    }

    /// Runs `f`, adding its duration to `step`'s total.
    pub fn timed<T>(&self, step: AnalysisStep, f: impl FnOnce() -> T) -> T {
        let start = std::time::Instant::now();
        let out = f();
        self.step_nanos[step as usize].fetch_add(start.elapsed().as_nanos() as u64, Ordering::Relaxed);
        out
    }

    /// Adds the length of a decoded document text.
    pub fn add_text_bytes(&self, n: u64) {
        self.text_bytes.fetch_add(n, Ordering::Relaxed);
    }

    /// Bytes of decoded text analysed.
    pub fn text_bytes(&self) -> u64 {
        self.text_bytes.load(Ordering::Relaxed)
    }

    /// Thread-seconds spent in each step so far, summed over the worker threads.
    pub fn step_times(&self) -> Vec<(AnalysisStep, f64)> {
        AnalysisStep::ALL
            .iter()
            .map(|s| (*s, self.step_nanos[*s as usize].load(Ordering::Relaxed) as f64 / 1e9))
            .collect()
    }

    /// (files done, files total, documents analysed, bytes read).
    pub fn snapshot(&self) -> (usize, usize, usize, u64) {
        (
            self.files_done.load(Ordering::Relaxed),
            self.files_total.load(Ordering::Relaxed),
            self.docs_analysed.load(Ordering::Relaxed),
            self.bytes_read.load(Ordering::Relaxed),
        )
    }

    /// Overall progress 0.0..=1.0 (reading counts half, analysis the other half).
    pub fn fraction(&self) -> f32 {
        let (done, total, analysed, _) = self.snapshot();
        if total == 0 {
            return if self.phase() == LoadPhase::Done { 1.0 } else { 0.0 };
        }
        let read = done.min(total) as f32 / total as f32;
        let analysed = analysed.min(total) as f32 / total as f32;
        (read + analysed) / 2.0
    }
}
