//! A date corrected in the GUI is saved at once, undoable, survives a restart and
//! shows in `analyze` as `"source": "user"`.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use stance_explorer::analysis::load_corpus_with;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::corrections::CorrectionStore;
use stance_explorer::ingest::LoadControl;
use stance_explorer::model::DateSource;
use stance_explorer::model::DatedPeriod;

/// The app on `root` (or the sample) with its corrections in `store`, in a test harness.
fn app_on(root: Option<&std::path::Path>, store: &CorrectionStore) -> Harness<'static, StanceApp> {
    let corpus = load_corpus_with(root, &LoadControl::default(), &store.load().corrections).unwrap();
    let mut app = StanceApp::with_corpus(corpus, Settings::default());
    app.set_correction_store(store.clone());
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .with_context_setup(stance_explorer::app::theme::install_fonts)
        .build_ui_state(|ui, app: &mut StanceApp| app.ui_main(ui), app);
    h.run_steps(2);
    h
}

fn app_with_store(store: &CorrectionStore) -> Harness<'static, StanceApp> {
    app_on(None, store)
}

/// `stance-explorer analyze DIR --json -`, parsed.
fn analyze_json(dir: &std::path::Path) -> serde_json::Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stance-explorer"))
        .args(["analyze", dir.to_str().unwrap(), "--json", "-"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn date_of_000(app: &StanceApp) -> Option<(String, DateSource)> {
    let d = app.corpus.documents.iter().find(|d| d.path.starts_with("000")).unwrap();
    d.date.as_ref().map(|d| (d.value_string(), d.source))
}

#[test]
fn a_date_set_in_the_reader_is_saved_undoable_and_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let store = CorrectionStore::at(dir.path().join("corrections.json"));
    let mut h = app_with_store(&store);
    assert_eq!(date_of_000(h.state()), None, "000 starts undated");
    let dated_before = h
        .state()
        .corpus
        .stances
        .iter()
        .filter(|s| h.state().corpus.doc(s.doc).date.is_some())
        .count();

    // The reader shows 000 first; correct its date.
    h.get_by_label("Correct the date…").click();
    h.run_steps(2);
    let field = h.get_all_by_role(egui::accesskit::Role::TextInput).last().unwrap();
    field.focus();
    field.type_text("2023-02-3O");
    h.run_steps(1);
    h.get_by_label("Set").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("write the date as YYYY-MM-DD").is_some(),
        "an invalid date is refused with a reason"
    );
    assert_eq!(date_of_000(h.state()), None);
    let field = h.get_all_by_role(egui::accesskit::Role::TextInput).last().unwrap();
    field.focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    field.type_text("2023-02-25");
    h.run_steps(1);
    h.get_by_label("Set").click();
    h.run_steps(3);
    assert_eq!(date_of_000(h.state()), Some(("2023-02-25".into(), DateSource::User)));
    assert!(store.path.exists(), "saved at once");
    let dated_after = h
        .state()
        .corpus
        .stances
        .iter()
        .filter(|s| h.state().corpus.doc(s.doc).date.is_some())
        .count();
    assert!(dated_after > dated_before, "000's stance events join the timeline");

    // Undo brings the detected state back (and saves that too); redo re-applies.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(date_of_000(h.state()), None);
    assert!(store.load().corrections.dates.is_empty());
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(date_of_000(h.state()), Some(("2023-02-25".into(), DateSource::User)));
    drop(h);

    // "Restart": a new app over the same store.
    let h = app_with_store(&store);
    assert_eq!(date_of_000(h.state()), Some(("2023-02-25".into(), DateSource::User)));
    assert!(h.query_by_label_contains("Use the detected date").is_some());
}

#[test]
fn analyze_reports_corrected_dates_as_user() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Astana said it supports the peace plan of China, officials said today.\n",
    )
    .unwrap();
    let store = CorrectionStore::for_corpus(Some(dir.path()));
    assert!(
        store.path.starts_with(dir.path()),
        "a writable corpus keeps its sidecar inside"
    );
    let mut c = store.load().corrections;
    c.set_date("a.txt", Some("2023-02")).unwrap();
    store.save(&c).unwrap();
    let v = analyze_json(dir.path());
    let d = &v["documents"][0]["date"];
    assert_eq!(d["value"], "2023-02");
    assert_eq!(d["precision"], "month");
    assert_eq!(d["source"], "user");
    assert_eq!(
        v["documents"].as_array().unwrap().len(),
        1,
        "the sidecar folder is not read as articles"
    );
}

fn wait_for_load(h: &mut Harness<'static, StanceApp>) {
    let started = std::time::Instant::now();
    h.run_steps(2);
    while h.state().is_loading() && started.elapsed() < std::time::Duration::from_secs(30) {
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run_steps(1);
    }
    h.run_steps(2);
}

