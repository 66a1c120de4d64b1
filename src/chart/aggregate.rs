//! Pooling a series by calendar period (week, month, quarter, year) into a mean with
//! a 95 % band, and the smoothed line drawn through the periods. Pure arithmetic on
//! (day, score) pairs, so every number on the plot can be recomputed by hand.

use crate::model::{date_from_epoch_days, days_since_epoch};
use serde::{Deserialize, Serialize};

/// Period over which stance events are pooled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// No pooling: one marker per document.
    #[default]
    None,
    /// Calendar weeks, Monday to Sunday.
    Week,
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
    /// Calendar years.
    Year,
}

impl Period {
    /// All choices, in menu order.
    pub const ALL: [Period; 5] = [Period::None, Period::Week, Period::Month, Period::Quarter, Period::Year];

    /// Name in menus and captions.
    pub fn label(self) -> &'static str {
        match self {
            Period::None => "none",
            Period::Week => "week",
            Period::Month => "month",
            Period::Quarter => "quarter",
            Period::Year => "year",
        }
    }

    /// First day of the period holding `day` and first day of the next one (days since 1970-01-01).
    pub fn bounds(self, day: f64) -> Option<(f64, f64)> {
        let d = date_from_epoch_days(day.floor())?;
        let months = match self {
            Period::None => return None,
            Period::Week => {
                let start = day.floor() - f64::from(d.weekday().to_monday_zero_offset());
                return Some((start, start + 7.0));
            }
            Period::Month => 1,
            Period::Quarter => 3,
            Period::Year => 12,
        };
        let m0 = (i32::from(d.month()) - 1) / months * months;
        let start = jiff::civil::Date::new(d.year(), (m0 + 1) as i8, 1).ok()?;
        let next = start.checked_add(jiff::Span::new().months(i64::from(months))).ok()?;
        Some((days_since_epoch(start), days_since_epoch(next)))
    }
}

/// One period of a pooled series.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodPoint {
    /// First day of the period (days since 1970-01-01).
    pub start_day: f64,
    /// First day of the next period.
    pub end_day: f64,
    /// Mean score of the period's events.
    pub mean: f64,
    /// 95 % interval of the mean (mean ± 1.96 standard errors, within [-1, 1]);
    /// a single event has no interval (both ends are its score).
    pub band: (f64, f64),
    /// Number of events pooled.
    pub events: usize,
}

impl PeriodPoint {
    /// Middle of the period.
    pub fn mid_day(&self) -> f64 {
        (self.start_day + self.end_day) / 2.0
    }
}

/// Pools `(day, score)` events by `period`; periods without events are left out.
pub fn pool(events: &[(f64, f64)], period: Period) -> Vec<PeriodPoint> {
    let mut groups: std::collections::BTreeMap<i64, (f64, f64, Vec<f64>)> = Default::default();
    for &(day, score) in events {
        let Some((start, end)) = period.bounds(day) else {
            continue;
        };
        groups
            .entry(start as i64)
            .or_insert_with(|| (start, end, Vec::new()))
            .2
            .push(score);
    }
    groups
        .into_values()
        .map(|(start_day, end_day, scores)| {
            let n = scores.len() as f64;
            let mean = scores.iter().sum::<f64>() / n;
            let band = if scores.len() > 1 {
                let var = scores.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / (n - 1.0);
                let half = 1.96 * (var / n).sqrt();
                ((mean - half).max(-1.0), (mean + half).min(1.0))
            } else {
                (mean, mean)
            };
            PeriodPoint {
                start_day,
                end_day,
                mean,
                band,
                events: scores.len(),
            }
        })
        .collect()
}

/// A point of the smoothed line: (day, value, band low, band high).
pub type SmoothPoint = (f64, f64, f64, f64);

