//! Pure data for the stance timeline: series, points, undated documents, date ticks.
//! No `Ui` here, so it is unit-tested directly.

use crate::analysis::text::FastMap;
use crate::model::DatedPeriod;
use crate::model::{Corpus, DatePrecision, DocId, EntityId, StanceId, date_from_epoch_days, days_since_epoch};
use crate::selection::Selection;

/// One plotted point: the stance events of one pair in one document, at the
/// document's date (the mean score; the marker grows with the evidence).
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    /// Days since 1970-01-01 (middle of the dated period).
    pub x: f64,
    /// Mean score of the events.
    pub y: f64,
    /// The first event (what hover and click show).
    pub stance: StanceId,
    /// All events of this pair in this document.
    pub stances: Vec<StanceId>,
    /// Date is of low precision or confidence.
    pub uncertain: bool,
    /// Half the width of the dated period, in days (for whiskers).
    pub half_width_days: f64,
    /// Other reports of these events' statements (syndicated or translated copies) that are
    /// counted once, here, rather than drawn as points of their own.
    pub copies: Vec<StanceId>,
}

/// All events of one actor→target pair, or of one actor on the alignment axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Actor.
    pub actor: EntityId,
    /// Target (on the alignment axis: the second pole).
    pub target: EntityId,
    /// "Kazakhstan → China", or "Kazakhstan (Russia ↔ Ukraine)".
    pub label: String,
    /// The entity whose colour the series takes (target; on the alignment axis, the actor).
    pub color_entity: EntityId,
    /// Points sorted by date.
    pub points: Vec<SeriesPoint>,
}

/// What the timeline's series are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SeriesMode {
    /// One series per actor → target pair; y = the stance score.
    #[default]
    Pairs,
    /// One series per actor; y = how close to each pole: a stance toward `pole_b`
    /// counts with its score, one toward `pole_a` with its score negated, so
    /// supporting A or opposing B is −1 (A's side) and supporting B or opposing A is +1.
    Alignment {
        /// The pole at −1 (default Russia).
        pole_a: EntityId,
        /// The pole at +1 (default Ukraine).
        pole_b: EntityId,
    },
}

/// What the timeline shows for the current filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineData {
    /// Series, largest first, at most the requested number.
    pub series: Vec<Series>,
    /// Series left out by the limit.
    pub hidden_series: usize,
    /// Visible events whose document has no date.
    pub undated_events: usize,
    /// Visible documents without a date.
    pub undated_docs: Vec<DocId>,
    /// Visible events left out as copies of a statement already counted (see
    /// [`SeriesPoint::copies`]).
    pub merged_copies: usize,
}

impl TimelineData {
    /// The (day, signed score) of every event behind series `i`'s points, for pooling by period.
    pub fn events_of(&self, corpus: &Corpus, i: usize, mode: SeriesMode) -> Vec<(f64, f64)> {
        let s = &self.series[i];
        s.points
            .iter()
            .flat_map(|p| p.stances.iter().map(move |id| (p.x, signed_score(corpus, *id, mode))))
            .collect()
    }
}

/// A stance's value on the y axis of `mode`.
pub fn signed_score(corpus: &Corpus, id: StanceId, mode: SeriesMode) -> f64 {
    let s = corpus.stance(id);
    match mode {
        SeriesMode::Alignment { pole_a, .. } if s.target == pole_a => -f64::from(s.score),
        _ => f64::from(s.score),
    }
}

/// Builds the series for `selection` over the visible documents, every report of a statement
/// drawn (see [`timeline_data_in`] to count copies once).
pub fn timeline_data(
    corpus: &Corpus,
    selection: &Selection,
    doc_visible: &[bool],
    max_series: usize,
    event_dates: bool,
) -> TimelineData {
    timeline_data_in(
        corpus,
        selection,
        doc_visible,
        max_series,
        event_dates,
        SeriesMode::Pairs,
        false,
    )
}

/// Events of one future series: (actor, target), colour entity, events.
type Group<'c> = ((EntityId, EntityId), EntityId, std::borrow::Cow<'c, [StanceId]>);

/// The legend label of the series of `mode` keyed (`actor`, `target`).
fn series_label(corpus: &Corpus, mode: SeriesMode, actor: EntityId, target: EntityId) -> String {
    match mode {
        SeriesMode::Pairs => format!("{} → {}", corpus.entity(actor).name, corpus.entity(target).name),
        SeriesMode::Alignment { pole_a, pole_b } => format!(
            "{} ({} ↔ {})",
            corpus.entity(actor).name,
            corpus.entity(pole_a).name,
            corpus.entity(pole_b).name
        ),
    }
}