#[test]
fn merging_entities_in_the_filter_previews_saves_reanalyses_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let store = CorrectionStore::at(dir.path().join("corrections.json"));
    let mut h = app_with_store(&store);
    let putin_mentions = {
        let c = &h.state().corpus;
        c.entity(c.entity_named("Vladimir Putin").unwrap()).mention_count
    };
    h.get_by_label("Vladimir Putin").click_secondary();
    h.run_steps(2);
    h.get_by_label("Merge into…").click();
    h.run_steps(3);
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Window, "Merge Vladimir Putin into…")
            .is_some(),
        "the merge window opens"
    );
    assert!(h.query_by_label_contains("Choose a target first").is_some());
    let field = h.get_all_by_role(egui::accesskit::Role::TextInput).last().unwrap();
    field.focus();
    field.type_text("russia");
    h.run_steps(2);
    h.get_by_label_contains("Russia (country").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains(&format!("This changes {putin_mentions} mention(s)"))
            .is_some(),
        "the preview says how many mentions change"
    );
    h.get_by_label("Apply").click();
    wait_for_load(&mut h);
    {
        let c = &h.state().corpus;
        assert!(c.entity_named("Vladimir Putin").is_none(), "merged away");
        assert!(
            c.entity(c.entity_named("Russia").unwrap())
                .aliases
                .iter()
                .any(|a| a == "Vladimir Putin")
        );
    }
    assert_eq!(store.load().corrections.entities.len(), 1, "saved in the sidecar");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_for_load(&mut h);
    assert!(
        h.state().corpus.entity_named("Vladimir Putin").is_some(),
        "undo brings it back"
    );
    assert!(store.load().corrections.entities.is_empty());
}

#[test]
fn a_date_set_in_the_gui_shows_in_analyze_for_that_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("note.txt"),
        "Astana said it supports the peace plan of China, officials said.\n",
    )
    .unwrap();
    let store = CorrectionStore::for_corpus(Some(dir.path()));
    let mut h = app_on(Some(dir.path()), &store);
    h.get_by_label("Correct the date…").click();
    h.run_steps(2);
    let field = h.get_all_by_role(egui::accesskit::Role::TextInput).last().unwrap();
    field.focus();
    field.type_text("2024-09-16");
    h.run_steps(1);
    h.get_by_label("Set").click();
    h.run_steps(2);
    drop(h);
    assert!(
        store.path.starts_with(dir.path().join(".stance-explorer")),
        "the sidecar lives in the corpus folder"
    );
    let v = analyze_json(dir.path());
    assert_eq!(v["documents"][0]["date"]["value"], "2024-09-16");
    assert_eq!(v["documents"][0]["date"]["source"], "user");
}

#[test]
fn a_stance_marked_wrong_disappears_is_saved_and_comes_back_on_undo() {
    let dir = tempfile::tempdir().unwrap();
    let store = CorrectionStore::at(dir.path().join("corrections.json"));
    let mut h = app_with_store(&store);
    let before = h.state().corpus.stances.len();
    // The reader shows 000; open its list of stance events.
    h.get_by_label_contains("Stance events (").click();
    h.run_steps(2);
    h.get_all_by_label("Wrong")
        .next()
        .expect("a Wrong button per event")
        .click();
    h.run_steps(3);
    assert_eq!(h.state().corpus.stances.len(), before - 1, "the event is gone at once");
    assert_eq!(store.load().corrections.stances.len(), 1, "saved");
    // Reloading with the saved corrections keeps it gone.
    let again = load_corpus_with(None, &LoadControl::default(), &store.load().corrections).unwrap();
    assert_eq!(again.stances.len(), before - 1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_for_load(&mut h);
    assert_eq!(h.state().corpus.stances.len(), before, "undo brings it back");
}

#[test]
fn a_score_set_by_the_analyst_is_marked_in_the_export() {
    use stance_explorer::corrections::{StanceAction, StanceEdit};
    let base = load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap();
    let s = &base.stances[0];
    let edit = StanceEdit {
        document: base.doc(s.doc).path.clone(),
        sentence: s.sentence_index(),
        actor: base.entity(s.actor).name.clone(),
        target: base.entity(s.target).name.clone(),
        action: StanceAction::SetScore { score: -0.5 },
    };
    let corrections = stance_explorer::corrections::Corrections {
        stances: vec![edit],
        ..Default::default()
    };
    let c = load_corpus_with(None, &LoadControl::default(), &corrections).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&stance_explorer::export::Export::from_corpus(&c).to_json()).unwrap();
    let first = &json["stances"][0];
    assert_eq!(first["score"], -0.5);
    assert_eq!(first["corrected"], true);
}

