//! What the timeline draws for its markers, trend lines and date whiskers, computed once per
//! data and plot transform: coincident markers moved apart when there are few, and, when
//! there are many, thinned to what the pixels can show ([`crate::chart::thin`]), so a frame's
//! work is bounded by the screen rather than by the number of events.

use crate::app::theme;
use crate::chart::series::TimelineData;
use crate::model::StanceId;
use egui_plot::{PlotPoint, PlotTransform};

/// Above this many markers, coincident ones are not moved apart but thinned per pixel.
pub const DODGE_MAX_MARKERS: usize = 2000;

/// Markers of one look: (uncertain date, size in quarter radii) and their plot positions.
pub type MarkerGroup = ((bool, u8), Vec<[f64; 2]>);

/// What one series draws.
#[derive(Debug, Clone, Default)]
pub struct SeriesMarks {
    /// The trend line's vertices (plot coordinates).
    pub trend: Vec<[f64; 2]>,
    /// Date-range whiskers: left and right end (plot coordinates).
    pub whiskers: Vec<[[f64; 2]; 2]>,
    /// Markers per (uncertain date, size in quarter radii): their plot positions.
    pub groups: Vec<MarkerGroup>,
    /// Each drawn marker's event (what hover and click show) and plot position.
    pub picks: Vec<(StanceId, [f64; 2])>,
}

/// What every series draws, parallel to [`TimelineData::series`].
#[derive(Debug, Clone, Default)]
pub struct MarkerLayout {
    /// Per series.
    pub series: Vec<SeriesMarks>,
    /// Markers the data has, and markers drawn (fewer when thinned).
    pub total: usize,
    /// Markers drawn.
    pub drawn: usize,
}

/// What a layout depends on: the data (its cache key) and the plot's bounds and frame in
/// the last frame (as bits, so equal transforms compare equal).
pub type LayoutKey = (u64, Option<[u64; 8]>);

/// The part of a plot transform that marker positions depend on.
pub fn transform_key(t: &PlotTransform) -> [u64; 8] {
    let (b, f) = (t.bounds(), t.frame());
    [
        b.min()[0].to_bits(),
        b.min()[1].to_bits(),
        b.max()[0].to_bits(),
        b.max()[1].to_bits(),
        f64::from(f.min.x).to_bits(),
        f64::from(f.min.y).to_bits(),
        f64::from(f.max.x).to_bits(),
        f64::from(f.max.y).to_bits(),
    ]
}

/// A marker's size in quarter radii (1 event: 4; grows with the square root, up to 12).
fn size4(events: usize) -> u8 {
    ((events as f32).sqrt().min(3.0) * 4.0).round() as u8
}

/// The layout of `data` under `transform` (the last frame's; `None` on the first frame).
pub fn marker_layout(data: &TimelineData, transform: Option<&PlotTransform>) -> MarkerLayout {
    let total: usize = data.series.iter().map(|s| s.points.len()).sum();
    let mut layout = if total <= DODGE_MAX_MARKERS {
        dodged(data, transform)
    } else {
        thinned(data, transform)
    };
    layout.total = total;
    layout.drawn = layout.series.iter().map(|s| s.picks.len()).sum();
    layout
}

/// Every marker, coincident ones moved up or down a few pixels so none hides another.
fn dodged(data: &TimelineData, transform: Option<&PlotTransform>) -> MarkerLayout {
    let mut coords: Vec<Vec<[f64; 2]>> = data
        .series
        .iter()
        .map(|s| s.points.iter().map(|p| [p.x, p.y]).collect())
        .collect();
    if let Some(t) = transform {
        let flat: Vec<(f64, f64, f64)> = data
            .series
            .iter()
            .flat_map(|s| &s.points)
            .map(|p| {
                let sp = t.position_from_point(&PlotPoint::new(p.x, p.y));
                let radius = theme::MARKER_RADIUS * f32::from(size4(p.stances.len())) / 4.0;
                (f64::from(sp.x), f64::from(sp.y), f64::from(radius))
            })
            .collect();
        let ys = crate::chart::dodge_markers(&flat);
        for (xy, ((sx, sy, _), dy)) in coords.iter_mut().flatten().zip(flat.iter().zip(ys)) {
            if (dy - sy).abs() > 0.1 {
                xy[1] = t.value_from_position(egui::pos2(*sx as f32, dy as f32)).y;
            }
        }
    }
    let series = data
        .series
        .iter()
        .zip(coords)
        .map(|(s, xy)| {
            let keep: Vec<usize> = (0..s.points.len()).collect();
            marks(s, &xy, &keep, xy.clone(), &keep)
        })
        .collect();
    MarkerLayout {
        series,
        ..Default::default()
    }
}

