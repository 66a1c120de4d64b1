//! File → Export, presentation mode, pinned callouts and recent folders, driven
//! through the UI; and the `export` command on the same chart.

mod common;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stance_explorer::analysis::load_corpus_with;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::ingest::LoadControl;
use std::path::Path;
use std::time::{Duration, Instant};

fn harness_with(settings: Settings) -> Harness<'static, StanceApp> {
    let corpus = load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap();
    let mut app = StanceApp::with_corpus(corpus, settings);
    let dir = tempfile::tempdir().unwrap().keep();
    app.set_correction_store(stance_explorer::corrections::CorrectionStore::at(
        dir.join("corrections.json"),
    ));
    common::app_harness(app, [1600.0, 1000.0], 3)
}

fn harness() -> Harness<'static, StanceApp> {
    harness_with(Settings::default())
}

/// Opens the export window (Ctrl+E), picks `what` in the combo box, sets the path, exports.
fn export_through_ui(h: &mut Harness<'static, StanceApp>, what: &str, scale: Option<&str>, path: &Path) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run_steps(3);
    assert!(h.state().export.open, "Ctrl+E opens the export window");
    if what != "Timeline chart (PNG)" {
        h.get_all_by_value("Timeline chart (PNG)")
            .next()
            .expect("the format combo box")
            .click();
        h.run_steps(3);
        h.get_by_label(what).click();
        h.run_steps(3);
    }
    if let Some(s) = scale {
        h.get_by_label(s).click();
        h.run_steps(2);
    }
    let path_now = h.state().export.path().to_string();
    h.get_all_by_value(&path_now).next().expect("the path field").focus();
    h.run_steps(1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run_steps(1);
    h.get_all_by_value(&path_now)
        .next()
        .expect("the path field")
        .type_text(path.to_str().unwrap());
    h.run_steps(2);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Export").click();
    let started = Instant::now();
    while !path.exists() && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
        h.run_steps(1);
    }
    h.run_steps(3);
    assert!(path.exists(), "{} was written", path.display());
    assert!(
        h.query_by_label_contains(&format!("Saved {}", path.display()))
            .is_some(),
        "the window says where the file went"
    );
}

fn assert_not_blank(img: &image::RgbaImage) {
    let bg = img.get_pixel(0, 0).0;
    let differ = img.pixels().filter(|p| p.0 != bg).count();
    assert!(
        differ * 50 > (img.width() * img.height()) as usize,
        "mostly background ({differ} pixels differ)"
    );
    let colours: std::collections::HashSet<[u8; 4]> = img.pixels().step_by(3).map(|p| p.0).collect();
    assert!(colours.len() > 30, "only {} colours", colours.len());
}

#[test]
fn timeline_png_has_the_chart_size_times_the_scale() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    let path = dir.path().join("timeline.png");
    export_through_ui(&mut h, "Timeline chart (PNG)", Some("3x"), &path);
    let img = image::open(&path).unwrap().to_rgba8();
    assert_eq!(img.dimensions(), (1280 * 3, 720 * 3));
    assert_not_blank(&img);
}

#[test]
fn timeline_svg_has_series_legend_and_caption() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    let path = dir.path().join("timeline.svg");
    export_through_ui(&mut h, "Timeline chart (SVG)", None, &path);
    let svg = std::fs::read_to_string(&path).unwrap();
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default());
    assert!(tree.is_ok(), "the SVG parses: {:?}", tree.err());
    let corpus = &h.state().corpus;
    let kz = corpus.entity_named("Kazakhstan").unwrap();
    let dated_pairs: std::collections::BTreeSet<String> = corpus
        .stances
        .iter()
        .filter(|s| s.actor == kz && corpus.doc(s.doc).date.is_some())
        .map(|s| format!("Kazakhstan → {}", corpus.entity(s.target).name))
        .collect();
    assert!(!dated_pairs.is_empty());
    let legend_hits = dated_pairs.iter().filter(|p| svg.contains(p.as_str())).count();
    assert!(
        legend_hits >= 1,
        "the legend names Kazakhstan's series: {dated_pairs:?}"
    );
    for needle in [
        "Corpus: ",
        "filter: all documents",
        "+1 supports",
        "publication date",
        "<polyline",
    ] {
        assert!(svg.contains(needle), "missing {needle}");
    }
    assert_eq!(
        svg.matches("class=\"series\"").count(),
        h.state().timeline.series_shown(),
        "one group per series on screen"
    );
}

