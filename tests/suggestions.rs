//! Suggested pairs: in a small corpus every pair is compared; in a large one an index finds
//! the rewrites in the background, and the view offers them when they are ready.

mod common;

use egui_kittest::kittest::Queryable;
use stance_explorer::analysis::align::{content_words, similarity};
use stance_explorer::analysis::similar::{Workers, similar_documents};
use stance_explorer::analysis::{load_corpus, load_corpus_with};
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::ingest::LoadControl;
use stance_explorer::model::DocId;

#[test]
fn on_the_sample_the_index_agrees_with_comparing_every_pair() {
    let c = load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap();
    let words: Vec<_> = c.documents.iter().map(|d| content_words(&d.content_text())).collect();
    let mut brute = Vec::new();
    for i in 0..words.len() {
        for j in i + 1..words.len() {
            let s = similarity(&words[i], &words[j]);
            if s >= 0.1 {
                brute.push((DocId(i as u32), DocId(j as u32), s));
            }
        }
    }
    brute.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let indexed = similar_documents(&c, 0.1, usize::MAX, Workers::AllCores, &|| false);
    assert_eq!(indexed, brute);
    assert_eq!(
        similar_documents(&c, 0.1, usize::MAX, Workers::CallingThread, &|| false),
        brute
    );
    // The two translations of one statement (000 and 001) are the most similar pair.
    let (a, b, _) = indexed[0];
    assert_eq!((&c.doc(a).path[..3], &c.doc(b).path[..3]), ("000", "001"));
}

#[test]
fn a_large_corpus_finds_its_rewrite_in_the_background_and_offers_it() {
    let dir = tempfile::tempdir().unwrap();
    let topics = [
        "grain",
        "border",
        "pipeline",
        "election",
        "visa",
        "tariff",
        "drought",
        "railway",
        "satellite",
        "vaccine",
        "uranium",
        "fishing",
        "airport",
        "bridge",
        "festival",
        "museum",
        "copper",
        "wheat",
        "telescope",
        "harbour",
    ];
    for i in 0..450usize {
        // Each document its own mix of topic words and numbers: little in common.
        let words: Vec<String> = (0..12)
            .map(|k| format!("{}{}", topics[(i * 7 + k * 3) % topics.len()], (i * 31 + k * 17) % 997))
            .collect();
        let text = format!("Report {i}\n\nThe ministry discussed {}.\n", words.join(" and "));
        std::fs::write(dir.path().join(format!("r{i:03}.txt")), text).unwrap();
    }
    let original = "Kazakhstan and Uzbekistan agreed on a new railway corridor through the Caspian ports, \
                    with customs posts, grain terminals and a joint freight company starting next spring.";
    let rewrite = "Kazakhstan and Uzbekistan have agreed on a new railway corridor via the Caspian ports, \
                   including customs posts, grain terminals and a joint freight company from next spring.";
    std::fs::write(
        dir.path().join("x-original.txt"),
        format!("Corridor deal\n\n{original}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("y-rewrite.txt"),
        format!("Corridor deal agreed\n\n{rewrite}\n"),
    )
    .unwrap();
    let corpus = load_corpus(Some(dir.path()), &LoadControl::default()).unwrap();
    assert!(corpus.documents.len() > stance_explorer::app::views::compare_view::MAX_DOCS_FOR_SUGGESTIONS);
    let mut app = StanceApp::with_corpus(corpus, Settings::default());
    app.selection.compare = (None, None);
    let mut h = common::app_harness(app, [1600.0, 1000.0], 1);
    // The search runs in the background while frames go on.
    h.step();
    for _ in 0..1000 {
        if !h.state().compare.finding_suggestions() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    assert!(!h.state().compare.finding_suggestions(), "the search ended");
    h.run_steps(2);
    assert!(h.query_by_label("finding similar pairs…").is_none());
    // Offered as a button, and chosen since nothing was chosen before.
    let button = h.get_by_label_contains("x-original.txt ↔ y-rewrite.txt");
    button.click();
    h.run_steps(2);
    let (l, r) = h.state().selection.compare;
    let name = |d: Option<DocId>| h.state().corpus.doc(d.unwrap()).path.clone();
    assert_eq!(
        (name(l), name(r)),
        ("x-original.txt".to_string(), "y-rewrite.txt".to_string())
    );
    let corpus = h.state().corpus.clone();
    let found = h.state_mut().compare.suggestions(&corpus).unwrap();
    let c = &h.state().corpus;
    let (a, b, s) = found.pairs[0];
    assert_eq!(
        (c.doc(a).path.as_str(), c.doc(b).path.as_str()),
        ("x-original.txt", "y-rewrite.txt")
    );
    assert!(s >= 0.5, "{s}");
    // Nothing else in the corpus is that alike.
    assert!(found.pairs.iter().skip(1).all(|p| p.2 < s));
}
