//! Turns of a transcript or an interview: what a reporter says or asks takes no position
//! ("Q: …", "Question: …", a question in bold), and the "we" of an answer ("Answer: We
//! respect …", the paragraph after a question in bold) is the country of the one answering.

use super::*;

/// Lines looked back over for the start of a speaker's turn in a transcript.
const TURN_LOOKBACK_LINES: usize = 40;
/// Bytes looked back over for it.
const TURN_LOOKBACK_BYTES: usize = 8192;
/// Characters of a line read to tell a speaker's label ("Q", "MS. PSAKI:").
const LINE_HEAD_CHARS: usize = 64;
/// Bytes of a label at most ("MS. PSAKI", "Foreign Minister Daniyar Seitkali").
const LABEL_BYTES: usize = 40;
/// Words of a label at most.
const LABEL_WORDS: usize = 4;
/// Paragraphs without a label looked back over for the label of their turn.
const TURN_PARAGRAPHS: usize = 4;
/// Bytes read of a paragraph to tell whether it is a question in bold.
const BOLD_QUESTION_BYTES: usize = 2048;
/// Bytes between a country and the name of the one answering ("Kazakhstan's Foreign Minister
/// Daniyar Seitkali"), at most.
const TITLE_BYTES: usize = 80;

/// Labels of a reporter's turn, lower case ("Q" is matched apart: "Q And then, …").
const REPORTER_LABELS: &[&str] = &[
    "question",
    "interviewer",
    "reporter",
    "journalist",
    "вопрос",
    "корреспондент",
    "журналист",
    "питання",
    "кореспондент",
    "журналіст",
];
/// Labels of an answer whose speaker the document introduced, lower case.
const ANSWER_LABELS: &[&str] = &["a", "answer", "ответ", "відповідь"];

/// How the turn around a byte opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TurnHead<'a> {
    /// "Q", "Question:", "Вопрос:".
    Reporter,
    /// "A:", "Answer:", "Ответ:".
    Answer,
    /// A speaker named in the label ("MS. PSAKI:", "Wei Lanqing:"), as written, and the byte
    /// where its line starts.
    Named(&'a str, usize),
    /// A paragraph without a label, starting at this byte.
    Unlabelled(usize),
}

/// The label that opens `line` (white space, "*" and ">" before it skipped): the words before
/// its colon, when they look like a speaker's name or role: in capitals ("MS. PSAKI"), or at
/// most four words, each capitalised, no digit ("Wei Lanqing").
fn label_of(line: &str) -> Option<&str> {
    let (label, rest) = line.split_once(':')?;
    let label = label.trim_end_matches('*').trim();
    if label.is_empty()
        || label.len() > LABEL_BYTES
        || !(rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || c == '*'))
    {
        return None;
    }
    let capitals = label.chars().any(char::is_uppercase) && !label.chars().any(char::is_lowercase);
    let name = label.split_whitespace().count() <= LABEL_WORDS
        && !label.contains(|c: char| c.is_ascii_digit())
        && label.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
    (capitals || name).then_some(label)
}

/// Bytes of a paragraph read to tell whether it ends with a question.
const ASKING_PARAGRAPH_BYTES: usize = 8192;

/// The speakers' labels of a transcript, read once per document: who mostly asks ("Pacific
/// Wire: … What is your response?", an outlet or a journalist named in the label) and who
/// answers. Labels of one speaker are counted together: a surname or initials after the full
/// name ("Tomáš Vavroušek:" then "Vavroušek:", "Central European Weekly:" then "CEW:").
#[derive(Debug, Default)]
pub(super) struct TurnLabels {
    /// Each label and the speaker (the fullest label) it stands for.
    speakers: Vec<(String, String)>,
    /// Speakers more than half of whose turns end with a question mark.
    askers: Vec<String>,
    /// Speakers with at least half of their turns not questions.
    answerers: Vec<String>,
    /// The country the document names most ([`most_named_country`]), once asked.
    most_named: std::cell::OnceCell<Option<usize>>,
    /// The country of the one an interview introduces ([`introduced_country`]), once asked.
    introduced: std::cell::OnceCell<Option<usize>>,
}

