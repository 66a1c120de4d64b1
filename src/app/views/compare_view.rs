//! The side-by-side source view: two documents aligned passage by passage, with
//! word differences inside aligned pairs.
//!
//! Long documents: the alignment runs on a background thread (the view shows a spinner
//! meanwhile) and only the rows in view are laid out. Row heights are measured once per
//! column width (visible rows as they are drawn, the rest from the top a few
//! milliseconds per frame in frames where the user is not scrolling, estimates until
//! then) and kept as cumulative offsets, so the scroll area knows the full height while
//! drawing only what is on screen; when rows above the view change height the scroll
//! offset moves with them, so what is on screen stays put.

use super::rich_text::{Highlights, highlighted_job, highlighted_label_ui};
use crate::analysis::align::{AlignedRow, align_with_moves, word_diff};
use crate::analysis::similar::Workers;
use crate::app::settings::Settings;
use crate::app::theme;
use crate::model::{Corpus, DocId, Document, EntityId, FramingMark, MarkupSpan};
use crate::selection::Selection;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// Largest corpus whose suggestions are found in the frame that needs them, comparing every
/// pair down to [`SMALL_CORPUS_MIN_SIMILARITY`]; larger corpora are searched on a background
/// thread by an index ([`crate::analysis::similar`]) for pairs of at least
/// [`LARGE_CORPUS_MIN_SIMILARITY`].
pub const MAX_DOCS_FOR_SUGGESTIONS: usize = 400;

/// Least similarity of a suggested pair in a small corpus (any resemblance is worth a look).
pub const SMALL_CORPUS_MIN_SIMILARITY: f32 = 0.1;

/// Least similarity of a suggested pair in a large corpus: rewrites and near-copies.
pub const LARGE_CORPUS_MIN_SIMILARITY: f32 = 0.5;

/// Suggested pairs shown.
const SUGGESTED_PAIRS: usize = 5;

/// What the view suggests comparing.
#[derive(Debug, Clone, Default)]
pub struct Suggestions {
    /// The most similar document pairs, best first.
    pub pairs: Vec<(DocId, DocId, f32)>,
    /// The same actor, farthest apart in time (see [`CompareView::same_actor_far_apart`]).
    pub far_apart: Option<(DocId, DocId, String, i32)>,
}

/// Suggestions found, or being found on a background thread.
#[derive(Debug)]
enum SuggestionState {
    Ready(Arc<Suggestions>),
    Pending {
        rx: mpsc::Receiver<Suggestions>,
        cancel: Arc<AtomicBool>,
    },
}

impl Drop for SuggestionState {
    fn drop(&mut self) {
        if let SuggestionState::Pending { cancel, .. } = self {
            cancel.store(true, Ordering::Relaxed);
        }
    }
}

/// Pairs whose passages hold more text than this (bytes, both sides) are aligned on a
/// background thread; smaller ones in the frame that first shows them.
pub const BACKGROUND_ALIGN_BYTES: usize = 20_000;

/// Alignments kept (most recently shown pairs).
const CACHED_ALIGNMENTS: usize = 6;
/// Background alignments running at once; the oldest is abandoned beyond this.
const MAX_PENDING: usize = 3;
/// Time per quiet frame spent measuring rows that are not in view.
const MEASURE_BUDGET: Duration = Duration::from_micros(2_500);
/// Space added below each row (besides item spacing).
const ROW_GAP: f32 = 6.0;
/// Inner margin of the "no counterpart" box.
const GAP_MARGIN: f32 = 4.0;

/// One side of a row: a sentence with what to highlight in it (only the marks that
/// touch it, so drawing a row does not scan the whole document).
#[derive(Debug, Clone)]
struct Passage {
    /// Index in `Document::sentences`.
    sentence: usize,
    /// Byte range in the document text.
    range: Range<usize>,
    mentions: Vec<(EntityId, crate::model::Span)>,
    cues: Vec<(Range<usize>, f32)>,
    framing: Vec<FramingMark>,
    markup: Vec<MarkupSpan>,
    /// Word differences from the other side (document byte ranges).
    diffs: Vec<Range<usize>>,
}

impl Passage {
    fn highlights(&self, show_diff: bool, hovered: Option<EntityId>) -> Highlights<'_> {
        Highlights {
            mentions: &self.mentions,
            cues: &self.cues,
            focus: None,
            diffs: if show_diff { self.diffs.clone() } else { Vec::new() },
            hovered,
            framing: &self.framing,
            markup: &self.markup,
        }
    }
}

/// One aligned row.
#[derive(Debug, Clone)]
struct Row {
    left: Option<Passage>,
    right: Option<Passage>,
    /// Content-word overlap of an aligned (or moved) pair.
    similarity: Option<f32>,
    /// For a moved pair: where the right passage stands in its own document.
    moved: Option<&'static str>,
}

