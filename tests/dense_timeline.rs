//! A timeline with more markers than can be told apart: markers sharing a pixel are drawn
//! once, yet every event still has a marker on its pixel, and hovering one still shows it.

mod common;

use stance_explorer::analysis::load_corpus;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::ingest::LoadControl;
use stance_explorer::model::Corpus;

/// 2,600 dated statements, several per day, with two positions each.
fn dense_corpus() -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().unwrap();
    let sentences = [
        "Kazakhstan supports the peace plan proposed by China.",
        "Kazakhstan criticized the sanctions imposed by the United States.",
        "Russia condemned the statement made by Ukraine.",
        "Russia welcomed the proposal put forward by Turkey.",
    ];
    for i in 0..2600usize {
        let day = jiff::civil::date(2015, 1, 1) + jiff::Span::new().days((i % 1700) as i64);
        let text = format!(
            "---\ntitle: Statement {i}\ndate: {day}\n---\n\n{} {}\n",
            sentences[i % 4],
            sentences[(i / 4 + 1) % 4]
        );
        std::fs::write(dir.path().join(format!("s{i:05}.md")), text).unwrap();
    }
    let corpus = load_corpus(Some(dir.path()), &LoadControl::default()).unwrap();
    (dir, corpus)
}

#[test]
fn markers_sharing_a_pixel_are_drawn_once_and_every_event_keeps_a_marker() {
    let (_dir, corpus) = dense_corpus();
    let settings = Settings {
        count_copies_once: false,
        ..Settings::default()
    };
    let app = StanceApp::with_corpus(corpus, settings);
    let mut h = common::app_harness(app, [1600.0, 1000.0], 8);
    let (total, drawn) = h.state().timeline.markers_drawn();
    assert!(total > 2000, "the corpus is dense enough to thin: {total} markers");
    assert!(drawn > 0 && drawn < total, "thinned: {drawn} of {total} drawn");

    // Every point of every shown series has a drawn marker within a pixel of where it belongs.
    let state = h.state();
    let data = state.timeline.shown_data().expect("timeline data");
    let positions = state.timeline.drawn_markers();
    assert_eq!(positions.len(), drawn);
    let mut checked = 0;
    for s in data.series.iter().filter(|s| !state.timeline.hidden.contains(&s.label)) {
        for p in &s.points {
            let at = state.timeline.screen_position(p.x, p.y).expect("transform");
            assert!(
                positions.iter().any(|(_, q)| q.distance(at) <= 1.0),
                "no marker drawn near {at:?} for {} on day {}",
                s.label,
                p.x
            );
            checked += 1;
        }
    }
    assert_eq!(checked, total);

    // Hovering a drawn marker shows its event.
    let (stance, pos) = positions[positions.len() / 2];
    h.hover_at(pos);
    h.run_steps(2);
    let hovered = h.state().selection.hovered_stance.expect("a marker is hovered");
    let (a, b) = (h.state().corpus.stance(hovered), h.state().corpus.stance(stance));
    assert_eq!(
        (a.actor, a.target),
        (b.actor, b.target),
        "the hovered event is of that series"
    );
}

#[test]
#[ignore = "writes a picture to look at: STANCE_DENSE_PNG=path cargo test --release --test dense_timeline -- --ignored"]
fn dense_timeline_picture() {
    let Ok(out) = std::env::var("STANCE_DENSE_PNG") else {
        return;
    };
    let (_dir, corpus) = dense_corpus();
    let settings = Settings {
        count_copies_once: false,
        ..Settings::default()
    };
    let mut h = common::app_harness(StanceApp::with_corpus(corpus, settings), [1600.0, 1000.0], 8);
    let image = h.render().expect("render");
    image.save(out).expect("save");
}