/// Whether `short` is how a transcript shortens the label `full`: its last word ("Vavroušek"
/// for "Tomáš Vavroušek") or its initials ("CEW" for "Central European Weekly").
fn shortens(short: &str, full: &str) -> bool {
    let words: Vec<&str> = full.split_whitespace().collect();
    if words.len() < 2 || short.contains(char::is_whitespace) {
        return false;
    }
    let last = words[words.len() - 1].trim_end_matches('.');
    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
    short.trim_end_matches('.') == last || (short.chars().count() >= 2 && short == initials)
}

impl TurnLabels {
    /// Reads the labels that open paragraphs in `text` (see [`label_of`]).
    pub(super) fn scan(text: &str) -> TurnLabels {
        // Each label with its turns and how many of them end with a question.
        let mut turns: Vec<(&str, usize, usize)> = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            if !(start == 0 || blank_line_before(&text[..start - 1])) {
                continue;
            }
            let trimmed = line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '>'));
            let Some(label) = label_of(trimmed) else { continue };
            let lower = label.to_lowercase();
            let q_turn = label
                .strip_prefix('Q')
                .is_some_and(|r| r.is_empty() || r.starts_with(char::is_whitespace));
            if REPORTER_LABELS.contains(&lower.as_str()) || ANSWER_LABELS.contains(&lower.as_str()) || q_turn {
                continue;
            }
            let asked = usize::from(ends_with_question(text, start));
            match turns.iter_mut().find(|(l, _, _)| *l == label) {
                Some((_, n, q)) => {
                    *n += 1;
                    *q += asked;
                }
                None => turns.push((label, 1, asked)),
            }
        }
        let speakers: Vec<(String, String)> = turns
            .iter()
            .map(|&(label, _, _)| {
                let full = turns
                    .iter()
                    .map(|t| t.0)
                    .find(|full| shortens(label, full))
                    .unwrap_or(label);
                (label.to_string(), full.to_string())
            })
            .collect();
        let mut counts: Vec<(&str, usize, usize)> = Vec::new();
        for ((_, speaker), &(_, n, q)) in speakers.iter().zip(&turns) {
            match counts.iter_mut().find(|(s, _, _)| *s == speaker) {
                Some((_, tn, tq)) => {
                    *tn += n;
                    *tq += q;
                }
                None => counts.push((speaker, n, q)),
            }
        }
        // A speaker all of whose turns are questions asks. Of two speakers, one who never asks
        // also makes the other the one who asks if more than a third of their (three or more)
        // turns are questions: an interviewer's turns are also remarks ("CEW: Moscow responded
        // the very next day."). Of more speakers, each whose turns are mostly questions asks.
        let asking: Vec<bool> = match counts.as_slice() {
            // One speaker asks nobody ("MS. PSAKI:" between unlabelled "Q" turns).
            [_] => vec![false],
            [(_, na, qa), (_, nb, qb)] => vec![
                qa == na || (*na >= 3 && 3 * qa > *na && *qb == 0),
                qb == nb || (*nb >= 3 && 3 * qb > *nb && *qa == 0),
            ],
            _ => counts.iter().map(|(_, n, q)| 2 * q > *n).collect(),
        };
        let of = |ask: bool| {
            counts
                .iter()
                .zip(&asking)
                .filter(|(_, a)| **a == ask)
                .map(|((s, _, _), _)| s.to_string())
                .collect()
        };
        let (askers, answerers) = (of(true), of(false));
        TurnLabels {
            speakers,
            askers,
            answerers,
            most_named: std::cell::OnceCell::new(),
            introduced: std::cell::OnceCell::new(),
        }
    }

    /// Whether the text has no speakers' labels (it is no transcript).
    pub(super) fn is_empty(&self) -> bool {
        self.speakers.is_empty()
    }

    /// The speaker `label` stands for (see [`shortens`]).
    fn speaker<'a>(&'a self, label: &'a str) -> &'a str {
        self.speakers
            .iter()
            .find(|(l, _)| l == label)
            .map_or(label, |(_, s)| s.as_str())
    }

    /// Whether most turns of `label`'s speaker are questions: a reporter's.
    fn asks(&self, label: &str) -> bool {
        let speaker = self.speaker(label);
        !self.answerers.is_empty() && self.askers.iter().any(|l| l == speaker)
    }

    /// Whether `label`'s speaker is the only one that answers (a ministry's spokesperson at a
    /// briefing).
    fn sole_answerer(&self, label: &str) -> bool {
        self.answerers.len() == 1 && self.answerers[0] == self.speaker(label)
    }
}

