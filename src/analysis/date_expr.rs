//! Date expressions in running text (English, Russian and Ukrainian).
//!
//! [`find_date_exprs`] finds calendar dates ("27 March 2014", "Feb. 24", "24.02.2022",
//! "в марте 2014"), expressions relative to the document's own date ("yesterday", "two days ago",
//! "на прошлой неделе") and weekdays ("on Monday", "last Friday", "во вторник").
//! [`resolve`] turns a relative or weekday expression into a date, given the document's date, and
//! [`years_matching_weekday`] helps to infer the year of "Tuesday (1 March)".
//!
//! # How it works
//!
//! The text is split into tokens: words (runs of letters), numbers (runs of ASCII digits) and
//! single punctuation characters. Each token remembers whether it is *glued* to the previous one
//! (no whitespace in between). A few small matchers driven by the word tables below are tried at
//! every token; the longest match wins and scanning resumes after it. Numbers joined by
//! punctuation ("1,000", "20:30", "24/7", "192.168.0.1") form a *run* that is either a numeric
//! date ("24.02.2022"), a pair of years ("2014-2015"), or nothing at all.
//!
//! Words that merely signal a date ("in 2014", "on Monday", "в понедельник") are not part of the
//! returned range; words that carry meaning ("last Monday", "early 2022", "2014 году") are.

use std::ops::Range;

use jiff::Span;
use jiff::civil::{Date, Weekday};

/// A date expression found in text. `range` is the byte range in the input.
#[derive(Debug, Clone, PartialEq)]
pub struct DateExpr {
    /// Byte range of the expression in the input text (always on char boundaries).
    pub range: Range<usize>,
    /// What the expression means.
    pub kind: DateExprKind,
}

/// The meaning of a [`DateExpr`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DateExprKind {
    /// A calendar date, possibly partial: "27 March 2014" (all three), "Feb. 24" (no year),
    /// "March 2022" / "in November" (no day), "in 2014" (year only), "24.02.2022", "2022-03-18",
    /// "Tuesday (1 March)" (weekday given too), "early 2022" (year, with `part: Some(Early)`).
    Calendar {
        /// The year, if given.
        year: Option<i16>,
        /// The month (1–12), if given.
        month: Option<i8>,
        /// The day of the month (1–31), if given; only ever given together with `month`.
        day: Option<i8>,
        /// The weekday written next to the date, if any.
        weekday: Option<Weekday>,
        /// "early", "mid", "late" (or "end of", "в начале", ...) qualifying a month or year.
        part: Option<PartOf>,
    },
    /// Relative to the document's own date: "today" (0 Day), "yesterday" (-1 Day), "tomorrow"
    /// (+1 Day), "a week ago" (-1 Week), "one year ago" (-1 Year), "two days ago", "last year"
    /// (-1 Year), "this week" (0 Week), "last month" (-1 Month), "next week" (+1 Week),
    /// "сегодня", "вчера", "год назад", "неделю назад".
    Relative {
        /// How many units from the reference date (negative: in the past).
        amount: i32,
        /// The unit of `amount`.
        unit: Unit,
    },
    /// A weekday without a calendar date: "on Monday" (Nearest: the most recent such day on or
    /// before the reference, or today), "last Monday" (Last: strictly before), "next Friday"
    /// (Next: strictly after), "в понедельник" (Nearest).
    Weekday {
        /// The day of the week.
        weekday: Weekday,
        /// Which occurrence of it, relative to the reference date.
        which: WhichWeekday,
    },
}

/// The unit of a [`DateExprKind::Relative`] expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks (seven days).
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

/// Which occurrence of a weekday a [`DateExprKind::Weekday`] expression means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhichWeekday {
    /// The most recent such day on or before the reference date ("on Monday").
    Nearest,
    /// The most recent such day strictly before the reference date ("last Monday").
    Last,
    /// The first such day strictly after the reference date ("next Friday").
    Next,
}

/// A part of a month or year: "early 2022", "mid-2023", "late 2021", "в конце марта".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartOf {
    /// "early", "beginning of", "start of", "в начале", "на початку".
    Early,
    /// "mid", "middle of", "в середине", "у середині".
    Mid,
    /// "late", "end of", "в конце", "наприкінці".
    Late,
}

/// How precise a date returned by [`resolve`] is; compare with `<` ("Year < Day").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// Only the year is meaningful.
    Year,
    /// Only the year and month are meaningful.
    Month,
    /// The exact day.
    Day,
}

/// All date expressions in `text`, in order, non-overlapping (the longest match wins: "Tuesday,
/// 1 March 2022" is one expression with weekday, not a weekday plus a date).
pub fn find_date_exprs(text: &str) -> Vec<DateExpr> {
    scan(&Scanner {
        text,
        toks: &tokenize(text),
    })
}

/// A text cut into the date scanner's tokens once, so that the expressions of any part of it
/// can be found without cutting that part again ([`DateTokens::exprs_in`]): the dating step
/// scans a whole document, and the event dates then scan the sentences that hold events.
pub struct DateTokens<'a> {
    text: &'a str,
    toks: Vec<Tok>,
}

impl<'a> DateTokens<'a> {
    /// Cuts `text` into tokens.
    pub fn new(text: &'a str) -> Self {
        DateTokens {
            text,
            toks: tokenize(text),
        }
    }

    /// [`find_date_exprs`] of the whole text.
    pub fn exprs(&self) -> Vec<DateExpr> {
        scan(&Scanner {
            text: self.text,
            toks: &self.toks,
        })
    }

    /// `find_date_exprs(&text[range])` (ranges relative to `range.start`), read from the
    /// tokens already cut. `None` when a token crosses either end of `range`, or `range` is not
    /// in the text: there the part's own tokens would differ from the whole text's.
    ///
    /// Elsewhere the part's tokens are the whole text's between its ends: the tokenizer reads
    /// left to right and each token ends where its own characters end (a word joined by an
    /// apostrophe looks at most one character past it, and that character would be inside the
    /// token). Only "glued to the token before" may differ for the first token, and the scanner
    /// reads it only together with the token before, which the part does not have.
    pub fn exprs_in(&self, range: Range<usize>) -> Option<Vec<DateExpr>> {
        if range.start > range.end || range.end > self.text.len() {
            return None;
        }
        let first = self.toks.partition_point(|t| t.start < range.start);
        let end = self.toks.partition_point(|t| t.start < range.end);
        let crosses = |k: usize, at: usize| k > 0 && self.toks[k - 1].end > at;
        if crosses(first, range.start) || crosses(end, range.end) {
            return None;
        }
        let mut exprs = scan(&Scanner {
            text: self.text,
            toks: &self.toks[first..end],
        });
        for e in &mut exprs {
            e.range = e.range.start - range.start..e.range.end - range.start;
        }
        Some(exprs)
    }
}

/// The expressions among the scanner's tokens (ranges in its text).
fn scan(sc: &Scanner<'_>) -> Vec<DateExpr> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < sc.toks.len() {
        if let Some(end) = sc.num_run_end(i) {
            out.extend(sc.num_run(i, end));
            i = end;
        } else if !sc.may_start(i) {
            i += 1;
        } else if let Some(found) = sc.longest_at(i) {
            if let Some(kind) = found.kind {
                out.push(DateExpr {
                    range: sc.span(i, found.end),
                    kind,
                });
            }
            i = found.end;
        } else {
            i += 1;
        }
    }
    out
}

/// Resolve a relative or weekday expression (or a complete calendar date) against a reference
/// date (normally the document's own date). Returns the date and its precision; `None` for a
/// partial calendar date (the caller infers missing years) or if the result is out of range.
///
/// * Calendar dates with year, month and day: that date, [`Precision::Day`].
/// * [`Unit::Day`] and [`Unit::Week`]: `amount` days or weeks from the reference ("a week ago" is
///   the date 7 days back, "this week" is the reference itself), [`Precision::Day`].
/// * [`Unit::Month`] / [`Unit::Year`]: that many months / years from the reference
///   ("last month", "one year ago"), with [`Precision::Month`] / [`Precision::Year`].
/// * Weekdays: the day described by [`WhichWeekday`], [`Precision::Day`].
pub fn resolve(kind: &DateExprKind, reference: Date) -> Option<(Date, Precision)> {
    match *kind {
        DateExprKind::Calendar {
            year: Some(year),
            month: Some(month),
            day: Some(day),
            part: None,
            ..
        } => Some((Date::new(year, month, day).ok()?, Precision::Day)),
        DateExprKind::Calendar { .. } => None,
        DateExprKind::Relative { amount, unit } => {
            let (span, precision) = match unit {
                Unit::Day => (Span::new().try_days(amount), Precision::Day),
                Unit::Week => (Span::new().try_days(i64::from(amount) * 7), Precision::Day),
                Unit::Month => (Span::new().try_months(amount), Precision::Month),
                Unit::Year => (Span::new().try_years(amount), Precision::Year),
            };
            Some((reference.checked_add(span.ok()?).ok()?, precision))
        }
        DateExprKind::Weekday { weekday, which } => {
            // Days back from the reference to the most recent `weekday` (0 if it is today).
            let back = i64::from(
                (reference.weekday().to_monday_zero_offset() - weekday.to_monday_zero_offset()).rem_euclid(7),
            );
            let offset = match which {
                WhichWeekday::Nearest => -back,
                WhichWeekday::Last if back == 0 => -7,
                WhichWeekday::Last => -back,
                WhichWeekday::Next => 7 - back,
            };
            let date = reference.checked_add(Span::new().try_days(offset).ok()?).ok()?;
            Some((date, Precision::Day))
        }
    }
}