/// The aligned rows of one pair of documents.
#[derive(Debug)]
struct Alignment {
    pair: (DocId, DocId),
    rows: Vec<Row>,
    aligned: usize,
    moved: usize,
    left_only: usize,
    right_only: usize,
}

/// What the aligning needs of one document, owned (so it can go to a thread).
struct SideInput {
    /// The text, with a Markdown file's syntax (`**`, `#`) blanked to spaces: the passages
    /// are compared as they read.
    text: String,
    /// Content sentences (boilerplate left out): index in `Document::sentences`, range.
    sentences: Vec<(usize, Range<usize>)>,
    /// Mentions, cues and framing marks, each sorted by start.
    mentions: Vec<(EntityId, crate::model::Span)>,
    cues: Vec<(Range<usize>, f32)>,
    framing: Vec<FramingMark>,
    markup: Vec<MarkupSpan>,
}

impl SideInput {
    fn of(corpus: &Corpus, doc: &Document) -> SideInput {
        let mut cues: Vec<(Range<usize>, f32)> = corpus.index.stances_by_doc[doc.id.index()]
            .iter()
            .map(|s| (corpus.stance(*s).cue_range.range(), corpus.stance(*s).score))
            .collect();
        cues.sort_by_key(|c| c.0.start);
        let mut mentions = doc.mentions.clone();
        mentions.sort_by_key(|m| m.1.start);
        let mut framing = doc.framing.clone();
        framing.sort_by_key(|f| f.range.start);
        let text = crate::ingest::markdown::without_hidden(&doc.text, &doc.markup).unwrap_or_else(|| doc.text.clone());
        let sentences = doc
            .sentences
            .iter()
            .enumerate()
            // Not a sentence of markup alone (the "**" after a bold question).
            .filter(|(_, r)| !doc.in_boilerplate(r.start) && !text[r.clone()].trim().is_empty())
            .map(|(i, r)| (i, r.clone()))
            .collect();
        SideInput {
            text,
            sentences,
            mentions,
            cues,
            framing,
            markup: doc.markup.clone(),
        }
    }

    fn bytes(&self) -> usize {
        self.sentences.iter().map(|(_, r)| r.len()).sum()
    }

    /// Content sentence `k` with its marks and `diffs`.
    fn passage(&self, k: usize, diffs: Vec<Range<usize>>) -> Passage {
        let (sentence, range) = self.sentences[k].clone();
        Passage {
            sentence,
            mentions: touching(&self.mentions, &range, |m| m.1.range()),
            cues: touching(&self.cues, &range, |c| c.0.clone()),
            framing: touching(&self.framing, &range, |f| f.range.clone()),
            markup: touching(&self.markup, &range, |m| m.span.range()),
            range,
            diffs,
        }
    }
}

/// The items (sorted by start) whose range overlaps `r`.
fn touching<T: Clone>(items: &[T], r: &Range<usize>, range_of: impl Fn(&T) -> Range<usize>) -> Vec<T> {
    let hi = items.partition_point(|x| range_of(x).start < r.end);
    items[..hi]
        .iter()
        .filter(|x| range_of(x).end > r.start)
        .cloned()
        .collect()
}

/// Aligns two documents (on whichever thread); `None` when `cancel` was set.
fn compute_alignment(pair: (DocId, DocId), a: &SideInput, b: &SideInput, cancel: &AtomicBool) -> Option<Alignment> {
    let ta: Vec<&str> = a.sentences.iter().map(|(_, r)| &a.text[r.clone()]).collect();
    let tb: Vec<&str> = b.sentences.iter().map(|(_, r)| &b.text[r.clone()]).collect();
    let aligned = align_with_moves(&ta, &tb);
    let mut out = Alignment {
        pair,
        rows: Vec::with_capacity(aligned.len()),
        aligned: 0,
        moved: 0,
        left_only: 0,
        right_only: 0,
    };
    // The right index of the last in-order row: a moved passage stands before or after it.
    let mut last_right: Option<usize> = None;
    for (n, row) in aligned.into_iter().enumerate() {
        if n % 256 == 0 && cancel.load(Ordering::Relaxed) {
            return None;
        }
        let pair_of = |left: usize, right: usize| {
            let (dl, dr) = diff_ranges(
                ta[left],
                a.sentences[left].1.start,
                tb[right],
                b.sentences[right].1.start,
            );
            (Some(a.passage(left, dl)), Some(b.passage(right, dr)))
        };
        out.rows.push(match row {
            AlignedRow::Pair {
                left,
                right,
                similarity,
            } => {
                out.aligned += 1;
                last_right = Some(right);
                let (left, right) = pair_of(left, right);
                Row {
                    left,
                    right,
                    similarity: Some(similarity),
                    moved: None,
                }
            }
            AlignedRow::Moved {
                left,
                right,
                similarity,
            } => {
                out.moved += 1;
                let moved = if last_right.is_some_and(|l| right < l) {
                    "moved: earlier in this document"
                } else {
                    "moved: later in this document"
                };
                let (left, right) = pair_of(left, right);
                Row {
                    left,
                    right,
                    similarity: Some(similarity),
                    moved: Some(moved),
                }
            }
            AlignedRow::LeftOnly(i) => {
                out.left_only += 1;
                Row {
                    left: Some(a.passage(i, Vec::new())),
                    right: None,
                    similarity: None,
                    moved: None,
                }
            }
            AlignedRow::RightOnly(j) => {
                out.right_only += 1;
                last_right = Some(j);
                Row {
                    left: None,
                    right: Some(b.passage(j, Vec::new())),
                    similarity: None,
                    moved: None,
                }
            }
        });
    }
    Some(out)
}

