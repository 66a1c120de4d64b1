//! Reference events drawn on the timeline ("2022-02-24 Full-scale invasion"), from
//! `assets/events.csv` (embedded) plus the corpus's own `.stance-explorer/events.csv`.

use crate::model::{Corpus, EntityId, LoadProblem, ReferenceEvent};
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// The events shipped with the app.
pub const DEFAULT_EVENTS: &str = include_str!("../../assets/events.csv");

#[derive(Deserialize)]
struct Row {
    date: String,
    label: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    entities: String,
}

/// Parses events CSV; bad rows are reported by line, the rest kept.
pub fn parse_events(src: &str, from_corpus: bool) -> (Vec<ReferenceEvent>, Vec<String>) {
    let mut rdr = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(src.as_bytes());
    let mut events = Vec::new();
    let mut errors = Vec::new();
    for (i, row) in rdr.deserialize::<Row>().enumerate() {
        match row {
            Ok(r) => match r.date.parse::<Date>() {
                Ok(date) => events.push(ReferenceEvent {
                    date,
                    label: r.label,
                    category: r.category,
                    source: r.source,
                    from_corpus,
                    entities: r
                        .entities
                        .split(';')
                        .map(str::trim)
                        .filter(|e| !e.is_empty())
                        .map(str::to_string)
                        .collect(),
                }),
                Err(_) => errors.push(format!("row {}: {:?} is not a YYYY-MM-DD date", i + 1, r.date)),
            },
            Err(e) => errors.push(format!("row {}: {e}", i + 1)),
        }
    }
    events.sort_by_key(|e| e.date);
    (events, errors)
}

/// Shipped events plus the corpus's own, sorted by date; problems for a broken file.
pub fn load_events(corpus: Option<&Path>) -> (Vec<ReferenceEvent>, Vec<LoadProblem>) {
    let (mut events, errors) = parse_events(DEFAULT_EVENTS, false);
    debug_assert!(errors.is_empty(), "{errors:?}");
    let mut problems = Vec::new();
    if let Some(path) = corpus.map(|c| c.join(super::SIDECAR_DIR).join("events.csv"))
        && let Ok(src) = std::fs::read_to_string(&path)
    {
        let (own, errors) = parse_events(&src, true);
        events.extend(own);
        for e in errors {
            problems.push(LoadProblem {
                path: format!("{}/events.csv", super::SIDECAR_DIR),
                reason: format!("ignored {e}"),
            });
        }
        events.sort_by_key(|e| e.date);
    }
    (events, problems)
}

/// A shipped reference event is drawn when one of its entities takes part, as actor or
/// target, in at least this share of the corpus's stance events (in percent)…
pub const MIN_SHARE_PCT: usize = 10;
/// … and in at least this many of them.
pub const MIN_EVENTS: usize = 2;

/// Leaves out the shipped reference events about none of the countries and organisations
/// that take part in the corpus's positions ([`MIN_SHARE_PCT`], [`MIN_EVENTS`]): the shipped
/// file is about one part of the world, and its lines mean nothing on a corpus about another.
/// The corpus's own events, and events that name no entity, are kept. Counts what it left out
/// in [`Corpus::events_left_out`]. Needs the entity-name table of the index.
pub fn keep_events_about(corpus: &mut Corpus) {
    let mut counts: HashMap<EntityId, usize> = HashMap::new();
    for s in &corpus.stances {
        *counts.entry(s.actor).or_default() += 1;
        if s.target != s.actor {
            *counts.entry(s.target).or_default() += 1;
        }
    }
    let mut events = std::mem::take(&mut corpus.events);
    let least = MIN_EVENTS.max((corpus.stances.len() * MIN_SHARE_PCT).div_ceil(100));
    let main = |name: &str| {
        corpus
            .entity_named(name)
            .is_some_and(|id| counts.get(&id).is_some_and(|n| *n >= least))
    };
    let before = events.len();
    events.retain(|e| e.from_corpus || e.entities.is_empty() || e.entities.iter().any(|n| main(n)));
    corpus.events_left_out = before - events.len();
    corpus.events = events;
}