/// Builds the series of `mode` for `selection` over the visible documents. With
/// `copies_once`, the copies of one statement ([`StanceEvent::statement`]) count once: the
/// earliest visible report is drawn, and lists the others.
///
/// [`StanceEvent::statement`]: crate::model::StanceEvent::statement
#[allow(clippy::too_many_arguments)]
pub fn timeline_data_in(
    corpus: &Corpus,
    selection: &Selection,
    doc_visible: &[bool],
    max_series: usize,
    event_dates: bool,
    mode: SeriesMode,
    copies_once: bool,
) -> TimelineData {
    let mut data = TimelineData::default();
    // (key actor, key target) → (colour entity, events), in the pair index's order.
    let mut groups: Vec<Group> = Vec::new();
    match mode {
        SeriesMode::Pairs => {
            for ((actor, target), ids) in &corpus.index.pairs {
                groups.push(((*actor, *target), *target, std::borrow::Cow::Borrowed(ids)));
            }
        }
        SeriesMode::Alignment { pole_a, pole_b } => {
            let mut by_actor: std::collections::BTreeMap<EntityId, Vec<StanceId>> = Default::default();
            for ((actor, target), ids) in &corpus.index.pairs {
                if (*target == pole_a || *target == pole_b) && *actor != pole_a && *actor != pole_b {
                    by_actor.entry(*actor).or_default().extend(ids.iter().copied());
                }
            }
            let mut v: Vec<_> = by_actor.into_iter().collect();
            // Most evidence first, as the pair index is.
            v.sort_by_key(|(a, ids)| (std::cmp::Reverse(ids.len()), *a));
            for (actor, mut ids) in v {
                ids.sort();
                groups.push(((actor, pole_b), actor, std::borrow::Cow::Owned(ids)));
            }
        }
    }
    // Each document's plotted day, converted once and only when needed (converting a date
    // costs more than the rest of an event).
    let doc_days: Vec<std::cell::OnceCell<Option<f64>>> = vec![std::cell::OnceCell::new(); corpus.documents.len()];
    // The plotted date: the event's, or its document's. (Whether it is uncertain and how wide
    // its period is are asked only when it starts a marker.)
    let plotted_date = |id: StanceId| {
        let s = corpus.stance(id);
        match (event_dates, &s.event_date) {
            (true, Some(e)) => Some(&**e as &dyn DatedPeriod),
            _ => corpus.doc(s.doc).date.as_ref().map(|d| d as &dyn DatedPeriod),
        }
    };
    let plotted_day = |id: StanceId| {
        let s = corpus.stance(id);
        match (event_dates, &s.event_date) {
            (true, Some(d)) => Some(d.plot_day()),
            _ => *doc_days[s.doc.index()].get_or_init(|| corpus.doc(s.doc).date.as_ref().map(|d| d.plot_day())),
        }
    };
    for ((actor, target), color_entity, ids) in groups {
        // A series past `max_series` is not drawn, only counted (and its events still count
        // as copies or as undated): its markers are not built.
        let drawn = data.series.len() < max_series;
        let mut points: Vec<SeriesPoint> = Vec::new();
        let mut any_point = false;
        let mut marker_of: FastMap<(crate::model::DocId, u64), usize> = Default::default();
        let visible: Vec<StanceId> = ids
            .iter()
            .copied()
            .filter(|id| selection.stance_visible(corpus, *id, doc_visible))
            .collect();
        // Statement → the report that stands for it (earliest plotted date, then lowest id).
        let mut rep: FastMap<u32, (f64, StanceId)> = Default::default();
        if copies_once {
            for id in &visible {
                let Some(n) = corpus.stance(*id).statement else {
                    continue;
                };
                let key = (plotted_day(*id).unwrap_or(f64::INFINITY), *id);
                rep.entry(n)
                    .and_modify(|r| {
                        if key.0 < r.0 || (key.0 == r.0 && key.1 < r.1) {
                            *r = key;
                        }
                    })
                    .or_insert(key);
            }
        }
        // Representative → the copies it stands for, each pushed once.
        let mut copies_of: FastMap<StanceId, Vec<StanceId>> = Default::default();
        for id in &visible {
            let s = corpus.stance(*id);
            if let Some((_, r)) = s.statement.and_then(|n| rep.get(&n))
                && r != id
            {
                data.merged_copies += 1;
                if drawn {
                    copies_of.entry(*r).or_default().push(*id);
                }
                continue;
            }
            let Some(x) = plotted_day(*id) else {
                data.undated_events += 1;
                continue;
            };
            any_point = true;
            if !drawn {
                continue;
            }
            let score = signed_score(corpus, *id, mode);
            // (document, day) → marker, so grouping stays linear in the number of events.
            match marker_of.get(&(s.doc, x.to_bits())) {
                Some(&i) => {
                    let p = &mut points[i];
                    let n = p.stances.len() as f64;
                    p.y = (p.y * n + score) / (n + 1.0);
                    p.stances.push(*id);
                }
                None => {
                    let d = plotted_date(*id).expect("an event with a plotted day has a plotted date");
                    marker_of.insert((s.doc, x.to_bits()), points.len());
                    points.push(SeriesPoint {
                        x,
                        y: score,
                        stance: *id,
                        stances: vec![*id],
                        uncertain: d.is_uncertain(),
                        half_width_days: d.uncertainty_days(),
                        copies: Vec::new(),
                    });
                }
            }
        }
        if !any_point {
            continue;
        }
        if !drawn {
            data.hidden_series += 1;
            continue;
        }
        if !copies_of.is_empty() {
            for p in &mut points {
                for id in &p.stances {
                    if let Some(c) = copies_of.remove(id) {
                        p.copies.extend(c);
                        p.copies.sort_unstable();
                    }
                }
            }
        }
        points.sort_by(|a, b| a.x.total_cmp(&b.x));
        data.series.push(Series {
            actor,
            target,
            label: series_label(corpus, mode, actor, target),
            color_entity,
            points,
        });
    }
    data.undated_docs = corpus
        .documents
        .iter()
        .filter(|d| d.date.is_none() && doc_visible.get(d.id.index()).copied().unwrap_or(false))
        .map(|d| d.id)
        .collect();
    data
}

