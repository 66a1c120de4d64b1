//! The analyst's corrections (dates now; merges and stances later), saved in a
//! sidecar file and applied on every load, in the app and in `analyze`.
//!
//! Where: `<corpus>/.stance-explorer/corrections.json`; when the corpus folder is
//! read-only (or for the embedded sample), the app's data directory. Writes are
//! atomic (temporary file, fsync, rename). A sidecar that cannot be read, or one
//! written by a newer version, is never overwritten: it is moved aside first.

use crate::model::{Corpus, DateSource, DocDate, Entity, EntityId, EntityKind, parse_value};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The note of a document the analyst marked undated.
pub const UNDATED_BY_USER: &str = "marked undated by the analyst (saved correction)";

/// Version written into the sidecar.
pub const CORRECTIONS_VERSION: u32 = 1;

/// A date the analyst set or cleared for a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateCorrection {
    /// "YYYY-MM-DD", "YYYY-MM" or "YYYY"; `None`: the document is undated.
    pub value: Option<String>,
}

/// Everything the analyst corrected in one corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Corrections {
    /// Format version.
    pub version: u32,
    /// Date corrections by document path.
    pub dates: BTreeMap<String, DateCorrection>,
    /// Entity edits, applied in order after every analysis.
    pub entities: Vec<EntityEdit>,
    /// Stance edits, applied after the entity edits.
    pub stances: Vec<StanceEdit>,
    /// Evidence quotes pinned as callouts on the timeline (and in exported charts).
    pub annotations: Vec<Annotation>,
}

/// A stance event's evidence pinned as a callout, by document, sentence, actor and target.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Annotation {
    /// Document path.
    pub document: String,
    /// Sentence index in the document.
    pub sentence: usize,
    /// Actor's canonical name.
    pub actor: String,
    /// Target's canonical name.
    pub target: String,
    /// The analyst's own words added under the quote.
    #[serde(default)]
    pub note: String,
}

impl Annotation {
    /// The annotation key of stance `id`.
    pub fn of_stance(corpus: &Corpus, id: crate::model::StanceId) -> Annotation {
        let s = corpus.stance(id);
        Annotation {
            document: corpus.doc(s.doc).path.clone(),
            sentence: s.sentence_index(),
            actor: corpus.entity(s.actor).name.clone(),
            target: corpus.entity(s.target).name.clone(),
            note: String::new(),
        }
    }

    /// Whether this pins the same event as `other` (the note aside).
    pub fn same_event(&self, other: &Annotation) -> bool {
        self.document == other.document
            && self.sentence == other.sentence
            && self.actor == other.actor
            && self.target == other.target
    }
}

impl Corrections {
    /// Pins `a`, or unpins it when the same event is pinned already.
    pub fn toggle_annotation(&mut self, a: Annotation) {
        let before = self.annotations.len();
        self.annotations.retain(|x| !x.same_event(&a));
        if self.annotations.len() == before {
            self.annotations.push(a);
        }
    }
}

/// The analyst's verdict on one stance event, identified by document, sentence,
/// actor and target (names, so it survives re-analysis).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StanceEdit {
    /// Document path.
    pub document: String,
    /// Sentence index in the document.
    pub sentence: usize,
    /// Actor's canonical name.
    pub actor: String,
    /// Target's canonical name.
    pub target: String,
    /// What to do with it.
    pub action: StanceAction,
}

/// What a stance edit does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum StanceAction {
    /// The event is wrong: drop it.
    Remove,
    /// The event's score is this (clamped to [-1, 1]).
    SetScore {
        /// New score.
        score: f32,
    },
    /// The position is someone else's: this entity (canonical name) holds it.
    SetActor {
        /// New actor's canonical name.
        actor: String,
    },
    /// The position is about another entity (canonical name).
    SetTarget {
        /// New target's canonical name.
        target: String,
    },
    /// The analyst codes a stance the analysis missed: `actor` toward `target`
    /// (the edit's names) in this sentence.
    Add {
        /// Score in [-1, 1].
        score: f32,
        /// Words of the sentence that carry it (empty: the whole sentence).
        #[serde(default)]
        cue: String,
    },
}

