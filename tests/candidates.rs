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

#[test]
fn names_broken_across_lines_are_the_names_on_one_line() {
    // Hard-wrapped prose breaks names ("United\nStates", indented or not), and a no-break
    // space joins them: each is the name as written on one line, once.
    let c = two_documents(
        "The committee heard evidence from several witnesses over two long\n\
         days in Astana, and the delegation of the United States met the\n\
         Eurasian Dialogue Institute staff. Minister Zhanibek Oralbayeva of\n\
         the Eurasian Dialogue Institute welcomed the delegation of the United\n\
         States to Astana, and the United\u{a0}States envoy thanked the United\n    \
         States team and the people of Kazakhstan for their hospitality.\n",
        "A second panel of the committee met in Astana later in the same week.\n\
         There the chairman of the committee and of its panels, Zhanibek\n\
         Oralbayeva, spoke for a long time about the work of the Eurasian\n\
         Dialogue Institute and about the talks with all of the delegations\n\
         that had come to the capital for the meetings of the committee.\n",
    );
    let us = c.entity(c.entity_named("United States").expect("a country of the gazetteer"));
    assert_eq!(us.mention_count, 4, "every way of writing it is found");
    let person = c.entity(
        c.entity_named("Zhanibek Oralbayeva")
            .expect("one name, though one mention breaks the line inside it"),
    );
    assert_eq!((person.mention_count, person.documents.len()), (2, 2));
    let org = c.entity(c.entity_named("Eurasian Dialogue Institute").expect("an organisation"));
    assert_eq!((org.mention_count, org.documents.len()), (3, 2));
    for e in &c.entities {
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            assert!(
                !name.contains(['\n', '\u{a0}']) && !name.contains("  "),
                "a name is shown on one line: {name:?}"
            );
        }
    }
}

#[test]
fn a_surname_after_another_given_name_on_the_line_before_is_not_the_known_person() {
    // "Johnson" alone is Boris Johnson (a surname of the gazetteer), but not after another
    // given name, also where the line was wrapped between them; after a short line (a heading),
    // the line break is not inside a name.
    let c = two_documents(
        "Aluminum Association President Charles\nJohnson said the tariffs would support the \
         aluminum industry in the United States over the next few years.\n",
        "News\nJohnson said that the United Kingdom would support the talks in the coming weeks.\n",
    );
    let boris = c.entity(c.entity_named("Boris Johnson").expect("the known person"));
    assert_eq!(boris.mention_count, 1, "only the mention after the heading: {boris:?}");
    assert_eq!(boris.documents.len(), 1);
}

#[test]
fn a_word_that_ends_two_names_joined_by_and_is_no_surname() {
    // "Sean Duffy and House Republicans" is two names joined by "and", no person's name:
    // "Republicans" alone does not stand for it. A true surname ("Oralbayeva") still joins.
    let c = two_documents(
        "The talks were hosted by Secretary Sean Duffy and House Republicans in Astana on the second day. \
         Deputy Minister Zhanibek Oralbayeva met the delegations, and the Republicans listened.\n",
        "A second round of talks took place in Astana, where the delegations met for a long and difficult day. \
         The delegations listened as Oralbayeva again called for patience, and the Republicans agreed.\n",
    );
    let republicans = c.entity(c.entity_named("Republicans").expect("a name of its own"));
    assert_eq!(republicans.mention_count, 2);
    let person = c.entity(c.entity_named("Zhanibek Oralbayeva").expect("a person"));
    assert_eq!(person.mention_count, 2, "the surname joins the full name");
}

#[test]
fn a_word_named_far_more_often_alone_than_the_one_name_it_ends_is_no_surname() {
    // "Black" ends one person's name found once, and is named a dozen times alone: it is a word
    // of its own, not that person (more than ten times as often).
    let mut a =
        String::from("The talks were hosted by Secretary Bran Black in Astana on the second day of the long forum.\n");
    for _ in 0..12 {
        a.push_str("Officials said that Black farmers would be helped by the delegations again this year.\n");
    }
    let c = two_documents(
        &a,
        "A second round of talks took place in Astana, where the delegations met for a long and difficult day.\n",
    );
    let black = c.entity(c.entity_named("Black").expect("a name of its own"));
    assert_eq!(black.mention_count, 12);
    let person = c.entity(c.entity_named("Bran Black").expect("a person"));
    assert_eq!(person.mention_count, 1);
}

