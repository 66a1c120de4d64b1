//! The views driven through the UI (by label and role), asserting what they show.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stance_explorer::analysis::load_corpus_with;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::ingest::LoadControl;

fn harness() -> Harness<'static, StanceApp> {
    let corpus = load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap();
    let app = StanceApp::with_corpus(corpus, Settings::default());
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_context_setup(stance_explorer::app::theme::install_fonts)
        .build_ui_state(|ui, app: &mut StanceApp| app.ui_main(ui), app);
    h.run_steps(3);
    h
}

#[test]
fn entity_search_is_fuzzy_and_selecting_filters_the_documents() {
    let mut h = harness();
    assert!(h.query_by_label("Ukraine").is_some());
    h.get_by_role(Role::TextInput).focus();
    h.get_by_role(Role::TextInput).type_text("tokaev");
    h.run_steps(3);
    assert!(
        h.query_by_label("Kassym-Jomart Tokayev").is_some(),
        "fuzzy search finds Tokayev"
    );
    assert!(
        h.query_by_label("Ukraine").is_none(),
        "other entities are filtered out of the list"
    );
    h.get_by_label("Kassym-Jomart Tokayev").click();
    h.run_steps(3);
    assert!(
        h.query_by_label("3 of 5").is_some(),
        "the document list shows the 3 documents mentioning Tokayev"
    );
    assert!(h.query_by_label_contains("3 of 5 documents match").is_some());
    h.get_by_label("Clear").click();
    h.run_steps(3);
    assert!(h.query_by_label("5 of 5").is_some());
}

#[test]
fn excluding_an_entity_hides_its_documents() {
    let mut h = harness();
    let n_before = h.state().corpus.documents.len();
    assert_eq!(n_before, 5);
    // The exclude button of "Brazil" (mentioned only in 004).
    let brazil = h.state().corpus.entity_named("Brazil").unwrap();
    h.state_mut().selection.toggle_exclude(brazil);
    h.run_steps(3);
    assert!(h.query_by_label("4 of 5").is_some());
}

#[test]
fn timeline_shows_series_and_the_undated_tray_and_a_click_opens_the_sentence() {
    let mut h = harness();
    assert!(
        h.query_by_label_contains("Kazakhstan → Russia").is_some(),
        "legend lists the series"
    );
    assert!(
        h.query_by_label("Undated (3)").is_some(),
        "undated documents sit in a tray"
    );
    assert!(h.query_by_label_contains("dated stance events").is_some());
    // Click the marker of a dated stance event: the reader opens at its sentence.
    let (id, doc) = {
        let c = &h.state().corpus;
        let d003 = c.documents.iter().find(|d| d.path.starts_with("003")).unwrap().id;
        let s = c.index.stances_by_doc[d003.index()][0];
        (s, d003)
    };
    let pos = h.state().timeline.marker_position(id).expect("the 003 stance is drawn");
    h.hover_at(pos);
    // Tooltips appear after a short delay.
    h.run_steps(60);
    assert_eq!(
        h.state().selection.hovered_stance,
        Some(id),
        "hovering picks the marker"
    );
    assert!(
        h.query_by_label_contains("Click to open the sentence").is_some(),
        "hover shows the evidence card"
    );
    h.drag_at(pos);
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(3);
    let sel = &h.state().selection;
    assert_eq!(sel.open_doc, Some(doc));
    let st = h.state().corpus.stance(id).clone();
    assert_eq!(sel.focus_sentence, Some(st.sentence_index()));
    // In the list, as the reader's heading and in the text.
    assert_eq!(
        h.query_all_by_label("Statement by Kazakhstan").count(),
        3,
        "the reader shows the document"
    );
}

#[test]
fn side_by_side_lines_up_the_two_translations_and_suggests_pairs() {
    let mut h = harness();
    // The most similar pair (000 and 001, two translations of one statement) is preselected.
    assert!(h.query_by_label_contains("aligned passages").is_some());
    let (l, r) = h.state().selection.compare;
    let c = &h.state().corpus;
    assert!(c.doc(l.unwrap()).path.starts_with("000") && c.doc(r.unwrap()).path.starts_with("001"));
    // Both translations are on screen (the reader may show one of them too).
    assert!(
        h.query_all_by_label_contains("approving the position of the People's Republic of China")
            .count()
            >= 1
    );
    assert!(
        h.query_all_by_label_contains("welcomes the position of the People's Republic of China")
            .count()
            >= 1
    );
    h.get_by_label_contains("000 ↔ 004").click();
    h.run_steps(3);
    let (l, r) = h.state().selection.compare;
    let c = &h.state().corpus;
    assert!(
        c.doc(r.unwrap()).path.starts_with("004"),
        "{:?}",
        c.doc(r.unwrap()).path
    );
    assert!(c.doc(l.unwrap()).path.starts_with("000"));
}

#[test]
fn document_list_opens_the_reader_and_sets_compare_sides() {
    let mut h = harness();
    h.get_by_label("Kazakhstan tries to manage fallout from the Ukraine crisis")
        .click();
    h.run_steps(3);
    let c = h.state().corpus.clone();
    let open = h.state().selection.open_doc.unwrap();
    assert!(c.doc(open).path.starts_with("002"));
    // The date shows in the list and in the reader's header.
    assert_eq!(
        h.query_all_by_label("2022-03-02").count(),
        2,
        "the reader shows the date"
    );
    // Title: in the list, as the reader's heading and as the text's first line.
    assert_eq!(
        h.query_all_by_label("Kazakhstan tries to manage fallout from the Ukraine crisis")
            .count(),
        3
    );
    assert!(
        h.query_by_label_contains("Page boilerplate below").is_some(),
        "boilerplate is marked"
    );
}

