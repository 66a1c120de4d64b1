//! Reference events drawn on the timeline ("2022-02-24 Full-scale invasion"), from
//! `assets/events.csv` (embedded) plus the corpus's own `.stance-explorer/events.csv`.

use crate::model::{LoadProblem, ReferenceEvent};
use jiff::civil::Date;
use serde::Deserialize;
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
    fn bad_rows_are_reported_and_skipped() {
        let src = "date,label,category,source\n2022-02-30,Bad,war,x\n2023-02-24,\"China plan, 12 points\",diplomacy,\"y, z\"\n";
        let (events, errors) = parse_events(src, true);
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].label, "China plan, 12 points");
        assert_eq!(errors.len(), 1);
    }
}