/// Whether the paragraph starting at byte `start` ends with a question mark (closing quotation
/// marks and asterisks aside).
fn ends_with_question(text: &str, start: usize) -> bool {
    let rest = &text[start..];
    let mut end = rest.len().min(ASKING_PARAGRAPH_BYTES);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let window = &rest[..end];
    // The paragraph ends at the first blank line.
    let mut para_end = window.len();
    let mut at = 0;
    for line in window.split_inclusive('\n') {
        at += line.len();
        if line.trim().is_empty() && at > line.len() {
            para_end = at - line.len();
            break;
        }
    }
    if para_end == window.len() && end < rest.len() {
        return false;
    }
    window[..para_end]
        .trim_end()
        .trim_end_matches(['*', '”', '"', '»', '’', ')'])
        .ends_with('?')
}

/// Whether `before` (the text up to a line's line break) ends with a blank line: one of white
/// space only, no-break spaces included ("\u{a0}  " separates wh-briefings' paragraphs).
fn blank_line_before(before: &str) -> bool {
    before
        .trim_end_matches(|c: char| c.is_whitespace() && c != '\n')
        .ends_with('\n')
}

/// How the turn that byte `at` lies in opens: its paragraph's first line or, in a run of lines
/// without blank lines between, the last line with a speaker's label.
fn turn_head(text: &str, at: usize) -> Option<TurnHead<'_>> {
    // Only the text just before is read, and only the start of each line: a huge file with
    // few line breaks costs no more than a small one.
    let mut floor = at.saturating_sub(TURN_LOOKBACK_BYTES);
    while !text.is_char_boundary(floor) {
        floor -= 1;
    }
    let window = &text[floor..at];
    let mut end = window.len();
    for _ in 0..TURN_LOOKBACK_LINES {
        let start = match window[..end].rfind('\n') {
            Some(i) => i + 1,
            None if floor == 0 => 0,
            None => return None,
        };
        let rest = &text[floor + start..];
        let head = &rest[..rest.char_indices().nth(LINE_HEAD_CHARS).map_or(rest.len(), |(i, _)| i)];
        let line = head.split('\n').next().unwrap_or("");
        let line = line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '>'));
        if let Some(rest) = line.strip_prefix('Q')
            && (rest.is_empty() || rest.starts_with(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '*')))
        {
            return Some(TurnHead::Reporter);
        }
        if let Some(label) = label_of(line) {
            let lower = label.to_lowercase();
            if REPORTER_LABELS.contains(&lower.as_str()) {
                return Some(TurnHead::Reporter);
            }
            if ANSWER_LABELS.contains(&lower.as_str()) {
                return Some(TurnHead::Answer);
            }
            // "MS. PSAKI:", "MR. KIRBY:", and names written as names where a paragraph opens
            // ("Wei Lanqing:").
            let paragraph_opens = start == 0 || blank_line_before(&window[..start - 1]);
            if !label.chars().any(char::is_lowercase) || paragraph_opens {
                return Some(TurnHead::Named(label, floor + start));
            }
        }
        // A blank line before this one: the paragraph starts here.
        if start == 0 || blank_line_before(&window[..start - 1]) {
            return Some(TurnHead::Unlabelled(floor + start));
        }
        end = start - 1;
    }
    None
}

