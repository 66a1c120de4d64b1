//! Entities: countries, people, organisations, places.

use super::DocId;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A state.
    Country,
    /// A person.
    Person,
    /// An organisation (UN, EU, a news agency).
    Organization,
    /// A place that is not a state (a region, a city).
    Place,
    /// A named process or initiative that positions are taken toward ("the peace process").
    Initiative,
    /// A name the gazetteer does not know.
    Other,
}

impl EntityKind {
    /// All kinds, in display order.
    pub const ALL: [EntityKind; 6] = [
        EntityKind::Country,
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Initiative,
        EntityKind::Other,
    ];

    /// The name used in the JSON export and the gazetteer.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Country => "country",
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Initiative => "initiative",
            EntityKind::Other => "other",
        }
    }

    /// Plural heading for the entity filter.
    pub fn plural_label(self) -> &'static str {
        match self {
            EntityKind::Country => "Countries",
            EntityKind::Person => "People",
            EntityKind::Organization => "Organisations",
            EntityKind::Place => "Places",
            EntityKind::Initiative => "Initiatives",
            EntityKind::Other => "Other names",
        }
    }

    /// Parses the gazetteer/export name.
    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

/// One mention of an entity in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The document.
    pub doc: DocId,
    /// Byte range in the document text.
    pub range: Range<usize>,
}

/// A canonical entity with its merged aliases.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Surface forms that were merged into this entity (as seen in the corpus, then the
    /// gazetteer's other names), sorted by frequency; never contains `name` itself.
    pub aliases: Vec<String>,
    /// How many mentions in all documents.
    pub mention_count: usize,
    /// Documents that mention it, sorted, unique.
    pub documents: Vec<DocId>,
}
