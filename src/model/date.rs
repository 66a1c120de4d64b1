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

/// Why an event date was read as it was: the sentence named a full date, or a date without a
/// year (or a relative one) was placed against the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventDateBasis {
    /// The sentence names the date with its year ("in May 2022").
    Named,
    /// A date without a year: the latest one on or before this publication day.
    BeforePublication(Date),
    /// A relative date or weekday ("on Monday"), counted from this publication day.
    CountedFromPublication(Date),
}

/// The date of the event a sentence reports, kept compact (a dense corpus has an event date
/// every few hundred bytes of text): the evidence is a range of the document text, and the
/// reasoning is written from [`EventDateBasis`] when it is shown.
/// [`EventDate::to_doc_date`] gives the full [`DocDate`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EventDate {
    /// The date; for month or year precision, the first day of that month or year.
    pub date: Date,
    /// How much of `date` is meaningful.
    pub precision: DatePrecision,
    /// 0.0 (a guess) ..= 1.0 (certain).
    pub confidence: f32,
    /// [`DateSource::Text`] for a named date, [`DateSource::Inferred`] otherwise.
    pub source: DateSource,
    /// The date expression in the document text (may have spaces around it).
    pub evidence: super::Span,
    /// How the date was read.
    pub basis: EventDateBasis,
}

impl EventDate {
    /// The evidence as written in `text` (the event's document text), trimmed.
    pub fn evidence_in<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.evidence.range()).unwrap_or_default().trim()
    }

    /// Why this date was chosen (shown on hover), given the event's document text.
    pub fn reasoning(&self, text: &str) -> String {
        let evidence = self.evidence_in(text);
        let day = |d: Date| period_value(d, DatePrecision::Day);
        match self.basis {
            EventDateBasis::Named => format!("the sentence names “{evidence}”"),
            EventDateBasis::BeforePublication(p) => {
                format!("“{evidence}” before the publication date {}", day(p))
            }
            EventDateBasis::CountedFromPublication(p) => {
                format!("“{evidence}” counted from the publication date {}", day(p))
            }
        }
    }

    /// As a full [`DocDate`], with evidence and reasoning written out from `text` (the event's
    /// document text).
    pub fn to_doc_date(&self, text: &str) -> DocDate {
        DocDate {
            date: self.date,
            precision: self.precision,
            confidence: self.confidence,
            source: self.source,
            evidence: self.evidence_in(text).to_string(),
            evidence_range: Some(self.evidence.range()),
            reasoning: self.reasoning(text),
        }
    }
}

/// A dated period: a date, how much of it is known and how sure it is. Document dates
/// ([`DocDate`]) and event dates ([`EventDate`]) share what is computed from these.
pub trait DatedPeriod {
    /// The first day of the period.
    fn period_start(&self) -> Date;
    /// How much of the date is known.
    fn period_precision(&self) -> DatePrecision;
    /// 0.0 (a guess) ..= 1.0 (certain).
    fn period_confidence(&self) -> f32;

    /// "YYYY-MM-DD", "YYYY-MM" or "YYYY", by precision.
    fn value_string(&self) -> String {
        period_value(self.period_start(), self.period_precision())
    }

    /// Days since 1970-01-01 of the middle of the dated period (for plotting).
    fn plot_day(&self) -> f64 {
        days_since_epoch(self.period_start()) + self.uncertainty_days()
    }

    /// Half the width of the period, in days (0 for a day).
    fn uncertainty_days(&self) -> f64 {
        let date = self.period_start();
        match self.period_precision() {
            DatePrecision::Day => 0.0,
            DatePrecision::Month => f64::from(date.days_in_month()) / 2.0,
            DatePrecision::Year => f64::from(date.days_in_year()) / 2.0,
        }
    }

    /// True when the date should be drawn as uncertain (hollow marker).
    fn is_uncertain(&self) -> bool {
        self.period_precision() != DatePrecision::Day || self.period_confidence() < 0.6
    }
}

/// [`DatedPeriod`] for a type with `date`, `precision` and `confidence` fields.
macro_rules! dated_period_fields {
    ($($t:ty),*) => {$(
        impl DatedPeriod for $t {
            fn period_start(&self) -> Date {
                self.date
            }
            fn period_precision(&self) -> DatePrecision {
                self.precision
            }
            fn period_confidence(&self) -> f32 {
                self.confidence
            }
        }
    )*};
}

dated_period_fields!(DocDate, EventDate);

/// "YYYY-MM-DD", "YYYY-MM" or "YYYY" for `date` at `precision`.
fn period_value(d: Date, precision: DatePrecision) -> String {
    match precision {
        DatePrecision::Day => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        DatePrecision::Month => format!("{:04}-{:02}", d.year(), d.month()),
        DatePrecision::Year => format!("{:04}", d.year()),
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