/// Years in `years` (inclusive range) in which `month`/`day` falls on `weekday`, latest first.
/// Used to infer the year of "Tuesday (1 March)".
pub fn years_matching_weekday(month: i8, day: i8, weekday: Weekday, years: std::ops::RangeInclusive<i16>) -> Vec<i16> {
    years
        .rev()
        .filter(|&year| Date::new(year, month, day).is_ok_and(|d| d.weekday() == weekday))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Word tables. All words are lower case; apostrophes are normalised to `'`.
// ---------------------------------------------------------------------------------------------

/// English month names with their abbreviations; the index + 1 is the month number.
const EN_MONTHS: [(&str, &[&str]); 12] = [
    ("january", &["jan"]),
    ("february", &["feb"]),
    ("march", &["mar"]),
    ("april", &["apr"]),
    ("may", &[]),
    ("june", &["jun"]),
    ("july", &["jul"]),
    ("august", &["aug"]),
    ("september", &["sep", "sept"]),
    ("october", &["oct"]),
    ("november", &["nov"]),
    ("december", &["dec"]),
];

/// Russian and Ukrainian month names: Russian nominative, genitive, prepositional, then
/// Ukrainian nominative, genitive, locative. The index + 1 is the month number.
const CYR_MONTHS: [[&str; 6]; 12] = [
    ["январь", "января", "январе", "січень", "січня", "січні"],
    ["февраль", "февраля", "феврале", "лютий", "лютого", "лютому"],
    ["март", "марта", "марте", "березень", "березня", "березні"],
    ["апрель", "апреля", "апреле", "квітень", "квітня", "квітні"],
    ["май", "мая", "мае", "травень", "травня", "травні"],
    ["июнь", "июня", "июне", "червень", "червня", "червні"],
    ["июль", "июля", "июле", "липень", "липня", "липні"],
    ["август", "августа", "августе", "серпень", "серпня", "серпні"],
    ["сентябрь", "сентября", "сентябре", "вересень", "вересня", "вересні"],
    ["октябрь", "октября", "октябре", "жовтень", "жовтня", "жовтні"],
    ["ноябрь", "ноября", "ноябре", "листопад", "листопада", "листопаді"],
    ["декабрь", "декабря", "декабре", "грудень", "грудня", "грудні"],
];

/// Columns of [`CYR_MONTHS`] holding genitive forms (the only ones used after a day number).
const CYR_GENITIVE: [usize; 2] = [1, 4];

/// Weekdays in the order of the weekday tables.
const WEEKDAYS: [Weekday; 7] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
    Weekday::Saturday,
    Weekday::Sunday,
];

/// English weekday names with abbreviations (abbreviations count only next to a date).
const EN_WEEKDAYS: [(&str, &[&str]); 7] = [
    ("monday", &["mon"]),
    ("tuesday", &["tue", "tues"]),
    ("wednesday", &["wed"]),
    ("thursday", &["thu", "thur", "thurs"]),
    ("friday", &["fri"]),
    ("saturday", &["sat"]),
    ("sunday", &["sun"]),
];

/// Whether `word` (lower case) is an English weekday's full name ("wednesday").
pub(crate) fn is_english_weekday(word: &str) -> bool {
    EN_WEEKDAYS.iter().any(|(full, _)| *full == word)
}

/// Russian and Ukrainian weekday names (nominative and accusative).
const CYR_WEEKDAYS: [&[&str]; 7] = [
    &["понедельник", "понеділок"],
    &["вторник", "вівторок"],
    &["среда", "среду", "середа", "середу"],
    &["четверг", "четвер"],
    &["пятница", "пятницу", "п'ятниця", "п'ятницю"],
    &["суббота", "субботу", "субота", "суботу"],
    &["воскресенье", "неділя", "неділю"],
];

/// Prepositions that make a lone Cyrillic weekday a date ("в понедельник", "у п'ятницю").
const CYR_WEEKDAY_PREPS: &[&str] = &["в", "во", "у"];

/// Words before a lone English month name that make it a date ("in November").
const EN_MONTH_TRIGGERS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "through", "during", "before", "after", "last", "this", "next",
];

/// Prepositions before a lone Cyrillic month name that make it a date ("в марте", "з березня").
const CYR_MONTH_TRIGGERS: &[&str] = &[
    "в",
    "во",
    "у",
    "с",
    "со",
    "з",
    "із",
    "зі",
    "до",
    "к",
    "ко",
    "после",
    "після",
    "от",
    "від",
];

/// Words that may follow a year ("2014 году", "2014 г.", "2014 року").
const CYR_YEAR_WORDS: &[&str] = &["год", "года", "году", "г", "рік", "року", "році", "р"];

/// Words qualifying a following month or year ("early 2022", "mid-2023", "в конце марта").
const PART_WORDS: &[(&str, PartOf)] = &[
    ("early", PartOf::Early),
    ("mid", PartOf::Mid),
    ("late", PartOf::Late),
    ("начале", PartOf::Early),
    ("середине", PartOf::Mid),
    ("конце", PartOf::Late),
    ("початку", PartOf::Early),
    ("середині", PartOf::Mid),
    ("кінці", PartOf::Late),
    ("наприкінці", PartOf::Late),
];

/// Nouns qualifying a month or year when followed by "of" ("end of 2021").
const PART_OF_NOUNS: &[(&str, PartOf)] = &[
    ("beginning", PartOf::Early),
    ("start", PartOf::Early),
    ("middle", PartOf::Mid),
    ("end", PartOf::Late),
];

/// Single words relative to the document date.
const RELATIVE_WORDS: &[(&str, (i32, Unit))] = &[
    ("today", (0, Unit::Day)),
    ("tonight", (0, Unit::Day)),
    ("yesterday", (-1, Unit::Day)),
    ("tomorrow", (1, Unit::Day)),
    ("сегодня", (0, Unit::Day)),
    ("вчера", (-1, Unit::Day)),
    ("завтра", (1, Unit::Day)),
    ("позавчера", (-2, Unit::Day)),
    ("послезавтра", (2, Unit::Day)),
    ("сьогодні", (0, Unit::Day)),
    ("вчора", (-1, Unit::Day)),
    ("учора", (-1, Unit::Day)),
    ("позавчора", (-2, Unit::Day)),
    ("післязавтра", (2, Unit::Day)),
    ("торік", (-1, Unit::Year)),
];

/// Fixed multi-word phrases relative to the document date.
const RELATIVE_PHRASES: &[(&[&str], i32, Unit)] = &[
    (&["the", "day", "before", "yesterday"], -2, Unit::Day),
    (&["day", "before", "yesterday"], -2, Unit::Day),
    (&["the", "day", "after", "tomorrow"], 2, Unit::Day),
    (&["day", "after", "tomorrow"], 2, Unit::Day),
    (&["last", "night"], -1, Unit::Day),
    (&["this", "morning"], 0, Unit::Day),
    (&["this", "afternoon"], 0, Unit::Day),
    (&["this", "evening"], 0, Unit::Day),
];

/// Modifiers of a period word: "last week", "прошлой неделе", "минулого року".
const PERIOD_MODIFIERS: &[(&str, i32)] = &[
    ("last", -1),
    ("this", 0),
    ("next", 1),
    ("прошлой", -1),
    ("прошлом", -1),
    ("прошлого", -1),
    ("этой", 0),
    ("этом", 0),
    ("этого", 0),
    ("текущей", 0),
    ("текущем", 0),
    ("текущего", 0),
    ("следующей", 1),
    ("следующем", 1),
    ("следующего", 1),
    ("минулого", -1),
    ("минулому", -1),
    ("минулої", -1),
    ("цього", 0),
    ("цьому", 0),
    ("цієї", 0),
    ("поточного", 0),
    ("наступного", 1),
    ("наступному", 1),
    ("наступної", 1),
];

/// Period words after a [`PERIOD_MODIFIERS`] word.
const PERIOD_UNITS: &[(&str, Unit)] = &[
    ("week", Unit::Week),
    ("month", Unit::Month),
    ("year", Unit::Year),
    ("неделе", Unit::Week),
    ("недели", Unit::Week),
    ("месяце", Unit::Month),
    ("месяца", Unit::Month),
    ("году", Unit::Year),
    ("года", Unit::Year),
    ("тижня", Unit::Week),
    ("тижні", Unit::Week),
    ("місяця", Unit::Month),
    ("місяці", Unit::Month),
    ("року", Unit::Year),
    ("році", Unit::Year),
];

/// Units before "ago" / "назад" / "тому", and whether the form is singular (a singular form
/// needs no number: "год назад", "тиждень тому").
const AGO_UNITS: &[(&str, (Unit, bool))] = &[
    ("day", (Unit::Day, true)),
    ("days", (Unit::Day, false)),
    ("week", (Unit::Week, true)),
    ("weeks", (Unit::Week, false)),
    ("month", (Unit::Month, true)),
    ("months", (Unit::Month, false)),
    ("year", (Unit::Year, true)),
    ("years", (Unit::Year, false)),
    ("день", (Unit::Day, true)),
    ("дня", (Unit::Day, false)),
    ("дней", (Unit::Day, false)),
    ("дні", (Unit::Day, false)),
    ("днів", (Unit::Day, false)),
    ("неделю", (Unit::Week, true)),
    ("недели", (Unit::Week, false)),
    ("недель", (Unit::Week, false)),
    ("тиждень", (Unit::Week, true)),
    ("тижні", (Unit::Week, false)),
    ("тижнів", (Unit::Week, false)),
    ("месяц", (Unit::Month, true)),
    ("месяца", (Unit::Month, false)),
    ("месяцев", (Unit::Month, false)),
    ("місяць", (Unit::Month, true)),
    ("місяці", (Unit::Month, false)),
    ("місяців", (Unit::Month, false)),
    ("год", (Unit::Year, true)),
    ("года", (Unit::Year, false)),
    ("лет", (Unit::Year, false)),
    ("рік", (Unit::Year, true)),
    ("роки", (Unit::Year, false)),
    ("років", (Unit::Year, false)),
];

