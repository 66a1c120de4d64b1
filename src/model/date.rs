//! Dates with precision, confidence and provenance.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// A calendar day.
    Day,
}

/// Where a date came from, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// Set by the analyst (a saved correction).
    User,
    /// YAML front matter of a Markdown file.
    FrontMatter,
    /// HTML meta tags or JSON-LD.
    HtmlMeta,
    /// A date inside a URL found in the file.
    Url,
    /// A date in the file name.
    Filename,
    /// Words in the text (a dateline, "today (2 March)").
    Text,
    /// Inferred indirectly (weekday arithmetic, relative expressions).
    Inferred,
}

impl DateSource {
    /// The name used in the JSON export.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::User => "user",
            DateSource::FrontMatter => "front_matter",
            DateSource::HtmlMeta => "html_meta",
            DateSource::Url => "url",
            DateSource::Filename => "filename",
            DateSource::Text => "text",
            DateSource::Inferred => "inferred",
        }
    }
}

/// A document's (or an event's) date, with how it was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocDate {
    /// The date; for month or year precision, the first day of that month or year.
    pub date: Date,
    /// How much of `date` is meaningful.
    pub precision: DatePrecision,
    /// 0.0 (a guess) ..= 1.0 (certain).
    pub confidence: f32,
    /// Where it came from.
    pub source: DateSource,
    /// The words it came from, as they appear in the file.
    pub evidence: String,
    /// Byte range of the evidence in the document text, when it is in the text.
    pub evidence_range: Option<Range<usize>>,
    /// Why this date was chosen (shown on hover).
    pub reasoning: String,
}

impl DocDate {
    /// "YYYY-MM-DD", "YYYY-MM" or "YYYY", by precision.
    pub fn value_string(&self) -> String {
        let d = self.date;
        match self.precision {
            DatePrecision::Day => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            DatePrecision::Month => format!("{:04}-{:02}", d.year(), d.month()),
            DatePrecision::Year => format!("{:04}", d.year()),
        }
    }

    /// Days since 1970-01-01 of the middle of the dated period (for plotting).
    pub fn plot_day(&self) -> f64 {
        let start = days_since_epoch(self.date);
        let half_span = match self.precision {
            DatePrecision::Day => 0.0,
            DatePrecision::Month => f64::from(self.date.days_in_month()) / 2.0,
            DatePrecision::Year => f64::from(self.date.days_in_year()) / 2.0,
        };
        start + half_span
    }

    /// Half the width of the period, in days (0 for a day).
    pub fn uncertainty_days(&self) -> f64 {
        match self.precision {
            DatePrecision::Day => 0.0,
            DatePrecision::Month => f64::from(self.date.days_in_month()) / 2.0,
            DatePrecision::Year => f64::from(self.date.days_in_year()) / 2.0,
        }
    }

    /// True when the date should be drawn as uncertain (hollow marker).
    pub fn is_uncertain(&self) -> bool {
        self.precision != DatePrecision::Day || self.confidence < 0.6
    }
}

/// Days between 1970-01-01 and `date`.
pub fn days_since_epoch(date: Date) -> f64 {
    let epoch = jiff::civil::date(1970, 1, 1);
    f64::from((date - epoch).get_days())
}

/// The date `days` days after 1970-01-01, if representable.
pub fn date_from_epoch_days(days: f64) -> Option<Date> {
    if !days.is_finite() || days.abs() > 2_000_000.0 {
        return None;
    }
    let epoch = jiff::civil::date(1970, 1, 1);
    epoch.checked_add(jiff::Span::new().days(days.floor() as i64)).ok()
}

/// Parses "YYYY-MM-DD", "YYYY-MM" or "YYYY" (as written by [`DocDate::value_string`]).
pub fn parse_value(value: &str) -> Option<(Date, DatePrecision)> {
    let parts: Vec<&str> = value.trim().split('-').collect();
    let num = |s: &str| s.parse::<i16>().ok();
    match parts.as_slice() {
        [y] if y.len() == 4 => Some((Date::new(num(y)?, 1, 1).ok()?, DatePrecision::Year)),
        [y, m] if y.len() == 4 => Some((Date::new(num(y)?, num(m)? as i8, 1).ok()?, DatePrecision::Month)),
        [y, m, d] if y.len() == 4 => Some((
            Date::new(num(y)?, num(m)? as i8, num(d)? as i8).ok()?,
            DatePrecision::Day,
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_round_trips_by_precision() {
        for v in ["2014-03-27", "2022-03", "2023"] {
            let (date, precision) = parse_value(v).unwrap();
            let d = DocDate {
                date,
                precision,
                confidence: 1.0,
                source: DateSource::User,
                evidence: String::new(),
                evidence_range: None,
                reasoning: String::new(),
            };
            assert_eq!(d.value_string(), v);
        }
        assert!(parse_value("2022-02-30").is_none());
        assert!(parse_value("22-02-03").is_none());
        assert!(parse_value("").is_none());
    }

    #[test]
    fn epoch_days_round_trip() {
        let d = jiff::civil::date(2022, 2, 24);
        let days = days_since_epoch(d);
        assert_eq!(days, 19047.0);
        assert_eq!(date_from_epoch_days(days), Some(d));
        assert_eq!(date_from_epoch_days(f64::NAN), None);
    }
}
