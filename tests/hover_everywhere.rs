//! Hovering an entity in the filter lights it up in every visible view: its mentions get the
//! hover background in the side-by-side view and in the reader, and its series change on the
//! timeline. Checked on rendered frames, region by region.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use stance_explorer::analysis::load_corpus_with;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::cli::ShotView;
use stance_explorer::ingest::LoadControl;

/// Pixels of `img` inside `rect` (points, at `ppp` pixels per point) for which `pred` holds.
fn count_in(img: &image::RgbaImage, rect: egui::Rect, ppp: f32, pred: impl Fn(&image::Rgba<u8>) -> bool) -> usize {
    let (x0, y0) = ((rect.min.x * ppp) as u32, (rect.min.y * ppp) as u32);
    let (x1, y1) = (
        ((rect.max.x * ppp) as u32).min(img.width()),
        ((rect.max.y * ppp) as u32).min(img.height()),
    );
    let mut n = 0;
    for y in y0..y1 {
        for x in x0..x1 {
            if pred(img.get_pixel(x, y)) {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn hovering_an_entity_in_the_filter_highlights_it_in_the_other_views() {
    let corpus = load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap();
    let first = corpus.documents.iter().find(|d| d.path.starts_with("000")).unwrap().id;
    let mut app = StanceApp::with_corpus(corpus, Settings::default());
    app.selection.open(first, None, None);
    let mut h = common::app_harness(app, [1600.0, 1000.0], 4);
    let dark = h.ctx.global_style().visuals.dark_mode;
    let bg = stance_explorer::app::theme::hover_background(dark);
    let is_bg = |p: &image::Rgba<u8>| p.0[..3] == [bg.r(), bg.g(), bg.b()];
    // Move the pointer somewhere neutral first.
    h.hover_at(egui::pos2(800.0, 5.0));
    h.run_steps(3);
    let ppp = h.ctx.pixels_per_point();
    let before = h.render().expect("render");
    let rects = h.state().view_rects.clone();
    let (timeline, compare, entities) = (
        rects[&ShotView::Timeline],
        rects[&ShotView::Compare],
        rects[&ShotView::Entities],
    );
    // The reader is the part of the window that is none of the three views.
    let outside = |x: f32, y: f32| {
        let p = egui::pos2(x, y);
        !timeline.contains(p) && !compare.contains(p) && !entities.contains(p)
    };
    let reader_bg = |img: &image::RgbaImage| {
        let mut n = 0;
        for (x, y, p) in img.enumerate_pixels() {
            if is_bg(p) && outside(x as f32 / ppp, y as f32 / ppp) {
                n += 1;
            }
        }
        n
    };
    assert_eq!(count_in(&before, compare, ppp, is_bg), 0, "highlight before any hover");
    let reader_before = reader_bg(&before);

    let kz = h.state().corpus.entity_named("Kazakhstan").unwrap();
    h.get_by_role_and_label(Role::CheckBox, "Kazakhstan").hover();
    h.run_steps(4);
    assert_eq!(h.state().selection.hovered_entity, Some(kz));
    let after = h.render().expect("render");
    let compare_lit = count_in(&after, compare, ppp, is_bg);
    assert!(compare_lit > 200, "side-by-side: {compare_lit} highlighted pixels");
    let reader_lit = reader_bg(&after);
    assert!(
        reader_lit > reader_before + 200,
        "reader: {reader_before} → {reader_lit} highlighted pixels"
    );
    let mut differ = 0;
    let (x0, y0) = ((timeline.min.x * ppp) as u32, (timeline.min.y * ppp) as u32);
    let (x1, y1) = (
        ((timeline.max.x * ppp) as u32).min(after.width()),
        ((timeline.max.y * ppp) as u32).min(after.height()),
    );
    for y in y0..y1 {
        for x in x0..x1 {
            if after.get_pixel(x, y) != before.get_pixel(x, y) {
                differ += 1;
            }
        }
    }
    assert!(
        differ > 500,
        "timeline: only {differ} pixels changed when its series lit up"
    );

    // Moving away clears the highlight everywhere.
    h.hover_at(egui::pos2(800.0, 5.0));
    h.run_steps(4);
    assert_eq!(h.state().selection.hovered_entity, None);
    let cleared = h.render().expect("render");
    assert_eq!(count_in(&cleared, compare, ppp, is_bg), 0);
}
