//! The shared in-memory model: documents, entities, stance events and load problems.
//!
//! Nothing here knows about the GUI. The model is built once per load by
//! [`crate::analysis::build_corpus`] and then read (never mutated) by the views and
//! the command line; user corrections are applied by rebuilding it.

mod corpus;
mod date;
mod document;
mod entity;
mod reference_event;
mod shared_str;
mod stance;

pub use corpus::{Corpus, CorpusIndex, LoadProblem};
pub use date::{
    DatePrecision, DateSource, DatedPeriod, DocDate, EventDate, EventDateBasis, date_from_epoch_days, days_since_epoch,
    parse_value,
};
pub use document::{DocFormat, Document, FramingKind, FramingMark, MarkupKind, MarkupSpan, Span, Spans};
pub use entity::{Entity, EntityKind, Mention};
pub use reference_event::ReferenceEvent;
pub use shared_str::SharedStr;
pub use stance::{Speaker, StanceEvent};

/// Index of a document in [`Corpus::documents`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct DocId(pub u32);

/// Index of an entity in [`Corpus::entities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct EntityId(pub u32);

/// Index of a stance event in [`Corpus::stances`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct StanceId(pub u32);

impl DocId {
    /// The index as `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl EntityId {
    /// The index as `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl StanceId {
    /// The index as `usize`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}