/// Markers thinned to one per pixel and look, trend lines to each pixel column's extremes.
fn thinned(data: &TimelineData, transform: Option<&PlotTransform>) -> MarkerLayout {
    // Without a transform yet (the first frame), a stand-in screen: the data's date range
    // over 2,000 columns and the score range over 600 rows.
    let (lo, hi) = data
        .series
        .iter()
        .flat_map(|s| &s.points)
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
            (lo.min(p.x), hi.max(p.x))
        });
    let day_px = 2000.0 / (hi - lo).max(1.0);
    let to_screen = |x: f64, y: f64| -> (f64, f64) {
        match transform {
            Some(t) => {
                let p = t.position_from_point(&PlotPoint::new(x, y));
                (f64::from(p.x), f64::from(p.y))
            }
            None => ((x - lo) * day_px, -y * 250.0),
        }
    };
    let series = data
        .series
        .iter()
        .map(|s| {
            let xy: Vec<[f64; 2]> = s.points.iter().map(|p| [p.x, p.y]).collect();
            let screen: Vec<(f64, f64)> = xy.iter().map(|[x, y]| to_screen(*x, *y)).collect();
            let looks: Vec<(f64, f64, u8)> = s
                .points
                .iter()
                .zip(&screen)
                .map(|(p, (sx, sy))| (*sx, *sy, size4(p.stances.len()) | (u8::from(p.uncertain) << 7)))
                .collect();
            let keep = crate::chart::thin::thin_markers(&looks);
            let line = crate::chart::thin::thin_polyline(&screen);
            let trend = line.iter().map(|&i| xy[i]).collect();
            // Whiskers drawn once per pixel span.
            let mut spans = std::collections::HashSet::new();
            let whisker_of: Vec<usize> = s
                .points
                .iter()
                .enumerate()
                .filter(|(_, p)| p.half_width_days > 0.0)
                .filter(|(i, p)| {
                    let left = to_screen(p.x - p.half_width_days, p.y).0.round() as i64;
                    let right = to_screen(p.x + p.half_width_days, p.y).0.round() as i64;
                    spans.insert((left, right, screen[*i].1.round() as i64))
                })
                .map(|(i, _)| i)
                .collect();
            marks(s, &xy, &keep, trend, &whisker_of)
        })
        .collect();
    MarkerLayout {
        series,
        ..Default::default()
    }
}

/// The marks of series `s` whose points sit at `xy`, drawing the points `keep` and the
/// whiskers of the points `whisker_of`.
fn marks(
    s: &crate::chart::series::Series,
    xy: &[[f64; 2]],
    keep: &[usize],
    trend: Vec<[f64; 2]>,
    whisker_of: &[usize],
) -> SeriesMarks {
    let mut groups: std::collections::BTreeMap<(bool, u8), Vec<[f64; 2]>> = Default::default();
    let mut picks = Vec::with_capacity(keep.len());
    for &i in keep {
        let p = &s.points[i];
        groups
            .entry((p.uncertain, size4(p.stances.len())))
            .or_default()
            .push(xy[i]);
        picks.push((p.stance, xy[i]));
    }
    let whiskers = whisker_of
        .iter()
        .map(|&i| (&s.points[i], xy[i]))
        .filter(|(p, _)| p.half_width_days > 0.0)
        .map(|(p, [x, y])| [[x - p.half_width_days, y], [x + p.half_width_days, y]])
        .collect();
    SeriesMarks {
        trend,
        whiskers,
        groups: groups.into_iter().collect(),
        picks,
    }
}
