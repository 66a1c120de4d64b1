//! The `stance-explorer/1` JSON export (the `analyze` command's output).

use crate::model::DatedPeriod;
use crate::model::{Corpus, DocDate};
use serde::Serialize;
use std::io::Write as _;

/// Schema identifier written into every export.
pub const SCHEMA: &str = "stance-explorer/1";

/// The whole export.
#[derive(Debug, Serialize)]
pub struct Export<'a> {
    /// Always [`SCHEMA`].
    pub schema: &'static str,
    /// Documents.
    pub documents: Vec<ExportDocument>,
    /// Entities, by descending mention count.
    pub entities: Vec<ExportEntity>,
    /// Stance events.
    pub stances: ExportStances<'a>,
    /// Load problems.
    pub problems: Vec<ExportProblem>,
}

/// The stance events of an [`Export`], built one at a time as they are serialised: a dense
/// corpus has millions, and the export never holds them all (nor, with
/// [`Export::write_json`], their JSON).
pub struct ExportStances<'a> {
    corpus: &'a Corpus,
    /// Which of the corpus's events are exported (by index); all when `None`.
    visible: Option<Vec<bool>>,
}

impl ExportStances<'_> {
    /// The exported events, in corpus order.
    pub fn iter(&self) -> impl Iterator<Item = ExportStance<'_>> + '_ {
        let c = self.corpus;
        c.stances
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                self.visible
                    .as_ref()
                    .is_none_or(|v| v.get(*i).copied().unwrap_or(false))
            })
            .map(move |(_, s)| export_stance(c, s))
    }
}

impl Serialize for ExportStances<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl std::fmt::Debug for ExportStances<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.visible.as_ref().map_or(self.corpus.stances.len(), |v| {
            v.iter().take(self.corpus.stances.len()).filter(|&&x| x).count()
        });
        write!(f, "ExportStances({n} events)")
    }
}

/// A document.
#[derive(Debug, Serialize)]
pub struct ExportDocument {
    /// Path relative to the corpus folder.
    pub path: String,
    /// Title.
    pub title: String,
    /// Outlet, if known.
    pub outlet: Option<String>,
    /// Publication date, if known.
    pub date: Option<ExportDate>,
    /// Why undated (or what limits the date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    /// Encoding the file was decoded from.
    pub encoding: String,
    /// Number of sentences.
    pub sentences: usize,
    /// Loading notices.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
}

/// A date with provenance.
#[derive(Debug, Serialize)]
pub struct ExportDate {
    /// "YYYY-MM-DD", "YYYY-MM" or "YYYY".
    pub value: String,
    /// "day", "month" or "year".
    pub precision: &'static str,
    /// 0..=1.
    pub confidence: f32,
    /// Where it came from.
    pub source: &'static str,
    /// The words it came from.
    pub evidence: String,
    /// Why it was chosen.
    pub reasoning: String,
}

/// An entity.
#[derive(Debug, Serialize)]
pub struct ExportEntity {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: &'static str,
    /// Merged surface forms.
    pub aliases: Vec<String>,
    /// Mention count.
    pub mentions: usize,
    /// Number of documents mentioning it.
    pub documents: usize,
}

/// A stance event, borrowing its text from the corpus (built one at a time as it is written).
#[derive(Debug, Serialize)]
pub struct ExportStance<'a> {
    /// Document path.
    pub document: &'a str,
    /// Actor (canonical).
    pub actor: &'a str,
    /// Speaker, if named.
    pub speaker: Option<&'a str>,
    /// Target (canonical).
    pub target: &'a str,
    /// -1..=1.
    pub score: f32,
    /// The sentence.
    pub sentence: std::borrow::Cow<'a, str>,
    /// The cue words.
    pub cue: &'a str,
    /// Cue category.
    pub category: &'a str,
    /// Whether negation changed the score.
    pub negated: bool,
    /// How actor and target were found.
    pub explanation: &'a str,
    /// Date of the reported event, when the sentence names one.
    pub event_date: Option<ExportDate>,
    /// Set by the analyst (a saved correction).
    pub corrected: bool,
    /// Events with the same number report one statement (syndicated or translated copies).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<u32>,
}

/// A load problem.
#[derive(Debug, Serialize)]
pub struct ExportProblem {
    /// Path.
    pub path: String,
    /// Reason.
    pub reason: String,
}

fn export_date(d: &DocDate) -> ExportDate {
    ExportDate {
        value: d.value_string(),
        precision: match d.precision {
            crate::model::DatePrecision::Day => "day",
            crate::model::DatePrecision::Month => "month",
            crate::model::DatePrecision::Year => "year",
        },
        confidence: (d.confidence * 100.0).round() / 100.0,
        source: d.source.as_str(),
        evidence: d.evidence.clone(),
        reasoning: d.reasoning.clone(),
    }
}