#[test]
fn f1_shows_the_shortcuts() {
    let mut h = harness();
    assert!(h.query_by_label("Keyboard shortcuts").is_none());
    h.key_press(egui::Key::F1);
    h.run_steps(3);
    assert!(h.query_by_label("Keyboard shortcuts").is_some());
    assert!(h.query_by_label("Open a folder").is_some());
}

#[test]
fn plotting_by_event_date_places_undated_reports_of_dated_events() {
    let mut h = harness();
    let corpus = h.state().corpus.clone();
    let all = std::sync::Arc::new(vec![true; 5]);
    let ctx = h.ctx.clone();
    let by_pub = h
        .state_mut()
        .timeline
        .data(&ctx, &corpus, &Default::default(), &all, 7, 8, false)
        .clone();
    h.get_by_label("event date").click();
    h.run_steps(3);
    assert!(h.state().settings.plot_event_dates);
    let by_event = h
        .state_mut()
        .timeline
        .data(&ctx, &corpus, &Default::default(), &all, 7, 8, true)
        .clone();
    let count = |d: &stance_explorer::chart::series::TimelineData| -> usize {
        d.series.iter().flat_map(|s| &s.points).map(|p| p.stances.len()).sum()
    };
    assert!(
        count(&by_event) > count(&by_pub),
        "“in 2014” in an undated article puts its event on the axis"
    );
}

#[test]
fn the_same_actor_far_apart_in_time_is_suggested() {
    let mut h = harness();
    h.get_by_label_contains("same actor").click();
    h.run_steps(3);
    let (l, r) = h.state().selection.compare;
    let c = &h.state().corpus;
    let (a, b) = (c.doc(l.unwrap()), c.doc(r.unwrap()));
    let years = (b.date.as_ref().unwrap().date - a.date.as_ref().unwrap().date).get_days() / 365;
    assert!(years >= 5, "{} and {} are {years} years apart", a.path, b.path);
    let kz = c.entity_named("Kazakhstan").unwrap();
    for d in [a, b] {
        assert!(
            c.index.stances_by_doc[d.id.index()]
                .iter()
                .any(|s| c.stance(*s).actor == kz)
        );
    }
}

#[test]
fn the_side_by_side_view_marks_labels_official_terms_and_quotes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Statement\n\nAstana, 5 June 2022. Kazakhstan will not recognise the so-called republics, \"we keep a balanced position\", the minister said.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Report\n\nMoscow, 6 June 2022. Kazakhstan will not recognise the republics created during the special military operation, the minister said.",
    )
    .unwrap();
    let corpus = load_corpus_with(Some(dir.path()), &LoadControl::default(), &Default::default()).unwrap();
    let kinds = |i: usize| -> Vec<(String, stance_explorer::model::FramingKind)> {
        let d = &corpus.documents[i];
        d.framing
            .iter()
            .map(|m| (d.text[m.range.clone()].to_lowercase(), m.kind))
            .collect()
    };
    use stance_explorer::model::FramingKind;
    let (a, b) = if corpus.documents[0].path.starts_with('a') {
        (0, 1)
    } else {
        (1, 0)
    };
    assert!(
        kinds(a).contains(&("so-called".into(), FramingKind::Label)),
        "{:?}",
        kinds(a)
    );
    assert!(kinds(a).iter().any(|(_, k)| *k == FramingKind::Quote));
    assert!(
        kinds(b).contains(&("special military operation".into(), FramingKind::OfficialTerm)),
        "{:?}",
        kinds(b)
    );
    let mut app = StanceApp::with_corpus(corpus, Settings::default());
    app.selection.compare = (
        Some(stance_explorer::model::DocId(a as u32)),
        Some(stance_explorer::model::DocId(b as u32)),
    );
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_context_setup(stance_explorer::app::theme::install_fonts)
        .build_ui_state(|ui, app: &mut StanceApp| app.ui_main(ui), app);
    h.run_steps(3);
    for legend in ["label", "official term", "hedge", "“quotation”"] {
        assert!(h.query_by_label(legend).is_some(), "the legend explains {legend}");
    }
}

#[test]
fn with_an_entity_ticked_each_row_counts_the_documents_mentioning_both() {
    let mut h = harness();
    let c = h.state().corpus.clone();
    let kz = c.entity_named("Kazakhstan").unwrap();
    let ru = c.entity_named("Russia").unwrap();
    h.state_mut().selection.toggle_include(kz);
    h.run_steps(3);
    let both = c
        .entity(ru)
        .documents
        .iter()
        .filter(|d| c.entity(kz).documents.contains(d))
        .count();
    let label = format!(
        "{both} with Kazakhstan · {} · {} docs",
        c.entity(ru).mention_count,
        c.entity(ru).documents.len()
    );
    assert!(h.query_by_label(&label).is_some(), "no row says {label:?}");
    // Still right on later frames (the count is cached, not recomputed).
    h.run_steps(2);
    assert!(h.query_by_label(&label).is_some());
}