/// Centred moving average over each period and its calendar neighbours (up to
/// `half_window` periods each side, only those that have events), weighted by their
/// number of events; the band is averaged the same way. The line breaks where a
/// period without events lies between two with events: one run per stretch of
/// consecutive periods. A run of one period is drawn across that period.
pub fn smooth(points: &[PeriodPoint], half_window: usize) -> Vec<Vec<SmoothPoint>> {
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    for i in 1..=points.len() {
        if i == points.len() || points[i].start_day != points[i - 1].end_day {
            runs.push(start..i);
            start = i;
        }
    }
    runs.into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| {
            let avg_at = |i: usize| {
                let lo = i.saturating_sub(half_window).max(r.start);
                let hi = (i + half_window).min(r.end - 1);
                let w: f64 = points[lo..=hi].iter().map(|p| p.events as f64).sum();
                let avg = |f: &dyn Fn(&PeriodPoint) -> f64| {
                    points[lo..=hi].iter().map(|p| f(p) * p.events as f64).sum::<f64>() / w
                };
                (avg(&|p| p.mean), avg(&|p| p.band.0), avg(&|p| p.band.1))
            };
            if r.len() == 1 {
                let p = &points[r.start];
                let (m, lo, hi) = avg_at(r.start);
                vec![(p.start_day, m, lo, hi), (p.end_day, m, lo, hi)]
            } else {
                r.clone()
                    .map(|i| {
                        let (m, lo, hi) = avg_at(i);
                        (points[i].mid_day(), m, lo, hi)
                    })
                    .collect()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i16, m: i8, d: i8) -> f64 {
        days_since_epoch(jiff::civil::date(y, m, d))
    }

    #[test]
    fn periods_have_calendar_bounds() {
        let (s, e) = Period::Month.bounds(day(2022, 3, 18)).unwrap();
        assert_eq!((s, e), (day(2022, 3, 1), day(2022, 4, 1)));
        let (s, e) = Period::Quarter.bounds(day(2022, 8, 31)).unwrap();
        assert_eq!((s, e), (day(2022, 7, 1), day(2022, 10, 1)));
        let (s, e) = Period::Year.bounds(day(2014, 12, 31)).unwrap();
        assert_eq!((s, e), (day(2014, 1, 1), day(2015, 1, 1)));
        // 2022-02-24 was a Thursday: its week starts on Monday 21 February.
        let (s, e) = Period::Week.bounds(day(2022, 2, 24)).unwrap();
        assert_eq!((s, e), (day(2022, 2, 21), day(2022, 2, 28)));
        assert!(Period::None.bounds(day(2022, 2, 24)).is_none());
    }

    #[test]
    fn pooling_gives_means_counts_and_a_band() {
        let events = [
            (day(2022, 3, 1), 1.0),
            (day(2022, 3, 20), 0.0),
            (day(2022, 3, 31), 0.5),
            (day(2022, 5, 2), -1.0),
        ];
        let p = pool(&events, Period::Month);
        assert_eq!(p.len(), 2, "April has no events and is left out");
        assert_eq!(p[0].events, 3);
        assert!((p[0].mean - 0.5).abs() < 1e-12);
        // sd = 0.5, se = 0.5 / sqrt(3), half width = 1.96 * se.
        let half = 1.96 * 0.5 / 3f64.sqrt();
        assert!((p[0].band.0 - (0.5 - half)).abs() < 1e-12);
        assert_eq!(p[0].band.1, 1.0, "0.5 + {half} is clamped to the scale");
        assert_eq!(p[1].band, (-1.0, -1.0), "one event: no interval");
        let q = pool(&events, Period::Quarter);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].events, 3);
    }

    #[test]
    fn smoothing_weights_by_evidence() {
        let p = vec![
            PeriodPoint {
                start_day: 0.0,
                end_day: 10.0,
                mean: 1.0,
                band: (0.8, 1.0),
                events: 3,
            },
            PeriodPoint {
                start_day: 10.0,
                end_day: 20.0,
                mean: -1.0,
                band: (-1.0, -1.0),
                events: 1,
            },
        ];
        let s = smooth(&p, 1);
        assert_eq!(s.len(), 1, "adjacent periods make one run");
        assert_eq!(s[0].len(), 2);
        assert!((s[0][0].1 - 0.5).abs() < 1e-12, "(3·1 + 1·−1) / 4");
        assert_eq!(s[0][0].0, 5.0);
        let none = smooth(&p, 0);
        assert_eq!(none[0][1].1, -1.0);
    }

    #[test]
    fn the_line_breaks_over_periods_without_events() {
        let years = pool(
            &[(day(2014, 3, 27), 0.5), (day(2022, 3, 2), 0.0), (day(2023, 2, 25), 1.0)],
            Period::Year,
        );
        let runs = smooth(&years, 1);
        assert_eq!(runs.len(), 2, "2014 stands alone; 2022-2023 are one run: {runs:?}");
        assert_eq!(runs[0].len(), 2, "a lone year is drawn across the year");
        assert_eq!((runs[0][0].0, runs[0][1].0), (day(2014, 1, 1), day(2015, 1, 1)));
        assert_eq!(runs[0][0].1, 0.5, "not averaged with 2022, eight years later");
        assert!((runs[1][0].1 - 0.5).abs() < 1e-12);
    }
}