/// A background alignment; dropping it abandons the work.
#[derive(Debug)]
struct Pending {
    pair: (DocId, DocId),
    rx: mpsc::Receiver<Alignment>,
    cancel: Arc<AtomicBool>,
    /// Content sentences on each side (shown while waiting).
    sizes: (usize, usize),
}

impl Drop for Pending {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// Sizes that decide row heights, from the style of the frame.
#[derive(Debug, Clone, PartialEq)]
struct RowStyle {
    font: egui::FontId,
    spacing: egui::Vec2,
    /// Body text line height.
    line: f32,
    /// Height of the "no counterpart" box.
    gap: f32,
    /// Height of the small "moved" note.
    note: f32,
    pixels_per_point: f32,
}

impl RowStyle {
    fn of(ui: &egui::Ui) -> RowStyle {
        let line = ui.text_style_height(&egui::TextStyle::Body);
        RowStyle {
            font: egui::TextStyle::Body.resolve(ui.style()),
            spacing: ui.spacing().item_spacing,
            line,
            gap: line + 2.0 * GAP_MARGIN,
            note: ui.text_style_height(&egui::TextStyle::Small),
            pixels_per_point: ui.ctx().pixels_per_point(),
        }
    }

    /// Row height plus the space to the next row (item spacing, then the gap), from the
    /// height of its content.
    fn pitch(&self, content: f32) -> f32 {
        content + self.spacing.y + ROW_GAP
    }

    /// Width of each of the two columns in a content area `width` wide.
    fn column(&self, width: f32) -> f32 {
        (width - self.spacing.x) / 2.0
    }
}

/// Row heights (with spacing) at one column width, and their cumulative offsets.
#[derive(Debug)]
struct Heights {
    alignment: Arc<Alignment>,
    /// Content width of the scroll area they were measured for.
    width: f32,
    style: RowStyle,
    pitch: Vec<f32>,
    /// Measured (rather than estimated).
    exact: Vec<bool>,
    /// Rows not yet measured.
    remaining: usize,
    /// Rows above this are measured (the top-down measuring cursor).
    next: usize,
    /// `cum[i]`: top of row `i`; `cum[n]`: end of the last row's spacing.
    cum: Vec<f32>,
}

impl Heights {
    /// Estimated heights, or those of `previous` (same rows, another width) as estimates.
    fn new(alignment: Arc<Alignment>, width: f32, style: RowStyle, previous: Option<Heights>) -> Heights {
        let pitch = match previous {
            Some(p) if Arc::ptr_eq(&p.alignment, &alignment) => p.pitch,
            _ => {
                let wrap = (style.column(width) - 4.0).max(40.0);
                let char_w = style.font.size * 0.5;
                let side = |p: &Option<Passage>| match p {
                    Some(p) => (p.range.len() as f32 * char_w / wrap).ceil().max(1.0) * style.line,
                    None => style.gap,
                };
                alignment
                    .rows
                    .iter()
                    .map(|r| style.pitch(side(&r.left).max(side(&r.right))))
                    .collect()
            }
        };
        let n = pitch.len();
        let mut h = Heights {
            alignment,
            width,
            style,
            pitch,
            exact: vec![false; n],
            remaining: n,
            next: 0,
            cum: Vec::new(),
        };
        h.update_offsets();
        h
    }

    fn fits(&self, alignment: &Arc<Alignment>, width: f32, style: &RowStyle) -> bool {
        Arc::ptr_eq(&self.alignment, alignment) && self.width == width && self.style == *style
    }

