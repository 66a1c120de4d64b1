//! The stance timeline as data ([`series`]) and as a picture for slides ([`svg`],
//! [`raster`]): the exported chart is drawn from the same series the app plots, with
//! its legend, axis labels and a caption saying what it shows. No GUI types here.

pub mod aggregate;
pub mod palette;
pub mod raster;
pub mod series;
pub mod svg;
pub mod text;
pub mod thin;

use crate::model::DatedPeriod;
use crate::model::{Corpus, days_since_epoch};
use palette::{Rgb, Shape};
use series::TimelineData;
use std::collections::BTreeSet;

/// One marker of an exported series.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartPoint {
    /// Days since 1970-01-01.
    pub x_day: f64,
    /// Mean score in [-1, 1].
    pub y: f64,
    /// Number of stance events the marker stands for (its size).
    pub events: usize,
    /// Date of low precision or confidence: drawn hollow.
    pub uncertain: bool,
    /// Half the width of the dated period (whiskers), in days.
    pub half_width_days: f64,
}

/// One actor→target series.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSeries {
    /// "Kazakhstan → China".
    pub label: String,
    /// The target's colour.
    pub color: Rgb,
    /// The actor's marker shape.
    pub shape: Shape,
    /// Markers, by date.
    pub points: Vec<ChartPoint>,
    /// The smoothed line through the periods, with its band, one run per stretch of
    /// consecutive periods (empty: no pooling).
    pub smooth: Vec<Vec<aggregate::SmoothPoint>>,
}

/// A reference event: a dashed vertical line with a label.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartEvent {
    /// Days since 1970-01-01.
    pub day: f64,
    /// Short label.
    pub label: String,
    /// Lower labels are placed first when space is short.
    pub priority: u8,
}

/// A pinned evidence quote drawn as a callout to a point.
#[derive(Debug, Clone, PartialEq)]
pub struct Callout {
    /// The point's date, days since 1970-01-01.
    pub x_day: f64,
    /// The point's score.
    pub y: f64,
    /// The quote (and whatever the user wrote).
    pub text: String,
}

/// Everything an exported timeline shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    /// Heading.
    pub title: String,
    /// Lines under the heading: corpus, filter, scale, date of export.
    pub caption: Vec<String>,
    /// Label under the date axis.
    pub x_label: String,
    /// Label beside the score axis.
    pub y_label: String,
    /// Score-axis ticks and their labels.
    pub y_ticks: Vec<(f64, String)>,
    /// Date range shown, days since 1970-01-01.
    pub x_range: (f64, f64),
    /// The series, in legend order.
    pub series: Vec<ChartSeries>,
    /// Reference events inside the range.
    pub events: Vec<ChartEvent>,
    /// Pinned quotes.
    pub callouts: Vec<Callout>,
    /// Line at the bottom (what the chart leaves out), if any.
    pub footnote: Option<String>,
}

/// What the caption says besides the data.
#[derive(Debug, Clone)]
pub struct ChartContext {
    /// Corpus name (folder name, or "sample corpus").
    pub corpus_name: String,
    /// The filter in words ("all documents", "mentioning Kazakhstan; not Russia").
    pub filter: String,
    /// Plotted by event date (else publication date).
    pub by_event_date: bool,
    /// Draw reference events.
    pub show_events: bool,
    /// Date range to show (else the data's, padded).
    pub x_range: Option<(f64, f64)>,
    /// Pairs or the alignment axis.
    pub mode: series::SeriesMode,
    /// Pooling period of the smoothed line.
    pub period: aggregate::Period,
    /// Copies of one statement count once.
    pub copies_once: bool,
    /// Date of the export, for the caption.
    pub exported_on: jiff::civil::Date,
}

/// The score axis' label (the scale's meaning).
pub const Y_LABEL: &str = "stance (−1 opposes … +1 supports)";

