//! Stance accuracy on labelled sets of sentences written from real reporting (not the
//! sample corpus): `tests/fixtures/stance_labelled.tsv` (statements on the war in Ukraine) and
//! `tests/fixtures/stance_briefings.tsv` (readouts and briefings, rich in traps: relationship
//! words, trade "negotiations", countries named as objects, exhortations, questions). Prints
//! per-group accuracy and the precision of the events found (`cargo test --release --test
//! stance_eval -- --nocapture`) and guards against regressions with floors below the measured
//! figures.

mod common;

use stance_explorer::analysis::{Resources, today};
use std::collections::BTreeMap;

struct Row {
    id: String,
    group: String,
    context: String,
    sentence: String,
    actor: String,
    target: String,
    sign: String,
}

fn rows(src: &str) -> Vec<Row> {
    src.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 9, "malformed row: {l}");
            Row {
                id: f[0].into(),
                group: f[1].into(),
                context: f[3].into(),
                sentence: f[4].into(),
                actor: f[5].into(),
                target: f[6].into(),
                sign: f[7].into(),
            }
        })
        .collect()
}

fn sign_of(score: f32) -> &'static str {
    if score > 0.1 {
        "+"
    } else if score < -0.1 {
        "-"
    } else {
        "0"
    }
}

/// What the analyser said about one row.
struct Judged {
    /// The row's expected event was found (or, for "none", nothing was).
    ok: bool,
    /// Events found in the sentence.
    found: usize,
    /// Of those, the ones that are the expected event.
    right: usize,
    /// The events, as "actor→target sign".
    said: String,
}

fn judge(res: &Resources, row: &Row) -> Judged {
    let text = if row.context == "-" {
        row.sentence.clone()
    } else {
        format!("{} {}", row.context, row.sentence)
    };
    let c = common::one_document_corpus(res, &format!("{}.txt", row.id), &text, today());
    let d = &c.documents[0];
    let start = d.text.len() - row.sentence.len();
    let events: Vec<_> = c
        .stances
        .iter()
        .filter(|s| d.sentences.range(s.sentence_index()).end > start)
        .collect();
    let said: Vec<String> = events
        .iter()
        .map(|s| {
            format!(
                "{}→{} {}",
                c.entity(s.actor).name,
                c.entity(s.target).name,
                sign_of(s.score)
            )
        })
        .collect();
    // The set codes one event per sentence; two governments named as one subject each take
    // the position ("Kazakhstan and China signed …"), so the reverse of an expected tie between
    // them is right too.
    let is_expected = |s: &&&stance_explorer::model::StanceEvent| {
        let (actor, target) = (&c.entity(s.actor).name, &c.entity(s.target).name);
        row.sign != "none"
            && sign_of(s.score) == row.sign
            && (actor == &row.actor && target == &row.target
                || actor == &row.target && target == &row.actor && s.explanation.contains("as one subject"))
    };
    let right = events.iter().filter(is_expected).count();
    let ok = if row.sign == "none" {
        events.is_empty()
    } else {
        right > 0
    };
    Judged {
        ok,
        found: events.len(),
        right,
        said: said.join(", "),
    }
}

/// Accuracy (rows right) and precision (events found that are the expected one) on a set;
/// prints the per-group table and the misses.
fn evaluate(name: &str, rows: &[Row]) -> (f64, f64) {
    let res = Resources::load(None);
    let mut by_group: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let (mut found, mut right) = (0, 0);
    for row in rows {
        let j = judge(&res, row);
        found += j.found;
        right += j.right;
        let g = by_group.entry(row.group.clone()).or_default();
        g.0 += 1;
        if j.ok {
            g.1 += 1;
        } else {
            misses.push(format!(
                "{} [{}] want {}→{} {} got [{}]: {}",
                row.id, row.group, row.actor, row.target, row.sign, j.said, row.sentence
            ));
        }
    }
    let total: usize = by_group.values().map(|g| g.0).sum();
    let correct: usize = by_group.values().map(|g| g.1).sum();
    println!("\n{name}\n| group | sentences | correct | accuracy |\n|---|---|---|---|");
    for (g, (n, ok)) in &by_group {
        println!("| {g} | {n} | {ok} | {:.0}% |", 100.0 * *ok as f64 / *n as f64);
    }
    println!(
        "| all | {total} | {correct} | {:.0}% |",
        100.0 * correct as f64 / total as f64
    );
    let precision = if found == 0 { 1.0 } else { right as f64 / found as f64 };
    println!(
        "precision: {right} of {found} events found are the expected one ({:.0}%)",
        100.0 * precision
    );
    for m in &misses {
        println!("miss: {m}");
    }
    (correct as f64 / total as f64, precision)
}