    fn update_offsets(&mut self) {
        self.cum.clear();
        self.cum.push(0.0);
        let mut y = 0.0;
        for p in &self.pitch {
            y += p;
            self.cum.push(y);
        }
    }

    /// Height of the content (the last row's gap included).
    fn total(&self) -> f32 {
        self.cum[self.pitch.len()]
    }

    /// The first row whose extent reaches below `y`.
    fn row_at(&self, y: f32) -> usize {
        let n = self.pitch.len();
        self.cum[1..]
            .partition_point(|&bottom| bottom <= y)
            .min(n.saturating_sub(1))
    }

    fn set(&mut self, i: usize, pitch: f32) {
        if !self.exact[i] {
            self.exact[i] = true;
            self.remaining -= 1;
        }
        self.pitch[i] = pitch;
    }

    /// Lays out row `i` (as it will be drawn) to learn its height.
    fn measure(&mut self, ui: &egui::Ui, i: usize, docs: (&Document, &Document), show_diff: bool) {
        let row = &self.alignment.rows[i];
        let wrap = (self.style.column(self.width) - 4.0).max(40.0);
        let (color, dark) = (ui.visuals().text_color(), ui.visuals().dark_mode);
        let side = |doc: &Document, p: &Option<Passage>, note: bool| match p {
            Some(p) => {
                let h = p.highlights(show_diff, None);
                let job = highlighted_job(
                    &doc.text[p.range.clone()],
                    p.range.start,
                    &h,
                    self.style.font.clone(),
                    color,
                    dark,
                    wrap,
                );
                let text = ui.painter().layout_job(job).size().y;
                if note {
                    text + self.style.note + self.style.spacing.y
                } else {
                    text
                }
            }
            None => self.style.gap,
        };
        let content = side(docs.0, &row.left, false).max(side(docs.1, &row.right, row.moved.is_some()));
        let pitch = self.style.pitch(content);
        self.set(i, pitch);
    }

    /// Before the frame's scroll area: measures unmeasured rows around the view at
    /// offset `y0`, `view_h` high (so rows scrolled into view this frame keep their
    /// place) and, within `budget`, from the top. Returns the offset that keeps the rows
    /// in view where they were, when rows above them changed height.
    fn refine(
        &mut self,
        ui: &egui::Ui,
        docs: (&Document, &Document),
        show_diff: bool,
        (y0, view_h): (f32, f32),
        budget: Duration,
    ) -> Option<f32> {
        let n = self.pitch.len();
        if self.remaining == 0 || n == 0 {
            return None;
        }
        let anchor = self.row_at(y0);
        let into = y0 - self.cum[anchor];
        let mut i = self.row_at((y0 - view_h).max(0.0));
        let (mut y, end) = (self.cum[i], y0 + 2.0 * view_h);
        while i < n && y < end {
            if !self.exact[i] {
                self.measure(ui, i, docs, show_diff);
            }
            y += self.pitch[i];
            i += 1;
        }
        let start = Instant::now();
        while self.next < n && start.elapsed() < budget {
            if !self.exact[self.next] {
                self.measure(ui, self.next, docs, show_diff);
            }
            self.next += 1;
        }
        self.update_offsets();
        let y = self.cum[anchor] + into;
        ((y - y0).abs() > 0.01).then_some(y)
    }
}

/// The scroll area as of the previous frame.
#[derive(Debug, Default)]
struct ScrollMemo {
    id: Option<egui::Id>,
    /// Width available to the scroll area, and its content width.
    outer_width: f32,
    inner_width: f32,
    view_height: f32,
}

/// State of the side-by-side view.
#[derive(Debug, Default)]
pub struct CompareView {
    /// Alignments of recently shown pairs, the most recent last.
    aligned: Vec<Arc<Alignment>>,
    pending: Vec<Pending>,
    /// Pairs whose aligning thread stopped without a result.
    failed: Vec<(DocId, DocId)>,
    heights: Option<Heights>,
    scroll: ScrollMemo,
    suggestions: Option<SuggestionState>,
    /// Pick the best suggested pair when the suggestions arrive (nothing chosen yet).
    pick_when_ready: bool,
}

impl CompareView {
    /// The same actor, farthest apart in time: the pair of dated documents whose most
    /// frequent stance actor is the same, with the longest gap (e.g. 2014 vs 2024).
    pub fn same_actor_far_apart(corpus: &Corpus) -> Option<(DocId, DocId, String, i32)> {
        let mut best: Option<(DocId, DocId, String, i32)> = None;
        let mut by_actor: std::collections::HashMap<crate::model::EntityId, Vec<(DocId, jiff::civil::Date)>> =
            Default::default();
        for d in &corpus.documents {
            let Some(date) = d.date.as_ref().map(|x| x.date) else {
                continue;
            };
            let mut counts: std::collections::HashMap<crate::model::EntityId, usize> = Default::default();
            for s in &corpus.index.stances_by_doc[d.id.index()] {
                *counts.entry(corpus.stance(*s).actor).or_default() += 1;
            }
            if let Some((actor, _)) = counts.into_iter().max_by_key(|(a, n)| (*n, std::cmp::Reverse(*a))) {
                by_actor.entry(actor).or_default().push((d.id, date));
            }
        }
        for (actor, docs) in by_actor {
            let (Some(first), Some(last)) = (docs.iter().min_by_key(|d| d.1), docs.iter().max_by_key(|d| d.1)) else {
                continue;
            };
            let days = (last.1 - first.1).get_days();
            if first.0 != last.0 && best.as_ref().is_none_or(|b| days > b.3) {
                best = Some((first.0, last.0, corpus.entity(actor).name.clone(), days));
            }
        }
        best
    }

