//! Stance events: who took which position toward whom, with the evidence.

use super::{DocId, EntityId, EventDate};
use super::{Document, SharedStr, Span};

/// Who spoke for the actor: a person or a body ("Foreign Ministry of Kazakhstan").
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// Display name.
    pub name: String,
    /// The entity, when the speaker is one (a person).
    pub entity: Option<EntityId>,
}

/// One coded stance: `actor` toward `target`, with a score and the sentence that produced it.
///
/// Kept compact (a dense corpus holds one per 120 bytes of text): the cue is a range of the
/// document text ([`StanceEvent::cue_in`]), the lexicon category and explanation are shared
/// with the events that have the same, and the rarer parts
/// (speaker, event date) are boxed.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceEvent {
    /// The document it comes from.
    pub doc: DocId,
    /// Who holds the position (a country for officials).
    pub actor: EntityId,
    /// The person or body that voiced it, if named.
    pub speaker: Option<Box<Speaker>>,
    /// What the position is about.
    pub target: EntityId,
    /// -1.0 (opposes) ..= 1.0 (supports); 0 is neutral or hedging.
    pub score: f32,
    /// Index of the sentence in the document (see [`StanceEvent::sentence_index`]).
    pub sentence: u32,
    /// Byte range of the cue words in the document text.
    pub cue_range: Span,
    /// Lexicon category of the cue (endorse, criticize, abstain...), shared by the events of
    /// one category.
    pub category: SharedStr,
    /// Whether a negation changed the cue's score.
    pub negated: bool,
    /// How actor and target were found (shown on hover); events explained alike (copies of one
    /// statement, one template) share one string.
    pub explanation: SharedStr,
    /// The date of the event the sentence reports, when it names one ("in 2014").
    pub event_date: Option<Box<EventDate>>,
    /// Whether the analyst corrected it.
    pub corrected: bool,
    /// Copies of one statement (the same position reported by several outlets, or in two
    /// translations) share this number; `None` when no other report of it was found.
    pub statement: Option<u32>,
}

impl StanceEvent {
    /// The cue words as they appear in `doc` (the event's document); empty when the range is
    /// not in its text.
    pub fn cue_in<'a>(&self, doc: &'a Document) -> &'a str {
        doc.text.get(self.cue_range.range()).unwrap_or_default()
    }

    /// [`StanceEvent::sentence`] as an index.
    pub fn sentence_index(&self) -> usize {
        self.sentence as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A dense corpus holds one event per 120 bytes of text: keep the record small (it was 248
    /// bytes with the cue, category and rare parts inline).
    #[test]
    fn stance_event_stays_compact() {
        let size = std::mem::size_of::<StanceEvent>();
        eprintln!("StanceEvent: {size} bytes");
        assert!(size <= 72, "StanceEvent grew to {size} bytes");
    }
}