/// Label and tick labels of the y axis in `mode`: the scale's meaning, or the two poles.
pub fn y_axis(corpus: &Corpus, mode: series::SeriesMode) -> (String, Vec<(f64, String)>) {
    match mode {
        series::SeriesMode::Pairs => (
            Y_LABEL.into(),
            vec![
                (1.0, "+1 supports".into()),
                (0.5, "+0.5".into()),
                (0.0, "0 neutral".into()),
                (-0.5, "−0.5".into()),
                (-1.0, "−1 opposes".into()),
            ],
        ),
        series::SeriesMode::Alignment { pole_a, pole_b } => {
            let (a, b) = (&corpus.entity(pole_a).name, &corpus.entity(pole_b).name);
            (
                format!("alignment (−1 with {a} … +1 with {b})"),
                vec![
                    (1.0, format!("{b} +1")),
                    (0.5, "+0.5".into()),
                    (0.0, "0 between".into()),
                    (-0.5, "−0.5".into()),
                    (-1.0, format!("{a} −1")),
                ],
            )
        }
    }
}

/// Builds the chart of `data` (series in `hidden` left out) as the timeline shows it.
pub fn timeline_chart(
    corpus: &Corpus,
    data: &TimelineData,
    hidden: &BTreeSet<String>,
    ctx: &ChartContext,
    callouts: Vec<Callout>,
) -> ChartSpec {
    let series: Vec<ChartSeries> = data
        .series
        .iter()
        .enumerate()
        .filter(|(_, s)| !hidden.contains(&s.label))
        .map(|(i, s)| ChartSeries {
            label: s.label.clone(),
            color: palette::entity_color(s.color_entity.index(), &corpus.entity(s.color_entity).name),
            smooth: pooled_line(corpus, data, i, ctx.mode, ctx.period),
            shape: Shape::of_actor(s.actor.index()),
            points: s
                .points
                .iter()
                .map(|p| ChartPoint {
                    x_day: p.x,
                    y: p.y,
                    events: p.stances.len(),
                    uncertain: p.uncertain,
                    half_width_days: p.half_width_days,
                })
                .collect(),
        })
        .collect();
    let x_range = ctx.x_range.unwrap_or_else(|| data_range(&series));
    let events = if ctx.show_events {
        corpus
            .events
            .iter()
            .map(|e| ChartEvent {
                day: days_since_epoch(e.date),
                label: e.label.clone(),
                priority: series::event_priority(&e.category),
            })
            .filter(|e| e.day >= x_range.0 && e.day <= x_range.1)
            .collect()
    } else {
        Vec::new()
    };
    let n_events: usize = series.iter().flat_map(|s| &s.points).map(|p| p.events).sum();
    let (y_label, y_ticks) = y_axis(corpus, ctx.mode);
    let pooled = match ctx.period {
        aggregate::Period::None => String::new(),
        p => format!(
            " · line = mean by {} (3-period moving average weighted by evidence), band = its 95 % interval",
            p.label()
        ),
    };
    let mut left_out = Vec::new();
    if !data.undated_docs.is_empty() {
        left_out.push(format!(
            "{} undated document(s) with {} stance event(s) are not on the axis",
            data.undated_docs.len(),
            data.undated_events
        ));
    }
    let hidden_n = data.hidden_series + (data.series.len() - series.len());
    if hidden_n > 0 {
        left_out.push(format!("{hidden_n} smaller or hidden series not drawn"));
    }
    if data.merged_copies > 0 {
        left_out.push(format!(
            "{} further reports of the same statements (other outlets, translations) merged into the earliest",
            data.merged_copies
        ));
    }
    ChartSpec {
        title: "Stance timeline".into(),
        caption: vec![
            format!(
                "Corpus: {} · {} document(s) · filter: {}",
                ctx.corpus_name,
                corpus.documents.len(),
                ctx.filter
            ),
            format!(
                "{n_events} dated stance event(s) in {} series · marker = one document's mean, size = evidence, hollow = uncertain date{pooled}",
                series.len()
            ),
            format!(
                "{} · exported {} by Stance Explorer",
                scale_line(corpus, ctx.mode),
                ctx.exported_on
            ),
        ],
        x_label: if ctx.by_event_date {
            "event date (else publication date)".into()
        } else {
            "publication date".into()
        },
        y_label,
        y_ticks,
        x_range,
        series,
        events,
        callouts,
        footnote: (!left_out.is_empty()).then(|| left_out.join(" · ")),
    }
}

/// Largest vertical shift, in screen units, that [`dodge_markers`] gives a marker.
pub const DODGE_MAX_SHIFT_PX: f64 = 10.0;