/// "ago" in each language.
const AGO_WORDS: &[&str] = &["ago", "назад", "тому"];

/// Number words (1–12) that can precede a unit before "ago".
const NUMBER_WORDS: &[(&str, i32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("один", 1),
    ("одна", 1),
    ("одну", 1),
    ("два", 2),
    ("две", 2),
    ("дві", 2),
    ("три", 3),
    ("четыре", 4),
    ("чотири", 4),
    ("пять", 5),
    ("п'ять", 5),
    ("шесть", 6),
    ("шість", 6),
    ("семь", 7),
    ("сім", 7),
    ("восемь", 8),
    ("вісім", 8),
    ("девять", 9),
    ("дев'ять", 9),
    ("десять", 10),
    ("одиннадцать", 11),
    ("одинадцять", 11),
    ("двенадцать", 12),
    ("дванадцять", 12),
];

/// Modifiers of a weekday: "last Monday", "в прошлую пятницу", "наступну середу".
const WEEKDAY_MODIFIERS: &[(&str, WhichWeekday)] = &[
    ("last", WhichWeekday::Last),
    ("next", WhichWeekday::Next),
    ("this", WhichWeekday::Nearest),
    ("прошлый", WhichWeekday::Last),
    ("прошлую", WhichWeekday::Last),
    ("прошлое", WhichWeekday::Last),
    ("следующий", WhichWeekday::Next),
    ("следующую", WhichWeekday::Next),
    ("следующее", WhichWeekday::Next),
    ("ближайший", WhichWeekday::Next),
    ("ближайшую", WhichWeekday::Next),
    ("этот", WhichWeekday::Nearest),
    ("эту", WhichWeekday::Nearest),
    ("это", WhichWeekday::Nearest),
    ("минулий", WhichWeekday::Last),
    ("минулу", WhichWeekday::Last),
    ("наступний", WhichWeekday::Next),
    ("наступну", WhichWeekday::Next),
    ("цей", WhichWeekday::Nearest),
    ("цю", WhichWeekday::Nearest),
];

/// Words after which a 4-digit number is a reference number, not a year ("Section 2014").
const NOT_YEAR_AFTER: &[&str] = &[
    "no",
    "nos",
    "nr",
    "number",
    "section",
    "sec",
    "article",
    "art",
    "resolution",
    "resolutions",
    "page",
    "pages",
    "pp",
    "p",
    "chapter",
    "ch",
    "paragraph",
    "para",
    "clause",
    "item",
    "rule",
    "flight",
    "room",
    "model",
    "vol",
    "volume",
    "статья",
    "статьи",
    "статье",
    "стаття",
    "статті",
    "резолюция",
    "резолюции",
    "резолюцию",
    "резолюція",
    "резолюції",
    "пункт",
    "пункта",
    "номер",
    "стр",
];

/// Nouns after which a 4-digit number is a count, not a year ("2000 people").
const COUNTED_NOUNS: &[&str] = &[
    "people",
    "persons",
    "troops",
    "soldiers",
    "civilians",
    "refugees",
    "residents",
    "deaths",
    "cases",
    "votes",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "tons",
    "tonnes",
    "dollars",
    "euros",
    "rubles",
    "roubles",
    "hryvnias",
    "человек",
    "рублей",
    "долларов",
    "гривен",
    "км",
];

/// Punctuation joining the numbers of a run ("1,000", "20:30", "24.02.2022").
const NUM_JOINERS: &[char] = &['.', ',', ':', '/', '-', '–', '—', '‐', '‑', '−'];
/// Separators of a numeric date.
const DATE_SEPARATORS: &[char] = &['.', '/', '-'];
/// Separators of a pair of years ("2014-2015", "2014/15").
const YEAR_PAIR_SEPARATORS: &[char] = &['-', '–', '—', '‐', '‑', '/'];
/// Punctuation that, glued before a 4-digit number, makes it something else than a year.
const NOT_BEFORE_YEAR: &[char] = &[
    '$', '€', '£', '¥', '₽', '₴', '#', '№', '+', '/', '\\', '.', '@', '&', '*', '=', '^', '~',
];
/// Punctuation that, glued after a 4-digit number, makes it something else than a year.
const NOT_AFTER_YEAR: &[char] = &['%', '°', '$', '€', '£'];

/// Years accepted next to a month or in a numeric date.
const DATE_YEARS: Range<u32> = 1000..3000;
/// Years accepted on their own ("in 2014").
const BARE_YEARS: Range<u32> = 1900..2100;

/// Every word that can open a pattern of [`Scanner::longest_at`]: the first word its
/// builders look up (months, weekdays and their modifiers, relative words and phrases,
/// period modifiers, number words and units before "ago", parts of a period). A word
/// outside it starts no expression; a test checks this against the builders themselves.
static START_WORDS: std::sync::LazyLock<super::text::WordSet> = std::sync::LazyLock::new(|| {
    let mut set: Vec<&'static str> = Vec::new();
    for (full, abbrs) in EN_MONTHS.iter().chain(EN_WEEKDAYS.iter()) {
        set.push(*full);
        set.extend(abbrs.iter().copied());
    }
    set.extend(CYR_MONTHS.iter().flatten().copied());
    set.extend(CYR_WEEKDAYS.iter().flat_map(|f| f.iter().copied()));
    set.extend(WEEKDAY_MODIFIERS.iter().map(|(w, _)| *w));
    set.extend(
        RELATIVE_PHRASES
            .iter()
            .filter_map(|(words, _, _)| words.first().copied()),
    );
    set.extend(RELATIVE_WORDS.iter().map(|(w, _)| *w));
    set.extend(["earlier", "later"]);
    set.extend(PERIOD_MODIFIERS.iter().map(|(w, _)| *w));
    set.extend(NUMBER_WORDS.iter().map(|(w, _)| *w));
    set.extend(AGO_UNITS.iter().map(|(w, _)| *w));
    set.extend(PART_WORDS.iter().map(|(w, _)| *w));
    set.extend(PART_OF_NOUNS.iter().map(|(w, _)| *w));
    super::text::WordSet::new(&set)
});

/// Every month name and abbreviation, English and Cyrillic, in every form [`Scanner::month_at`]
/// reads: a word outside it is no month, found without comparing it with each name.
static MONTH_WORDS: std::sync::LazyLock<super::text::WordSet> =
    std::sync::LazyLock::new(|| names(&EN_MONTHS, CYR_MONTHS.iter().flatten().copied()));

/// Whether `word` is a month's name: English (full, capitalised: "June"), or Russian or
/// Ukrainian in any form [`Scanner::month_at`] reads ("июня", "червня").
pub fn is_month_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    let english = EN_MONTHS.iter().any(|(full, _)| *full == lower);
    MONTH_WORDS.contains(&lower) && (english && word.starts_with(char::is_uppercase) || !english && !lower.is_ascii())
}

/// Every weekday name and abbreviation [`Scanner::weekday_at`] reads, likewise.
static WEEKDAY_WORDS: std::sync::LazyLock<super::text::WordSet> =
    std::sync::LazyLock::new(|| names(&EN_WEEKDAYS, CYR_WEEKDAYS.iter().flat_map(|f| f.iter().copied())));

