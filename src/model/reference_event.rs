//! Reference events shown on the timeline (loaded by `analysis::events`).

use jiff::civil::Date;

/// One reference event.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceEvent {
    /// When.
    pub date: Date,
    /// Short label for the plot.
    pub label: String,
    /// war, diplomacy, un_vote, sanctions, election, domestic.
    pub category: String,
    /// One sentence on what happened.
    pub source: String,
    /// From the corpus's own file (else shipped).
    pub from_corpus: bool,
    /// The countries and organisations the event is about, by their gazetteer names; a
    /// shipped event is drawn only on a corpus whose positions involve one of them
    /// (`analysis::events::keep_events_about`). Empty: drawn on every corpus.
    pub entities: Vec<String>,
}