#[test]
fn per_group_accuracy_on_the_labelled_set() {
    let rows = rows(include_str!("fixtures/stance_labelled.tsv"));
    assert!(rows.len() >= 140, "the set has {} rows", rows.len());
    let (accuracy, _) = evaluate("stance_labelled.tsv", &rows);
    // Regression floor, below the figure measured when the set was added (see the issue note).
    assert!(accuracy >= FLOOR, "accuracy {accuracy:.2} fell below {FLOOR}");
}

#[test]
fn accuracy_and_precision_on_briefings_full_of_traps() {
    let rows = rows(include_str!("fixtures/stance_briefings.tsv"));
    assert!(rows.len() >= 120, "the set has {} rows", rows.len());
    let (accuracy, precision) = evaluate("stance_briefings.tsv", &rows);
    assert!(
        accuracy >= BRIEFINGS_FLOOR,
        "accuracy {accuracy:.2} fell below {BRIEFINGS_FLOOR}"
    );
    assert!(
        precision >= BRIEFINGS_PRECISION_FLOOR,
        "precision {precision:.2} fell below {BRIEFINGS_PRECISION_FLOOR}"
    );
}

#[test]
fn accuracy_and_precision_on_a_held_out_set() {
    // Written for this test by someone who saw neither the rules nor the other sets, across
    // some 75 countries and 13 kinds of sentence.
    let rows = rows(include_str!("fixtures/stance_heldout.tsv"));
    assert!(rows.len() >= 140, "the set has {} rows", rows.len());
    let (accuracy, precision) = evaluate("stance_heldout.tsv", &rows);
    assert!(
        accuracy >= HELD_OUT_FLOOR,
        "accuracy {accuracy:.2} fell below {HELD_OUT_FLOOR}"
    );
    assert!(
        precision >= HELD_OUT_PRECISION_FLOOR,
        "precision {precision:.2} fell below {HELD_OUT_PRECISION_FLOOR}"
    );
}

/// Minimum overall accuracy (measured: 0.79 on 112 sentences when the floor was first set;
/// 0.91 on 149 sentences after the multi-sentence quotation and sanctions rules).
const FLOOR: f64 = 0.85;

/// Minimum accuracy on the briefings set. The set was written by someone who had not seen the
/// rules; measured 0.55 on it before the rules for victims, ties, addressees, questions and
/// conflict context, and 0.63 after.
const BRIEFINGS_FLOOR: f64 = 0.58;
/// Minimum precision on the briefings set: measured 0.49 (25 of 51 events right) before those
/// rules and 0.78 (28 of 36) after.
const BRIEFINGS_PRECISION_FLOOR: f64 = 0.70;

/// Minimum accuracy on the held-out set: measured 0.66 (92 of 140) when it was first run,
/// before any rule was changed for it; 0.70 after the fixes its misses pointed to (titled
/// speakers, sanctions and who imposed them, demands made of a name, "close friend"), 0.75 after
/// conditions, quoted questions, "right to defend itself" and "lasting peace". Since then it is
/// no longer held out: the floor stays at the first figure.
const HELD_OUT_FLOOR: f64 = 0.66;
/// Minimum precision on the held-out set: measured 0.71 (82 of 115) at first, 0.75 (88 of 118)
/// and 0.79 (93 of 118) after those fixes.
const HELD_OUT_PRECISION_FLOOR: f64 = 0.71;