/// A date-axis tick: position, step (for grid thickness) and label.
#[derive(Debug, Clone, PartialEq)]
pub struct DateTick {
    /// Days since 1970-01-01.
    pub day: f64,
    /// Approximate days to the next tick.
    pub step_days: f64,
}

/// Ticks at calendar boundaries for the visible range, no more than `max_ticks`.
pub fn date_ticks(min_day: f64, max_day: f64, max_ticks: usize) -> Vec<DateTick> {
    let span = (max_day - min_day).max(1.0);
    let steps: [(f64, u32, u32); 10] = [
        // (approx days, months per step, days per step)
        (1.0, 0, 1),
        (7.0, 0, 7),
        (30.4, 1, 0),
        (91.3, 3, 0),
        (182.6, 6, 0),
        (365.25, 12, 0),
        (730.5, 24, 0),
        (1826.0, 60, 0),
        (3652.0, 120, 0),
        (36525.0, 1200, 0),
    ];
    let max_ticks = max_ticks.max(2) as f64;
    let (approx, months, days) = *steps
        .iter()
        .find(|(d, _, _)| span / d <= max_ticks)
        .unwrap_or(&steps[9]);
    let (Some(start), Some(_)) = (date_from_epoch_days(min_day), date_from_epoch_days(max_day)) else {
        return Vec::new();
    };
    let mut ticks = Vec::new();
    if months == 0 {
        let mut d = min_day.floor();
        if days == 7 {
            // Align weeks to Mondays.
            let offset = (start.weekday().to_monday_zero_offset()) as f64;
            d -= offset;
        }
        while d <= max_day && ticks.len() < 1000 {
            if d >= min_day {
                ticks.push(DateTick {
                    day: d,
                    step_days: approx,
                });
            }
            d += f64::from(days);
        }
        return ticks;
    }
    let total_months = i32::from(start.year()) * 12 + i32::from(start.month()) - 1;
    let mut m = total_months - total_months.rem_euclid(months as i32);
    loop {
        let (y, mo) = (m.div_euclid(12), m.rem_euclid(12) + 1);
        let Ok(date) = jiff::civil::Date::new(y as i16, mo as i8, 1) else {
            break;
        };
        let day = days_since_epoch(date);
        if day > max_day || ticks.len() >= 1000 {
            break;
        }
        if day >= min_day {
            ticks.push(DateTick { day, step_days: approx });
        }
        m += months as i32;
    }
    ticks
}

/// Label for a tick, by step: "2022", "Mar 2022", "2 Mar 2022".
pub fn tick_label(day: f64, step_days: f64) -> String {
    let Some(d) = date_from_epoch_days(day.round()) else {
        return String::new();
    };
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][(d.month() - 1) as usize];
    if step_days >= 360.0 {
        format!("{}", d.year())
    } else if step_days >= 28.0 {
        format!("{month} {}", d.year())
    } else {
        format!("{} {month} {}", d.day(), d.year())
    }
}

/// Places labels of width `w` at screen x positions without overlap, in up to
/// `rows` rows; lower `priority` values are placed first. Returns each label's row
/// (or `None`: not drawn, its line stays and its hover text tells).
pub fn place_labels(items: &[(f32, f32, u8)], rows: usize, gap_px: f32) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&i| (items[i].2, i));
    let mut taken: Vec<Vec<(f32, f32)>> = vec![Vec::new(); rows];
    let mut out = vec![None; items.len()];
    for i in order {
        let (x, w, _) = items[i];
        let span = (x, x + w + gap_px);
        if let Some(row) = (0..rows).find(|r| taken[*r].iter().all(|(a, b)| span.1 <= *a || span.0 >= *b)) {
            taken[row].push(span);
            out[i] = Some(row);
        }
    }
    out
}