    /// Drops caches (after a reload).
    pub fn invalidate(&mut self) {
        self.aligned.clear();
        self.pending.clear();
        self.failed.clear();
        self.heights = None;
        self.suggestions = None;
    }

    /// Moves finished background alignments into the cache.
    fn poll(&mut self) {
        let mut i = 0;
        while i < self.pending.len() {
            match self.pending[i].rx.try_recv() {
                Ok(alignment) => {
                    self.pending.remove(i);
                    self.remember(alignment);
                }
                Err(mpsc::TryRecvError::Empty) => i += 1,
                Err(mpsc::TryRecvError::Disconnected) => {
                    let p = self.pending.remove(i);
                    self.failed.push(p.pair);
                }
            }
        }
    }

    fn remember(&mut self, alignment: Alignment) -> Arc<Alignment> {
        self.aligned.retain(|a| a.pair != alignment.pair);
        if self.aligned.len() >= CACHED_ALIGNMENTS {
            self.aligned.remove(0);
        }
        let alignment = Arc::new(alignment);
        self.aligned.push(Arc::clone(&alignment));
        alignment
    }

    /// The alignment of `pair` if it is ready. Small pairs are aligned right here; large
    /// ones on a background thread, which asks for a repaint when it is done.
    fn alignment(&mut self, ctx: &egui::Context, corpus: &Corpus, pair: (DocId, DocId)) -> Option<Arc<Alignment>> {
        self.poll();
        if let Some(k) = self.aligned.iter().position(|a| a.pair == pair) {
            let a = self.aligned.remove(k);
            self.aligned.push(Arc::clone(&a));
            return Some(a);
        }
        if self.pending.iter().any(|p| p.pair == pair) || self.failed.contains(&pair) {
            return None;
        }
        let (a, b) = (
            SideInput::of(corpus, corpus.doc(pair.0)),
            SideInput::of(corpus, corpus.doc(pair.1)),
        );
        let sync = |a: &SideInput, b: &SideInput| compute_alignment(pair, a, b, &AtomicBool::new(false));
        if a.bytes() + b.bytes() <= BACKGROUND_ALIGN_BYTES {
            return sync(&a, &b).map(|al| self.remember(al));
        }
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let sizes = (a.sentences.len(), b.sentences.len());
        let inputs = Arc::new((a, b));
        let spawned = {
            let (cancel, ctx, inputs) = (Arc::clone(&cancel), ctx.clone(), Arc::clone(&inputs));
            std::thread::Builder::new().name("compare-align".into()).spawn(move || {
                if let Some(al) = compute_alignment(pair, &inputs.0, &inputs.1, &cancel)
                    && tx.send(al).is_ok()
                {
                    ctx.request_repaint();
                }
            })
        };
        if spawned.is_err() {
            // No thread to be had: align here rather than never.
            return sync(&inputs.0, &inputs.1).map(|al| self.remember(al));
        }
        if self.pending.len() >= MAX_PENDING {
            self.pending.remove(0);
        }
        self.pending.push(Pending {
            pair,
            rx,
            cancel,
            sizes,
        });
        None
    }

