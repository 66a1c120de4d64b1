//! Drag and drop onto the window, and the watched folder: new or changed articles
//! are re-analysed in the background and the user's filter is kept.

mod common;
use egui_kittest::Harness;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use std::path::Path;
use std::time::{Duration, Instant};

const ARTICLE_A: &str = "Kazakhstan and China\n\nAstana, 3 May 2021. Kazakhstan supports China's initiative on \
regional security, the foreign minister said.";
const ARTICLE_B: &str = "Kazakhstan and Russia\n\nAstana, 5 June 2022. Kazakhstan will not recognise the \
so-called republics, President Tokayev said.";

fn empty_app() -> Harness<'static, StanceApp> {
    let app = StanceApp::with_corpus(Default::default(), Settings::default());
    common::app_harness(app, [1400.0, 900.0], 2)
}

/// Steps the UI until `done` holds (or `secs` pass).
fn run_until(h: &mut Harness<'static, StanceApp>, secs: u64, done: impl Fn(&StanceApp) -> bool) {
    let started = Instant::now();
    while !done(h.state()) && started.elapsed() < Duration::from_secs(secs) {
        std::thread::sleep(Duration::from_millis(25));
        h.run_steps(1);
    }
    h.run_steps(2);
}

/// A file or folder dropped on the window, as the integration hands it to egui.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drop_path(h: &mut Harness<'static, StanceApp>, p: &Path) {
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(p.to_path_buf())));
    h.run_steps(1);
}

#[test]
fn dropping_a_folder_or_a_file_in_it_opens_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE_A).unwrap();
    let mut h = empty_app();
    drop_path(&mut h, dir.path());
    run_until(&mut h, 30, |a| !a.is_loading() && a.corpus.root.is_some());
    assert_eq!(h.state().corpus.root.as_deref(), Some(dir.path()));
    assert_eq!(h.state().corpus.documents.len(), 1);

    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("b.txt"), ARTICLE_B).unwrap();
    drop_path(&mut h, &other.path().join("b.txt"));
    run_until(&mut h, 30, |a| {
        !a.is_loading() && a.corpus.root.as_deref() == Some(other.path())
    });
    assert_eq!(
        h.state().corpus.root.as_deref(),
        Some(other.path()),
        "a dropped file opens its folder"
    );
}

#[test]
fn a_new_article_in_the_watched_folder_is_analysed_and_the_filter_kept() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE_A).unwrap();
    let mut h = empty_app();
    let ctx = h.ctx.clone();
    h.state_mut().start_load(&ctx, Some(dir.path().to_path_buf()));
    run_until(&mut h, 30, |a| !a.is_loading() && a.corpus.documents.len() == 1);
    assert!(h.state().is_watching(), "the open folder is watched");
    let kz = h.state().corpus.entity_named("Kazakhstan").expect("Kazakhstan found");
    h.state_mut().selection.toggle_include(kz);
    h.run_steps(2);

    std::fs::write(dir.path().join("b.txt"), ARTICLE_B).unwrap();
    run_until(&mut h, 30, |a| a.corpus.documents.len() == 2 && !a.is_loading());
    let app = h.state();
    assert_eq!(app.corpus.documents.len(), 2, "the new file was picked up");
    let kz = app.corpus.entity_named("Kazakhstan").unwrap();
    assert!(
        app.selection.include.contains(&kz),
        "the filter survived the re-analysis"
    );
    assert!(
        app.status.as_deref().unwrap_or("").contains("b.txt"),
        "the status line says what changed"
    );

    // The app's own sidecar files never trigger a reload.
    let generation = h.state().corpus.documents.len();
    std::fs::create_dir_all(dir.path().join(".stance-explorer")).unwrap();
    std::fs::write(dir.path().join(".stance-explorer/corrections.json"), "{}").unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    h.run_steps(3);
    assert!(!h.state().is_loading(), "writing the sidecar does not start a reload");
    assert_eq!(h.state().corpus.documents.len(), generation);
}
