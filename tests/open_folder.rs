//! Opening another folder from the app when no system dialog can open: Ctrl+O
//! shows the in-app folder browser, and the chosen folder loads in the background.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stance_explorer::analysis::load_corpus_with;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::ingest::LoadControl;
use std::time::{Duration, Instant};

#[test]
fn ctrl_o_without_a_system_dialog_opens_the_in_app_chooser_and_loads_the_folder() {
    // No session bus and no zenity: rfd cannot show a dialog (this test binary runs alone).
    unsafe {
        std::env::remove_var("DBUS_SESSION_BUS_ADDRESS");
        std::env::set_var("PATH", "/nonexistent");
    }
    let folder = tempfile::tempdir().unwrap();
    std::fs::create_dir(folder.path().join("articles")).unwrap();
    let target = folder.path().join("articles");
    std::fs::write(
        target.join("a.txt"),
        "Astana said it supports the peace plan of China.\n",
    )
    .unwrap();
    std::fs::write(target.join("b.txt"), "Moscow welcomed the statement.\n").unwrap();

    let corpus = load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap();
    let app = StanceApp::with_corpus(
        corpus,
        Settings {
            last_folder: Some(folder.path().to_path_buf()),
            ..Settings::default()
        },
    );
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_context_setup(stance_explorer::app::theme::install_fonts)
        .build_ui_state(|ui, app: &mut StanceApp| app.ui_main(ui), app);
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run_steps(3);
    assert!(h.query_by_label("Open folder").is_some(), "the in-app chooser opened");
    assert!(
        h.query_by_label_contains("No system file dialog").is_some(),
        "it says why"
    );
    // The browser lists the subfolder; a click enters it.
    h.get_by_label("▸ articles").click();
    h.run_steps(3);
    h.get_by_label("Open this folder").click();
    h.run_steps(2);
    let started = Instant::now();
    while h.state().is_loading() && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
        h.run_steps(1);
    }
    h.run_steps(2);
    let app = h.state();
    assert!(!app.is_loading());
    assert_eq!(app.corpus.root.as_deref(), Some(target.as_path()));
    assert_eq!(app.corpus.documents.len(), 2);
    assert_eq!(app.settings.recent_folders.first(), Some(&target));
    assert!(h.query_by_label("Open folder").is_none(), "the chooser closed");
}