    /// The suggestions for `corpus` (cached): found right away in a small corpus, on a
    /// background thread in a large one (`None` until they are ready).
    pub fn suggestions(&mut self, corpus: &Arc<Corpus>) -> Option<Arc<Suggestions>> {
        if let Some(SuggestionState::Pending { rx, .. }) = &self.suggestions {
            match rx.try_recv() {
                Ok(found) => self.suggestions = Some(SuggestionState::Ready(Arc::new(found))),
                Err(mpsc::TryRecvError::Empty) => return None,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.suggestions = Some(SuggestionState::Ready(Arc::default()));
                }
            }
        }
        if self.suggestions.is_none() {
            if corpus.documents.len() <= MAX_DOCS_FOR_SUGGESTIONS {
                self.suggestions = Some(SuggestionState::Ready(Arc::new(Self::find_suggestions(
                    corpus,
                    SMALL_CORPUS_MIN_SIMILARITY,
                    Workers::CallingThread,
                    &|| false,
                ))));
            } else {
                let (tx, rx) = mpsc::channel();
                let cancel = Arc::new(AtomicBool::new(false));
                let (corpus, stop) = (Arc::clone(corpus), Arc::clone(&cancel));
                let spawned = std::thread::Builder::new()
                    .name("suggested pairs".into())
                    .spawn(move || {
                        let cancelled = || stop.load(Ordering::Relaxed);
                        let found =
                            Self::find_suggestions(&corpus, LARGE_CORPUS_MIN_SIMILARITY, Workers::AllCores, &cancelled);
                        if !cancelled() {
                            let _ = tx.send(found);
                        }
                    });
                self.suggestions = Some(match spawned {
                    Ok(_) => SuggestionState::Pending { rx, cancel },
                    Err(_) => SuggestionState::Ready(Arc::default()),
                });
                return None;
            }
        }
        match &self.suggestions {
            Some(SuggestionState::Ready(s)) => Some(Arc::clone(s)),
            _ => None,
        }
    }

    /// Whether suggestions are being searched for in the background.
    pub fn finding_suggestions(&self) -> bool {
        matches!(self.suggestions, Some(SuggestionState::Pending { .. }))
    }

    /// Asks for the best suggested pair to be shown once the suggestions are ready.
    pub fn pick_best_when_ready(&mut self) {
        self.pick_when_ready = true;
    }