/// New y positions for markers `(x, y, radius)` in screen units, so that none hides an
/// earlier one. A marker whose centre sits too close to an earlier marker's is moved
/// vertically, alternately up and down by up to [`DODGE_MAX_SHIFT_PX`]; its x (the date)
/// never moves, because a date is a fact the analyst reads off the axis, while a few pixels
/// of stance are well inside a score's uncertainty. When every candidate position is taken,
/// the marker goes where it is farthest from the others.
pub fn dodge_markers(markers: &[(f64, f64, f64)]) -> Vec<f64> {
    // Only an earlier marker nearer than its reach (a share of the larger radius) crowds a
    // position, and a position's crowding only matters below 1 (clear). So placed markers
    // sit in a grid of cells as wide as the largest reach, and a position looks only at its
    // own and the eight neighbouring cells.
    let r_max = markers.iter().map(|m| m.2).fold(1.0, f64::max);
    let cell = DODGE_REACH * r_max;
    let cell_of = |v: f64| (v / cell).floor() as i64;
    type Cell = Vec<(f64, f64, f64)>;
    let mut grid: crate::analysis::text::FastMap<(i64, i64), Cell> = Default::default();
    let mut out = Vec::with_capacity(markers.len());
    for &(x, y0, r) in markers {
        let step = r.clamp(3.0, DODGE_MAX_SHIFT_PX / 2.0);
        let cx = cell_of(x);
        // How close the nearest earlier marker's centre is, relative to what hides one,
        // squared and at most 1 (clear); as soon as it is at most `floor`, that value.
        let crowding = |y: f64, floor: f64| {
            let cy = cell_of(y);
            let mut worst = 1.0f64;
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    for (px, py, pr) in grid.get(&(gx, gy)).into_iter().flatten() {
                        let reach = pr.max(r) * DODGE_REACH;
                        let d2 = (px - x) * (px - x) + (py - y) * (py - y);
                        worst = worst.min(d2 / (reach * reach));
                        if worst <= floor {
                            return worst;
                        }
                    }
                }
            }
            worst
        };
        let mut best = (y0, crowding(y0, -1.0));
        for k in 1..=4u32 {
            if best.1 >= 1.0 {
                break;
            }
            let sign = if k % 2 == 1 { -1.0 } else { 1.0 };
            let y = y0 + sign * f64::from(k.div_ceil(2)) * step;
            // (A position no clearer than the best so far is dropped as soon as that shows.)
            let c = crowding(y, best.1);
            if c > best.1 {
                best = (y, c);
            }
        }
        grid.entry((cx, cell_of(best.0))).or_default().push((x, best.0, r));
        out.push(best.0);
    }
    out
}

/// How near, as a share of the larger of two markers' radii, one marker's centre must be to
/// another's to hide it ([`dodge_markers`]).
const DODGE_REACH: f64 = 0.6;

/// Where a callout box goes: its top-left corner and whether it sits right of its point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CalloutBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// The box is right of its point (the leader line meets its left side).
    pub right_of_point: bool,
}

/// Places callout boxes of `sizes` (w, h) for `points` (x, y) inside `frame`
/// (left, top, right, bottom), screen units: above and right of the point, or left of
/// it near the right edge, moved down until it overlaps no earlier box.
pub fn place_callouts(points: &[(f64, f64)], sizes: &[(f64, f64)], frame: (f64, f64, f64, f64)) -> Vec<CalloutBox> {
    const OFFSET_X: f64 = 24.0;
    const OFFSET_Y: f64 = 18.0;
    let (left, top, right, bottom) = frame;
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    let mut out = Vec::with_capacity(points.len());
    for (&(px, py), &(w, h)) in points.iter().zip(sizes) {
        let right_of_point = px + OFFSET_X + w <= right;
        let x = if right_of_point {
            px + OFFSET_X
        } else {
            (px - OFFSET_X - w).max(left + 2.0)
        };
        let overlaps = |y: f64| {
            placed
                .iter()
                .any(|(bx, by, bw, bh)| x < bx + bw && x + w > *bx && y < by + bh && y + h > *by)
        };
        let mut y = (py - h - OFFSET_Y).max(top + 2.0);
        for _ in 0..40 {
            if !overlaps(y) {
                break;
            }
            y += 12.0;
        }
        y = y.min(bottom - h - 2.0).max(top + 2.0);
        placed.push((x, y, w, h));
        out.push(CalloutBox { x, y, right_of_point });
    }
    out
}

