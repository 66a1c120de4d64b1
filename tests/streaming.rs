//! A folder load hands out partial corpora while it runs: the first after a small batch, each
//! a prefix (same ids, same paths) of the final corpus, and with the analyst's corrections
//! applied.

use stance_explorer::analysis::{load_corpus_streaming, load_corpus_with};
use stance_explorer::corrections::Corrections;
use stance_explorer::ingest::{AnalysisStep, LoadControl};
use stance_explorer::model::Corpus;

/// A folder of `n` short articles, each with a dated stance sentence, plus one unreadable
/// (binary) file in the middle.
fn folder(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let countries = ["Kazakhstan", "Brazil", "India", "Turkey", "Mongolia"];
    for i in 0..n {
        let actor = countries[i % countries.len()];
        let text = format!(
            "Statement {i}\n\nOn {} March 2023, {actor} said it supports the territorial integrity of Ukraine. \
             The foreign ministry of {actor} called for a dialogue.\n",
            1 + i % 28
        );
        std::fs::write(dir.path().join(format!("article-{i:04}.txt")), text).unwrap();
    }
    std::fs::write(
        dir.path().join("article-0100-image.txt"),
        [0u8, 159, 146, 150, 0, 0, 1, 2],
    )
    .unwrap();
    dir
}

#[test]
fn partial_corpora_are_prefixes_of_the_final_corpus() {
    let dir = folder(600);
    let control = LoadControl::default();
    let mut partials: Vec<Corpus> = Vec::new();
    let done = load_corpus_streaming(Some(dir.path()), &control, Some(&Corrections::default()), &mut |c| {
        partials.push(c)
    })
    .unwrap();
    assert_eq!(done.documents.len(), 600);
    assert!(
        done.problems.iter().any(|p| p.path == "article-0100-image.txt"),
        "{:?}",
        done.problems
    );
    // The first partial corpus comes after the first small batch, long before the end.
    let first = partials.first().expect("no partial corpus was handed out");
    assert!(
        !first.documents.is_empty() && first.documents.len() <= 64,
        "first partial has {} documents",
        first.documents.len()
    );
    let mut last = 0;
    for p in &partials {
        assert!(p.documents.len() > last && p.documents.len() < done.documents.len());
        last = p.documents.len();
        for d in &p.documents {
            let f = done.doc(d.id);
            assert_eq!((&f.path, &f.text), (&d.path, &d.text));
        }
        // Its stance events are the final corpus's events of those documents.
        let in_final = done
            .stances
            .iter()
            .filter(|s| s.doc.index() < p.documents.len())
            .count();
        assert_eq!(p.stances.len(), in_final);
        // They are the final corpus's first events (the batches' events are gathered in
        // document order).
        let key = |s: &stance_explorer::model::StanceEvent| (s.doc, s.sentence, s.cue_range, s.score.to_bits());
        assert!(
            p.stances.iter().map(key).eq(done.stances[..in_final].iter().map(key)),
            "the events of the first {} documents differ",
            p.documents.len()
        );
        assert!(
            p.stances
                .iter()
                .all(|s| p.entity(s.actor).name == done.entity(s.actor).name)
        );
    }
    // Paths in order, as a non-streamed load gives them.
    let plain = load_corpus_with(Some(dir.path()), &LoadControl::default(), &Corrections::default()).unwrap();
    let paths = |c: &Corpus| c.documents.iter().map(|d| d.path.clone()).collect::<Vec<_>>();
    assert_eq!(paths(&done), paths(&plain));
    assert_eq!(done.stances.len(), plain.stances.len());
    // Events in document order, and in sentence order within a document.
    assert!(done.stances.is_sorted_by_key(|s| (s.doc, s.sentence)));
    // The index is complete: the same as one built again from the corpus (a load builds its
    // stance tables last, after the copies step).
    for c in [&done, partials.last().unwrap()] {
        let mut rebuilt = c.clone();
        rebuilt.rebuild_index();
        assert_eq!(c.index, rebuilt.index);
        assert!(!c.index.stances_by_actor.is_empty() && !c.index.statements.is_empty());
    }
    // Every step was timed, and the text bytes counted.
    assert!(control.text_bytes() > 600 * 100);
    let times = control.step_times();
    for step in [
        AnalysisStep::Read,
        AnalysisStep::Entities,
        AnalysisStep::Stance,
        AnalysisStep::Merge,
        AnalysisStep::Copies,
    ] {
        let t = times.iter().find(|(s, _)| *s == step).unwrap().1;
        assert!(t > 0.0, "{step:?} was not timed");
    }
}

#[test]
fn partial_corpora_carry_the_corrections() {
    let dir = folder(300);
    let mut corrections = Corrections::default();
    corrections.set_date("article-0000.txt", Some("2020-01-02")).unwrap();
    let mut first_dates = Vec::new();
    let done = load_corpus_streaming(
        Some(dir.path()),
        &LoadControl::default(),
        Some(&corrections),
        &mut |c| first_dates.push(c.documents[0].date.as_ref().map(|d| d.date.to_string())),
    )
    .unwrap();
    assert!(!first_dates.is_empty());
    assert!(
        first_dates.iter().all(|d| d.as_deref() == Some("2020-01-02")),
        "{first_dates:?}"
    );
    assert_eq!(
        done.documents[0].date.as_ref().map(|d| d.date.to_string()).as_deref(),
        Some("2020-01-02")
    );
}

#[test]
fn a_cancelled_streamed_load_stops() {
    let dir = folder(400);
    let control = LoadControl::default();
    let mut seen = 0;
    let r = load_corpus_streaming(Some(dir.path()), &control, Some(&Corrections::default()), &mut |_| {
        seen += 1;
        control.cancel();
    });
    assert!(r.is_err(), "a cancelled load returned a corpus");
    assert_eq!(seen, 1, "partials kept coming after the cancel");
}

/// Events explained alike (here, one sentence template in many documents) share one
/// explanation string, and events of one lexicon category one category string: a dense corpus
/// holds hundreds of thousands of events.
#[test]
fn events_share_equal_explanations_and_categories() {
    let dir = folder(40);
    let c = load_corpus_with(Some(dir.path()), &LoadControl::default(), &Corrections::default()).unwrap();
    let mut shared_explanations = 0;
    for (i, a) in c.stances.iter().enumerate() {
        for b in &c.stances[i + 1..] {
            if a.explanation == b.explanation {
                assert!(
                    stance_explorer::model::SharedStr::ptr_eq(&a.explanation, &b.explanation),
                    "{}",
                    a.explanation
                );
                shared_explanations += 1;
            }
            if a.category == b.category {
                assert!(
                    stance_explorer::model::SharedStr::ptr_eq(&a.category, &b.category),
                    "{}",
                    a.category
                );
            }
        }
    }
    assert!(shared_explanations > 10, "{shared_explanations}");
}