/// Appends `event` to the corpus's own `.stance-explorer/events.csv` (created with a
/// header when missing), atomically; returns the file's path.
pub fn append_event(corpus_root: &Path, event: &ReferenceEvent) -> std::io::Result<std::path::PathBuf> {
    let dir = corpus_root.join(super::SIDECAR_DIR);
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("events.csv");
    let mut text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => "date,label,category,source\n".to_string(),
        Err(e) => return Err(e),
    };
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(Vec::new());
    w.write_record([
        event.date.to_string().as_str(),
        &event.label,
        &event.category,
        &event.source,
    ])
    .map_err(std::io::Error::other)?;
    let row = w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?;
    text.push_str(&String::from_utf8_lossy(&row));
    crate::fsutil::write_atomically(&path, text.as_bytes())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appended_events_load_with_the_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let e = ReferenceEvent {
            date: jiff::civil::date(2023, 9, 28),
            label: "Tokayev in Berlin, \"no\" to sanctions evasion".into(),
            category: "diplomacy".into(),
            source: "added from the plot".into(),
            from_corpus: true,
            entities: Vec::new(),
        };
        append_event(dir.path(), &e).unwrap();
        append_event(
            dir.path(),
            &ReferenceEvent {
                label: "second".into(),
                ..e.clone()
            },
        )
        .unwrap();
        let (events, problems) = load_events(Some(dir.path()));
        assert!(problems.is_empty(), "{problems:?}");
        let own: Vec<&ReferenceEvent> = events.iter().filter(|e| e.from_corpus).collect();
        assert_eq!(own.len(), 2);
        assert_eq!(own[0].label, e.label, "quotes and commas survive");
        assert_eq!(own[0].date, e.date);
    }

    #[test]
    fn shipped_events_parse_and_include_the_invasion() {
        let (events, errors) = parse_events(DEFAULT_EVENTS, false);
        assert!(errors.is_empty(), "{errors:?}");
        assert!(events.len() >= 30);
        assert!(events.iter().any(|e| e.date == jiff::civil::date(2022, 2, 24)));
        assert!(events.windows(2).all(|w| w[0].date <= w[1].date));
    }

    #[test]
    fn every_shipped_event_names_gazetteer_entities() {
        let res = crate::analysis::Resources::load(None);
        let names: std::collections::HashSet<&str> = res.gazetteer.entries.iter().map(|e| e.name.as_str()).collect();
        let (events, _) = parse_events(DEFAULT_EVENTS, false);
        for e in &events {
            assert!(
                !e.entities.is_empty(),
                "{}: names no entity, so it is drawn on every corpus",
                e.label
            );
            for n in &e.entities {
                assert!(names.contains(n.as_str()), "{}: {n:?} is no gazetteer name", e.label);
            }
        }
    }

    /// Loads a folder holding `text` as one article.
    fn load_text(text: &str) -> (tempfile::TempDir, Corpus) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), text).unwrap();
        let c = crate::analysis::load_corpus_with(
            Some(dir.path()),
            &crate::ingest::LoadControl::default(),
            &Default::default(),
        )
        .unwrap();
        (dir, c)
    }

    #[test]
    fn shipped_events_are_drawn_only_where_their_countries_take_positions() {
        let shipped = parse_events(DEFAULT_EVENTS, false).0.len();
        let (_d, kenya) = load_text(
            "Nairobi row\n\nPublished 15 October 2021.\n\nKenya strongly condemned Somalia over the maritime \
             ruling, the ministry said in a statement on Friday. Somalia welcomed the judgment of the court and \
             thanked Qatar for its mediation between the two neighbours in the dispute.\n",
        );
        assert!(kenya.stances.len() >= 2, "{:?}", kenya.stances);
        assert!(kenya.events.is_empty(), "{:?}", kenya.events);
        assert_eq!(kenya.events_left_out, shipped);

        let (_d, war) = load_text(
            "Astana's line\n\nPublished 15 March 2022.\n\nKazakhstan called on Russia and Ukraine to resume \
             talks, the foreign ministry said in a statement on Friday. Kazakhstan supported the territorial \
             integrity of Ukraine and refused to recognise the breakaway republics in the east.\n",
        );
        let drawn: Vec<&str> = war.events.iter().map(|e| e.label.as_str()).collect();
        assert!(drawn.contains(&"Full-scale invasion"), "{drawn:?}");
        assert!(drawn.contains(&"Tokayev re-elected"), "{drawn:?}");
        assert!(!drawn.contains(&"US presidential election"), "{drawn:?}");
        assert_eq!(war.events.len() + war.events_left_out, shipped);
    }

    #[test]
    fn a_corpus_own_events_are_drawn_whatever_it_is_about() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.txt"),
            "Nairobi row\n\nPublished 15 October 2021.\n\nKenya strongly condemned Somalia over the maritime \
             ruling, the ministry said in a statement on Friday.\n",
        )
        .unwrap();
        let own = dir.path().join(crate::analysis::SIDECAR_DIR);
        std::fs::create_dir_all(&own).unwrap();
        std::fs::write(
            own.join("events.csv"),
            "date,label,category,source,entities\n2021-10-12,ICJ ruling,diplomacy,,Norway\n",
        )
        .unwrap();
        let c = crate::analysis::load_corpus_with(
            Some(dir.path()),
            &crate::ingest::LoadControl::default(),
            &Default::default(),
        )
        .unwrap();
        let drawn: Vec<&str> = c.events.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(drawn, ["ICJ ruling"]);
        assert_eq!(c.events[0].entities, ["Norway"]);
    }

    #[test]
    fn bad_rows_are_reported_and_skipped() {
        let src = "date,label,category,source\n2022-02-30,Bad,war,x\n2023-02-24,\"China plan, 12 points\",diplomacy,\"y, z\"\n";
        let (events, errors) = parse_events(src, true);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].label, "China plan, 12 points");
        assert_eq!(errors.len(), 1);
    }
}