/// Whether the paragraph starting at byte `start` is a question in bold ("**Is that fair?**"),
/// as interviews print the interviewer's turns.
fn bold_question(text: &str, start: usize) -> bool {
    let rest = &text[start..];
    let line = rest.trim_start_matches([' ', '\t']);
    if !line.starts_with("**") && !line.starts_with("__") {
        return false;
    }
    let mut end = rest.find("\n\n").unwrap_or(rest.len()).min(BOLD_QUESTION_BYTES);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let paragraph = rest[..end].trim_end();
    let inner = paragraph.trim_end_matches(['*', '_']);
    inner.len() < paragraph.len() && inner.trim_end_matches(['"', '”', '»', ')']).ends_with('?')
}

/// Whether byte `at` lies in a reporter's turn of a transcript or an interview: the turn (its
/// paragraph, or the run of lines since the last speaker label) opens with "Q" ("Q And then,
/// while Ukraine waits …") or a reporter's label ("Question:"), or is a question in bold. What a
/// reporter says or asks is no government's position.
pub(super) fn in_reporter_turn(text: &str, at: usize, labels: &TurnLabels) -> bool {
    let mut at = at;
    for paragraph in 0..TURN_PARAGRAPHS {
        match turn_head(text, at) {
            Some(TurnHead::Reporter) => return true,
            // "Pacific Wire: … What is your response?": a label that only asks.
            Some(TurnHead::Named(label, _)) if labels.asks(label) => return true,
            // The paragraph after a question in bold is its answer.
            Some(TurnHead::Unlabelled(start)) if bold_question(text, start) => return paragraph == 0,
            // A paragraph without a label continues the turn before it ("Q … ?" and then "And
            // then I have a quick follow …").
            Some(TurnHead::Unlabelled(start)) => {
                at = text[..start].trim_end().len();
                if at == 0 {
                    return false;
                }
            }
            _ => return false,
        }
    }
    false
}

/// Who answers in the turn that byte `at` lies in, if it is an answer: `None` for no answer,
/// `Some(None)` for the one the document introduced ("Answer: …", or a paragraph right after a
/// reporter's turn), `Some(Some(label))` for a speaker named in its label ("Wei Lanqing: …"
/// after a question).
#[cfg(test)]
fn answer_turn(text: &str, at: usize) -> Option<Option<&str>> {
    answer_of_turn(text, turn_head(text, at)?, &TurnLabels::scan(text))
}

/// [`answer_turn`] for a turn that opens with `head`.
fn answer_of_turn<'a>(text: &'a str, head: TurnHead<'a>, labels: &TurnLabels) -> Option<Option<&'a str>> {
    let (head, start) = match head {
        TurnHead::Answer => return Some(None),
        TurnHead::Reporter => return None,
        TurnHead::Named(label, start) => (Some(label), start),
        TurnHead::Unlabelled(start) => (None, start),
    };
    // The paragraph before: a reporter's turn? For a paragraph without a label, only a question
    // in bold: in a transcript whose turns are labelled, a reporter's turn may run over several
    // paragraphs ("Q … ?" and then "And then I have a quick follow …").
    let before = text[..start].trim_end();
    if before.is_empty() {
        return None;
    }
    let asked = match head {
        Some(_) => in_reporter_turn(text, before.len(), labels),
        None => turn_head(text, before.len()).is_some_and(|h| match h {
            TurnHead::Unlabelled(q) => bold_question(text, q),
            _ => false,
        }),
    };
    asked.then_some(head)
}