/// The English names with their abbreviations, and the `cyrillic` forms, as one set.
fn names(
    english: &[(&'static str, &[&'static str])],
    cyrillic: impl Iterator<Item = &'static str>,
) -> super::text::WordSet {
    let mut set: Vec<&'static str> = Vec::new();
    for (full, abbrs) in english {
        set.push(*full);
        set.extend(abbrs.iter().copied());
    }
    set.extend(cyrillic);
    super::text::WordSet::new(&set)
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokKind {
    /// A run of letters (Cyrillic words may contain apostrophes: "п'ятниця").
    Word,
    /// A run of ASCII digits.
    Num,
    /// Any other non-whitespace character.
    Punct(char),
}

#[derive(Debug)]
struct Tok {
    kind: TokKind,
    start: usize,
    end: usize,
    /// No whitespace between the previous token and this one.
    glued: bool,
    /// Lower-cased text of a word (apostrophes normalised), empty for other tokens (inline:
    /// no allocation per word).
    lower: compact_str::CompactString,
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn tokenize(text: &str) -> Vec<Tok> {
    let bytes = text.as_bytes();
    // The character at byte `pos` (an ASCII byte without decoding).
    let char_at = |pos: usize| match bytes.get(pos) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text[pos..].chars().next(),
        None => None,
    };
    // About one token (word, number or punctuation) per five bytes of prose: reserved, not
    // grown by doubling and copying (up to a bound: a huge text still grows).
    let mut toks: Vec<Tok> = Vec::with_capacity((text.len() / 5).min(1 << 16));
    let mut pos = 0;
    while let Some(c) = char_at(pos) {
        let start = pos;
        pos += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_ascii_digit() {
            while bytes.get(pos).is_some_and(u8::is_ascii_digit) {
                pos += 1;
            }
            TokKind::Num
        } else if c.is_alphabetic() {
            let mut last = c;
            loop {
                // A run of ASCII letters in a tight loop (no apostrophe joins them).
                let run = bytes[pos..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
                if run > 0 {
                    pos += run;
                    last = char::from(bytes[pos - 1]);
                }
                let Some(d) = char_at(pos) else {
                    break;
                };
                let joins =
                    is_apostrophe(d) && is_cyrillic(last) && char_at(pos + d.len_utf8()).is_some_and(is_cyrillic);
                if !(d.is_alphabetic() || joins) {
                    break;
                }
                pos += d.len_utf8();
                last = d;
            }
            TokKind::Word
        } else {
            TokKind::Punct(c)
        };
        let lower = if kind == TokKind::Word {
            let word = &text[start..pos];
            if word.is_ascii() {
                // Most words: no apostrophe to normalise, no Unicode case mapping.
                let mut lower = compact_str::CompactString::from(word);
                lower.make_ascii_lowercase();
                lower
            } else {
                word.chars()
                    .map(|c| if is_apostrophe(c) { '\'' } else { c })
                    .flat_map(char::to_lowercase)
                    .collect()
            }
        } else {
            compact_str::CompactString::default()
        };
        let glued = toks.last().is_some_and(|t| t.end == start);
        toks.push(Tok {
            kind,
            start,
            end: pos,
            glued,
            lower,
        });
    }
    toks
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

/// A match starting at some token: it ends before token `end`; `kind` is `None` for text that
/// looks like a date but is not a valid one ("31 February 2022"), which is skipped.
struct Found {
    end: usize,
    kind: Option<DateExprKind>,
}

impl Found {
    fn new(end: usize, kind: DateExprKind) -> Self {
        Found { end, kind: Some(kind) }
    }
}

/// Calendar fields as parsed, before validation.
#[derive(Debug, Clone, Copy, Default)]
struct Cal {
    year: Option<i16>,
    month: Option<i8>,
    day: Option<i8>,
    weekday: Option<Weekday>,
    part: Option<PartOf>,
}

impl Cal {
    fn year(year: i16) -> Self {
        Cal {
            year: Some(year),
            ..Cal::default()
        }
    }

    /// The expression kind, or `None` for an impossible date such as 31 February.
    fn kind(self) -> Option<DateExprKind> {
        if let (Some(month), Some(day)) = (self.month, self.day) {
            // Without a year, 2000 (a leap year) lets 29 February through.
            Date::new(self.year.unwrap_or(2000), month, day).ok()?;
        }
        Some(DateExprKind::Calendar {
            year: self.year,
            month: self.month,
            day: self.day,
            weekday: self.weekday,
            part: self.part,
        })
    }
}

/// A calendar match, validated.
fn cal_found((end, cal): (usize, Cal)) -> Found {
    Found { end, kind: cal.kind() }
}

/// The candidate reaching furthest (the first one among equals).
fn longest<T>(candidates: impl IntoIterator<Item = Option<(usize, T)>>) -> Option<(usize, T)> {
    candidates.into_iter().flatten().fold(None, |best, c| match best {
        Some(b) if b.0 >= c.0 => Some(b),
        _ => Some(c),
    })
}

/// A month name token.
struct MonthTok {
    month: i8,
    /// Token index after the name.
    name_end: usize,
    /// Token index after the name and an abbreviation's dot ("Feb.").
    end: usize,
    /// A full name, not an abbreviation.
    full: bool,
    cyrillic: bool,
    genitive: bool,
}

/// Date patterns over `toks`, tokens of `text` (all of it, or a run of them: a part of it).
struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Tok],
}

impl<'a> Scanner<'a> {
    fn span(&self, start: usize, end: usize) -> Range<usize> {
        self.toks[start].start..self.toks[end - 1].end
    }

    /// Whether an expression can start at token `i`: a number, or a word that opens one of
    /// [`Scanner::longest_at`]'s patterns ([`START_WORDS`]). Most words open none, and
    /// skipping them spares trying every pattern at every word.
    fn may_start(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| match t.kind {
            TokKind::Num => true,
            TokKind::Word => START_WORDS.contains(t.lower.as_str()),
            TokKind::Punct(_) => false,
        })
    }

    // --- token predicates (all accept out-of-range indices) ---

    fn word(&self, i: usize) -> Option<&str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.lower.as_str())
    }

    fn word_in(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    fn lookup<T: Copy>(&self, i: usize, table: &[(&str, T)]) -> Option<T> {
        let w = self.word(i)?;
        table.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            TokKind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn punct_in(&self, i: usize, set: &[char]) -> bool {
        self.punct(i).is_some_and(|c| set.contains(&c))
    }

    fn glued(&self, i: usize) -> bool {
        // Read only with the token before (see `DateTokens::exprs_in`).
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    fn digits(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i).filter(|t| t.kind == TokKind::Num)?;
        Some(&self.text[t.start..t.end])
    }

    fn is_num(&self, i: usize) -> bool {
        self.digits(i).is_some()
    }

    /// The word starts with an upper-case letter (English month and weekday names must).
    fn capitalised(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.text[t.start..].chars().next())
            .is_some_and(char::is_uppercase)
    }

    fn cyrillic_word(&self, i: usize) -> bool {
        self.word(i).and_then(|w| w.chars().next()).is_some_and(is_cyrillic)
    }

    /// Token `i` is glued to a preceding word (in Latin script if `latin_only`).
    fn glued_to_word(&self, i: usize, latin_only: bool) -> bool {
        self.glued(i)
            && i.checked_sub(1)
                .is_some_and(|p| self.word(p).is_some() && !(latin_only && self.cyrillic_word(p)))
    }

    /// Token `i + 1` is a joiner glued between the number `i` and another number.
    fn joined_to_next_num(&self, i: usize) -> bool {
        self.is_num(i)
            && self.punct_in(i + 1, NUM_JOINERS)
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.is_num(i + 2)
    }

    /// The end of the run of joined numbers starting at `i`, if it has two numbers or more.
    fn num_run_end(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while self.joined_to_next_num(j) {
            j += 2;
        }
        (j > i).then_some(j + 1)
    }

    /// A number of at most `max_digits` digits that is not part of a run ("1,000", "20:30").
    fn lone_num(&self, i: usize, max_digits: usize) -> Option<u32> {
        let digits = self.digits(i).filter(|d| d.len() <= max_digits)?;
        let in_run = i.checked_sub(2).is_some_and(|p| self.joined_to_next_num(p)) || self.joined_to_next_num(i);
        if in_run { None } else { digits.parse().ok() }
    }

    // --- building blocks ---

    fn month_at(&self, i: usize) -> Option<MonthTok> {
        let w = self.word(i).filter(|w| MONTH_WORDS.contains(w))?;
        let tok = |month: usize, full: bool, cyrillic: bool, genitive: bool| {
            let end = if !full && self.punct(i + 1) == Some('.') && self.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            let month = i8::try_from(month + 1).ok()?;
            Some(MonthTok {
                month,
                name_end: i + 1,
                end,
                full,
                cyrillic,
                genitive,
            })
        };
        if let Some(m) = EN_MONTHS.iter().position(|(full, _)| *full == w) {
            return if self.capitalised(i) {
                tok(m, true, false, false)
            } else {
                None
            };
        }
        if let Some(m) = EN_MONTHS.iter().position(|(_, abbrs)| abbrs.contains(&w)) {
            return if self.capitalised(i) {
                tok(m, false, false, false)
            } else {
                None
            };
        }
        CYR_MONTHS.iter().enumerate().find_map(|(m, forms)| {
            let case = forms.iter().position(|f| *f == w)?;
            tok(m, true, true, CYR_GENITIVE.contains(&case))
        })
    }

    /// A weekday name at `i` and the token after it; abbreviations ("Tue", "Thu.") only if
    /// `abbr`. Returns whether the name is Cyrillic.
    fn weekday_at(&self, i: usize, abbr: bool) -> Option<(Weekday, usize, bool)> {
        let w = self.word(i).filter(|w| WEEKDAY_WORDS.contains(w))?;
        if let Some(d) = CYR_WEEKDAYS.iter().position(|forms| forms.contains(&w)) {
            return Some((WEEKDAYS[d], i + 1, true));
        }
        if !self.capitalised(i) {
            return None;
        }
        if let Some(d) = EN_WEEKDAYS.iter().position(|(full, _)| *full == w) {
            return Some((WEEKDAYS[d], i + 1, false));
        }
        let d = EN_WEEKDAYS.iter().position(|(_, abbrs)| abbr && abbrs.contains(&w))?;
        let end = if self.punct(i + 1) == Some('.') && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some((WEEKDAYS[d], end, false))
    }

    /// A day of the month, optionally with an ordinal suffix ("1st", "24th").
    fn day_at(&self, i: usize) -> Option<(usize, i8)> {
        let day = self.lone_num(i, 2).filter(|d| (1..=31).contains(d))?;
        let day = i8::try_from(day).ok()?;
        if !self.glued(i + 1) || self.word(i + 1).is_none() {
            Some((i + 1, day))
        } else if self.word_in(i + 1, &["st", "nd", "rd", "th"]) {
            Some((i + 2, day))
        } else {
            None // glued to some other word: "5G"
        }
    }

    /// A 4-digit year in `years`, with a following "года" / "г." / "року" if present.
    fn year_at(&self, i: usize, years: Range<u32>) -> Option<(usize, i16)> {
        let year = self
            .lone_num(i, 4)
            .filter(|y| self.digits(i).is_some_and(|d| d.len() == 4) && years.contains(y))?;
        let year = i16::try_from(year).ok()?;
        let glued_after = self.glued(i + 1);
        if glued_after && self.punct_in(i + 1, NOT_AFTER_YEAR) {
            return None;
        }
        if !self.word_in(i + 1, CYR_YEAR_WORDS) {
            let glued_word = glued_after && self.word(i + 1).is_some();
            return if glued_word { None } else { Some((i + 1, year)) };
        }
        let abbreviated = self.word_in(i + 1, &["г", "р"]);
        if abbreviated && self.punct(i + 2) == Some('.') && self.glued(i + 2) {
            Some((i + 3, year))
        } else {
            Some((i + 2, year))
        }
    }

    /// Whether the context before a bare 4-digit number at `i` allows it to be a year.
    fn year_context_ok(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return true;
        };
        if self.glued(i) && (self.word(p).is_some() || self.punct_in(p, NOT_BEFORE_YEAR)) {
            return false; // "A2014", "$2014", "p.2014"
        }
        if self.is_num(p) || self.punct_in(p, &['#', '№']) {
            return false; // "555 2014", "# 2014"
        }
        let before = if self.punct(p) == Some('.') {
            p.checked_sub(1)
        } else {
            Some(p)
        };
        !before.is_some_and(|b| self.word_in(b, NOT_YEAR_AFTER))
    }

    // --- calendar dates ---

    /// "27 March 2014", "1st of March 2022", "2 March", "24 февраля 2022 года".
    fn day_first(&self, i: usize) -> Option<(usize, Cal)> {
        if self.glued_to_word(i, true) {
            return None;
        }
        let (mut j, day) = self.day_at(i)?;
        let of = self.word(j) == Some("of");
        if of {
            j += 1;
        }
        let m = self.month_at(j)?;
        let glued_to_cyrillic = self.glued_to_word(i, false);
        if m.cyrillic && (of || !m.genitive) || glued_to_cyrillic && !m.cyrillic {
            return None;
        }
        let cal = Cal {
            month: Some(m.month),
            day: Some(day),
            ..Cal::default()
        };
        let k = if !m.cyrillic && self.punct(m.end) == Some(',') {
            m.end + 1
        } else {
            m.end
        };
        Some(match self.year_at(k, DATE_YEARS) {
            Some((end, year)) => (
                end,
                Cal {
                    year: Some(year),
                    ..cal
                },
            ),
            None => (m.name_end, cal),
        })
    }

    /// "March 27, 2014", "Feb. 24", "Jan 3rd".
    fn month_first(&self, i: usize) -> Option<(usize, Cal)> {
        let m = self.month_at(i).filter(|m| !m.cyrillic)?;
        let (end, day) = self.day_at(m.end)?;
        let cal = Cal {
            month: Some(m.month),
            day: Some(day),
            ..Cal::default()
        };
        let k = if self.punct(end) == Some(',') { end + 1 } else { end };
        Some(match self.year_at(k, DATE_YEARS) {
            Some((end, year)) => (
                end,
                Cal {
                    year: Some(year),
                    ..cal
                },
            ),
            None => (end, cal),
        })
    }

    /// "May 2022", "March of 2022", "марта 2022", "в марте 2014 года".
    fn month_year(&self, i: usize) -> Option<(usize, Cal)> {
        let m = self.month_at(i)?;
        let k = if !m.cyrillic && self.word(m.end) == Some("of") {
            m.end + 1
        } else {
            m.end
        };
        let (end, year) = self.year_at(k, DATE_YEARS)?;
        Some((
            end,
            Cal {
                year: Some(year),
                month: Some(m.month),
                ..Cal::default()
            },
        ))
    }

    /// A full month name alone; only after a trigger word ("in November", "в марте") unless
    /// `triggered` says the caller has one ("early March").
    fn month_alone(&self, i: usize, triggered: bool) -> Option<(usize, Cal)> {
        let m = self.month_at(i).filter(|m| m.full)?;
        let triggers = if m.cyrillic {
            CYR_MONTH_TRIGGERS
        } else {
            EN_MONTH_TRIGGERS
        };
        if !triggered && !i.checked_sub(1).is_some_and(|p| self.word_in(p, triggers)) {
            return None;
        }
        Some((
            m.name_end,
            Cal {
                month: Some(m.month),
                ..Cal::default()
            },
        ))
    }

    /// "24.02.2022", "02/24/2022", "2022-03-18", "18.06.22": exactly a run of three numbers.
    fn numeric_date(&self, i: usize) -> Option<(usize, Cal)> {
        if self.num_run_end(i) != Some(i + 5) || self.glued_to_word(i, true) {
            return None;
        }
        let sep = self.punct(i + 1).filter(|c| DATE_SEPARATORS.contains(c))?;
        if self.punct(i + 3) != Some(sep) {
            return None;
        }
        let (a, b, c) = (self.digits(i)?, self.digits(i + 2)?, self.digits(i + 4)?);
        let num = |s: &str| s.parse::<u32>().ok();
        let (year, month, day) = match (a.len(), b.len(), c.len()) {
            (4, 1..=2, 1..=2) => (num(a)?, num(b)?, num(c)?),
            (1..=2, 1..=2, 4) => {
                let (a, b) = (num(a)?, num(b)?);
                // Day first, unless only the first number can be a month ("02/24/2022").
                if a <= 12 && b > 12 {
                    (num(c)?, a, b)
                } else {
                    (num(c)?, b, a)
                }
            }
            (2, 2, 2) if sep == '.' => (2000 + num(c)?, num(b)?, num(a)?),
            _ => return None,
        };
        if !DATE_YEARS.contains(&year) {
            return None;
        }
        let cal = Cal {
            year: Some(i16::try_from(year).ok()?),
            month: Some(i8::try_from(month).ok()?),
            day: Some(i8::try_from(day).ok()?),
            ..Cal::default()
        };
        Some((i + 5, cal))
    }

    /// Any calendar date with a day.
    fn date_with_day(&self, i: usize) -> Option<(usize, Cal)> {
        longest([self.day_first(i), self.month_first(i), self.numeric_date(i)])
    }

    /// "Tuesday (1 March)", "Monday, 16 September 2024", "Tue, 1 Mar 2022".
    fn weekday_with_date(&self, i: usize) -> Option<(usize, Cal)> {
        let (weekday, j, _) = self.weekday_at(i, true)?;
        let (end, cal) = if self.punct(j) == Some('(') {
            let (k, cal) = self.date_with_day(j + 1)?;
            (self.punct(k) == Some(')')).then_some((k + 1, cal))?
        } else {
            let j = if self.punct(j) == Some(',') { j + 1 } else { j };
            self.date_with_day(j)?
        };
        Some((
            end,
            Cal {
                weekday: Some(weekday),
                ..cal
            },
        ))
    }

    // --- matchers tried at every token ---

    fn longest_at(&self, i: usize) -> Option<Found> {
        let calendar = longest([
            self.day_first(i),
            self.month_first(i),
            self.month_year(i),
            self.month_alone(i, false),
        ]);
        let candidates = [
            self.weekday_expr(i),
            self.relative(i),
            self.part_of(i),
            calendar.map(cal_found),
            self.bare_year(i),
        ];
        candidates.into_iter().flatten().fold(None, |best, c| match best {
            Some(b) if b.end >= c.end => Some(b),
            _ => Some(c),
        })
    }

    /// Weekdays, alone or attached to a date.
    fn weekday_expr(&self, i: usize) -> Option<Found> {
        if let Some(which) = self.lookup(i, WEEKDAY_MODIFIERS) {
            if let Some(dated) = self.weekday_with_date(i + 1) {
                return Some(cal_found(dated));
            }
            let (weekday, end, _) = self.weekday_at(i + 1, false)?;
            return Some(Found::new(end, DateExprKind::Weekday { weekday, which }));
        }
        if let Some(dated) = self.weekday_with_date(i) {
            return Some(cal_found(dated));
        }
        let (weekday, end, cyrillic) = self.weekday_at(i, false)?;
        if cyrillic && !i.checked_sub(1).is_some_and(|p| self.word_in(p, CYR_WEEKDAY_PREPS)) {
            return None; // "Понедельник выдался тяжёлым" is not a date
        }
        let which = WhichWeekday::Nearest;
        Some(Found::new(end, DateExprKind::Weekday { weekday, which }))
    }

    /// "yesterday", "the day before yesterday", "last week", "earlier this week", "two days ago".
    fn relative(&self, i: usize) -> Option<Found> {
        let rel = |end, amount, unit| Some(Found::new(end, DateExprKind::Relative { amount, unit }));
        for &(words, amount, unit) in RELATIVE_PHRASES {
            if words.iter().enumerate().all(|(k, w)| self.word(i + k) == Some(*w)) {
                return rel(i + words.len(), amount, unit);
            }
        }
        if let Some((amount, unit)) = self.lookup(i, RELATIVE_WORDS) {
            return rel(i + 1, amount, unit);
        }
        let earlier = self.word_in(i, &["earlier", "later"]) && self.word(i + 1) == Some("this");
        let j = if earlier { i + 1 } else { i };
        if let (Some(amount), Some(unit)) = (self.lookup(j, PERIOD_MODIFIERS), self.lookup(j + 1, PERIOD_UNITS)) {
            return rel(j + 2, amount, unit);
        }
        // "two days ago", "2 years ago", "a week ago", "год назад"
        let number = self.lookup(i, NUMBER_WORDS).or_else(|| {
            let n = self.lone_num(i, 3)?;
            if self.glued(i + 1) { None } else { i32::try_from(n).ok() }
        });
        let j = if number.is_some() { i + 1 } else { i };
        let (unit, singular) = self.lookup(j, AGO_UNITS)?;
        if (number.is_some() || singular) && self.word_in(j + 1, AGO_WORDS) {
            rel(j + 2, -number.unwrap_or(1), unit)
        } else {
            None
        }
    }

    /// "early 2022", "mid-2023", "late March", "end of 2021", "в начале 2022 года".
    fn part_of(&self, i: usize) -> Option<Found> {
        let (part, j) = if let Some(part) = self.lookup(i, PART_WORDS) {
            let hyphen = self.punct(i + 1) == Some('-') && self.glued(i + 1);
            (part, if hyphen { i + 2 } else { i + 1 })
        } else {
            let part = self.lookup(i, PART_OF_NOUNS)?;
            (self.word(i + 1) == Some("of")).then_some((part, i + 2))?
        };
        let year = self.year_at(j, BARE_YEARS).map(|(end, y)| (end, Cal::year(y)));
        let (end, cal) = longest([self.month_year(j), year, self.month_alone(j, true)])?;
        Some(cal_found((
            end,
            Cal {
                part: Some(part),
                ..cal
            },
        )))
    }

    /// A year on its own: "in 2014", "2014 crisis", "в 2014 году".
    fn bare_year(&self, i: usize) -> Option<Found> {
        let (end, year) = self.year_at(i, BARE_YEARS)?;
        if !self.year_context_ok(i) || self.word_in(end, COUNTED_NOUNS) {
            return None;
        }
        Some(cal_found((end, Cal::year(year))))
    }

    /// The expressions in the run of joined numbers `start..end`: a numeric date, a pair of
    /// years ("2014-2015"; "2014/15" gives 2014 only), or nothing ("1,000", "20:30", "24/7").
    fn num_run(&self, start: usize, end: usize) -> Vec<DateExpr> {
        if let Some((end, cal)) = self.numeric_date(start) {
            let range = self.span(start, end);
            return cal.kind().map(|kind| DateExpr { range, kind }).into_iter().collect();
        }
        let year_expr = |i: usize| {
            let digits = self.digits(i).filter(|d| d.len() == 4)?;
            let year = digits.parse().ok().filter(|y| BARE_YEARS.contains(y))?;
            let kind = Cal::year(i16::try_from(year).ok()?).kind()?;
            Some(DateExpr {
                range: self.span(i, i + 1),
                kind,
            })
        };
        let pair = end == start + 3 && self.punct_in(start + 1, YEAR_PAIR_SEPARATORS) && self.year_context_ok(start);
        let second_len = self.digits(start + 2).map_or(0, str::len);
        match (pair, year_expr(start), year_expr(start + 2)) {
            (true, Some(first), Some(second)) => vec![first, second],
            (true, Some(first), None) if second_len == 2 => vec![first],
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    /// Words of every table, capitalised or not, numbers and punctuation: the material of
    /// date expressions, to check that [`START_WORDS`] misses no pattern's first word.
    fn vocabulary() -> Vec<String> {
        // Every table's words, listed here independently of `START_WORDS`.
        let mut words: Vec<&str> = Vec::new();
        for (full, abbrs) in EN_MONTHS.iter().chain(EN_WEEKDAYS.iter()) {
            words.push(full);
            words.extend(abbrs.iter().copied());
        }
        words.extend(CYR_MONTHS.iter().flatten().copied());
        words.extend(CYR_WEEKDAYS.iter().flat_map(|f| f.iter().copied()));
        words.extend(WEEKDAY_MODIFIERS.iter().map(|(w, _)| *w));
        words.extend(RELATIVE_PHRASES.iter().flat_map(|(ws, _, _)| ws.iter().copied()));
        words.extend(RELATIVE_WORDS.iter().map(|(w, _)| *w));
        words.extend(PERIOD_MODIFIERS.iter().map(|(w, _)| *w));
        words.extend(NUMBER_WORDS.iter().map(|(w, _)| *w));
        words.extend(AGO_UNITS.iter().map(|(w, _)| *w));
        words.extend(PART_WORDS.iter().map(|(w, _)| *w));
        words.extend(PART_OF_NOUNS.iter().map(|(w, _)| *w));
        words.extend(["earlier", "later"]);
        for list in [
            EN_MONTH_TRIGGERS,
            CYR_MONTH_TRIGGERS,
            AGO_WORDS,
            COUNTED_NOUNS,
            CYR_YEAR_WORDS,
            CYR_WEEKDAY_PREPS,
            NOT_YEAR_AFTER,
            &["of", "this", "the", "st", "nd", "rd", "th", "on", "in", "and", "said"],
        ] {
            words.extend(list.iter().copied());
        }
        words.extend(PERIOD_UNITS.iter().map(|(w, _)| *w));
        let mut out: Vec<String> = Vec::new();
        for w in words {
            out.push(w.to_string());
            let mut cap = w.chars();
            if let Some(c) = cap.next() {
                out.push(c.to_uppercase().chain(cap).collect());
            }
        }
        out.extend(
            [
                "1", "5", "24", "31", "2014", "2022", "1999", "100", ",", ".", "(", ")", "-", "/", ":", "–",
            ]
            .map(String::from),
        );
        out
    }

    fn assert_gate_misses_nothing(text: &str) {
        let toks = tokenize(text);
        let sc = Scanner { text, toks: &toks };
        for i in 0..sc.toks.len() {
            if !sc.may_start(i) {
                assert!(
                    sc.longest_at(i).is_none(),
                    "an expression starts at a skipped token {i} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn skipped_words_start_no_expression_in_the_sample() {
        for (_, bytes) in crate::ingest::sample_files() {
            assert_gate_misses_nothing(&String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn no_word_outside_the_start_words_opens_a_pattern() {
        // Every table word that is not a start word, followed by any two tokens that
        // continue patterns: no expression may start at it.
        let followers: Vec<String> = [
            "of",
            "this",
            "the",
            "2022",
            "24",
            "5",
            "March",
            "марта",
            "января",
            "days",
            "week",
            "year",
            "года",
            "ago",
            "назад",
            "тому",
            "-",
            ".",
            ",",
            "(",
            "Monday",
            "понедельник",
            "last",
            "next",
            "st",
        ]
        .map(String::from)
        .to_vec();
        for w in vocabulary()
            .iter()
            .filter(|w| !super::START_WORDS.contains(w.to_lowercase().as_str()))
        {
            for a in &followers {
                for b in &followers {
                    assert_gate_misses_nothing(&format!("{w} {a} {b}"));
                    assert_gate_misses_nothing(&format!("{w}{a} {b}"));
                }
            }
        }
    }

    /// The tokens as the tokenizer read them before its ASCII fast paths: character by
    /// character. (kind, start, end, glued, lower.)
    fn reference_tokens(text: &str) -> Vec<(TokKind, usize, usize, bool, String)> {
        let char_at = |pos: usize| text[pos..].chars().next();
        let mut toks: Vec<(TokKind, usize, usize, bool, String)> = Vec::new();
        let mut pos = 0;
        while let Some(c) = char_at(pos) {
            let start = pos;
            pos += c.len_utf8();
            if c.is_whitespace() {
                continue;
            }
            let kind = if c.is_ascii_digit() {
                while char_at(pos).is_some_and(|d| d.is_ascii_digit()) {
                    pos += 1;
                }
                TokKind::Num
            } else if c.is_alphabetic() {
                let mut last = c;
                while let Some(d) = char_at(pos) {
                    let joins =
                        is_apostrophe(d) && is_cyrillic(last) && char_at(pos + d.len_utf8()).is_some_and(is_cyrillic);
                    if !(d.is_alphabetic() || joins) {
                        break;
                    }
                    pos += d.len_utf8();
                    last = d;
                }
                TokKind::Word
            } else {
                TokKind::Punct(c)
            };
            let lower = if kind == TokKind::Word {
                text[start..pos]
                    .chars()
                    .map(|c| if is_apostrophe(c) { '\'' } else { c })
                    .flat_map(char::to_lowercase)
                    .collect()
            } else {
                String::new()
            };
            let glued = toks.last().is_some_and(|t| t.2 == start);
            toks.push((kind, start, pos, glued, lower));
        }
        toks
    }

    proptest::proptest! {
        /// The fast paths read the same tokens as the character-by-character reference, on
        /// mixed ASCII, Cyrillic (with apostrophes), digits and punctuation.
        #[test]
        fn tokens_are_those_read_char_by_char(text in "[a-zA-Z0-9 .,'’ʼпПяЯ\u{a0}\u{2009}é-]{0,40}") {
            let fast: Vec<(TokKind, usize, usize, bool, String)> = tokenize(&text)
                .into_iter()
                .map(|t| (t.kind, t.start, t.end, t.glued, t.lower.to_string()))
                .collect();
            proptest::prop_assert_eq!(fast, reference_tokens(&text));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 2000, ..Default::default() })]
        #[test]
        fn skipped_words_start_no_expression(
            picks in proptest::collection::vec(proptest::sample::select(vocabulary()), 1..12),
            glue in proptest::collection::vec(proptest::bool::ANY, 12)
        ) {
            let mut text = String::new();
            for (w, g) in picks.iter().zip(&glue) {
                if !*g && !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(w);
            }
            assert_gate_misses_nothing(&text);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 1000, ..Default::default() })]
        /// A part's expressions read from the whole text's tokens are those found by scanning
        /// the part alone: always where the part starts and ends between words, and whenever
        /// they are read at all elsewhere (a cut inside a word or number reads none).
        #[test]
        fn a_parts_expressions_are_those_of_the_part_alone(
            picks in proptest::collection::vec(proptest::sample::select(vocabulary()), 1..14),
            seps in proptest::collection::vec(proptest::sample::select(vec!["", " ", ". ", ", ", "\n", "'", "-"]), 14),
            cuts in proptest::collection::vec(0usize..400, 2),
        ) {
            let mut text = String::new();
            let mut word_starts = vec![0];
            for (w, sep) in picks.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(sep);
                if sep.ends_with([' ', '\n']) {
                    word_starts.push(text.len());
                }
            }
            let tokens = DateTokens::new(&text);
            proptest::prop_assert_eq!(tokens.exprs(), find_date_exprs(&text));
            let alone = |r: Range<usize>| find_date_exprs(&text[r]);
            // Between words.
            let (a, b) = (word_starts[cuts[0] % word_starts.len()], word_starts[cuts[1] % word_starts.len()]);
            let (a, b) = (a.min(b), a.max(b));
            proptest::prop_assert_eq!(tokens.exprs_in(a..b), Some(alone(a..b)));
            proptest::prop_assert_eq!(tokens.exprs_in(a..text.len()), Some(alone(a..text.len())));
            // Anywhere.
            let boundary = |k: usize| (0..=k.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let (a, b) = (boundary(cuts[0]), boundary(cuts[1]));
            let (a, b) = (a.min(b), a.max(b));
            if let Some(exprs) = tokens.exprs_in(a..b) {
                proptest::prop_assert_eq!(exprs, alone(a..b));
            }
        }
    }

    #[test]
    fn a_part_cut_inside_a_token_is_not_read_from_the_whole_texts_tokens() {
        let text = "on 24 February 2022 in Kyiv";
        let tokens = DateTokens::new(text);
        // Inside "February" and inside "2022": the part's own tokens differ.
        assert_eq!(tokens.exprs_in(3..8), None);
        assert_eq!(tokens.exprs_in(0..17), None);
        assert_eq!(tokens.exprs_in(8..19), None);
        // One byte short of the end of "February".
        assert_eq!(tokens.exprs_in(3..13), None);
        assert_eq!(tokens.exprs_in(0..text.len() + 1), None);
        let whole = tokens.exprs_in(3..19).expect("cut between words");
        assert_eq!(whole, find_date_exprs("24 February 2022"));
        assert_eq!(whole.len(), 1);
        assert_eq!(whole[0].range, 0..16);
    }

    use super::*;
    use DateExprKind::{Relative, Weekday as Wd};
    use Weekday::*;
    use WhichWeekday::{Last, Nearest, Next};

    fn cal(year: Option<i16>, month: Option<i8>, day: Option<i8>) -> DateExprKind {
        DateExprKind::Calendar {
            year,
            month,
            day,
            weekday: None,
            part: None,
        }
    }
    fn ymd(y: i16, m: i8, d: i8) -> DateExprKind {
        cal(Some(y), Some(m), Some(d))
    }
    fn md(m: i8, d: i8) -> DateExprKind {
        cal(None, Some(m), Some(d))
    }
    fn ym(y: i16, m: i8) -> DateExprKind {
        cal(Some(y), Some(m), None)
    }
    fn year(y: i16) -> DateExprKind {
        cal(Some(y), None, None)
    }
    fn month(m: i8) -> DateExprKind {
        cal(None, Some(m), None)
    }
    fn rel(amount: i32, unit: Unit) -> DateExprKind {
        Relative { amount, unit }
    }
    fn wd(weekday: Weekday, which: WhichWeekday) -> DateExprKind {
        Wd { weekday, which }
    }
    fn with_wd(kind: DateExprKind, wd: Weekday) -> DateExprKind {
        match kind {
            DateExprKind::Calendar {
                year, month, day, part, ..
            } => DateExprKind::Calendar {
                year,
                month,
                day,
                weekday: Some(wd),
                part,
            },
            other => other,
        }
    }
    fn with_part(kind: DateExprKind, p: PartOf) -> DateExprKind {
        match kind {
            DateExprKind::Calendar {
                year,
                month,
                day,
                weekday,
                ..
            } => DateExprKind::Calendar {
                year,
                month,
                day,
                weekday,
                part: Some(p),
            },
            other => other,
        }
    }

    /// (input, expected expressions as (matched text, kind)).
    fn table() -> Vec<(&'static str, Vec<(&'static str, DateExprKind)>)> {
        use PartOf::*;
        use Unit::*;
        vec![
            // Day first.
            (
                "It happened on 27 March 2014.",
                vec![("27 March 2014", ymd(2014, 3, 27))],
            ),
            ("Signed 27 Mar 2014 in Kyiv", vec![("27 Mar 2014", ymd(2014, 3, 27))]),
            ("Signed 27 Mar. 2014 in Kyiv", vec![("27 Mar. 2014", ymd(2014, 3, 27))]),
            ("on the 1st of March 2022", vec![("1st of March 2022", ymd(2022, 3, 1))]),
            ("Talks resume on 2 March.", vec![("2 March", md(3, 2))]),
            ("(27 March 2014, New York)", vec![("27 March 2014", ymd(2014, 3, 27))]),
            (
                "24th February, 2022 was",
                vec![("24th February, 2022", ymd(2022, 2, 24))],
            ),
            ("MINSK, 12 FEB 2015", vec![("12 FEB 2015", ymd(2015, 2, 12))]),
            // Month first.
            (
                "March 27, 2014 — the General Assembly",
                vec![("March 27, 2014", ymd(2014, 3, 27))],
            ),
            ("Updated Feb. 24 at noon", vec![("Feb. 24", md(2, 24))]),
            ("Updated Feb 24 at noon", vec![("Feb 24", md(2, 24))]),
            ("Published Sept. 5, 2023", vec![("Sept. 5, 2023", ymd(2023, 9, 5))]),
            ("By Aug. 31 the troops", vec![("Aug. 31", md(8, 31))]),
            ("June 30, 2022", vec![("June 30, 2022", ymd(2022, 6, 30))]),
            ("on Jan 3rd they met", vec![("Jan 3rd", md(1, 3))]),
            // Weekday attached.
            (
                "on Tuesday (1 March) the",
                vec![("Tuesday (1 March)", with_wd(md(3, 1), Tuesday))],
            ),
            (
                "On Tuesday, March 1, he",
                vec![("Tuesday, March 1", with_wd(md(3, 1), Tuesday))],
            ),
            (
                "Monday, 16 September 2024",
                vec![("Monday, 16 September 2024", with_wd(ymd(2024, 9, 16), Monday))],
            ),
            (
                "Tue, 1 Mar 2022 10:00:00 +0000",
                vec![("Tue, 1 Mar 2022", with_wd(ymd(2022, 3, 1), Tuesday))],
            ),
            (
                "Tuesday, 1 March 2022",
                vec![("Tuesday, 1 March 2022", with_wd(ymd(2022, 3, 1), Tuesday))],
            ),
            (
                "в понедельник, 2 мая 2022 года",
                vec![("понедельник, 2 мая 2022 года", with_wd(ymd(2022, 5, 2), Monday))],
            ),
            // Numeric.
            ("Date: 24.02.2022.", vec![("24.02.2022", ymd(2022, 2, 24))]),
            ("Date: 24/02/2022", vec![("24/02/2022", ymd(2022, 2, 24))]),
            ("Date: 03/02/2022", vec![("03/02/2022", ymd(2022, 2, 3))]),
            ("Date: 02/24/2022", vec![("02/24/2022", ymd(2022, 2, 24))]),
            ("2022-03-18T10:00:00Z", vec![("2022-03-18", ymd(2022, 3, 18))]),
            ("2022/03/18", vec![("2022/03/18", ymd(2022, 3, 18))]),
            ("от 18.06.22 г.", vec![("18.06.22", ymd(2022, 6, 18))]),
            ("29/09/2023 - 10:37", vec![("29/09/2023", ymd(2023, 9, 29))]),
            ("31.02.2022 and 13/13/2022", vec![]),
            ("12/13/2022", vec![("12/13/2022", ymd(2022, 12, 13))]),
            ("2022-13-01", vec![]),
            ("31 February 2022", vec![]),
            ("version 1.2.22 or v1.02.2022", vec![]),
            // Month and year, month alone.
            ("In May 2022 the", vec![("May 2022", ym(2022, 5))]),
            ("in November 2023", vec![("November 2023", ym(2023, 11))]),
            ("September 2022", vec![("September 2022", ym(2022, 9))]),
            ("The plan was announced in November.", vec![("November", month(11))]),
            ("since March, prices", vec![("March", month(3))]),
            ("last November we", vec![("November", month(11))]),
            // Years.
            ("in 2014 Crimea", vec![("2014", year(2014))]),
            ("since 2014", vec![("2014", year(2014))]),
            ("the 2014 crisis", vec![("2014", year(2014))]),
            ("from 2014-2015 on", vec![("2014", year(2014)), ("2015", year(2015))]),
            ("the 2014–15 season", vec![("2014", year(2014))]),
            ("early 2022", vec![("early 2022", with_part(year(2022), Early))]),
            ("by mid-2023", vec![("mid-2023", with_part(year(2023), Mid))]),
            ("in late 2021", vec![("late 2021", with_part(year(2021), Late))]),
            ("by the end of 2021", vec![("end of 2021", with_part(year(2021), Late))]),
            ("in early March", vec![("early March", with_part(month(3), Early))]),
            (
                "в начале 2022 года",
                vec![("начале 2022 года", with_part(year(2022), Early))],
            ),
            ("в конце марта", vec![("конце марта", with_part(month(3), Late))]),
            (
                "наприкінці 2021 року",
                vec![("наприкінці 2021 року", with_part(year(2021), Late))],
            ),
            // Relative.
            ("Today the", vec![("Today", rel(0, Day))]),
            (
                "yesterday and tomorrow",
                vec![("yesterday", rel(-1, Day)), ("tomorrow", rel(1, Day))],
            ),
            ("a week ago", vec![("a week ago", rel(-1, Week))]),
            ("one year ago", vec![("one year ago", rel(-1, Year))]),
            ("two days ago", vec![("two days ago", rel(-2, Day))]),
            ("2 years ago", vec![("2 years ago", rel(-2, Year))]),
            ("three years ago", vec![("three years ago", rel(-3, Year))]),
            ("a month ago", vec![("a month ago", rel(-1, Month))]),
            ("last year", vec![("last year", rel(-1, Year))]),
            ("this week", vec![("this week", rel(0, Week))]),
            ("earlier this week", vec![("earlier this week", rel(0, Week))]),
            ("last week", vec![("last week", rel(-1, Week))]),
            ("last month", vec![("last month", rel(-1, Month))]),
            ("next week", vec![("next week", rel(1, Week))]),
            (
                "the day before yesterday",
                vec![("the day before yesterday", rel(-2, Day))],
            ),
            (
                "сегодня и вчера",
                vec![("сегодня", rel(0, Day)), ("вчера", rel(-1, Day))],
            ),
            ("год назад", vec![("год назад", rel(-1, Year))]),
            ("неделю назад", vec![("неделю назад", rel(-1, Week))]),
            ("два дня назад", vec![("два дня назад", rel(-2, Day))]),
            ("3 года назад", vec![("3 года назад", rel(-3, Year))]),
            ("на прошлой неделе", vec![("прошлой неделе", rel(-1, Week))]),
            ("в прошлом году", vec![("прошлом году", rel(-1, Year))]),
            (
                "сьогодні, минулого тижня",
                vec![("сьогодні", rel(0, Day)), ("минулого тижня", rel(-1, Week))],
            ),
            ("рік тому", vec![("рік тому", rel(-1, Year))]),
            // Weekdays.
            ("on Monday the", vec![("Monday", wd(Monday, Nearest))]),
            ("Monday's meeting", vec![("Monday", wd(Monday, Nearest))]),
            ("last Monday", vec![("last Monday", wd(Monday, Last))]),
            ("next Friday", vec![("next Friday", wd(Friday, Next))]),
            ("this Monday", vec![("this Monday", wd(Monday, Nearest))]),
            ("в понедельник", vec![("понедельник", wd(Monday, Nearest))]),
            ("во вторник", vec![("вторник", wd(Tuesday, Nearest))]),
            ("у п’ятницю", vec![("п’ятницю", wd(Friday, Nearest))]),
            ("в прошлую пятницу", vec![("прошлую пятницу", wd(Friday, Last))]),
            ("Понедельник выдался тяжёлым", vec![]),
            // Russian and Ukrainian dates.
            ("2 мая 2023", vec![("2 мая 2023", ymd(2023, 5, 2))]),
            ("24 февраля 2022 года", vec![("24 февраля 2022 года", ymd(2022, 2, 24))]),
            ("в марте 2014", vec![("марте 2014", ym(2014, 3))]),
            ("8 березня", vec![("8 березня", md(3, 8))]),
            ("з березня 2022", vec![("березня 2022", ym(2022, 3))]),
            ("у березні", vec![("березні", month(3))]),
            ("лютого 2022", vec![("лютого 2022", ym(2022, 2))]),
            ("24 лютого", vec![("24 лютого", md(2, 24))]),
            ("Казахстана2 мая 2023", vec![("2 мая 2023", ymd(2023, 5, 2))]),
            ("в 2014 году", vec![("2014 году", year(2014))]),
            (
                "в 2014 г. и у 2015 році",
                vec![("2014 г.", year(2014)), ("2015 році", year(2015))],
            ),
            // Combinations.
            (
                "Tuesday, 01.03.2022",
                vec![("Tuesday, 01.03.2022", with_wd(ymd(2022, 3, 1), Tuesday))],
            ),
            (
                "Sun, 5 May 2024",
                vec![("Sun, 5 May 2024", with_wd(ymd(2024, 5, 5), Sunday))],
            ),
            (
                "1 March – 2 April 2022",
                vec![("1 March", md(3, 1)), ("2 April 2022", ymd(2022, 4, 2))],
            ),
            ("from 2014 to 2016", vec![("2014", year(2014)), ("2016", year(2016))]),
            ("24-25 February 2022", vec![("February 2022", ym(2022, 2))]),
            ("30 years ago", vec![("30 years ago", rel(-30, Year))]),
            ("24 ФЕВРАЛЯ 2022", vec![("24 ФЕВРАЛЯ 2022", ymd(2022, 2, 24))]),
            ("в 2014–2015 годах", vec![("2014", year(2014)), ("2015", year(2015))]),
            ("many years ago, a few days ago", vec![]),
            // Traps.
            ("a 12-point peace plan", vec![]),
            ("document A/68/L.39 adopted", vec![]),
            ("the 80th plenary meeting", vec![]),
            ("at 20:30 local time", vec![]),
            ("the 10th EU sanctions package", vec![]),
            ("1 min read", vec![]),
            ("for three years", vec![]),
            ("May I ask", vec![]),
            ("this may be true", vec![]),
            ("March on Washington", vec![]),
            ("one of the", vec![]),
            ("Section 2014 and No. 2014 and Resolution 2014", vec![]),
            ("see page 2014, pp. 1999 and Article 2000", vec![]),
            ("# 2014 and #2014", vec![]),
            ("call +1 202 555 2014 or (202) 555-2014", vec![]),
            ("1,000 people and 2,014 votes", vec![]),
            ("open 24/7", vec![]),
            ("12014 and $2014 and 2014% and the 1990s", vec![]),
            ("more than 2000 people", vec![]),
            ("he will march in the parade", vec![]),
            ("Mar-a-Lago", vec![]),
            ("IP 192.168.20.14", vec![]),
        ]
    }

    #[test]
    fn table_driven() {
        let rows = table();
        assert!(rows.len() >= 70, "only {} rows", rows.len());
        let mut failures = Vec::new();
        for (input, expected) in &rows {
            let got: Vec<(&str, DateExprKind)> = find_date_exprs(input)
                .into_iter()
                .map(|e| (&input[e.range], e.kind))
                .collect();
            if &got != expected {
                failures.push(format!("{input:?}\n   got:      {got:?}\n   expected: {expected:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn resolve_relative() {
        let r = date("2023-02-25");
        let one_year_ago = rel(-1, Unit::Year);
        assert_eq!(resolve(&one_year_ago, r), Some((date("2022-02-25"), Precision::Year)));
        assert_eq!(
            resolve(&rel(-1, Unit::Day), r),
            Some((date("2023-02-24"), Precision::Day))
        );
        assert_eq!(
            resolve(&rel(-1, Unit::Week), r),
            Some((date("2023-02-18"), Precision::Day))
        );
        assert_eq!(resolve(&rel(0, Unit::Week), r), Some((r, Precision::Day)));
        assert_eq!(
            resolve(&rel(-1, Unit::Month), r),
            Some((date("2023-01-25"), Precision::Month))
        );
        assert_eq!(
            resolve(&rel(-1, Unit::Month), date("2023-03-31")),
            Some((date("2023-02-28"), Precision::Month))
        );
        assert_eq!(resolve(&rel(i32::MAX, Unit::Year), r), None);
        assert_eq!(resolve(&rel(i32::MIN, Unit::Week), r), None);
    }

    #[test]
    fn resolve_weekdays() {
        let tuesday = date("2024-09-17");
        let monday = date("2024-09-16");
        assert_eq!(resolve(&wd(Monday, Nearest), tuesday), Some((monday, Precision::Day)));
        assert_eq!(resolve(&wd(Monday, Nearest), monday), Some((monday, Precision::Day)));
        assert_eq!(
            resolve(&wd(Monday, Last), monday),
            Some((date("2024-09-09"), Precision::Day))
        );
        assert_eq!(resolve(&wd(Monday, Last), tuesday), Some((monday, Precision::Day)));
        assert_eq!(
            resolve(&wd(Friday, Next), tuesday),
            Some((date("2024-09-20"), Precision::Day))
        );
        assert_eq!(
            resolve(&wd(Tuesday, Next), tuesday),
            Some((date("2024-09-24"), Precision::Day))
        );
        assert_eq!(
            resolve(&wd(Sunday, Nearest), tuesday),
            Some((date("2024-09-15"), Precision::Day))
        );
    }

    #[test]
    fn resolve_calendar() {
        let r = date("2024-09-17");
        assert_eq!(
            resolve(&ymd(2014, 3, 27), r),
            Some((date("2014-03-27"), Precision::Day))
        );
        assert_eq!(
            resolve(&with_wd(ymd(2022, 3, 1), Tuesday), r),
            Some((date("2022-03-01"), Precision::Day))
        );
        assert_eq!(resolve(&md(3, 27), r), None);
        assert_eq!(resolve(&ym(2022, 3), r), None);
        assert_eq!(resolve(&with_part(year(2022), PartOf::Early), r), None);
    }

    #[test]
    fn years_for_weekday() {
        assert_eq!(
            years_matching_weekday(3, 1, Tuesday, 2010..=2026),
            vec![2022, 2016, 2011]
        );
        assert_eq!(years_matching_weekday(2, 29, Thursday, 2000..=2024), vec![2024]);
        assert_eq!(years_matching_weekday(2, 30, Monday, 2000..=2024), Vec::<i16>::new());
        let all = years_matching_weekday(1, 1, Monday, i16::MIN..=i16::MAX);
        assert!(all.iter().all(|&y| Date::new(y, 1, 1).unwrap().weekday() == Monday));
    }

    /// The ranges are in order, non-overlapping and on char boundaries.
    fn check_ranges(text: &str) {
        let mut last_end = 0;
        for e in find_date_exprs(text) {
            assert!(
                last_end <= e.range.start && e.range.start < e.range.end,
                "{text:?}: {e:?}"
            );
            assert!(text.get(e.range.clone()).is_some(), "{text:?}: {e:?}");
            last_end = e.range.end;
        }
    }

    #[test]
    fn never_panics_on_random_bytes() {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let alphabet = "0123456789 .,:/-–()'’ МмаяМартаMarchMay27th2022года".as_bytes();
        for round in 0..200 {
            let bytes: Vec<u8> = (0..400)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    let r = (state >> 33) as usize;
                    // Half the rounds use fully random bytes, half bytes from date-like text.
                    if round % 2 == 0 {
                        r as u8
                    } else {
                        alphabet[r % alphabet.len()]
                    }
                })
                .collect();
            check_ranges(&String::from_utf8_lossy(&bytes));
        }
    }

    #[test]
    fn never_panics_on_prefixes() {
        let sample = "Казахстана2 мая 2023, во вторник (1 марта) — on Tuesday, March 1, 2022; \
                      24.02.2022 у п'ятницю 24 лютого 2022 року two days ago mid-2023 18.06.22";
        for (i, _) in sample.char_indices() {
            check_ranges(&sample[..i]);
            check_ranges(&sample[i..]);
        }
        check_ranges(sample);
    }
}