#[test]
fn a_surname_stands_for_the_full_name_whose_short_form_is_also_named() {
    // "Jen Oralbayeva" is a short form of "Jennifer Oralbayeva": one person, so the lone surname
    // still joins the full name. Two different given names ("Aidos Bekmurova", "Timur
    // Bekmurova") are two people, and the lone surname joins neither.
    let c = two_documents(
        "The talks were hosted by Deputy Minister Jennifer Oralbayeva in Astana on the second day. \
         Deputy Minister Jennifer Oralbayeva spoke first. Secretary Jen Oralbayeva said so. \
         Deputy Minister Aidos Bekmurova met the press. Later, Deputy Minister Timur Bekmurova disagreed.\n",
        "A second round of talks took place in Astana, where the delegations met for a long and difficult day. \
         The delegations listened as Oralbayeva again called for patience, and Bekmurova agreed.\n",
    );
    let person = c.entity(
        c.entity_named("Jennifer Oralbayeva")
            .expect("a full name after a title"),
    );
    assert!(person.aliases.iter().any(|a| a == "Oralbayeva"), "{:?}", person.aliases);
    assert_eq!(person.mention_count, 3, "two full mentions and the lone surname");
    assert!(c.entity_named("Oralbayeva").is_none());
    for full in ["Aidos Bekmurova", "Timur Bekmurova"] {
        let p = c.entity(c.entity_named(full).expect("a full name after a title"));
        assert!(p.aliases.is_empty(), "{full}: {:?}", p.aliases);
    }
}

#[test]
fn names_in_a_hard_wrapped_opening_paragraph_are_found() {
    // Wrapped at 73 columns: no line of the first paragraph both ends a sentence and has twelve
    // words (the last line, unwrapped, does), yet the paragraph is the body's start, and its
    // names are read.
    let wrapped = "Deputy Minister Zhanibek Oralbayeva welcomed international delegations in\n\
                   Astana yesterday, and the Eurasian Dialogue Institute hosted negotiations\n\
                   throughout the afternoon. Officials expected agreement before winter.\n\
                   \n\
                   The second paragraph is short and wraps once, at a width that the others\n\
                   share with it.\n\
                   \n\
                   The last paragraph is one long line that ends a sentence, as the body lines of a text that is not wrapped do.\n";
    let c = two_documents(
        wrapped,
        "A second round of talks took place in Astana, where the delegations met at the Eurasian \
         Dialogue Institute for a long day.\n",
    );
    let person = c.entity(
        c.entity_named("Zhanibek Oralbayeva")
            .expect("a name in the first wrapped lines"),
    );
    assert_eq!(person.mention_count, 1);
    let inst = c.entity(c.entity_named("Eurasian Dialogue Institute").expect("an organisation"));
    assert_eq!(inst.mention_count, 2);
}

#[test]
fn an_office_is_no_name_nor_part_of_one() {
    // The office before a name ("Senator", "Senior Policy Advisor", "Ambassador Extraordinary
    // and Plenipotentiary") is not the name, and an office alone ("the Senator") is no name; an
    // organisation before an office stays an organisation.
    let text = "The talks were opened by Senator Marat Bekmurova in Astana on the second day. \
                The Senator said that Senior Policy Advisor Aidos Kemelova agreed. \
                Ambassador Extraordinary and Plenipotentiary Timur Sadykova listened, and \
                Eurasian Dialogue Institute Director Dana Zhaksylykova spoke last.\n";
    let c = two_documents(text, text);
    for (name, kind) in [
        ("Marat Bekmurova", EntityKind::Person),
        ("Aidos Kemelova", EntityKind::Person),
        ("Timur Sadykova", EntityKind::Person),
        ("Dana Zhaksylykova", EntityKind::Person),
        ("Eurasian Dialogue Institute", EntityKind::Organization),
    ] {
        let e = c.entity(c.entity_named(name).unwrap_or_else(|| panic!("{name} is found")));
        assert_eq!(e.kind, kind, "{name}");
        assert_eq!(e.mention_count, 2, "{name}");
    }
    let names: Vec<&str> = c.entities.iter().map(|e| e.name.as_str()).collect();
    for office in [
        "Senator",
        "Senior Policy",
        "Extraordinary and Plenipotentiary",
        "Director",
    ] {
        assert!(
            !names.iter().any(|n| n.contains(office)),
            "{office} is no name: {names:?}"
        );
    }
}

