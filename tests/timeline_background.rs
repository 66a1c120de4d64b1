//! On a large corpus the timeline for a new filter is built on a background thread: the
//! frame that changes the filter draws the previous timeline with "updating…", and the new
//! one replaces it when it is ready. A build quicker than a quarter of a second is not
//! announced, so the label does not flicker.

mod common;

use egui_kittest::kittest::Queryable;
use stance_explorer::analysis::load_corpus_with;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::ingest::LoadControl;

/// Steps until the background build is done (at most ~10 s).
fn settle(h: &mut egui_kittest::Harness<'static, StanceApp>) {
    for _ in 0..1000 {
        if !h.state().timeline.is_updating() {
            h.run_steps(2);
            if !h.state().timeline.is_updating() {
                return;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    panic!("the timeline never finished updating");
}

#[test]
fn a_new_filter_keeps_the_previous_timeline_until_its_own_is_built() {
    let corpus = load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap();
    let mut app = StanceApp::with_corpus(corpus, Settings::default());
    // Treat the sample as large: every build goes to the background.
    app.timeline.background_above_events = Some(0);
    app.timeline.updating_label_after_ms = Some(0);
    let mut h = common::app_harness(app, [1600.0, 1000.0], 1);
    settle(&mut h);
    let before = h.state().timeline.shown_data().expect("data arrived");
    assert!(before.series.len() > 1, "the whole sample has several series");

    // Select Russia: the next frame still shows the old series, marked as updating.
    let russia = h.state().corpus.entity_named("Russia").unwrap();
    h.state_mut().selection.toggle_include(russia);
    h.step();
    assert!(h.state().timeline.is_updating());
    assert!(
        h.query_by_label("updating…").is_some(),
        "the header says it is updating"
    );
    let shown = h.state().timeline.shown_data().unwrap();
    assert!(
        std::sync::Arc::ptr_eq(&shown, &before),
        "the previous timeline stays on screen"
    );

    // Then the filtered timeline arrives: only series with Russia.
    settle(&mut h);
    assert!(h.query_by_label("updating…").is_none());
    let after = h.state().timeline.shown_data().unwrap();
    assert!(!after.series.is_empty());
    assert!(
        after.series.iter().all(|s| s.actor == russia || s.target == russia),
        "{:?}",
        after.series.iter().map(|s| &s.label).collect::<Vec<_>>()
    );
    assert!(after.series.len() < before.series.len());
}

#[test]
fn a_quick_background_build_is_not_announced() {
    let corpus = load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap();
    let mut app = StanceApp::with_corpus(corpus, Settings::default());
    app.timeline.background_above_events = Some(0);
    // Announced only after a minute: no build here takes that long.
    app.timeline.updating_label_after_ms = Some(60_000);
    let mut h = common::app_harness(app, [1600.0, 1000.0], 1);
    settle(&mut h);
    let russia = h.state().corpus.entity_named("Russia").unwrap();
    h.state_mut().selection.toggle_include(russia);
    h.step();
    assert!(h.state().timeline.is_updating(), "the build runs in the background");
    assert!(h.query_by_label("updating…").is_none(), "but is not announced yet");
    settle(&mut h);
}
