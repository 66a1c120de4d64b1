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
}