/// One stance event of `c`, as exported.
fn export_stance<'a>(c: &'a Corpus, s: &'a crate::model::StanceEvent) -> ExportStance<'a> {
    let doc = c.doc(s.doc);
    ExportStance {
        document: &doc.path,
        actor: &c.entity(s.actor).name,
        speaker: s.speaker.as_ref().map(|sp| sp.name.as_str()),
        target: &c.entity(s.target).name,
        score: (s.score * 100.0).round() / 100.0,
        sentence: doc.sentence_display(s.sentence_index()),
        cue: s.cue_in(doc),
        category: s.category.as_str(),
        negated: s.negated,
        explanation: s.explanation.as_str(),
        event_date: s.event_date.as_deref().map(|e| export_date(&e.to_doc_date(&doc.text))),
        corrected: s.corrected,
        statement: s.statement,
    }
}

impl<'a> Export<'a> {
    /// Builds the export of a corpus.
    pub fn from_corpus(c: &'a Corpus) -> Export<'a> {
        Export::with_visible(c, &vec![true; c.documents.len()], None)
    }

    /// The export of what a view shows: the documents and stance events flagged
    /// visible (by index), and the entities mentioned in those documents.
    pub fn subset(c: &'a Corpus, doc_visible: &[bool], stance_visible: &[bool]) -> Export<'a> {
        Export::with_visible(c, doc_visible, Some(stance_visible))
    }

    /// [`Export::subset`], with every stance event when `stance_visible` is `None`.
    fn with_visible(c: &'a Corpus, doc_visible: &[bool], stance_visible: Option<&[bool]>) -> Export<'a> {
        let doc_ok = |i: usize| doc_visible.get(i).copied().unwrap_or(false);
        Export {
            schema: SCHEMA,
            documents: c
                .documents
                .iter()
                .filter(|d| doc_ok(d.id.index()))
                .map(|d| ExportDocument {
                    path: d.path.clone(),
                    title: d.title.clone(),
                    outlet: d.outlet.clone(),
                    date: d.date.as_ref().map(export_date),
                    date_note: d.date_note.clone(),
                    encoding: d.encoding.clone(),
                    sentences: d.sentences.len(),
                    notices: d.notices.clone(),
                })
                .collect(),
            entities: c
                .entities
                .iter()
                .filter(|e| e.documents.iter().any(|d| doc_ok(d.index())))
                .map(|e| ExportEntity {
                    name: e.name.clone(),
                    kind: e.kind.as_str(),
                    aliases: e.aliases.clone(),
                    mentions: e.mention_count,
                    documents: e.documents.len(),
                })
                .collect(),
            stances: ExportStances {
                corpus: c,
                visible: stance_visible.map(<[bool]>::to_vec),
            },
            problems: c
                .problems
                .iter()
                .map(|p| ExportProblem {
                    path: p.path.clone(),
                    reason: p.reason.clone(),
                })
                .collect(),
        }
    }

    /// Pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("export serialises")
    }

    /// Writes [`Export::to_json`]'s JSON to `w` as it is serialised, holding no more than one
    /// stance event at a time.
    pub fn write_json(&self, w: impl std::io::Write) -> std::io::Result<()> {
        let mut w = std::io::BufWriter::new(w);
        serde_json::to_writer_pretty(&mut w, self)?;
        w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::load_corpus_with;
    use crate::ingest::LoadControl;

    #[test]
    fn streamed_events_are_written_as_a_list_of_them_would_be() {
        let c = load_corpus_with(None, &LoadControl::default(), &Default::default()).expect("the sample loads");
        assert!(c.stances.len() > 3, "the sample has stance events");
        let every: Vec<ExportStance> = c.stances.iter().map(|s| export_stance(&c, s)).collect();
        let whole = Export::from_corpus(&c);
        assert_eq!(
            serde_json::to_value(&whole).unwrap()["stances"],
            serde_json::to_value(&every).unwrap()
        );
        // A subset: every other event (and the flags list shorter than the events).
        let visible: Vec<bool> = (0..c.stances.len() - 1).map(|i| i % 2 == 0).collect();
        let some: Vec<&ExportStance> = every[..visible.len()].iter().step_by(2).collect();
        let subset = Export::subset(&c, &vec![true; c.documents.len()], &visible);
        assert_eq!(
            serde_json::to_value(&subset).unwrap()["stances"],
            serde_json::to_value(&some).unwrap()
        );
        // Written as it is serialised, the same bytes as the JSON string.
        let mut written = Vec::new();
        whole.write_json(&mut written).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), whole.to_json());
    }
}
