//! Stance events: who took which position toward whom, with the evidence.

use super::{DocDate, DocId, EntityId};
use std::ops::Range;

/// Who spoke for the actor: a person or a body ("Foreign Ministry of Kazakhstan").
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// Display name.
    pub name: String,
    /// The entity, when the speaker is one (a person).
    pub entity: Option<EntityId>,
}

/// One coded stance: `actor` toward `target`, with a score and the sentence that produced it.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceEvent {
    /// The document it comes from.
    pub doc: DocId,
    /// Who holds the position (a country for officials).
    pub actor: EntityId,
    /// The person or body that voiced it, if named.
    pub speaker: Option<Speaker>,
    /// What the position is about.
    pub target: EntityId,
    /// -1.0 (opposes) ..= 1.0 (supports); 0 is neutral or hedging.
    pub score: f32,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// The cue words as they appear in the text.
    pub cue: String,
    /// Byte range of the cue in the document text.
    pub cue_range: Range<usize>,
    /// Lexicon category of the cue (endorse, criticize, abstain...).
    pub category: String,
    /// Whether a negation changed the cue's score.
    pub negated: bool,
    /// How actor and target were found (shown on hover).
    pub explanation: String,
    /// The date of the event the sentence reports, when it names one ("in 2014").
    pub event_date: Option<DocDate>,
    /// Whether the analyst corrected it.
    pub corrected: bool,
    /// Copies of one statement (the same position reported by several outlets, or in two
    /// translations) share this number; `None` when no other report of it was found.
    pub statement: Option<u32>,
}