    fn find_suggestions(
        corpus: &Corpus,
        min: f32,
        workers: Workers,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Suggestions {
        let pairs = crate::analysis::similar::similar_documents(corpus, min, SUGGESTED_PAIRS, workers, cancelled);
        let far_apart = if cancelled() {
            None
        } else {
            Self::same_actor_far_apart(corpus)
        };
        Suggestions { pairs, far_apart }
    }

    /// Draws the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, corpus: &Arc<Corpus>, selection: &mut Selection, settings: &mut Settings) {
        ui.horizontal(|ui| {
            ui.heading("Side by side");
            // Two combos, the swap button and their A/B labels share the rest of the row.
            let combo_w = ((ui.available_width() - 130.0) / 2.0).clamp(80.0, 360.0);
            doc_combo_ui(ui, "A", corpus, &mut selection.compare.0, combo_w);
            if ui.button("⇄").on_hover_text("Swap sides").clicked() {
                selection.compare = (selection.compare.1, selection.compare.0);
            }
            doc_combo_ui(ui, "B", corpus, &mut selection.compare.1, combo_w);
        });
        let suggestions = self.suggestions(corpus);
        if let Some(found) = &suggestions
            && std::mem::take(&mut self.pick_when_ready)
            && selection.compare == (None, None)
            && let Some((a, b, _)) = found.pairs.first()
        {
            selection.compare = (Some(*a), Some(*b));
        }
        let finding = self.finding_suggestions();
        if finding {
            ui.ctx().request_repaint_after(Duration::from_millis(150));
        }
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut settings.show_word_diff, "word differences");
            framing_legend_ui(ui);
            if finding {
                ui.separator();
                ui.spinner();
                ui.label(egui::RichText::new("finding similar pairs…").weak())
                    .on_hover_text("Searching the corpus for rewrites and near-copies in the background");
            }
            let Some(found) = suggestions.filter(|f| !f.pairs.is_empty() || f.far_apart.is_some()) else {
                return;
            };
            ui.separator();
            ui.label(egui::RichText::new("Suggested pairs:").weak());
            for (a, b, s) in found.pairs.iter().take(3) {
                let label = format!(
                    "{} ↔ {} ({:.0}%)",
                    short(corpus.doc(*a)),
                    short(corpus.doc(*b)),
                    s * 100.0
                );
                if ui
                    .small_button(label)
                    .on_hover_text("The most similar documents in the corpus")
                    .clicked()
                {
                    selection.compare = (Some(*a), Some(*b));
                }
            }
            if let Some((a, b, actor, days)) = &found.far_apart {
                let years = *days as f32 / 365.25;
                let label = format!(
                    "{} ↔ {} (same actor, {years:.0} years apart)",
                    short(corpus.doc(*a)),
                    short(corpus.doc(*b))
                );
                if ui
                    .small_button(label)
                    .on_hover_text(format!("{actor} then and now: what changed?"))
                    .clicked()
                {
                    selection.compare = (Some(*a), Some(*b));
                }
            }
        });
        let (Some(l), Some(r)) = selection.compare else {
            ui.label("Choose two documents above, or use the A / B buttons in the document list.");
            return;
        };
        let Some(alignment) = self.alignment(ui.ctx(), corpus, (l, r)) else {
            if self.failed.contains(&(l, r)) {
                ui.label("These two documents could not be aligned.");
                return;
            }
            let sizes = self.pending.iter().find(|p| p.pair == (l, r)).map(|p| p.sizes);
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Aligning …");
                if let Some((na, nb)) = sizes {
                    ui.label(egui::RichText::new(format!("{na} and {nb} passages")).weak());
                }
            });
            // The thread asks for a repaint when done; this is a fallback for hosts that miss it.
            ui.ctx().request_repaint_after(Duration::from_millis(100));
            return;
        };
        let moved = if alignment.moved > 0 {
            format!(" · {} moved", alignment.moved)
        } else {
            String::new()
        };
        ui.label(
            egui::RichText::new(format!(
                "{} aligned passages{moved} · {} only left · {} only right",
                alignment.aligned, alignment.left_only, alignment.right_only
            ))
            .weak(),
        );
        ui.separator();
        self.rows_ui(ui, corpus, selection, settings.show_word_diff, alignment);
    }

    /// The aligned rows in a scroll area, only those in view laid out.
    fn rows_ui(
        &mut self,
        ui: &mut egui::Ui,
        corpus: &Corpus,
        selection: &mut Selection,
        show_diff: bool,
        alignment: Arc<Alignment>,
    ) {
        let docs = (corpus.doc(alignment.pair.0), corpus.doc(alignment.pair.1));
        let style = RowStyle::of(ui);
        let outer_width = ui.available_width();
        let mut area = egui::ScrollArea::vertical()
            .id_salt("compare_rows")
            .auto_shrink([false, false]);
        if let (Some(id), Some(heights)) = (self.scroll.id, self.heights.as_mut())
            && outer_width == self.scroll.outer_width
            && heights.fits(&alignment, self.scroll.inner_width, &style)
        {
            let state = egui::scroll_area::State::load(ui.ctx(), id);
            let y0 = state.map_or(0.0, |s| s.unclamped_offset().y);
            // Rows out of view are measured in quiet frames, not while the user scrolls.
            let busy = state.is_some_and(|s| s.velocity() != egui::Vec2::ZERO)
                || ui
                    .input(|i| i.is_scrolling() || i.smooth_scroll_delta() != egui::Vec2::ZERO || i.pointer.any_down());
            let budget = if busy { Duration::ZERO } else { MEASURE_BUDGET };
            if let Some(y) = heights.refine(ui, docs, show_diff, (y0, self.scroll.view_height), budget) {
                area = area.vertical_scroll_offset(y);
            }
        }
        let heights = &mut self.heights;
        let out = area.show_viewport(ui, |ui, viewport| {
            let width = ui.available_width();
            if !heights.as_ref().is_some_and(|h| h.fits(&alignment, width, &style)) {
                *heights = Some(Heights::new(
                    Arc::clone(&alignment),
                    width,
                    style.clone(),
                    heights.take(),
                ));
            }
            let Some(h) = heights.as_mut() else { return width };
            let n = alignment.rows.len();
            ui.set_min_height(h.total());
            if n == 0 {
                return width;
            }
            let origin = ui.max_rect().min;
            let mut i = h.row_at(viewport.min.y);
            let mut y = h.cum[i];
            while i < n && y < viewport.max.y {
                let rect = egui::Rect::from_min_size(
                    origin + egui::vec2(0.0, y),
                    egui::vec2(width, h.pitch[i].max(viewport.max.y - y)),
                );
                let drawn = ui
                    .scope_builder(
                        egui::UiBuilder::new().max_rect(rect).id_salt(("compare_row", i)),
                        |ui| {
                            row_ui(ui, &alignment.rows[i], docs, selection, show_diff);
                        },
                    )
                    .response
                    .rect
                    .height();
                h.set(i, style.pitch(drawn));
                y += h.pitch[i];
                i += 1;
            }
            h.update_offsets();
            ui.set_min_height(h.total());
            width
        });
        self.scroll = ScrollMemo {
            id: Some(out.id),
            outer_width,
            inner_width: out.inner,
            view_height: out.inner_rect.height(),
        };
        if self.heights.as_ref().is_some_and(|h| h.remaining > 0) {
            // Keep measuring the rows out of view, a few per frame.
            ui.ctx().request_repaint();
        }
    }
}

