//! Rendered images of each view on the sample corpus, compared with the kept
//! snapshots in `tests/snapshots/` (software rendering through wgpu; regenerate
//! with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`).

use egui_kittest::Harness;
use stance_explorer::analysis::load_corpus_with;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::ingest::LoadControl;

fn app() -> StanceApp {
    let corpus = load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap();
    StanceApp::with_corpus(corpus, Settings::default())
}

fn render(name: &str, size: [f32; 2], show: impl FnMut(&mut egui::Ui, &mut StanceApp) + 'static) {
    let mut h = Harness::builder()
        .with_size(size)
        .with_theme(egui::Theme::Light)
        .with_render_cursor(false)
        .with_context_setup(stance_explorer::app::theme::install_fonts)
        .wgpu()
        .build_ui_state(show, app());
    h.run_steps(4);
    h.snapshot(name);
}

#[test]
fn window_snapshot() {
    render("window", [1600.0, 1000.0], |ui, app| app.ui_main(ui));
}

#[test]
fn timeline_snapshot() {
    render("timeline", [1000.0, 480.0], |ui, app| {
        let flags = std::sync::Arc::new(vec![true; app.corpus.documents.len()]);
        let corpus = app.corpus.clone();
        egui::CentralPanel::default_margins().show(ui, |ui| {
            app.timeline
                .ui(ui, &corpus, &mut app.selection, &mut app.settings, &flags, 1)
        });
    });
}

#[test]
fn entities_snapshot() {
    render("entities", [320.0, 900.0], |ui, app| {
        let flags = vec![true; app.corpus.documents.len()];
        let corpus = app.corpus.clone();
        egui::CentralPanel::default_margins().show(ui, |ui| {
            app.entities
                .ui(ui, &corpus, &mut app.selection, &mut app.settings, &flags)
        });
    });
}

#[test]
fn compare_snapshot() {
    render("compare", [1100.0, 700.0], |ui, app| {
        let corpus = app.corpus.clone();
        egui::CentralPanel::default_margins().show(ui, |ui| {
            app.compare.ui(ui, &corpus, &mut app.selection, &mut app.settings)
        });
    });
}