/// Applies stance edits to a corpus; edits whose event no longer exists are skipped.
pub fn apply_stance_edits(corpus: &mut Corpus, edits: &[StanceEdit]) {
    if edits.is_empty() {
        return;
    }
    let matches = |c: &Corpus, s: &crate::model::StanceEvent, e: &StanceEdit| {
        c.doc(s.doc).path == e.document
            && s.sentence_index() == e.sentence
            && c.entity(s.actor).name == e.actor
            && c.entity(s.target).name == e.target
    };
    for e in edits {
        if let StanceAction::Add { score, cue } = &e.action {
            add_stance(corpus, e, *score, cue);
            continue;
        }
        let hits: Vec<usize> = (0..corpus.stances.len())
            .filter(|i| matches(corpus, &corpus.stances[*i], e))
            .collect();
        let mark = |s: &mut crate::model::StanceEvent, what: &str| {
            if !s.corrected {
                s.corrected = true;
                s.explanation = format!("{what} by the analyst (was found as: {})", s.explanation).into();
            }
        };
        match &e.action {
            StanceAction::Remove => {
                for i in hits.into_iter().rev() {
                    corpus.stances.remove(i);
                }
            }
            StanceAction::SetScore { score } => {
                for i in hits {
                    let s = &mut corpus.stances[i];
                    s.score = score.clamp(-1.0, 1.0);
                    mark(s, "score set");
                }
            }
            StanceAction::SetActor { actor } => {
                let Some(id) = corpus.entity_named(actor) else { continue };
                for i in hits {
                    let s = &mut corpus.stances[i];
                    s.actor = id;
                    mark(s, "actor set");
                }
            }
            StanceAction::SetTarget { target } => {
                let Some(id) = corpus.entity_named(target) else {
                    continue;
                };
                for i in hits {
                    let s = &mut corpus.stances[i];
                    s.target = id;
                    mark(s, "target set");
                }
            }
            StanceAction::Add { .. } => {}
        }
    }
    corpus.rebuild_index();
}

/// Adds the analyst's own stance event (skipped when the document, sentence or an entity is gone).
fn add_stance(corpus: &mut Corpus, e: &StanceEdit, score: f32, cue: &str) {
    let Some(doc) = corpus.documents.iter().find(|d| d.path == e.document) else {
        return;
    };
    let (Some(actor), Some(target), Some(range)) = (
        corpus.entity_named(&e.actor),
        corpus.entity_named(&e.target),
        doc.sentences.get(e.sentence),
    ) else {
        return;
    };
    let sentence = &doc.text[range.clone()];
    let cue_range = match sentence.find(cue).filter(|_| !cue.trim().is_empty()) {
        Some(at) => range.start + at..range.start + at + cue.len(),
        None => range.clone(),
    };
    let event = crate::model::StanceEvent {
        doc: doc.id,
        actor,
        speaker: None,
        target,
        score: score.clamp(-1.0, 1.0),
        sentence: e.sentence as u32,
        cue_range: crate::model::Span::new(cue_range),
        category: "analyst".into(),
        negated: false,
        explanation: "added by the analyst".into(),
        event_date: None,
        corrected: true,
        statement: None,
    };
    corpus.stances.push(event);
}

/// An edit of the entity table, by canonical names (so it survives re-analysis).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum EntityEdit {
    /// `from` is the same entity as `into`: its mentions and stances move there.
    Merge {
        /// Entity merged away.
        from: String,
        /// Entity kept.
        into: String,
    },
    /// A new canonical name (merges when `to` exists already).
    Rename {
        /// Current name.
        from: String,
        /// New name.
        to: String,
    },
    /// A different kind.
    SetKind {
        /// Entity.
        name: String,
        /// New kind.
        kind: EntityKind,
    },
    /// Mentions written as `alias` become an entity of their own.
    SplitAlias {
        /// Entity the alias is taken from.
        entity: String,
        /// The surface form to split off.
        alias: String,
    },
}