/// Draws one aligned row: two columns, a passage or a "no counterpart" box in each.
fn row_ui(ui: &mut egui::Ui, row: &Row, (a, b): (&Document, &Document), selection: &mut Selection, show_diff: bool) {
    let dark = ui.visuals().dark_mode;
    ui.columns(2, |cols| {
        for (side, (doc, passage)) in [(a, &row.left), (b, &row.right)].into_iter().enumerate() {
            let ui = &mut cols[side];
            match passage {
                Some(p) => {
                    if side == 1
                        && let Some(note) = row.moved
                    {
                        ui.label(egui::RichText::new(note).small().weak().italics());
                    }
                    let h = p.highlights(show_diff, selection.hovered_entity);
                    // A sentence of a hard-wrapped paragraph runs over line breaks: shown as
                    // spaces (one byte for one, so highlight offsets stay valid), the passage
                    // reflows to the column.
                    let text = &doc.text[p.range.clone()];
                    let shown: std::borrow::Cow<'_, str> = if text.contains(['\n', '\r']) {
                        text.replace(['\n', '\r'], " ").into()
                    } else {
                        text.into()
                    };
                    let (resp, hovered, _) = highlighted_label_ui(ui, &shown, p.range.start, &h);
                    if let Some(e) = hovered {
                        selection.hover_entity(e);
                    }
                    if resp.clicked() {
                        selection.open(doc.id, Some(p.sentence), None);
                    }
                    if side == 0
                        && let Some(s) = row.similarity
                    {
                        resp.on_hover_text(format!("{:.0}% of content words shared with the right side", s * 100.0));
                    }
                }
                None => {
                    egui::Frame::new()
                        .fill(theme::gap_background(dark))
                        .inner_margin(GAP_MARGIN)
                        .show(ui, |ui| {
                            ui.set_min_width(ui.available_width());
                            ui.label(egui::RichText::new("— no counterpart —").weak().italics());
                        });
                }
            }
        }
    });
}

/// Word-diff ranges (document byte offsets) of a pair of passages.
fn diff_ranges(a: &str, a_off: usize, b: &str, b_off: usize) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (left, right) = word_diff(a, b);
    let to_ranges = |segs: Vec<crate::analysis::align::DiffSegment>, off: usize| {
        let mut pos = off;
        let mut out = Vec::new();
        for s in segs {
            if s.changed {
                let lead = s.text.len() - s.text.trim_start().len();
                let trail = s.text.len() - s.text.trim_end().len();
                out.push(pos + lead..pos + s.text.len() - trail);
            }
            pos += s.text.len();
        }
        out
    };
    (to_ranges(left, a_off), to_ranges(right, b_off))
}

fn short(d: &Document) -> String {
    let name = d.file_name();
    name.split('_')
        .next()
        .filter(|p| !p.is_empty() && p.len() < 12)
        .unwrap_or(name)
        .to_string()
}

/// A document chooser labelled `id` ("A" or "B", as in the document list).
fn doc_combo_ui(ui: &mut egui::Ui, id: &str, corpus: &Corpus, value: &mut Option<DocId>, width: f32) {
    let label = value.map_or("choose…".to_string(), |d| clip_title(corpus.doc(d)));
    egui::ComboBox::new(("compare_side", id), id)
        .width(width)
        .truncate()
        .selected_text(label)
        .show_ui(ui, |ui| {
            for d in &corpus.documents {
                ui.selectable_value(value, Some(d.id), clip_title(d));
            }
        });
}

fn clip_title(d: &Document) -> String {
    let t: String = d.title.chars().take(40).collect();
    let more = if d.title.chars().count() > 40 { "…" } else { "" };
    format!("{} · {t}{more}", short(d))
}

/// What the framing marks mean (labels, official terms, hedges, quotations).
fn framing_legend_ui(ui: &mut egui::Ui) {
    use crate::model::FramingKind;
    let dark = ui.visuals().dark_mode;
    ui.separator();
    ui.label(egui::RichText::new("Marks:").weak());
    for k in [FramingKind::Label, FramingKind::OfficialTerm, FramingKind::Hedge] {
        ui.label(egui::RichText::new(k.label()).background_color(crate::app::theme::framing_background(k, dark)))
            .on_hover_text(match k {
                FramingKind::Label => {
                    "Distancing labels: “so-called”, “dictator”, “regime” (lexicon category delegitimize)"
                }
                FramingKind::OfficialTerm => {
                    "One side's official terms: “special military operation” (category endorse_framing)"
                }
                _ => "Hedges and neutrality: “balanced position”, “abstained” (categories neutral, abstain)",
            });
    }
    ui.label(egui::RichText::new("“quotation”").italics());
}
