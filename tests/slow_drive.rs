//! A folder on a slow drive (every read delayed, as on a busy network share) does not freeze
//! the window: frames keep coming while it loads, the first documents show (and can be
//! explored) long before the last is read, and opening another folder cancels the slow load.
//!
//! This test binary runs alone, so the slow-read setting it turns on affects only itself.

mod common;

use egui_kittest::kittest::Queryable;
use stance_explorer::analysis::load_corpus_with;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::ingest::{LoadControl, SLOW_READ_VAR};
use std::path::Path;
use std::time::{Duration, Instant};

/// `n` articles, each naming `actor`.
fn folder(n: usize, actor: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        std::fs::write(
            dir.path().join(format!("{i:04}.txt")),
            format!("On 2 March 2023, {actor} said it supports the territorial integrity of Ukraine.\n"),
        )
        .unwrap();
    }
    dir
}

fn root_is(app: &StanceApp, p: &Path) -> bool {
    app.corpus.root.as_deref() == Some(p)
}

#[test]
fn a_slow_folder_streams_in_while_the_window_keeps_drawing_and_another_folder_cancels_it() {
    // 30 ms per file: 200 files take about 3 s on two threads.
    unsafe { std::env::set_var(SLOW_READ_VAR, "30") };
    let slow = folder(200, "Kazakhstan");
    let other = folder(3, "Mongolia");
    let sample = load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap();
    let mut h = common::app_harness(StanceApp::with_corpus(sample, Settings::default()), [1600.0, 1000.0], 2);
    let ctx = h.ctx.clone();
    h.state_mut().start_load(&ctx, Some(slow.path().to_path_buf()));

    // Frames are drawn while the slow load runs, and its first documents appear before it ends.
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut frames_while_loading = 0;
    while !(root_is(h.state(), slow.path()) && h.state().is_loading()) {
        assert!(Instant::now() < deadline, "no partial corpus appeared");
        assert!(h.state().is_loading(), "the load ended before anything streamed in");
        h.run_steps(1);
        frames_while_loading += 1;
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run_steps(2);
    let shown = h.state().corpus.documents.len();
    assert!(shown > 0 && shown < 200, "partial corpus of {shown} documents");
    assert!(
        frames_while_loading >= 2,
        "only {frames_while_loading} frames while loading"
    );
    assert!(
        h.query_by_label_contains("documents so far").is_some(),
        "the header does not say the corpus is still growing"
    );
    assert!(
        h.query_by_label_contains("showing the first").is_some(),
        "the progress bar does not say what is shown"
    );
    // What is shown can be used: the entity filter lists the actor of the first documents.
    assert!(h.state().corpus.entity_named("Kazakhstan").is_some());

    // Opening another folder mid-load cancels the slow one: the other folder ends up shown,
    // and the slow folder's results never come back.
    h.state_mut().start_load(&ctx, Some(other.path().to_path_buf()));
    let deadline = Instant::now() + Duration::from_secs(60);
    while h.state().is_loading() {
        assert!(Instant::now() < deadline, "the second load did not finish");
        h.run_steps(1);
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run_steps(3);
    assert!(root_is(h.state(), other.path()));
    assert_eq!(h.state().corpus.documents.len(), 3);
    std::thread::sleep(Duration::from_millis(300));
    h.run_steps(3);
    assert!(
        root_is(h.state(), other.path()),
        "the cancelled load replaced the newer one"
    );
}