impl EntityEdit {
    /// How many mentions the edit changes in `corpus` (for the preview).
    pub fn affected_mentions(&self, corpus: &Corpus) -> usize {
        let count = |name: &str| corpus.entity_named(name).map_or(0, |e| corpus.entity(e).mention_count);
        match self {
            EntityEdit::Merge { from, .. } | EntityEdit::Rename { from, .. } => count(from),
            EntityEdit::SetKind { name, .. } => count(name),
            EntityEdit::SplitAlias { entity, alias } => corpus.entity_named(entity).map_or(0, |e| {
                corpus
                    .documents
                    .iter()
                    .flat_map(|d| d.mentions.iter().map(move |(id, r)| (d, id, r)))
                    .filter(|(d, id, r)| **id == e && d.text[r.range()].eq_ignore_ascii_case(alias))
                    .count()
            }),
        }
    }
}

/// Applies entity edits to a corpus (re-indexing ids), in order; edits naming
/// entities that no longer exist are skipped.
pub fn apply_entity_edits(corpus: &mut Corpus, edits: &[EntityEdit]) {
    for edit in edits {
        match edit {
            EntityEdit::Merge { from, into } => merge(corpus, from, into),
            EntityEdit::Rename { from, to } => {
                if corpus.entity_named(to).is_some() {
                    merge(corpus, from, to);
                } else if let Some(e) = corpus.entity_named(from) {
                    let ent = &mut corpus.entities[e.index()];
                    ent.aliases.retain(|a| a != to);
                    if !ent.aliases.contains(from) {
                        ent.aliases.push(from.clone());
                    }
                    ent.name = to.clone();
                }
            }
            EntityEdit::SetKind { name, kind } => {
                if let Some(e) = corpus.entity_named(name) {
                    corpus.entities[e.index()].kind = *kind;
                }
            }
            EntityEdit::SplitAlias { entity, alias } => split(corpus, entity, alias),
        }
        corpus.rebuild_index();
    }
}

fn merge(corpus: &mut Corpus, from: &str, into: &str) {
    let (Some(f), Some(t)) = (corpus.entity_named(from), corpus.entity_named(into)) else {
        return;
    };
    if f == t {
        return;
    }
    let moved = corpus.entities[f.index()].clone();
    {
        let target = &mut corpus.entities[t.index()];
        target.mention_count += moved.mention_count;
        for d in &moved.documents {
            if let Err(i) = target.documents.binary_search(d) {
                target.documents.insert(i, *d);
            }
        }
        for a in std::iter::once(&moved.name).chain(&moved.aliases) {
            if *a != target.name && !target.aliases.contains(a) {
                target.aliases.push(a.clone());
            }
        }
    }
    remap(corpus, |id| if id == f { t } else { id });
    remove_entity(corpus, f);
}

fn split(corpus: &mut Corpus, entity: &str, alias: &str) {
    let Some(e) = corpus.entity_named(entity) else { return };
    let new_id = EntityId(corpus.entities.len() as u32);
    let mut count = 0;
    let mut docs = Vec::new();
    for d in &mut corpus.documents {
        for (id, r) in &mut d.mentions {
            if *id == e && d.text[r.range()].eq_ignore_ascii_case(alias) {
                *id = new_id;
                count += 1;
                if docs.last() != Some(&d.id) {
                    docs.push(d.id);
                }
            }
        }
    }
    if count == 0 {
        return;
    }
    let old = &mut corpus.entities[e.index()];
    old.aliases.retain(|a| !a.eq_ignore_ascii_case(alias));
    old.mention_count -= count;
    let kind = old.kind;
    corpus.entities.push(Entity {
        name: alias.to_string(),
        kind,
        aliases: Vec::new(),
        mention_count: count,
        documents: docs,
    });
    let remaining: Vec<_> = corpus
        .documents
        .iter()
        .filter(|d| d.mentions.iter().any(|(id, _)| *id == e))
        .map(|d| d.id)
        .collect();
    corpus.entities[e.index()].documents = remaining;
}

