//! The one selection model all views share.

use crate::model::DatedPeriod;
use crate::model::{Corpus, DocId, EntityId, StanceId};
use std::collections::BTreeSet;
use std::ops::Range;

/// What the user has selected, filtered and is hovering, shared by every view.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Show documents mentioning all of these (and stances involving any of them).
    pub include: BTreeSet<EntityId>,
    /// Hide documents mentioning any of these.
    pub exclude: BTreeSet<EntityId>,
    /// Entity hovered during the previous frame (read by views this frame).
    pub hovered_entity: Option<EntityId>,
    /// Entity hovered so far during this frame (becomes `hovered_entity` next frame).
    hovered_next: Option<EntityId>,
    /// Document shown in the reader.
    pub open_doc: Option<DocId>,
    /// Sentence to scroll to and mark in the reader.
    pub focus_sentence: Option<usize>,
    /// Cue to highlight in the reader.
    pub focus_cue: Option<Range<usize>>,
    /// Set when the reader should scroll to the focus sentence once.
    pub scroll_pending: bool,
    /// Left and right documents of the side-by-side view.
    pub compare: (Option<DocId>, Option<DocId>),
    /// Stance event the pointer is over in the timeline.
    pub hovered_stance: Option<StanceId>,
    /// Period box-selected on the timeline (days since 1970-01-01, inclusive):
    /// only documents dated inside it pass.
    pub period_days: Option<(f64, f64)>,
}

impl Selection {
    /// Call at the start of a frame: what was hovered last frame becomes visible.
    pub fn begin_frame(&mut self) {
        self.hovered_entity = self.hovered_next.take();
    }

    /// Views call this when the pointer is over an entity.
    pub fn hover_entity(&mut self, e: EntityId) {
        self.hovered_next = Some(e);
    }

    /// Opens `doc` in the reader at `sentence` (and highlights `cue`).
    pub fn open(&mut self, doc: DocId, sentence: Option<usize>, cue: Option<Range<usize>>) {
        self.open_doc = Some(doc);
        self.focus_sentence = sentence;
        self.focus_cue = cue;
        self.scroll_pending = sentence.is_some();
    }

    /// Toggles `e` in the include set (removing it from exclude).
    pub fn toggle_include(&mut self, e: EntityId) {
        self.exclude.remove(&e);
        if !self.include.remove(&e) {
            self.include.insert(e);
        }
    }

    /// Toggles `e` in the exclude set (removing it from include).
    pub fn toggle_exclude(&mut self, e: EntityId) {
        self.include.remove(&e);
        if !self.exclude.remove(&e) {
            self.exclude.insert(e);
        }
    }

    /// Clears the entity filter and the period.
    pub fn clear_filter(&mut self) {
        self.include.clear();
        self.exclude.clear();
        self.period_days = None;
    }

    /// Whether any filter (entities or period) is active.
    pub fn is_filtered(&self) -> bool {
        !self.include.is_empty() || !self.exclude.is_empty() || self.period_days.is_some()
    }

    /// The filter in words, for captions: "all documents", "mentioning Kazakhstan; not Russia".
    pub fn describe(&self, corpus: &Corpus) -> String {
        let names = |set: &BTreeSet<EntityId>| -> Vec<String> {
            set.iter()
                .filter(|e| e.index() < corpus.entities.len())
                .map(|e| corpus.entity(*e).name.clone())
                .collect()
        };
        let (inc, exc) = (names(&self.include), names(&self.exclude));
        let words: String = match (inc.is_empty(), exc.is_empty()) {
            (true, true) => "all documents".into(),
            (false, true) => format!("mentioning {}", inc.join(" and ")),
            (true, false) => format!("not mentioning {}", exc.join(" or ")),
            (false, false) => format!("mentioning {}; not {}", inc.join(" and "), exc.join(" or ")),
        };
        match self.period_label() {
            Some(p) => format!("{words}, dated {p}"),
            None => words,
        }
    }

    /// Documents that pass the filter, sorted by id.
    pub fn filtered_documents(&self, corpus: &Corpus) -> Vec<DocId> {
        let inc: Vec<EntityId> = self.include.iter().copied().collect();
        let exc: Vec<EntityId> = self.exclude.iter().copied().collect();
        let mut docs = corpus.documents_matching(&inc, &exc);
        if let Some((lo, hi)) = self.period_days {
            docs.retain(|d| {
                corpus
                    .doc(*d)
                    .date
                    .as_ref()
                    .is_some_and(|date| (lo..=hi).contains(&date.plot_day()))
            });
        }
        docs
    }

    /// The selected period in words ("2022-01-03 – 2022-06-30").
    pub fn period_label(&self) -> Option<String> {
        let (lo, hi) = self.period_days?;
        let d = |x: f64| {
            crate::model::date_from_epoch_days(x.round())
                .map(|d| d.to_string())
                .unwrap_or_default()
        };
        Some(format!("{} – {}", d(lo), d(hi)))
    }

    /// Whether stance `s` passes the filter (its document passes, and it involves an
    /// included entity when any are included). `doc_ok` is the filtered document set.
    pub fn stance_visible(&self, corpus: &Corpus, s: StanceId, doc_ok: &[bool]) -> bool {
        let st = corpus.stance(s);
        doc_ok.get(st.doc.index()).copied().unwrap_or(false)
            && (self.include.is_empty() || self.include.contains(&st.actor) || self.include.contains(&st.target))
    }

    /// Drops references that do not exist in `corpus` (after a reload).
    pub fn retain_valid(&mut self, corpus: &Corpus) {
        let n_e = corpus.entities.len() as u32;
        let n_d = corpus.documents.len() as u32;
        self.include.retain(|e| e.0 < n_e);
        self.exclude.retain(|e| e.0 < n_e);
        let valid = |d: &Option<DocId>| d.filter(|d| d.0 < n_d);
        self.open_doc = valid(&self.open_doc);
        self.compare = (valid(&self.compare.0), valid(&self.compare.1));
        self.hovered_stance = None;
        self.hovered_entity = None;
    }
}
