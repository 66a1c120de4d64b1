//! Copies of one statement (000 and 001 in the sample are two translations of one Kazakh
//! Foreign Ministry statement) are grouped when the corpus loads, count once on the timeline
//! by default, and are listed with the point that stands for them.

mod common;

use egui_kittest::kittest::Queryable;
use stance_explorer::analysis::load_corpus_with;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::chart::series::{SeriesMode, timeline_data_in};
use stance_explorer::corrections::Corrections;
use stance_explorer::ingest::LoadControl;
use stance_explorer::model::Corpus;
use stance_explorer::selection::Selection;

/// The sample with the two translations dated (their text alone does not date them).
fn dated_sample() -> Corpus {
    let mut cor = Corrections::default();
    let paths: Vec<String> = stance_explorer::ingest::SAMPLE_FILES
        .iter()
        .map(|s| s.to_string())
        .collect();
    for (prefix, date) in [("000", "2023-02-27"), ("001", "2023-02-25")] {
        let p = paths.iter().find(|p| p.starts_with(prefix)).unwrap();
        cor.set_date(p, Some(date)).unwrap();
    }
    load_corpus_with(None, &LoadControl::default(), &cor).unwrap()
}

#[test]
fn the_two_translations_share_statements_and_nothing_else_does() {
    let c = dated_sample();
    let doc_prefix = |s: &stance_explorer::model::StanceEvent| c.doc(s.doc).path[..3].to_string();
    assert!(!c.index.statements.is_empty(), "no copies found in the sample");
    for ids in c.index.statements.values() {
        let mut docs: Vec<String> = ids.iter().map(|i| doc_prefix(c.stance(*i))).collect();
        docs.sort();
        docs.dedup();
        assert_eq!(docs, ["000", "001"], "a statement grouped across {docs:?}");
        let first = c.stance(ids[0]);
        assert!(
            ids.iter()
                .all(|i| c.stance(*i).actor == first.actor && c.stance(*i).target == first.target)
        );
    }
    // Kazakhstan's support for China's plan is one of them.
    let (kz, cn) = (c.entity_named("Kazakhstan").unwrap(), c.entity_named("China").unwrap());
    assert!(c.index.statements.values().any(|ids| {
        let s = c.stance(ids[0]);
        s.actor == kz && s.target == cn && s.score > 0.0
    }));
}

#[test]
fn copies_count_once_and_are_listed_with_the_point_that_stands_for_them() {
    let c = dated_sample();
    let flags = vec![true; c.documents.len()];
    let all = timeline_data_in(&c, &Selection::default(), &flags, 50, false, SeriesMode::Pairs, false);
    let once = timeline_data_in(&c, &Selection::default(), &flags, 50, false, SeriesMode::Pairs, true);
    let drawn = |d: &stance_explorer::chart::series::TimelineData| -> usize {
        d.series.iter().flat_map(|s| &s.points).map(|p| p.stances.len()).sum()
    };
    assert_eq!(all.merged_copies, 0);
    assert!(once.merged_copies > 0);
    assert_eq!(drawn(&once) + once.merged_copies, drawn(&all));
    // Every merged copy is listed by exactly one drawn point, and is not drawn itself.
    let listed: Vec<_> = once
        .series
        .iter()
        .flat_map(|s| &s.points)
        .flat_map(|p| p.copies.iter().copied())
        .collect();
    assert_eq!(listed.len(), once.merged_copies);
    for id in &listed {
        assert!(
            !once
                .series
                .iter()
                .flat_map(|s| &s.points)
                .any(|p| p.stances.contains(id)),
            "a copy is also drawn"
        );
    }
    // The earliest report stands for the statement: 001 (25 February) before 000 (27 February).
    // (A statement may also be repeated inside one article: the lead and the quotation.)
    for p in once
        .series
        .iter()
        .flat_map(|s| &s.points)
        .filter(|p| !p.copies.is_empty())
    {
        assert!(c.doc(c.stance(p.stance).doc).path.starts_with("001"));
        assert!(
            p.copies
                .iter()
                .any(|id| c.doc(c.stance(*id).doc).path.starts_with("000"))
        );
    }
    // Filtering out 001 leaves 000's reports drawn: a copy is hidden only behind a visible one.
    let d001 = c.documents.iter().find(|d| d.path.starts_with("001")).unwrap().id;
    let mut without = flags.clone();
    without[d001.index()] = false;
    let only_000 = timeline_data_in(&c, &Selection::default(), &without, 50, false, SeriesMode::Pairs, true);
    assert_eq!(only_000.merged_copies, 0);
}

#[test]
fn series_past_the_cap_are_counted_not_drawn_and_their_events_still_count() {
    // The sample as it loads (two documents undated) and with those two dated.
    let plain = load_corpus_with(None, &LoadControl::default(), &Corrections::default()).unwrap();
    let dated = dated_sample();
    // The two cases the counts must hold in: events not on the axis, and copies merged.
    let hidden_all = |c: &Corpus| {
        let flags = vec![true; c.documents.len()];
        timeline_data_in(c, &Selection::default(), &flags, 0, false, SeriesMode::Pairs, true)
    };
    assert!(hidden_all(&plain).undated_events > 0);
    assert!(hidden_all(&dated).merged_copies > 0);
    for c in [plain, dated] {
        let flags = vec![true; c.documents.len()];
        for copies_once in [false, true] {
            let data = |max| {
                timeline_data_in(
                    &c,
                    &Selection::default(),
                    &flags,
                    max,
                    false,
                    SeriesMode::Pairs,
                    copies_once,
                )
            };
            let full = data(usize::MAX);
            assert!(full.series.len() > 2 && full.hidden_series == 0);
            for cap in 0..full.series.len() {
                let capped = data(cap);
                assert_eq!(
                    capped.series,
                    full.series[..cap],
                    "the first {cap} series, as drawn in full"
                );
                assert_eq!(capped.hidden_series, full.series.len() - cap);
                assert_eq!(capped.merged_copies, full.merged_copies, "cap {cap}");
                assert_eq!(capped.undated_events, full.undated_events, "cap {cap}");
            }
        }
    }
}

#[test]
fn the_timeline_says_how_many_copies_it_counted_once_and_the_checkbox_draws_them_all() {
    let app = StanceApp::with_corpus(dated_sample(), Settings::default());
    let mut h = common::app_harness(app, [1600.0, 1000.0], 4);
    assert!(h.query_by_label_contains("copies counted once").is_some());
    h.get_by_label("copies once").click();
    h.run_steps(4);
    assert!(!h.state().settings.count_copies_once);
    assert!(h.query_by_label_contains("copies counted once").is_none());
}