fn remap(corpus: &mut Corpus, f: impl Fn(EntityId) -> EntityId) {
    for d in &mut corpus.documents {
        for (id, _) in &mut d.mentions {
            *id = f(*id);
        }
    }
    for s in &mut corpus.stances {
        s.actor = f(s.actor);
        s.target = f(s.target);
        if let Some(sp) = &mut s.speaker {
            sp.entity = sp.entity.map(&f);
        }
    }
}

/// Removes entity `gone` (no longer referenced) and shifts the ids after it.
fn remove_entity(corpus: &mut Corpus, gone: EntityId) {
    corpus.entities.remove(gone.index());
    remap(corpus, |id| if id.0 > gone.0 { EntityId(id.0 - 1) } else { id });
    // A stance between two merged entities would point at itself: drop those.
    corpus.stances.retain(|s| s.actor != s.target);
}

/// Why a date value was refused.
pub fn validate_date(value: &str) -> Result<(), String> {
    match parse_value(value) {
        Some((d, _)) if d.year() >= 1800 => Ok(()),
        Some(_) => Err("the year must be 1800 or later".into()),
        None => Err("write the date as YYYY-MM-DD, YYYY-MM or YYYY (a real calendar date)".into()),
    }
}

impl Corrections {
    /// Sets (or with `None`, clears) the date of `path`. Refuses invalid values.
    pub fn set_date(&mut self, path: &str, value: Option<&str>) -> Result<(), String> {
        if let Some(v) = value {
            validate_date(v)?;
        }
        self.dates.insert(
            path.to_string(),
            DateCorrection {
                value: value.map(|v| v.trim().to_string()),
            },
        );
        Ok(())
    }

    /// Forgets the correction of `path` (the detected date applies again).
    pub fn revert_date(&mut self, path: &str) {
        self.dates.remove(path);
    }

    /// The corrected date of `path`: `None` when there is no correction,
    /// `Some(None)` when the analyst marked it undated.
    pub fn date_for(&self, path: &str) -> Option<Option<DocDate>> {
        let c = self.dates.get(path)?;
        Some(
            c.value
                .as_deref()
                .and_then(parse_value)
                .map(|(date, precision)| DocDate {
                    date,
                    precision,
                    confidence: 1.0,
                    source: DateSource::User,
                    evidence: c.value.clone().unwrap_or_default(),
                    evidence_range: None,
                    reasoning: "set by the analyst (saved correction)".into(),
                }),
        )
    }

    /// Applies the date corrections to `corpus` in place (without re-analysing):
    /// corrected documents get the analyst's date, the others their detected one.
    pub fn apply_dates(&self, corpus: &mut Corpus) {
        for doc in &mut corpus.documents {
            match self.date_for(&doc.path) {
                Some(date) => {
                    doc.date_note = if date.is_none() {
                        Some(UNDATED_BY_USER.into())
                    } else {
                        None
                    };
                    doc.date = date;
                }
                None => {
                    doc.date = doc.detected_date.clone();
                    doc.date_note = doc.detected_note.clone();
                }
            }
        }
    }
}

/// Where a corpus's corrections live, and the outcome of reading them.
#[derive(Debug, Clone)]
pub struct CorrectionStore {
    /// The sidecar file.
    pub path: PathBuf,
}

/// The result of reading a sidecar.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The corrections (empty when there were none or they could not be read).
    pub corrections: Corrections,
    /// A warning for the user (a broken or newer sidecar moved aside).
    pub warning: Option<String>,
}

fn data_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "stance-explorer")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(std::env::temp_dir)
}

