//! Loads a folder and prints what the finished corpus holds, table by table, in bytes: where
//! the memory of a load goes once it is done (the peak during the load is measured by
//! `benches/corpus_scale.rs`; `examples/load_only.rs` is the target for heap profilers).
//!
//! ```sh
//! cargo run --release --example memory_breakdown <folder>
//! ```
//!
//! Sizes are lengths (or capacities) times element sizes, plus the heap of owned strings;
//! allocator overhead is not counted. The last lines are the process's resident size after
//! the load and its peak, from `/proc/self/status` (Linux).

use stance_explorer::analysis::load_corpus;
use stance_explorer::ingest::LoadControl;
use stance_explorer::model::{Document, EntityId, EventDate, FramingMark, Span, StanceEvent, StanceId};
use std::collections::{HashMap, HashSet};
use std::mem::size_of;
use std::path::PathBuf;

fn main() {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: memory_breakdown <folder>");
        std::process::exit(2);
    };
    let c = match load_corpus(Some(&folder), &LoadControl::default()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("memory_breakdown: {e}");
            std::process::exit(1);
        }
    };
    let line =
        |what: &str, count: usize, bytes: usize| println!("{what:<34} {count:>10} {:>9.1} MB", bytes as f64 / 1e6);
    let docs = &c.documents;
    let sum = |f: &dyn Fn(&Document) -> usize| docs.iter().map(f).sum::<usize>();
    let opt = |s: &Option<String>| s.as_ref().map_or(0, String::capacity);
    line("documents (records)", docs.len(), docs.len() * size_of::<Document>());
    line("text", sum(&|d| d.text.len()), sum(&|d| d.text.capacity()));
    line(
        "sentences",
        sum(&|d| d.sentences.len()),
        sum(&|d| d.sentences.len()) * size_of::<Span>(),
    );
    let mention = size_of::<(EntityId, Span)>();
    line(
        "mentions",
        sum(&|d| d.mentions.len()),
        sum(&|d| d.mentions.capacity()) * mention,
    );
    line(
        "framing marks",
        sum(&|d| d.framing.len()),
        sum(&|d| d.framing.capacity()) * size_of::<FramingMark>(),
    );
    let strings =
        sum(&|d| d.path.capacity() + d.title.capacity() + opt(&d.outlet) + opt(&d.source_url) + d.encoding.capacity());
    line("document strings", docs.len(), strings);
    let stances = &c.stances;
    line(
        "stance events",
        stances.len(),
        stances.capacity() * size_of::<StanceEvent>(),
    );
    let speakers: Vec<_> = stances.iter().filter_map(|s| s.speaker.as_ref()).collect();
    let speaker_bytes: usize = speakers
        .iter()
        .map(|sp| size_of::<stance_explorer::model::Speaker>() + sp.name.capacity())
        .sum();
    line("  speakers (boxed)", speakers.len(), speaker_bytes);
    let dates = stances.iter().filter(|s| s.event_date.is_some()).count();
    line("  event dates (boxed)", dates, dates * size_of::<EventDate>());
    let mut seen = HashSet::new();
    let mut shared = 0;
    for s in stances {
        for text in [s.explanation.as_str(), s.category.as_str()] {
            if seen.insert(text.as_ptr() as usize) {
                shared += text.len();
            }
        }
    }
    line("  explanations and categories", seen.len(), shared);
    let ix = &c.index;
    let id = size_of::<StanceId>();
    let map_bytes = |m: &HashMap<EntityId, Vec<StanceId>>| m.values().map(|v| v.capacity() * id).sum::<usize>();
    line(
        "index: events by actor",
        ix.stances_by_actor.len(),
        map_bytes(&ix.stances_by_actor),
    );
    line(
        "index: events by target",
        ix.stances_by_target.len(),
        map_bytes(&ix.stances_by_target),
    );
    let by_doc: usize = ix
        .stances_by_doc
        .iter()
        .map(|v| v.capacity() * id + size_of::<Vec<StanceId>>())
        .sum();
    line("index: events by document", ix.stances_by_doc.len(), by_doc);
    let pairs: usize = ix.pairs.iter().map(|(_, v)| v.capacity() * id).sum();
    line("index: events by pair", ix.pairs.len(), pairs);
    let statements: usize = ix.statements.values().map(|v| v.capacity() * id).sum();
    line("index: copies of one statement", ix.statements.len(), statements);
    let entities: usize = c
        .entities
        .iter()
        .map(|e| e.name.capacity() + e.documents.capacity() * 4 + e.aliases.iter().map(String::capacity).sum::<usize>())
        .sum();
    line("entities", c.entities.len(), entities);
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        for l in status
            .lines()
            .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
        {
            println!("{l}");
        }
    }
}