/// The country of the one answering in the turn that byte `at` lies in, if it is an answer
/// and the document says: for a speaker named in the label, the country named right before
/// another mention of the name ("Kazakhstan's Foreign Minister Daniyar Seitkali") or right
/// after it ("President Zelenskyy of Ukraine"); for an unnamed answer, `first_actor`, the
/// first actor the document named outside reporters' turns (its introduction of the one
/// interviewed).
///
/// `named` keeps each label's country once looked up (the lookup reads the whole text), `last`
/// the last turn's answer.
pub(super) fn in_answer_turn(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    at: usize,
    first_actor: Option<usize>,
    named: &mut Vec<(String, Option<usize>)>,
    last: &mut Option<(usize, Option<(usize, String)>)>,
    labels: &TurnLabels,
) -> Option<(usize, String)> {
    // The sentences of one turn share its answer, looked up once.
    let head = turn_head(input.text, at)?;
    let key = match head {
        TurnHead::Named(_, start) | TurnHead::Unlabelled(start) => Some(start),
        _ => None,
    };
    if let (Some(k), Some((lk, answer))) = (key, last.as_ref())
        && k == *lk
    {
        return answer.clone();
    }
    let answer = answer_with(input, gaz, head, first_actor, named, labels);
    if let Some(k) = key {
        *last = Some((k, answer.clone()));
    }
    answer
}

/// [`in_answer_turn`] for a turn that opens with `head`.
fn answer_with(
    input: &StanceInput<'_>,
    gaz: &Gazetteer,
    head: TurnHead<'_>,
    first_actor: Option<usize>,
    named: &mut Vec<(String, Option<usize>)>,
    labels: &TurnLabels,
) -> Option<(usize, String)> {
    let country = |e: usize| gaz.kind(e) == EntityKind::Country;
    match answer_of_turn(input.text, head, labels)? {
        None => match *labels.introduced.get_or_init(|| introduced_country(input, gaz)) {
            Some(e) => Some((
                e,
                format!(
                    "the one interviewed, introduced as holding an office of {}",
                    gaz.entries[e].name
                ),
            )),
            None => first_actor
                .filter(|&e| country(e))
                .map(|e| (e, "the one interviewed, whom the document introduced".to_string())),
        },
        Some(label) => {
            let surname = label.split_whitespace().last()?.trim_end_matches('.');
            // "THE PRESIDENT:", "SENIOR ADMINISTRATION OFFICIAL:": a title names no one.
            if TITLE_GAP_SET.contains(surname.to_lowercase().as_str()) {
                return None;
            }
            let country = match named.iter().find(|(l, _)| l == surname) {
                Some((_, c)) => *c,
                None => {
                    let c = named_country(input, gaz, surname);
                    named.push((surname.to_string(), c));
                    c
                }
            };
            // The one who answers every question of a briefing ("Lin Haoyu: …" after each
            // reporter's) speaks for the country the document first named as actor.
            // Only where that country is also the one the document names most: a briefing's
            // first actor may be the country whose remarks it rebuts.
            country.map(|e| (e, format!("the speaker “{label}”"))).or_else(|| {
                first_actor
                    .filter(|&e| {
                        gaz.kind(e) == EntityKind::Country
                            && labels.sole_answerer(label)
                            && *labels.most_named.get_or_init(|| most_named_country(input, gaz)) == Some(e)
                    })
                    .map(|e| (e, format!("the speaker “{label}”, the only one answering")))
            })
        }
    }
}

/// Bytes of an interview read for its first question in bold, at most.
const INTRODUCTION_BYTES: usize = 4096;
/// Words of an office after a country that introduce the one interviewed ("Sweden's State
/// Secretary for Foreign Affairs", "the Czech Foreign Minister").
const INTERVIEWEE_TITLES: &[&str] = &[
    "minister",
    "secretary",
    "president",
    "ambassador",
    "envoy",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chancellor",
    "representative",
    "министр",
    "министра",
    "президент",
    "президента",
    "посол",
    "посла",
    "міністр",
    "міністра",
];
/// Words looked over after the country for one of [`INTERVIEWEE_TITLES`].
const INTERVIEWEE_TITLE_WORDS: usize = 3;