#[test]
fn visible_data_exports_follow_the_filter() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    let brazil = h.state().corpus.entity_named("Brazil").unwrap();
    h.state_mut().selection.toggle_exclude(brazil);
    h.run_steps(3);
    let json_path = dir.path().join("data.json");
    export_through_ui(&mut h, "Visible data (JSON)", None, &json_path);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json_path).unwrap()).unwrap();
    assert_eq!(v["schema"], "stance-explorer/1");
    assert_eq!(
        v["documents"].as_array().unwrap().len(),
        4,
        "Brazil's document is filtered out"
    );
    assert!(
        v["stances"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["document"].as_str().unwrap() != "004_c8cf379f72f50de3.txt")
    );
    let csv_path = dir.path().join("data.csv");
    export_through_ui(&mut h, "Visible data (CSV)", None, &csv_path);
    let mut r = csv::Reader::from_path(&csv_path).unwrap();
    let headers = r.headers().unwrap().clone();
    assert_eq!(&headers[0], "actor");
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    let sentence = headers.iter().position(|x| x == "sentence").unwrap();
    assert!(
        rows.iter().all(|row| !row[sentence].is_empty()),
        "every row has its evidence"
    );
}

#[test]
fn a_pinned_quote_is_saved_and_drawn_in_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness();
    // Open a dated document with stance events in the reader.
    let (doc, sentence, quote) = {
        let c = &h.state().corpus;
        let s = c
            .stances
            .iter()
            .find(|s| c.doc(s.doc).date.is_some())
            .expect("a dated stance event");
        let words: Vec<&str> = c
            .doc(s.doc)
            .sentence_text(s.sentence_index())
            .split_whitespace()
            .take(3)
            .collect();
        (s.doc, s.sentence_index(), words.join(" "))
    };
    h.state_mut().selection.open(doc, Some(sentence), None);
    h.run_steps(3);
    h.get_by_label_contains("Stance events (").click();
    h.run_steps(3);
    h.get_all_by_label("Pin").next().expect("a Pin button").click();
    h.run_steps(3);
    assert_eq!(h.state().corrections().annotations.len(), 1, "the pin is saved");
    assert!(h.query_by_label("Unpin").is_some());
    let path = dir.path().join("pinned.svg");
    export_through_ui(&mut h, "Timeline chart (SVG)", None, &path);
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.contains("fill=\"#fffbe6\""), "a callout box is drawn");
    let pinned = &h.state().corrections().annotations[0];
    let c = &h.state().corpus;
    let text = c
        .stances
        .iter()
        .find(|s| c.doc(s.doc).path == pinned.document && s.sentence_index() == pinned.sentence)
        .map(|s| c.doc(s.doc).sentence_text(s.sentence_index()).to_string())
        .unwrap();
    let first_word = text.split_whitespace().next().unwrap();
    assert!(svg.contains(first_word), "the callout quotes the sentence ({quote})");
    // Undo removes the pin again.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert!(h.state().corrections().annotations.is_empty());
}

#[test]
fn presentation_mode_hides_the_side_panels_and_enlarges_everything() {
    let mut h = harness();
    assert!(h.query_by_label_contains("Entities").is_some());
    let zoom = h.ctx.zoom_factor();
    h.key_press(egui::Key::F11);
    h.run_steps(4);
    assert!(h.state().presentation);
    assert!(h.ctx.zoom_factor() > zoom * 1.3, "large type");
    assert_eq!(h.ctx.theme(), egui::Theme::Light, "light projector theme");
    assert_eq!(
        h.ctx.style_of(egui::Theme::Light).visuals.panel_fill,
        egui::Color32::WHITE
    );
    assert!(
        h.query_by_label_contains("Stance events (").is_none() && h.query_by_label("Documents").is_none(),
        "no side panels"
    );
    assert!(h.query_by_label("Stance timeline").is_some(), "the timeline stays");
    h.key_press(egui::Key::Escape);
    h.run_steps(4);
    assert!(!h.state().presentation, "Esc leaves presentation mode");
    assert!((h.ctx.zoom_factor() - zoom).abs() < 1e-3);
}

#[test]
fn recent_folders_are_listed_and_reopen() {
    let corpus_dir = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus_dir.path().join("a.txt"),
        "Kazakhstan and China\n\nAstana, 3 May 2021. Kazakhstan supports China's initiative, the minister said.",
    )
    .unwrap();
    let settings = Settings {
        recent_folders: vec![corpus_dir.path().to_path_buf()],
        ..Settings::default()
    };
    let mut h = harness_with(settings);
    h.get_by_label("File").click();
    h.run_steps(2);
    h.get_by_label("Recent folders").hover();
    h.run_steps(4);
    h.get_by_label("Recent folders").click();
    h.run_steps(4);
    h.get_by_label(&corpus_dir.path().display().to_string()).click();
    h.run_steps(2);
    let started = Instant::now();
    while h.state().is_loading() && started.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
        h.run_steps(1);
    }
    h.run_steps(2);
    assert_eq!(h.state().corpus.root.as_deref(), Some(corpus_dir.path()));
    assert_eq!(h.state().corpus.documents.len(), 1);
}
