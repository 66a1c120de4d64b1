//! The timeline's alignment axis and pooling by period, through the UI and the
//! public chart API, checked against numbers recomputed from the model.

mod common;
use egui_kittest::kittest::Queryable;
use stance_explorer::analysis::load_corpus_with;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::chart::aggregate::{Period, pool};
use stance_explorer::chart::series::{SeriesMode, timeline_data_in};
use stance_explorer::ingest::LoadControl;
use stance_explorer::selection::Selection;

fn sample() -> stance_explorer::model::Corpus {
    load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap()
}

#[test]
fn alignment_counts_support_for_one_pole_against_the_other() {
    let c = sample();
    let (ru, ua) = (c.entity_named("Russia").unwrap(), c.entity_named("Ukraine").unwrap());
    let flags = vec![true; c.documents.len()];
    let mode = SeriesMode::Alignment { pole_a: ru, pole_b: ua };
    let data = timeline_data_in(&c, &Selection::default(), &flags, 50, false, mode, false);
    assert!(!data.series.is_empty());
    for s in &data.series {
        assert!(
            s.actor != ru && s.actor != ua,
            "the poles are not actors on their own axis"
        );
        for p in &s.points {
            let expected: f64 = p
                .stances
                .iter()
                .map(|id| {
                    let st = c.stance(*id);
                    assert!(st.target == ru || st.target == ua);
                    if st.target == ru {
                        -f64::from(st.score)
                    } else {
                        f64::from(st.score)
                    }
                })
                .sum::<f64>()
                / p.stances.len() as f64;
            assert!((p.y - expected).abs() < 1e-9, "{}: {} vs {expected}", s.label, p.y);
        }
    }
    // Every dated event toward either pole by another actor is on the axis exactly once.
    let on_axis: usize = data
        .series
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| p.stances.len())
        .sum();
    let expected = c
        .stances
        .iter()
        .filter(|s| (s.target == ru || s.target == ua) && s.actor != ru && s.actor != ua)
        .filter(|s| c.doc(s.doc).date.is_some())
        .count();
    assert_eq!(on_axis, expected);
}

#[test]
fn pooling_by_year_matches_the_events_behind_the_markers() {
    let c = sample();
    let flags = vec![true; c.documents.len()];
    let data = timeline_data_in(&c, &Selection::default(), &flags, 50, false, SeriesMode::Pairs, false);
    for i in 0..data.series.len() {
        let events = data.events_of(&c, i, SeriesMode::Pairs);
        let n: usize = data.series[i].points.iter().map(|p| p.stances.len()).sum();
        assert_eq!(events.len(), n);
        let years = pool(&events, Period::Year);
        assert_eq!(
            years.iter().map(|p| p.events).sum::<usize>(),
            n,
            "every event in one year"
        );
        for y in &years {
            let inside: Vec<f64> = events
                .iter()
                .filter(|(d, _)| *d >= y.start_day && *d < y.end_day)
                .map(|(_, s)| *s)
                .collect();
            let mean = inside.iter().sum::<f64>() / inside.len() as f64;
            assert!((y.mean - mean).abs() < 1e-9);
            assert!(y.band.0 <= y.mean && y.mean <= y.band.1);
        }
    }
}

#[test]
fn the_timeline_switches_to_the_alignment_axis_and_pools_by_month() {
    let corpus = sample();
    let app = StanceApp::with_corpus(corpus, Settings::default());
    let mut h = common::app_harness(app, [1600.0, 1000.0], 3);
    assert!(h.query_by_label_contains("Kazakhstan → Russia").is_some());
    h.get_by_label("alignment").click();
    h.run_steps(4);
    assert!(h.state().settings.alignment_axis);
    assert!(
        h.query_by_label_contains("Kazakhstan (Russia ↔ Ukraine)").is_some(),
        "one series per actor between the default poles"
    );
    assert!(h.query_by_label_contains("Kazakhstan → Russia").is_none());
    assert!(matches!(h.state().timeline.mode, SeriesMode::Alignment { .. }));
    h.get_by_label("month").click();
    h.run_steps(4);
    assert_eq!(h.state().settings.period, Period::Month);
    // The exported chart follows: a smoothed line for every drawn series.
    let req = h
        .state()
        .export_request(stance_explorer::chart::ExportFormat::Svg, (1280, 720));
    let svg = String::from_utf8(
        stance_explorer::chart::export_timeline(&h.state().corpus, &h.state().selection, &req).unwrap(),
    )
    .unwrap();
    assert!(svg.contains("alignment (−1 with Russia … +1 with Ukraine)"));
    assert!(svg.contains("line = mean by month"));
    assert_eq!(
        svg.matches("class=\"smooth\"").count(),
        h.state().timeline.series_shown()
    );
}