/// Label priority of a reference event category (lower is drawn first).
pub fn event_priority(category: &str) -> u8 {
    match category {
        "war" => 0,
        "un_vote" => 1,
        "diplomacy" => 2,
        "sanctions" => 3,
        _ => 4,
    }
}

/// A date for hover text: "2022-03-02", "2022-03", "2022".
pub fn precision_label(p: DatePrecision) -> &'static str {
    match p {
        DatePrecision::Day => "day",
        DatePrecision::Month => "month only",
        DatePrecision::Year => "year only",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> f64 {
        days_since_epoch(jiff::civil::date(y, m, day))
    }

    #[test]
    fn events_of_one_pair_in_one_document_share_a_marker() {
        let corpus =
            crate::analysis::load_corpus_with(None, &crate::ingest::LoadControl::default(), &Default::default())
                .unwrap();
        let flags = vec![true; corpus.documents.len()];
        let data = timeline_data(&corpus, &Selection::default(), &flags, 50, false);
        let dated_events: usize = corpus
            .stances
            .iter()
            .filter(|s| corpus.doc(s.doc).date.is_some())
            .count();
        let plotted: usize = data
            .series
            .iter()
            .flat_map(|s| &s.points)
            .map(|p| p.stances.len())
            .sum();
        assert_eq!(plotted, dated_events);
        assert_eq!(data.undated_events, corpus.stances.len() - dated_events);
        for s in &data.series {
            let mut docs: Vec<_> = s.points.iter().map(|p| corpus.stance(p.stance).doc).collect();
            let n = docs.len();
            docs.dedup();
            assert_eq!(docs.len(), n, "one marker per document in {}", s.label);
            for p in &s.points {
                let mean = p
                    .stances
                    .iter()
                    .map(|id| f64::from(corpus.stance(*id).score))
                    .sum::<f64>()
                    / p.stances.len() as f64;
                assert!((p.y - mean).abs() < 1e-9);
            }
        }
        assert_eq!(
            data.undated_docs.len(),
            corpus.documents.iter().filter(|d| d.date.is_none()).count()
        );
    }

    #[test]
    fn ticks_follow_the_zoom_level() {
        let years = date_ticks(d(2014, 1, 1), d(2024, 12, 31), 12);
        let labels: Vec<String> = years.iter().map(|t| tick_label(t.day, t.step_days)).collect();
        assert_eq!(labels.first().map(String::as_str), Some("2014"));
        assert!(labels.len() <= 12 && labels.len() >= 5, "{labels:?}");
        let months = date_ticks(d(2022, 1, 15), d(2022, 7, 1), 8);
        let labels: Vec<String> = months.iter().map(|t| tick_label(t.day, t.step_days)).collect();
        assert_eq!(
            labels,
            ["Feb 2022", "Mar 2022", "Apr 2022", "May 2022", "Jun 2022", "Jul 2022"]
        );
        let days = date_ticks(d(2022, 3, 1), d(2022, 3, 4), 10);
        let labels: Vec<String> = days.iter().map(|t| tick_label(t.day, t.step_days)).collect();
        assert_eq!(labels, ["1 Mar 2022", "2 Mar 2022", "3 Mar 2022", "4 Mar 2022"]);
    }

    #[test]
    fn labels_never_overlap() {
        let items = [(0.0, 50.0, 2), (20.0, 50.0, 0), (45.0, 50.0, 1), (200.0, 30.0, 3)];
        let rows = place_labels(&items, 2, 4.0);
        assert_eq!(rows[1], Some(0), "the war event goes first");
        assert_eq!(rows[3], Some(0));
        let mut placed: Vec<(f32, f32, usize)> = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            if let Some(r) = r {
                let (x, w, _) = items[i];
                assert!(
                    placed.iter().all(|(a, b, row)| *row != *r || x + w <= *a || x >= *b),
                    "overlap at {i}"
                );
                placed.push((x, x + w, *r));
            }
        }
        assert!(
            rows.iter().filter(|r| r.is_none()).count() >= 1,
            "one of three crowded labels is dropped with two rows"
        );
    }

    #[test]
    fn degenerate_ranges_do_not_panic() {
        assert!(date_ticks(f64::NAN, f64::NAN, 5).is_empty());
        assert!(date_ticks(1e12, 1e12 + 1.0, 5).is_empty());
        assert_eq!(date_ticks(100.0, 100.0, 5).len(), 1);
    }
}
