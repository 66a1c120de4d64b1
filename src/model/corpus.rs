//! The corpus: everything loaded from one folder, with indexes.

use super::{DocId, Document, Entity, EntityId, StanceEvent, StanceId};
use std::collections::HashMap;
use std::path::PathBuf;

/// A file that could not be (fully) loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LoadProblem {
    /// Path relative to the corpus folder (lossy for non-UTF-8 names).
    pub path: String,
    /// A sentence a user understands.
    pub reason: String,
}

/// Lookup tables so that filtering and plotting never scan every sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CorpusIndex {
    /// Stance events per actor.
    pub stances_by_actor: HashMap<EntityId, Vec<StanceId>>,
    /// Stance events per target.
    pub stances_by_target: HashMap<EntityId, Vec<StanceId>>,
    /// Stance events per document, in sentence order.
    pub stances_by_doc: Vec<Vec<StanceId>>,
    /// Stance events per (actor, target) pair, pairs sorted by descending event count.
    pub pairs: Vec<((EntityId, EntityId), Vec<StanceId>)>,
    /// Entity id by canonical name.
    pub entity_by_name: HashMap<String, EntityId>,
    /// Stance events by [`StanceEvent::statement`](super::StanceEvent::statement): the copies
    /// of one statement.
    pub statements: HashMap<u32, Vec<StanceId>>,
}

/// Everything loaded from one folder.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The folder it was read from (`None` for the embedded sample).
    pub root: Option<PathBuf>,
    /// A short label for captions ("seeds (sample)", the folder name).
    pub label: String,
    /// Documents, sorted by path.
    pub documents: Vec<Document>,
    /// Entities, sorted by descending mention count.
    pub entities: Vec<Entity>,
    /// Stance events, grouped by document in sentence order.
    pub stances: Vec<StanceEvent>,
    /// Files that could not be loaded.
    pub problems: Vec<LoadProblem>,
    /// Reference events for the timeline, by date: the corpus's own, and the shipped ones
    /// about the countries and organisations of its positions.
    pub events: Vec<super::ReferenceEvent>,
    /// Shipped reference events left out because none of their countries or organisations
    /// takes part in enough of this corpus's positions.
    pub events_left_out: usize,
    /// Lookup tables.
    pub index: CorpusIndex,
}

impl Corpus {
    /// Builds the indexes from documents, entities and stances.
    pub fn rebuild_index(&mut self) {
        self.index_stances();
        self.index_entity_names();
    }

    /// Builds the stance tables of the index; the entity-by-name table is left as it is
    /// ([`Corpus::index_entity_names`]).
    pub fn index_stances(&mut self) {
        let mut index = CorpusIndex {
            stances_by_doc: vec![Vec::new(); self.documents.len()],
            entity_by_name: std::mem::take(&mut self.index.entity_by_name),
            ..Default::default()
        };
        let mut pairs: HashMap<(EntityId, EntityId), Vec<StanceId>> = HashMap::new();
        for (i, s) in self.stances.iter().enumerate() {
            let id = StanceId(i as u32);
            index.stances_by_actor.entry(s.actor).or_default().push(id);
            index.stances_by_target.entry(s.target).or_default().push(id);
            if let Some(v) = index.stances_by_doc.get_mut(s.doc.index()) {
                v.push(id);
            }
            pairs.entry((s.actor, s.target)).or_default().push(id);
            if let Some(n) = s.statement {
                index.statements.entry(n).or_default().push(id);
            }
        }
        let mut pairs: Vec<_> = pairs.into_iter().collect();
        pairs.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        index.pairs = pairs;
        self.index = index;
    }

    /// Builds only the entity-by-name table of the index ([`Corpus::entity_named`]); the
    /// stance tables are left as they are. A load builds those last, after the copies step,
    /// so that they and the copies' word tables are not held at once.
    pub fn index_entity_names(&mut self) {
        self.index.entity_by_name = self
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.name.clone(), EntityId(i as u32)))
            .collect();
    }

    /// The other reports of the statement event `id` belongs to (none when it has no copies).
    pub fn copies_of(&self, id: StanceId) -> Vec<StanceId> {
        self.stance(id)
            .statement
            .and_then(|n| self.index.statements.get(&n))
            .map(|v| v.iter().copied().filter(|o| *o != id).collect())
            .unwrap_or_default()
    }

    /// The document with this id.
    pub fn doc(&self, id: DocId) -> &Document {
        &self.documents[id.index()]
    }

    /// The entity with this id.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.index()]
    }

    /// The stance event with this id.
    pub fn stance(&self, id: StanceId) -> &StanceEvent {
        &self.stances[id.index()]
    }

    /// Entity by canonical name.
    pub fn entity_named(&self, name: &str) -> Option<EntityId> {
        self.index.entity_by_name.get(name).copied()
    }

    /// Documents that mention every entity in `include` and none in `exclude`
    /// (all documents when both are empty), sorted by id.
    pub fn documents_matching(&self, include: &[EntityId], exclude: &[EntityId]) -> Vec<DocId> {
        let mut docs: Vec<DocId> = match include.split_first() {
            None => (0..self.documents.len() as u32).map(DocId).collect(),
            Some((first, rest)) => {
                let mut docs = self.entity(*first).documents.clone();
                for e in rest {
                    let other = &self.entity(*e).documents;
                    docs.retain(|d| other.binary_search(d).is_ok());
                }
                docs
            }
        };
        for e in exclude {
            let other = &self.entity(*e).documents;
            docs.retain(|d| other.binary_search(d).is_err());
        }
        docs
    }
}
