//! A folder of eight articles in the formats a researcher's folder holds, written for this test
//! by someone who saw none of the app's rules (`tests/fixtures/formats/`, what a careful reader
//! finds in them: `tests/fixtures/formats-EXPECTED.md`; the people and quotes are invented):
//! a saved ministry page, a wire story, a Markdown interview with front matter, a TASS item in
//! Windows-1251, an undated op-ed, a joint statement dated at its end, a think-tank page with
//! decoy dates, a Ukrainian news item. Each document's date, title, outlet and encoding.

use stance_explorer::analysis::load_corpus_with;
use stance_explorer::ingest::LoadControl;
use stance_explorer::model::{Corpus, Document};
use std::path::Path;
use std::sync::LazyLock;

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats");
    load_corpus_with(Some(&dir), &LoadControl::default(), &Default::default()).unwrap()
});

fn doc(path: &str) -> &'static Document {
    CORPUS
        .documents
        .iter()
        .find(|d| d.path == path)
        .unwrap_or_else(|| panic!("{path} not loaded"))
}

fn date(path: &str) -> Option<String> {
    doc(path).date.as_ref().map(|d| d.date.to_string())
}

#[test]
fn every_file_loads_without_a_problem() {
    assert_eq!(CORPUS.documents.len(), 8);
    assert!(CORPUS.problems.is_empty(), "{:?}", CORPUS.problems);
    assert_eq!(doc("ru-tass.txt").encoding, "windows-1251");
    assert!(doc("ru-tass.txt").text.contains("Венгрия не поддержит"));
}

#[test]
fn dates_come_from_metadata_datelines_and_closing_lines_never_from_decoys() {
    // Metadata of the saved page, not its sidebar news nor the footer's years.
    assert_eq!(date("uz-mfa-statement.html").as_deref(), Some("2022-03-14"));
    // Front matter.
    assert_eq!(date("interview.md").as_deref(), Some("2023-06-02"));
    // The byline date, not the "Related articles" dates below the text.
    assert_eq!(date("analysis-long.html").as_deref(), Some("2024-03-03"));
    // The date line under the headline.
    assert_eq!(date("uk-ukrinform.txt").as_deref(), Some("2023-08-23"));
    // A wire dateline without a year: the year the text makes likely, with low confidence.
    assert_eq!(date("reuters-style-wire.txt").as_deref(), Some("2022-09-21"));
    assert!(doc("reuters-style-wire.txt").date.as_ref().unwrap().confidence < 0.5);
    // An official text dated in its closing formula, not by the years in its body.
    assert_eq!(date("joint-statement.txt").as_deref(), Some("2024-11-12"));
    // Only relative expressions and years: no date, and a note that says why.
    assert_eq!(date("op-ed-no-date.txt"), None);
    assert!(
        doc("op-ed-no-date.txt")
            .date_note
            .as_deref()
            .unwrap_or("")
            .contains("2022")
    );
}

#[test]
fn titles_are_headlines_not_bylines_or_section_labels() {
    assert_eq!(
        doc("reuters-style-wire.txt").title,
        "Central Asian states warn citizens off Russia's war after mobilisation call"
    );
    assert_eq!(
        doc("op-ed-no-date.txt").title,
        "The Global South Is Not Sitting on the Fence"
    );
    assert_eq!(
        doc("joint-statement.txt").title,
        "Joint Statement of the Republic of Armenia and the Republic of India"
    );
    assert!(
        doc("ru-tass.txt")
            .title
            .starts_with("Глава МИД Венгрии: Будапешт не поддержит")
    );
}

#[test]
fn outlets_come_from_metadata_front_matter_and_wire_datelines() {
    assert_eq!(doc("interview.md").outlet.as_deref(), Some("Caucasus Review"));
    assert_eq!(doc("reuters-style-wire.txt").outlet.as_deref(), Some("Reuters"));
    assert_eq!(doc("ru-tass.txt").outlet.as_deref(), Some("ТАСС"));
    assert_eq!(
        doc("analysis-long.html").outlet.as_deref(),
        Some("Black Sea-Caspian Policy Institute")
    );
    // The author's affiliation is no outlet; a joint statement has none.
    assert_eq!(doc("op-ed-no-date.txt").outlet, None);
    assert_eq!(doc("joint-statement.txt").outlet, None);
}

/// Whether the corpus has an event actor → target with the score's sign in document `path`.
fn has_event(path: &str, actor: &str, target: &str, sign: f32) -> bool {
    let d = doc(path);
    CORPUS.stances.iter().any(|s| {
        s.doc == d.id
            && CORPUS.entity(s.actor).name == actor
            && CORPUS.entity(s.target).name == target
            && s.score * sign > 0.1
    })
}

#[test]
fn positions_in_every_format_and_language() {
    // A statement in a saved page, a quote in a wire story, a Russian and a Ukrainian item.
    assert!(has_event("uz-mfa-statement.html", "Uzbekistan", "Ukraine", 1.0));
    assert!(has_event("uz-mfa-statement.html", "Uzbekistan", "Peace process", 1.0));
    assert!(has_event("reuters-style-wire.txt", "Kyrgyzstan", "Peace process", 1.0));
    assert!(has_event("reuters-style-wire.txt", "Ukraine", "Uzbekistan", 1.0));
    assert!(has_event("ru-tass.txt", "Hungary", "Ukraine", -1.0));
    assert!(has_event("ru-tass.txt", "Hungary", "Peace process", 1.0));
    // Not recognising the annexation of Crimea opposes Russia, which holds it.
    assert!(has_event("uk-ukrinform.txt", "Turkey", "Russia", -1.0));
    assert!(!has_event("uk-ukrinform.txt", "Turkey", "Crimea", -1.0));
    // The so-called republics are Russia's.
    assert!(has_event("uz-mfa-statement.html", "Uzbekistan", "Russia", -1.0));
}

#[test]
fn a_markdown_links_address_names_no_one_and_is_not_shown() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\ntitle: Talks\ndate: 2023-05-17\n---\n\nKazakhstan **backs** the talks, [the ministry said](https://example.org/2022/03/01/russia-ukraine-war).\n";
    std::fs::write(dir.path().join("a.md"), text).unwrap();
    let corpus = load_corpus_with(Some(dir.path()), &LoadControl::default(), &Default::default()).unwrap();
    let doc = &corpus.documents[0];
    // The text is kept as written; the address is read as no one's name and no date.
    assert!(doc.text.contains("(https://example.org/2022/03/01/russia-ukraine-war)"));
    let named: Vec<&str> = doc
        .mentions
        .iter()
        .map(|(e, _)| corpus.entity(*e).name.as_str())
        .collect();
    assert_eq!(named, ["Kazakhstan"]);
    assert_eq!(
        doc.sentence_display(0),
        "Kazakhstan backs the talks, the ministry said."
    );
}
