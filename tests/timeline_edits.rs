//! On the timeline: Shift+drag selects a period that filters the document list, and
//! right-click adds a reference event saved in the corpus's own events.csv.

mod common;
use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stance_explorer::analysis::load_corpus_with;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::ingest::LoadControl;
use stance_explorer::model::DatedPeriod;

fn harness_on(root: Option<&std::path::Path>) -> Harness<'static, StanceApp> {
    let corpus = load_corpus_with(root, &LoadControl::default(), &Default::default()).unwrap();
    let app = StanceApp::with_corpus(corpus, Settings::default());
    common::app_harness(app, [1600.0, 1000.0], 4)
}

fn press(h: &mut Harness<'static, StanceApp>, pos: Pos2, button: PointerButton, pressed: bool, modifiers: Modifiers) {
    h.event(Event::PointerMoved(pos));
    h.event(Event::PointerButton {
        pos,
        button,
        pressed,
        modifiers,
    });
    h.run_steps(1);
}

#[test]
fn shift_drag_selects_a_period_that_filters_the_documents() {
    let mut h = harness_on(None);
    // The marker of the 2014 statement (003), the only document dated in 2014.
    let (stance, n_2014) = {
        let c = &h.state().corpus;
        let s = c
            .stances
            .iter()
            .position(|s| {
                c.doc(s.doc)
                    .date
                    .as_ref()
                    .is_some_and(|d| d.value_string().starts_with("2014"))
            })
            .expect("a stance in the 2014 document");
        let n = c
            .documents
            .iter()
            .filter(|d| d.date.as_ref().is_some_and(|d| d.value_string().starts_with("2014")))
            .count();
        (stance_explorer::model::StanceId(s as u32), n)
    };
    let marker = h.state().timeline.marker_position(stance).expect("the marker is drawn");
    // Markers on one date are spread sideways: drag around the date itself, at the marker's height.
    let day = {
        let c = &h.state().corpus;
        c.doc(c.stance(stance).doc).date.as_ref().unwrap().plot_day()
    };
    let at = egui::pos2(h.state().timeline.screen_position(day, 0.0).unwrap().x, marker.y);
    h.event(Event::ModifiersChanged(Modifiers::SHIFT));
    press(
        &mut h,
        at - egui::vec2(20.0, 0.0),
        PointerButton::Primary,
        true,
        Modifiers::SHIFT,
    );
    for dx in [-10.0, 5.0, 15.0, 20.0] {
        h.event(Event::PointerMoved(at + egui::vec2(dx, 0.0)));
        h.run_steps(1);
    }
    press(
        &mut h,
        at + egui::vec2(20.0, 0.0),
        PointerButton::Primary,
        false,
        Modifiers::SHIFT,
    );
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run_steps(3);
    let (lo, hi) = h.state().selection.period_days.expect("a period was selected");
    assert!(hi - lo >= 1.0 && hi - lo < 3000.0, "{lo}..{hi}");
    assert!(
        h.query_by_label(&format!("{n_2014} of 5")).is_some(),
        "the document list shows only the documents dated in the period {lo}..{hi} (at {at:?}); it shows {:?}",
        h.query_all_by_label_contains(" of 5")
            .map(|n| format!("{n:?}"))
            .collect::<Vec<_>>()
    );
    assert!(
        h.query_by_label_contains("Period ").is_some(),
        "the period is shown and can be cleared"
    );
    h.get_by_label_contains("Period ").click();
    h.run_steps(3);
    assert!(h.state().selection.period_days.is_none());
    assert!(h.query_by_label("5 of 5").is_some());
}

#[test]
fn right_click_adds_a_reference_event_saved_with_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Kazakhstan and China\n\nAstana, 3 May 2021. Kazakhstan supports China's initiative, the minister said.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Kazakhstan and Russia\n\nAstana, 5 June 2022. Kazakhstan supports Russia's proposal, the minister said.",
    )
    .unwrap();
    let mut h = harness_on(Some(dir.path()));
    let rect = h.state().view_rects[&stance_explorer::cli::ShotView::Timeline];
    let stance = stance_explorer::model::StanceId(0);
    let at = h.state().timeline.marker_position(stance).unwrap_or(rect.center());
    let spot = Pos2::new(at.x + 40.0, at.y + 30.0);
    press(&mut h, spot, PointerButton::Secondary, true, Modifiers::NONE);
    press(&mut h, spot, PointerButton::Secondary, false, Modifiers::NONE);
    h.run_steps(3);
    assert!(
        h.query_by_label("Add a reference event").is_some(),
        "right-click opens the form"
    );
    let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Label");
    field.focus();
    field.type_text("Talks in Astana");
    h.run_steps(2);
    h.get_by_label("Add event").click();
    h.run_steps(3);
    let app = h.state();
    let added: Vec<_> = app.corpus.events.iter().filter(|e| e.from_corpus).collect();
    assert_eq!(added.len(), 1, "{:?}", app.status);
    assert_eq!(added[0].label, "Talks in Astana");
    let csv = std::fs::read_to_string(dir.path().join(".stance-explorer/events.csv")).unwrap();
    assert!(csv.contains("Talks in Astana"));
    // It comes back on reload.
    let again = load_corpus_with(Some(dir.path()), &LoadControl::default(), &Default::default()).unwrap();
    assert!(
        again
            .events
            .iter()
            .any(|e| e.label == "Talks in Astana" && e.from_corpus)
    );
}
