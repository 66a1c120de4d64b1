//! Helpers shared by the integration tests (each test file uses only some of them).
#![allow(dead_code)]

use egui_kittest::Harness;
use stance_explorer::app::StanceApp;
use std::path::Path;

/// The whole app window in a kittest harness of `size`, with the app's fonts, after `steps` frames.
pub fn app_harness(app: StanceApp, size: [f32; 2], steps: usize) -> Harness<'static, StanceApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(stance_explorer::app::theme::install_fonts)
        .build_ui_state(|ui, app: &mut StanceApp| app.ui_main(ui), app);
    h.run_steps(steps);
    h
}

/// The PNG at `path` decodes, is at least `min_w`×`min_h`, has many colours and is not mostly background.
pub fn assert_not_blank(path: &Path, min_w: u32, min_h: u32) {
    let img = image::open(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .to_rgba8();
    assert!(
        img.width() >= min_w && img.height() >= min_h,
        "{}: {}x{}, expected at least {min_w}x{min_h}",
        path.display(),
        img.width(),
        img.height()
    );
    let mut colors = std::collections::HashSet::new();
    for p in img.pixels().step_by(7) {
        colors.insert(p.0);
    }
    assert!(
        colors.len() > 50,
        "{} looks blank ({} colours)",
        path.display(),
        colors.len()
    );
    let bg = img.get_pixel(1, 1).0;
    let differ = img.pixels().filter(|p| p.0 != bg).count();
    assert!(
        differ * 20 > (img.width() * img.height()) as usize,
        "{} is mostly background",
        path.display()
    );
}

/// A corpus of one document, `name`, holding `text`, analysed as of `today`.
pub fn one_document_corpus(
    res: &stance_explorer::analysis::Resources,
    name: &str,
    text: &str,
    today: jiff::civil::Date,
) -> stance_explorer::model::Corpus {
    let doc = stance_explorer::ingest::parse_file(name, text.as_bytes()).unwrap();
    let ing = stance_explorer::ingest::Ingested {
        documents: vec![doc],
        problems: Vec::new(),
    };
    stance_explorer::analysis::build_corpus(
        ing,
        res,
        &Default::default(),
        today,
        &stance_explorer::ingest::LoadControl::default(),
        None,
        "one document".into(),
    )
    .unwrap()
}