/// The country of the one an interview introduces before its first question in bold: the last
/// country named with an office right after it ("We spoke to **Karin Lindqvist**, Sweden's State
/// Secretary for Foreign Affairs", "the Czech Foreign Minister …"). The introduction, not the
/// first government it names ("Turkey's parliament voted …"), says who answers.
fn introduced_country(input: &StanceInput<'_>, gaz: &Gazetteer) -> Option<usize> {
    let text = input.text;
    let mut start = 0;
    let first_question = loop {
        if start > INTRODUCTION_BYTES.min(text.len()) {
            return None;
        }
        if bold_question(text, start) {
            break start;
        }
        start += text[start..].find("\n\n")? + 2;
    };
    input
        .mentions
        .iter()
        .take_while(|m| m.range.end <= first_question)
        .filter(|m| {
            let rest = &text[m.range.end..first_question];
            let rest = rest
                .strip_prefix("'s")
                .or_else(|| rest.strip_prefix("’s"))
                .unwrap_or(rest);
            rest.split_whitespace()
                .take(INTERVIEWEE_TITLE_WORDS)
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
                .any(|w| INTERVIEWEE_TITLES.contains(&w.as_str()))
        })
        .filter_map(|m| actor_entry(gaz, m.entry, input.doc_date).filter(|&e| gaz.kind(e) == EntityKind::Country))
        .last()
}

/// Each country the document names (by name, adjective or capital) and how often, in the order
/// it first names them.
pub(super) fn country_mentions(input: &StanceInput<'_>, gaz: &Gazetteer) -> Vec<(usize, usize)> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for m in input.mentions {
        let Some(e) = actor_entry(gaz, m.entry, input.doc_date).filter(|&e| gaz.kind(e) == EntityKind::Country) else {
            continue;
        };
        match counts.iter_mut().find(|(c, _)| *c == e) {
            Some((_, n)) => *n += 1,
            None => counts.push((e, 1)),
        }
    }
    counts
}

/// The country the document names most often (by name, adjective or capital); `None` on a tie.
fn most_named_country(input: &StanceInput<'_>, gaz: &Gazetteer) -> Option<usize> {
    let mut counts = country_mentions(input, gaz);
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(e, _)] => Some(*e),
        [(e, a), (_, b), ..] if a > b => Some(*e),
        _ => None,
    }
}

/// The country named next to a mention of `surname` in the text ("Kazakhstan's Foreign
/// Minister Daniyar Seitkali", "President Zelenskyy of Ukraine"), outside speakers' labels.
fn named_country(input: &StanceInput<'_>, gaz: &Gazetteer, surname: &str) -> Option<usize> {
    if surname.chars().count() < 3 {
        return None;
    }
    let text = input.text;
    let is_country =
        |m: &GazMatch| actor_entry(gaz, m.entry, input.doc_date).filter(|&e| gaz.kind(e) == EntityKind::Country);
    // The name's mentions, case aside (labels are often in capitals: "MS. PSAKI").
    for Range { start, end } in name_occurrences(input.tokens, surname) {
        let label = text[end..].trim_start_matches(['*', ' ']).starts_with(':');
        if label {
            continue;
        }
        // Only a title between: capitalised words or a title's words ("Russian Foreign Ministry
        // spokeswoman Maria Zakharova").
        let titled = |gap: &str| {
            let gap = gap.strip_prefix("'s").or_else(|| gap.strip_prefix("’s")).unwrap_or(gap);
            gap.split_whitespace().count() <= TITLED_SPEAKER_WORDS
                && gap
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase) || TITLE_GAP_SET.contains(w.to_lowercase().as_str()))
        };
        let before = input
            .mentions
            .iter()
            .filter(|m| m.range.end <= start && start - m.range.end <= TITLE_BYTES && titled(&text[m.range.end..start]))
            .filter_map(is_country)
            .next_back();
        let after = || {
            let rest = &text[end..];
            let of = rest.strip_prefix(" of ")?;
            let at = end + (rest.len() - of.len());
            input
                .mentions
                .iter()
                .find(|m| m.range.start == at || text.get(at..m.range.start).is_some_and(|g| g == "the "))
                .and_then(is_country)
        };
        if let Some(c) = before.or_else(after) {
            return Some(c);
        }
    }
    None
}