fn folder_writable(dir: &Path) -> bool {
    let probe = dir.join(format!(".stance-explorer-probe-{}", std::process::id()));
    match std::fs::File::create(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}

impl CorrectionStore {
    /// The store for a corpus folder (`None`: the embedded sample).
    pub fn for_corpus(root: Option<&Path>) -> CorrectionStore {
        let path = match root {
            Some(r) => {
                let sidecar = r.join(crate::analysis::SIDECAR_DIR).join("corrections.json");
                if sidecar.exists() || folder_writable(r) {
                    sidecar
                } else {
                    let key = r.display().to_string().bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
                    });
                    data_dir().join("corrections").join(format!("{key:016x}.json"))
                }
            }
            None => data_dir().join("corrections").join("sample.json"),
        };
        CorrectionStore { path }
    }

    /// A store at an explicit path (tests).
    pub fn at(path: PathBuf) -> CorrectionStore {
        CorrectionStore { path }
    }

    /// Reads the sidecar. A missing file is empty; a broken or newer one is moved aside
    /// (never overwritten) and reported.
    pub fn load(&self) -> Loaded {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::default(),
            Err(e) => {
                return Loaded {
                    warning: Some(format!("corrections not read ({}): {e}", self.path.display())),
                    ..Default::default()
                };
            }
        };
        match serde_json::from_str::<Corrections>(&text) {
            Ok(c) if c.version <= CORRECTIONS_VERSION => Loaded {
                corrections: c,
                warning: None,
            },
            Ok(c) => Loaded {
                warning: Some(self.move_aside(&format!("it was written by a newer version (format {})", c.version))),
                ..Default::default()
            },
            Err(e) => Loaded {
                warning: Some(self.move_aside(&format!("it is not valid ({e})"))),
                ..Default::default()
            },
        }
    }

    fn move_aside(&self, why: &str) -> String {
        let stamp = jiff::Timestamp::now().as_second();
        let aside = self.path.with_extension(format!("json.kept-{stamp}"));
        match std::fs::rename(&self.path, &aside) {
            Ok(()) => format!(
                "corrections file {} was set aside as {} because {why}",
                self.path.display(),
                aside.display()
            ),
            Err(e) => format!(
                "corrections file {} is ignored because {why} (could not move it aside: {e})",
                self.path.display()
            ),
        }
    }

    /// Saves atomically: temporary file in the same folder, fsync, rename.
    pub fn save(&self, c: &Corrections) -> std::io::Result<()> {
        self.save_with(c, |f, bytes| f.write_all(bytes))
    }

    /// [`CorrectionStore::save`] with the write step given (tests inject failures).
    pub fn save_with(
        &self,
        c: &Corrections,
        write: impl FnOnce(&mut std::fs::File, &[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let mut c = c.clone();
        c.version = CORRECTIONS_VERSION;
        let json = serde_json::to_vec_pretty(&c).map_err(std::io::Error::other)?;
        let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
        write(tmp.as_file_mut(), &json)?;
        tmp.as_file().sync_all()?;
        tmp.persist(&self.path).map_err(|e| e.error)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Corpus {
        crate::analysis::load_corpus_with(None, &crate::ingest::LoadControl::default(), &Corrections::default())
            .unwrap()
    }

    fn check_consistent(c: &Corpus) {
        let n = c.entities.len() as u32;
        for d in &c.documents {
            assert!(d.mentions.iter().all(|(e, _)| e.0 < n));
        }
        for s in &c.stances {
            assert!(s.actor.0 < n && s.target.0 < n && s.actor != s.target);
        }
        for (i, e) in c.entities.iter().enumerate() {
            let mentions: usize = c
                .documents
                .iter()
                .map(|d| d.mentions.iter().filter(|(id, _)| id.index() == i).count())
                .sum();
            assert_eq!(mentions, e.mention_count, "{}", e.name);
        }
    }

    #[test]
    fn merge_rename_kind_and_split_apply_by_name() {
        let mut c = sample();
        let ru = c.entity(c.entity_named("Russia").unwrap()).mention_count;
        let putin = c.entity(c.entity_named("Vladimir Putin").unwrap()).mention_count;
        let astana = EntityEdit::SplitAlias {
            entity: "Kazakhstan".into(),
            alias: "Astana".into(),
        };
        let n_astana = astana.affected_mentions(&c);
        assert!(n_astana >= 2);
        let merge = EntityEdit::Merge {
            from: "Vladimir Putin".into(),
            into: "Russia".into(),
        };
        assert_eq!(merge.affected_mentions(&c), putin);
        let edits = vec![
            merge,
            EntityEdit::Rename {
                from: "United Nations".into(),
                to: "UN".into(),
            },
            EntityEdit::SetKind {
                name: "Central Asia".into(),
                kind: EntityKind::Other,
            },
            astana,
            EntityEdit::Merge {
                from: "Nobody".into(),
                into: "Russia".into(),
            },
        ];
        apply_entity_edits(&mut c, &edits);
        check_consistent(&c);
        assert!(c.entity_named("Vladimir Putin").is_none());
        let r = c.entity(c.entity_named("Russia").unwrap());
        assert_eq!(r.mention_count, ru + putin);
        assert!(r.aliases.iter().any(|a| a == "Vladimir Putin"));
        assert!(c.entity_named("United Nations").is_none());
        assert!(
            c.entity(c.entity_named("UN").unwrap())
                .aliases
                .iter()
                .any(|a| a == "United Nations")
        );
        assert_eq!(
            c.entity(c.entity_named("Central Asia").unwrap()).kind,
            EntityKind::Other
        );
        assert_eq!(c.entity(c.entity_named("Astana").unwrap()).mention_count, n_astana);
        assert!(
            !c.entity(c.entity_named("Kazakhstan").unwrap())
                .aliases
                .iter()
                .any(|a| a == "Astana")
        );
        // Stance events still name real entities and keep their sentences.
        assert!(c.stances.iter().any(|s| c.entity(s.target).name == "Russia"));
    }

    #[test]
    fn invalid_dates_are_refused() {
        let mut c = Corrections::default();
        assert!(c.set_date("a.txt", Some("2022-02-30")).is_err());
        assert!(c.set_date("a.txt", Some("March 2022")).is_err());
        assert!(c.set_date("a.txt", Some("2022-03")).is_ok());
        assert!(c.set_date("b.txt", None).is_ok());
        assert_eq!(c.dates.len(), 2);
    }

    #[test]
    fn save_load_round_trip_and_broken_files_are_kept_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = CorrectionStore::at(dir.path().join("corrections.json"));
        assert_eq!(store.load().corrections, Corrections::default());
        let mut c = Corrections::default();
        c.set_date("003.txt", Some("2014-03-27")).unwrap();
        store.save(&c).unwrap();
        let loaded = store.load();
        assert_eq!(loaded.corrections.dates, c.dates);
        assert!(loaded.warning.is_none());

        std::fs::write(&store.path, b"{ not json").unwrap();
        let loaded = store.load();
        assert!(loaded.corrections.dates.is_empty());
        assert!(loaded.warning.unwrap().contains("set aside"));
        let kept: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("kept-"))
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(std::fs::read(kept[0].path()).unwrap(), b"{ not json");

        std::fs::write(&store.path, br#"{"version": 99, "dates": {}}"#).unwrap();
        assert!(store.load().warning.unwrap().contains("newer version"));
    }

    #[test]
    fn a_write_that_dies_halfway_leaves_the_previous_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let store = CorrectionStore::at(dir.path().join("corrections.json"));
        let mut c = Corrections::default();
        c.set_date("a.txt", Some("2020")).unwrap();
        store.save(&c).unwrap();
        let before = std::fs::read(&store.path).unwrap();
        let mut newer = c.clone();
        newer.set_date("b.txt", Some("2021-05-01")).unwrap();
        // The writer dies after half the bytes.
        let err = store.save_with(&newer, |f, bytes| {
            f.write_all(&bytes[..bytes.len() / 2])?;
            Err(std::io::Error::other("killed mid-save"))
        });
        assert!(err.is_err());
        assert_eq!(
            std::fs::read(&store.path).unwrap(),
            before,
            "the previous file is intact"
        );
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        assert_eq!(store.load().corrections.dates, c.dates);
    }
}