/// Longest quote in a callout, in characters.
pub const CALLOUT_QUOTE_CHARS: usize = 150;

/// Callouts for the pinned `annotations` whose event is on the chart: the quote,
/// where it is from, and the analyst's note, at the event's marker.
pub fn callouts_for(
    corpus: &Corpus,
    data: &TimelineData,
    hidden: &BTreeSet<String>,
    annotations: &[crate::corrections::Annotation],
) -> Vec<Callout> {
    let mut out = Vec::new();
    for a in annotations {
        let found = data
            .series
            .iter()
            .filter(|s| !hidden.contains(&s.label))
            .filter(|s| corpus.entity(s.actor).name == a.actor && corpus.entity(s.target).name == a.target)
            .flat_map(|s| &s.points)
            .find_map(|p| {
                p.stances.iter().find_map(|id| {
                    let st = corpus.stance(*id);
                    (st.sentence_index() == a.sentence && corpus.doc(st.doc).path == a.document).then_some((p, *id))
                })
            });
        let Some((p, id)) = found else { continue };
        out.push(Callout {
            x_day: p.x,
            y: p.y,
            text: callout_text(corpus, id, &a.note),
        });
    }
    out
}

/// “Quote…” — outlet, date. Note.
pub fn callout_text(corpus: &Corpus, id: crate::model::StanceId, note: &str) -> String {
    let st = corpus.stance(id);
    let doc = corpus.doc(st.doc);
    let sentence = doc.sentence_display(st.sentence_index());
    let sentence = sentence.trim();
    let quote: String = if sentence.chars().count() > CALLOUT_QUOTE_CHARS {
        let cut: String = sentence.chars().take(CALLOUT_QUOTE_CHARS).collect();
        format!("{}…", cut.trim_end())
    } else {
        sentence.to_string()
    };
    let source = doc.outlet.clone().unwrap_or_else(|| doc.title.clone());
    let date = doc
        .date
        .as_ref()
        .map(|d| format!(", {}", d.value_string()))
        .unwrap_or_default();
    let mut text = format!("“{quote}” — {source}{date}");
    if !note.trim().is_empty() {
        text.push_str(&format!(" · {}", note.trim()));
    }
    text
}

/// What the y axis measures, in words, for the caption.
fn scale_line(corpus: &Corpus, mode: series::SeriesMode) -> String {
    match mode {
        series::SeriesMode::Pairs => "Scale: −1 opposes … +1 supports (CAMEO/Goldstein-anchored cues)".into(),
        series::SeriesMode::Alignment { pole_a, pole_b } => format!(
            "Alignment: a stance toward {b} counts with its score, one toward {a} negated (−1 = with {a}, +1 = with {b})",
            a = corpus.entity(pole_a).name,
            b = corpus.entity(pole_b).name
        ),
    }
}

/// The data's date range with some padding (a year up to today when empty).
pub fn data_range(series: &[ChartSeries]) -> (f64, f64) {
    padded_range(
        series
            .iter()
            .flat_map(|s| &s.points)
            .map(|p| (p.x_day - p.half_width_days, p.x_day + p.half_width_days)),
    )
}

/// The span of `(start, end)` day ranges, padded by 6 % (at least 30 days); the year
/// up to today when there are none. The plot and the exported chart both start from it.
pub fn padded_range(spans: impl Iterator<Item = (f64, f64)>) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::MAX, f64::MIN);
    for (a, b) in spans {
        lo = lo.min(a);
        hi = hi.max(b);
    }
    if lo > hi {
        let today = days_since_epoch(crate::analysis::today());
        (lo, hi) = (today - 365.0, today);
    }
    let pad = ((hi - lo) * 0.06).max(30.0);
    (lo - pad, hi + pad)
}

/// The smoothed line of `data`'s series `i` pooled by `period` (runs of consecutive
/// periods; empty without pooling). The plot and the exported chart both draw it.
pub fn pooled_line(
    corpus: &Corpus,
    data: &TimelineData,
    i: usize,
    mode: series::SeriesMode,
    period: aggregate::Period,
) -> Vec<Vec<aggregate::SmoothPoint>> {
    if period == aggregate::Period::None {
        return Vec::new();
    }
    aggregate::smooth(&aggregate::pool(&data.events_of(corpus, i, mode), period), 1)
}

#[cfg(test)]
mod tests {
    use super::dodge_markers;