#[test]
fn a_common_word_capitalised_by_style_is_no_name() {
    // "the Administration" is a common word written with a capital: the same texts write
    // "administration" too. "Taliban" is never written in lower case, and a lower-case piece of
    // a link ("/taliban-talks/") or of a hyphenated word does not count.
    let c = two_documents(
        "Officials said the Administration and the Taliban had agreed on the talks in Astana. \
         The administration of the talks was difficult (see https://example.org/taliban for more), \
         and the Taliban listened to the taliban-led delegation.\n",
        "A second round took place, where the Administration met the Taliban for a long and difficult day. \
         The Taliban-era rules were discussed, and the Administration agreed.\n",
    );
    let names: Vec<&str> = c.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(!names.contains(&"Administration"), "{names:?}");
    let taliban = c.entity(c.entity_named("Taliban").expect("a name never written in lower case"));
    assert_eq!(taliban.mention_count, 3, "\"Taliban-era\" is another word");
}

#[test]
fn a_name_that_ends_with_a_persons_full_name_after_an_office_is_that_person() {
    // "Secretary of Energy Zhanibek Oralbayeva" leaves "Energy Zhanibek Oralbayeva" to the
    // unknown-name step: it ends with the person's full name, named as often, so it is her.
    // Two names joined by "and" are not one person, and a name named more often than the
    // person it ends with is a name of its own.
    let c = two_documents(
        "The talks were opened by Secretary of Energy Zhanibek Oralbayeva in Astana on the second day. \
         Later, Deputy Minister Zhanibek Oralbayeva met Minister Aidos Kemelova, and the delegations \
         heard Morrison and Aidos Kemelova at Stadium Aidos Kemelova, the Stadium Aidos Kemelova.\n",
        "A second round took place, where Deputy Minister Zhanibek Oralbayeva met Minister Aidos Kemelova \
         for a long day, and the delegations heard Morrison and Aidos Kemelova at Stadium Aidos Kemelova.\n",
    );
    let person = c.entity(
        c.entity_named("Zhanibek Oralbayeva")
            .expect("a full name after a title"),
    );
    assert_eq!(person.mention_count, 3, "{:?}", person.aliases);
    assert!(c.entity_named("Energy Zhanibek Oralbayeva").is_none());
    let names: Vec<&str> = c.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Morrison and Aidos Kemelova"), "{names:?}");
    assert!(names.contains(&"Stadium Aidos Kemelova"), "{names:?}");
    // A "person" whose name has a lower-case word is no one's full name to end with.
    let text = "The talks were hosted by Minister Award for Excellence in Astana on the second day. \
                Officials said the Presidential Award for Excellence was given to the delegations.\n";
    let c = two_documents(text, text);
    let names: Vec<&str> = c.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Presidential Award for Excellence"), "{names:?}");
}

#[test]
fn a_given_name_alone_is_the_person_the_same_text_names_in_full() {
    // "Aidana" in a text that names "Aidana Serikova" is her. "Tobol" also begins a person's
    // name in that text, but is mostly a name of its own elsewhere: it stays itself.
    let c = two_documents(
        "The talks were hosted by Deputy Minister Aidana Serikova in Astana on the second day. \
         Deputy Minister Tobol Kuanysh spoke after her. In the evening Aidana thanked the delegations, \
         and Tobol agreed with her. The next day Aidana spoke again, and later Aidana left.\n",
        "The river runs through the region for many kilometres before it reaches the border. \
         Fishermen on the Tobol say the water is low. Farms along the Tobol need it, and the Tobol \
         floods in spring.\n",
    );
    let person = c.entity(c.entity_named("Aidana Serikova").expect("a full name after a title"));
    assert!(person.aliases.iter().any(|a| a == "Aidana"), "{:?}", person.aliases);
    assert_eq!(person.mention_count, 4, "the full name and the given name");
    // Named more often alone than in full, she is still a person.
    assert_eq!(person.kind, EntityKind::Person);
    assert!(c.entity_named("Aidana").is_none());
    let river = c.entity(c.entity_named("Tobol").expect("a name of its own"));
    assert_eq!(river.mention_count, 4, "its uses in both texts");
}
