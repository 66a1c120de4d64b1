//! Stance accuracy on a labelled set of sentences written from real reporting (not
//! the sample corpus): `tests/fixtures/stance_labelled.tsv`. Prints per-group
//! accuracy (`cargo test --release --test stance_eval -- --nocapture`) and guards
//! against regressions with a floor below the measured figures.

use stance_explorer::analysis::{Resources, build_corpus, today};
use stance_explorer::ingest::{Ingested, LoadControl, parse_file};
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

fn rows() -> Vec<Row> {
    let src = include_str!("fixtures/stance_labelled.tsv");
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

/// (correct, what the analyser said) for one row.
fn judge(res: &Resources, row: &Row) -> (bool, String) {
    let text = if row.context == "-" {
        row.sentence.clone()
    } else {
        format!("{} {}", row.context, row.sentence)
    };
    let doc = parse_file(&format!("{}.txt", row.id), text.as_bytes()).unwrap();
    let ing = Ingested {
        documents: vec![doc],
        problems: Vec::new(),
    };
    let c = build_corpus(
        ing,
        res,
        &Default::default(),
        today(),
        &LoadControl::default(),
        None,
        "eval".into(),
    )
    .unwrap();
    let d = &c.documents[0];
    let start = d.text.len() - row.sentence.len();
    let events: Vec<_> = c
        .stances
        .iter()
        .filter(|s| d.sentences.range(s.sentence).end > start)
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
    let ok = if row.sign == "none" {
        events.is_empty()
    } else {
        events.iter().any(|s| {
            c.entity(s.actor).name == row.actor && c.entity(s.target).name == row.target && sign_of(s.score) == row.sign
        })
    };
    (ok, said.join(", "))
}

#[test]
fn per_group_accuracy_on_the_labelled_set() {
    let res = Resources::load(None);
    let rows = rows();
    assert!(rows.len() >= 140, "the set has {} rows", rows.len());
    let mut by_group: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for row in &rows {
        let (ok, said) = judge(&res, row);
        let g = by_group.entry(row.group.clone()).or_default();
        g.0 += 1;
        if ok {
            g.1 += 1;
        } else {
            misses.push(format!(
                "{} [{}] want {}→{} {} got [{said}]: {}",
                row.id, row.group, row.actor, row.target, row.sign, row.sentence
            ));
        }
    }
    let total: usize = by_group.values().map(|g| g.0).sum();
    let correct: usize = by_group.values().map(|g| g.1).sum();
    println!("| group | sentences | correct | accuracy |\n|---|---|---|---|");
    for (g, (n, ok)) in &by_group {
        println!("| {g} | {n} | {ok} | {:.0}% |", 100.0 * *ok as f64 / *n as f64);
    }
    println!(
        "| all | {total} | {correct} | {:.0}% |",
        100.0 * correct as f64 / total as f64
    );
    for m in &misses {
        println!("miss: {m}");
    }
    let accuracy = correct as f64 / total as f64;
    // Regression floor, below the figure measured when the set was added (see the issue note).
    assert!(accuracy >= FLOOR, "accuracy {accuracy:.2} fell below {FLOOR}");
}

/// Minimum overall accuracy (measured: 0.79 on 112 sentences when the floor was first set;
/// 0.91 on 149 sentences after the multi-sentence quotation and sanctions rules).
const FLOOR: f64 = 0.85;
