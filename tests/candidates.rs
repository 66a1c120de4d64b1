//! Names the gazetteer does not know still reach the entity filter, with counts.

use stance_explorer::analysis::load_corpus_with;
use stance_explorer::ingest::LoadControl;
use stance_explorer::model::{Corpus, EntityKind};

/// The corpus of a folder holding `a.txt` and `b.txt` with these texts.
fn two_documents(a: &str, b: &str) -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), a).unwrap();
    std::fs::write(dir.path().join("b.txt"), b).unwrap();
    load_corpus_with(Some(dir.path()), &LoadControl::default(), &Default::default()).unwrap()
}

#[test]
fn unknown_names_become_entities_and_surnames_merge_into_full_names() {
    let c = two_documents(
        "Talks in Antalya\n\nThe talks were hosted by Foreign Minister Hakan Fidan in Antalya on the second day of the forum. \
         Officials said Fidan urged both sides to agree on a ceasefire before the winter.\n",
        "A second round of talks took place in Antalya, where delegations met at the Eurasian Dialogue Institute for a long day. \
         Fidan again called for a ceasefire, and the Eurasian Dialogue Institute published a summary.\n",
    );
    let fidan = c.entity(
        c.entity_named("Hakan Fidan")
            .expect("a full name after a title is a person"),
    );
    assert_eq!(fidan.kind, EntityKind::Person);
    assert!(
        fidan.aliases.iter().any(|a| a == "Fidan"),
        "the surname is merged: {:?}",
        fidan.aliases
    );
    assert_eq!(fidan.mention_count, 3);
    assert_eq!(fidan.documents.len(), 2);
    let inst = c.entity(
        c.entity_named("Eurasian Dialogue Institute")
            .expect("an organisation name"),
    );
    assert_eq!(inst.kind, EntityKind::Organization);
    assert_eq!(inst.mention_count, 2);
    let antalya = c.entity(c.entity_named("Antalya").expect("a repeated unknown name"));
    assert_eq!(antalya.kind, EntityKind::Other);
    for e in &c.entities {
        assert!(
            !["The", "Officials", "Talks", "A"].contains(&e.name.as_str()),
            "{} is not a name",
            e.name
        );
    }
}

#[test]
fn a_lone_surname_in_another_document_joins_the_one_full_name_it_ends() {
    // Names the gazetteer does not know: the merge happens across documents, at the corpus level.
    let c = two_documents(
        "Talks in Astana\n\nThe talks were hosted by Deputy Minister Zhanibek Oralbayeva in Astana on the second day. \
         Officials said the delegations agreed on a timetable before the winter.\n",
        "A second round of talks took place in Astana, where the delegations met for a long and difficult day. \
         The delegations listened as Oralbayeva again called for patience, and they published a summary.\n",
    );
    let person = c.entity(
        c.entity_named("Zhanibek Oralbayeva")
            .expect("a full name after a title"),
    );
    assert_eq!(person.kind, EntityKind::Person);
    assert_eq!(person.mention_count, 2, "the lone surname counts for the full name");
    assert_eq!(person.documents.len(), 2);
    assert!(person.aliases.iter().any(|a| a == "Oralbayeva"), "{:?}", person.aliases);
    assert!(
        c.entity_named("Oralbayeva").is_none(),
        "no entity of its own for the surname"
    );
}