    #[test]
    fn coincident_markers_move_apart_vertically_a_few_pixels_and_lone_ones_stay() {
        let markers = [
            (100.0, 50.0, 5.0),
            (100.0, 50.0, 5.0),
            (100.0, 50.0, 5.0),
            (300.0, 50.0, 5.0),
        ];
        let ys = dodge_markers(&markers);
        assert_eq!(ys[0], 50.0);
        assert!(ys[1] < 47.0, "the second moves up: {ys:?}");
        assert!(ys[2] > 53.0, "the third moves down: {ys:?}");
        assert_eq!(ys[3], 50.0, "a marker far away stays");
        for y in &ys {
            assert!((y - 50.0).abs() <= super::DODGE_MAX_SHIFT_PX, "bounded shift: {ys:?}");
        }
        let apart = dodge_markers(&[(100.0, 50.0, 5.0), (100.0, 80.0, 5.0)]);
        assert_eq!(apart, vec![50.0, 80.0], "different scores do not collide");
        // Ten markers on one spot: none moves further than the bound.
        let crowd = dodge_markers(&[(10.0, 10.0, 15.0); 10]);
        assert!(
            crowd.iter().all(|y| (y - 10.0).abs() <= super::DODGE_MAX_SHIFT_PX),
            "{crowd:?}"
        );
    }

    #[test]
    fn the_grid_dodge_agrees_with_checking_every_earlier_marker() {
        // The same rule written the slow way: every earlier marker, no grid.
        fn brute(markers: &[(f64, f64, f64)]) -> Vec<f64> {
            let mut placed: Vec<(f64, f64, f64)> = Vec::new();
            for &(x, y0, r) in markers {
                let step = r.clamp(3.0, super::DODGE_MAX_SHIFT_PX / 2.0);
                let crowding = |y: f64| {
                    placed
                        .iter()
                        .map(|(px, py, pr)| (px - x).hypot(py - y) / (pr.max(r) * super::DODGE_REACH))
                        .fold(f64::INFINITY, f64::min)
                };
                let mut best = (y0, crowding(y0));
                for k in 1..=4u32 {
                    if best.1 >= 1.0 {
                        break;
                    }
                    let y = y0 + if k % 2 == 1 { -1.0 } else { 1.0 } * f64::from(k.div_ceil(2)) * step;
                    let c = crowding(y);
                    if c > best.1 {
                        best = (y, c);
                    }
                }
                placed.push((x, best.0, r));
            }
            placed.into_iter().map(|p| p.1).collect()
        }
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |m: f64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 10_000) as f64 / 10_000.0 * m
        };
        // Dense: 1,500 markers on a 300×120 px patch, radii 5–15 px.
        let markers: Vec<(f64, f64, f64)> = (0..1500)
            .map(|_| ((next(30.0)).round() * 10.0, next(120.0).round(), 5.0 + next(10.0)))
            .collect();
        let fast = dodge_markers(&markers);
        let slow = brute(&markers);
        assert_eq!(fast.len(), slow.len());
        for (i, (a, b)) in fast.iter().zip(&slow).enumerate() {
            assert!((a - b).abs() < 1e-9, "marker {i}: grid {a}, brute force {b}");
        }
        assert!(
            fast.iter().zip(&markers).any(|(y, m)| (y - m.1).abs() > 0.1),
            "some markers moved"
        );
    }

    #[test]
    fn callout_boxes_stay_inside_and_never_overlap() {
        let frame = (0.0, 0.0, 600.0, 400.0);
        let points = [(100.0, 200.0), (110.0, 205.0), (590.0, 200.0)];
        let sizes = [(200.0, 50.0), (200.0, 50.0), (150.0, 40.0)];
        let boxes = super::place_callouts(&points, &sizes, frame);
        assert!(boxes[0].right_of_point && boxes[1].right_of_point);
        assert!(!boxes[2].right_of_point, "near the right edge the box goes left");
        for (b, (w, h)) in boxes.iter().zip(sizes) {
            assert!(b.x >= 0.0 && b.x + w <= 600.0 && b.y >= 0.0 && b.y + h <= 400.0);
        }
        let (a, b) = (boxes[0], boxes[1]);
        assert!(
            a.y + 50.0 <= b.y || b.y + 50.0 <= a.y,
            "the second box moved clear of the first"
        );
    }
}