/// Where the word `name` stands among `tokens` (folded words, ranges in the text), case and
/// a possessive "'s" aside.
fn name_occurrences<'a>(tokens: &'a [Token<'a>], name: &str) -> impl Iterator<Item = Range<usize>> + 'a {
    let wanted = crate::analysis::text::fold(name);
    tokens
        .iter()
        .filter(move |t| t.text == wanted || t.text.strip_suffix("'s") == Some(wanted.as_str()))
        .map(|t| t.range.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_whose_every_turn_asks_are_reporters_and_one_answers() {
        let text = "Pacific Wire: Will you?\n\nLin Haoyu: We will. Who would not?\n\n\
                    Eurasia Broadcast: And then?\n\nLin Haoyu: We respect it.\n\nPacific Wire: Why?";
        let labels = TurnLabels::scan(text);
        assert!(
            labels.asks("Pacific Wire") && labels.asks("Eurasia Broadcast"),
            "{labels:?}"
        );
        assert!(!labels.asks("Lin Haoyu"), "{labels:?}");
        assert!(
            labels.sole_answerer("Lin Haoyu") && !labels.sole_answerer("Pacific Wire"),
            "{labels:?}"
        );
        assert!(in_reporter_turn(text, text.find("And then").unwrap(), &labels));
        assert!(!in_reporter_turn(text, text.find("We respect").unwrap(), &labels));
        // With nobody answering, nobody is a reporter by their questions alone.
        let only = TurnLabels::scan("Pacific Wire: Will you?\n\nEurasia Broadcast: Why?");
        assert!(!only.asks("Pacific Wire"), "{only:?}");
        // A lone label answers, however often its paragraphs run on into a reporter's question.
        // A reporter's "Q" that reads as a label ("Q   Okay. On Ukraine: …") is no speaker.
        let lone = TurnLabels::scan(
            "MS. PSAKI: We will.\nQ Why?\n\nMS. PSAKI: Because.\nQ When?\n\n\
             Q\u{a0}\u{a0} Okay. On Ukraine: the President said so.\n\nMS. PSAKI: He did.",
        );
        assert!(lone.sole_answerer("MS. PSAKI"), "{lone:?}");
    }

    /// An interviewer who also remarks ("CEW: Moscow responded the very next day.") still
    /// mostly asks; a surname or initials label is the same speaker as the full label.
    #[test]
    fn a_speaker_who_mostly_asks_is_a_reporter_under_any_of_their_labels() {
        let text = "Central European Weekly: Why now?\n\nTomáš Vavroušek: Because we know.\n\n\
                    CEW: Moscow responded the next day.\n\nVavroušek: Yes, it did.\n\n\
                    CEW: Russia calls it absurd.\n\nVavroušek: Moscow always says so.\n\n\
                    CEW: Hungary did not expel anyone.\n\nVavroušek: Each decides.\n\n\
                    CEW: Is there any way back?\n\nVavroušek: The door is not closed.";
        let labels = TurnLabels::scan(text);
        assert!(
            labels.asks("CEW") && labels.asks("Central European Weekly"),
            "{labels:?}"
        );
        assert!(
            !labels.asks("Vavroušek") && labels.sole_answerer("Vavroušek"),
            "{labels:?}"
        );
        assert!(labels.sole_answerer("Tomáš Vavroušek"), "{labels:?}");
        assert!(in_reporter_turn(text, text.find("Moscow responded").unwrap(), &labels));
        assert!(!in_reporter_turn(text, text.find("Yes, it did").unwrap(), &labels));
        assert!(shortens("CEW", "Central European Weekly") && shortens("Vavroušek", "Tomáš Vavroušek"));
        assert!(!shortens("Weekly", "Weekly") && !shortens("C", "Central"));
    }

    #[test]
    fn reporters_turns_are_labelled_or_questions_in_bold() {
        let text = "Q: Will you?\n\nMS. PSAKI: We will.\n\nQuestion: And then?\n\nAnswer: We respect it.\n\n\
                    **Minister, is that fair?**\n\nNo, it is not fair.\n\n**Turning to trade.**\n\nWe want a deal.";
        let at = |s: &str| text.find(s).unwrap();
        assert!(in_reporter_turn(text, at("Will you"), &TurnLabels::scan(text)));
        assert!(!in_reporter_turn(text, at("We will"), &TurnLabels::scan(text)));
        assert!(in_reporter_turn(text, at("And then"), &TurnLabels::scan(text)));
        assert!(!in_reporter_turn(text, at("We respect"), &TurnLabels::scan(text)));
        assert!(in_reporter_turn(text, at("Minister, is"), &TurnLabels::scan(text)));
        assert!(!in_reporter_turn(text, at("No, it is"), &TurnLabels::scan(text)));
        // Bold without a question mark is a heading, not a question.
        assert!(!in_reporter_turn(text, at("Turning to"), &TurnLabels::scan(text)));
    }

    #[test]
    fn answers_follow_reporters_turns_or_are_labelled() {
        let text = "Intro.\n\nQ: Will you?\n\nMS. PSAKI: We will.\n\nWe also will.\n\nAnswer: We respect it.\n\n\
                    **Is that fair?**\n\nNo, it is not fair.\n\nAnd more.";
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(answer_turn(text, at("We will")), Some(Some("MS. PSAKI")));
        assert_eq!(answer_turn(text, at("We also")), None);
        assert_eq!(answer_turn(text, at("We respect")), Some(None));
        assert_eq!(answer_turn(text, at("No, it is")), Some(None));
        assert_eq!(answer_turn(text, at("And more")), None);
        assert_eq!(answer_turn(text, at("Intro")), None);
        // A reporter's turn may run over paragraphs: after "Q", only a label answers.
        let text = "Q: Will you?\n\nAnd then I have a follow.\n\nMR. KIRBY: We will.";
        assert_eq!(answer_turn(text, text.find("And then").unwrap()), None);
        assert!(in_reporter_turn(
            text,
            text.find("And then").unwrap(),
            &TurnLabels::scan(text)
        ));
        assert_eq!(
            answer_turn(text, text.find("We will").unwrap()),
            Some(Some("MR. KIRBY"))
        );
        let text = "Q: Will you?\n\nMR. KIRBY: We will.";
        assert_eq!(
            answer_turn(text, text.find("We will").unwrap()),
            Some(Some("MR. KIRBY"))
        );
    }

    #[test]
    fn a_label_is_a_few_capitalised_words_before_a_colon() {
        assert_eq!(label_of("Wei Lanqing: Good afternoon."), Some("Wei Lanqing"));
        assert_eq!(label_of("MS. PSAKI: Hi."), Some("MS. PSAKI"));
        assert_eq!(label_of("MR. SULLIVAN:\u{a0} President Biden"), Some("MR. SULLIVAN"));
        assert_eq!(label_of("Question:** Why?"), Some("Question"));
        assert_eq!(label_of("The minister said: we will."), None);
        assert_eq!(label_of("At 10:30 the talks began."), None);
        assert_eq!(label_of("Note on Ukraine, Russia and the West Today Again: text"), None);
    }

    #[test]
    fn names_are_found_whatever_their_case() {
        let first = |text: &str, name: &str| {
            let folded = crate::analysis::text::fold(text);
            let tokens = crate::analysis::text::tokenize(&folded);
            name_occurrences(&tokens, name).next()
        };
        assert_eq!(first("Press Secretary Jen Psaki said", "psaki"), Some(20..25));
        assert_eq!(first("Psakis", "psaki"), None);
        assert_eq!(first("Глава МИД Лавров", "лавров"), Some(18..30));
        assert_eq!(first("МИД. PSAKI: Psaki", "psaki"), Some(8..13));
        assert_eq!(first("Лавровы", "лавров"), None);
    }
}