#[test]
fn a_stance_added_for_a_clicked_sentence_is_saved_shown_and_in_analyze() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Talks\n\nAstana, 3 May 2021. Kazakhstan and China held talks on trade.\n\nThe two sides met again later.",
    )
    .unwrap();
    let store = CorrectionStore::for_corpus(Some(dir.path()));
    let mut h = app_on(Some(dir.path()), &store);
    let before = h.state().corpus.stances.len();
    // Click the sentence in the reader to select it.
    h.get_by_label_contains("held talks on trade").click();
    h.run_steps(3);
    assert!(
        h.state().selection.focus_sentence.is_some(),
        "the click selects the sentence"
    );
    h.get_by_label_contains("Code a stance in sentence").click();
    h.run_steps(3);
    for name in ["Kazakhstan", "China"] {
        // Actor first, then target: each time the first combo box still saying "choose…".
        h.get_all_by_value("choose…")
            .next()
            .expect("an unset combo box")
            .click();
        h.run_steps(3);
        h.get_all_by_label(name).last().unwrap().click();
        h.run_steps(3);
    }
    h.get_by_label("Add stance").click();
    h.run_steps(3);
    let app = h.state();
    assert_eq!(app.corpus.stances.len(), before + 1, "the stance is there at once");
    let added = app.corpus.stances.iter().find(|s| &*s.category == "analyst").unwrap();
    assert_eq!(app.corpus.entity(added.actor).name, "Kazakhstan");
    assert_eq!(app.corpus.entity(added.target).name, "China");
    assert!(added.corrected);
    // Saved in the folder's sidecar, so analyze sees it too, marked as corrected.
    let json = analyze_json(dir.path());
    let coded: Vec<&serde_json::Value> = json["stances"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["category"] == "analyst")
        .collect();
    assert_eq!(coded.len(), 1);
    assert_eq!(coded[0]["actor"], "Kazakhstan");
    assert_eq!(coded[0]["corrected"], true);
    // Another correction does not add it twice.
    h.get_by_label_contains("Stance events (").click();
    h.run_steps(3);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    wait_for_load(&mut h);
    assert_eq!(h.state().corpus.stances.len(), before, "undo removes it");
}

#[test]
fn reassigning_actor_and_target_sticks_across_reloads() {
    use stance_explorer::corrections::{Corrections, StanceAction, StanceEdit};
    let base = load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap();
    let kz = base.entity_named("Kazakhstan").unwrap();
    let s = base.stances.iter().find(|s| s.actor == kz).unwrap();
    let (doc, sentence, target) = (
        base.doc(s.doc).path.clone(),
        s.sentence_index(),
        base.entity(s.target).name.clone(),
    );
    let edits = vec![
        StanceEdit {
            document: doc.clone(),
            sentence,
            actor: "Kazakhstan".into(),
            target: target.clone(),
            action: StanceAction::SetActor { actor: "China".into() },
        },
        StanceEdit {
            document: doc.clone(),
            sentence,
            actor: "China".into(),
            target: target.clone(),
            action: StanceAction::SetTarget {
                target: "United Nations".into(),
            },
        },
    ];
    let c = load_corpus_with(
        None,
        &LoadControl::default(),
        &Corrections {
            stances: edits,
            ..Default::default()
        },
    )
    .unwrap();
    let moved: Vec<_> = c
        .stances
        .iter()
        .filter(|x| c.doc(x.doc).path == doc && x.sentence_index() == sentence && x.corrected)
        .collect();
    assert!(!moved.is_empty());
    for m in moved {
        assert_eq!(c.entity(m.actor).name, "China");
        assert_eq!(c.entity(m.target).name, "United Nations");
        assert!(m.explanation.contains("by the analyst"));
    }
}

#[test]
fn the_reader_menu_reassigns_an_events_target_and_saves_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = CorrectionStore::at(dir.path().join("corrections.json"));
    let mut h = app_with_store(&store);
    h.get_by_label_contains("Stance events (").click();
    h.run_steps(3);
    h.get_all_by_label("⋯").next().expect("a ⋯ menu per event").click();
    h.run_steps(3);
    // The first event in the list, and the first entity (by name) the document mentions that is not its target.
    let new_target = {
        let c = &h.state().corpus;
        let doc = h.state().selection.open_doc.unwrap();
        let first = c.stance(c.index.stances_by_doc[doc.index()][0]);
        let mut names: Vec<String> = c
            .doc(doc)
            .mentions
            .iter()
            .map(|(e, _)| *e)
            .filter(|e| *e != first.target)
            .filter(|e| {
                use stance_explorer::model::EntityKind::*;
                matches!(c.entity(*e).kind, Country | Person | Organization)
            })
            .map(|e| c.entity(e).name.clone())
            .collect();
        names.sort();
        names.dedup();
        names[0].clone()
    };
    let label = format!("Target: {new_target}");
    h.get_by_label(&label).click();
    h.run_steps(3);
    let saved = store.load().corrections.stances;
    assert_eq!(saved.len(), 1, "saved at once");
    assert!(
        matches!(&saved[0].action, stance_explorer::corrections::StanceAction::SetTarget { target } if *target == new_target)
    );
    let app = h.state();
    assert!(
        app.corpus
            .stances
            .iter()
            .any(|s| s.corrected && app.corpus.entity(s.target).name == new_target),
        "the event now points at {new_target}"
    );
}