/// The visible series as CSV rows: one row per marker, with the events behind it.
pub fn series_csv(corpus: &Corpus, data: &TimelineData, hidden: &BTreeSet<String>) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "actor",
        "target",
        "plotted_date",
        "publication_date",
        "date_source",
        "date_confidence",
        "score",
        "events",
        "document",
        "outlet",
        "sentence",
    ])?;
    for s in data.series.iter().filter(|s| !hidden.contains(&s.label)) {
        for p in &s.points {
            let st = corpus.stance(p.stance);
            let doc = corpus.doc(st.doc);
            let date = doc.date.as_ref();
            w.write_record([
                corpus.entity(s.actor).name.as_str(),
                corpus.entity(s.target).name.as_str(),
                &crate::model::date_from_epoch_days(p.x.round())
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                &date.map(|d| d.value_string()).unwrap_or_default(),
                date.map(|d| d.source.as_str()).unwrap_or(""),
                &date.map(|d| format!("{:.2}", d.confidence)).unwrap_or_default(),
                &format!("{:.3}", p.y),
                &p.stances.len().to_string(),
                &doc.path,
                doc.outlet.as_deref().unwrap_or(""),
                &doc.sentence_display(st.sentence_index()),
            ])?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// What an export writes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ExportFormat {
    /// The timeline chart as PNG at `scale` (1, 2 or 3).
    Png {
        /// Pixels per chart pixel.
        scale: f32,
    },
    /// The timeline chart as SVG.
    Svg,
    /// The visible markers and their evidence, one CSV row per marker.
    Csv,
    /// The visible documents and stance events in the `analyze` schema.
    Json,
}

impl ExportFormat {
    /// The format a file name asks for (`.png`, `.svg`, `.csv`, `.json`).
    pub fn from_path(path: &std::path::Path, scale: f32) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "png" => Some(ExportFormat::Png { scale }),
            "svg" => Some(ExportFormat::Svg),
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            _ => None,
        }
    }

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Png { .. } => "png",
            ExportFormat::Svg => "svg",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }
}

/// How to export the timeline for the current selection.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    /// Output format.
    pub format: ExportFormat,
    /// Chart size in (1x) pixels.
    pub size_px: (u32, u32),
    /// Caption and range.
    pub context: ChartContext,
    /// Largest number of series (as on screen).
    pub max_series: usize,
    /// Series switched off in the legend.
    pub hidden: BTreeSet<String>,
    /// Pinned quotes (drawn where their event is on the chart).
    pub annotations: Vec<crate::corrections::Annotation>,
}

/// Renders what the timeline shows for `selection` in `req.format`; the bytes to write.
pub fn export_timeline(
    corpus: &Corpus,
    selection: &crate::selection::Selection,
    req: &ExportRequest,
) -> Result<Vec<u8>, String> {
    let docs = selection.filtered_documents(corpus);
    let mut doc_visible = vec![false; corpus.documents.len()];
    for d in &docs {
        doc_visible[d.index()] = true;
    }
    let data = series::timeline_data_in(
        corpus,
        selection,
        &doc_visible,
        req.max_series,
        req.context.by_event_date,
        req.context.mode,
        req.context.copies_once,
    );
    match req.format {
        ExportFormat::Svg | ExportFormat::Png { .. } => {
            let callouts = callouts_for(corpus, &data, &req.hidden, &req.annotations);
            let spec = timeline_chart(corpus, &data, &req.hidden, &req.context, callouts);
            let svg = svg::render_svg(&spec, f64::from(req.size_px.0), f64::from(req.size_px.1));
            match req.format {
                ExportFormat::Png { scale } => raster::svg_to_png(&svg, scale)
                    .map(|(png, _, _)| png)
                    .map_err(|e| e.to_string()),
                _ => Ok(svg.into_bytes()),
            }
        }
        ExportFormat::Csv => series_csv(corpus, &data, &req.hidden)
            .map(String::into_bytes)
            .map_err(|e| e.to_string()),
        ExportFormat::Json => {
            let stance_visible: Vec<bool> = (0..corpus.stances.len())
                .map(|i| selection.stance_visible(corpus, crate::model::StanceId(i as u32), &doc_visible))
                .collect();
            Ok(crate::export::Export::subset(corpus, &doc_visible, &stance_visible)
                .to_json()
                .into_bytes())
        }
    }
}
