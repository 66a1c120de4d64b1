//! Reading a folder of articles: walking, decoding, format-specific extraction.
//!
//! The result is a list of [`RawDocument`]s (text plus whatever metadata the file
//! carries) and a list of [`LoadProblem`]s; a bad file never aborts a load.

mod decode;
mod formats;
pub mod html;
pub mod markdown;
mod progress;
mod seeds;
mod walk;

pub use decode::{Decoded, decode_bytes, decode_owned};
pub use formats::{MetaDate, RawDocument, parse_file, parse_file_owned};
pub use progress::{AnalysisStep, Cancelled, LoadControl, LoadPhase};
pub use seeds::{SAMPLE_FILES, sample_files};
pub use walk::{FileEntry, MAX_FILE_BYTES, affects_corpus, list_files};

use crate::model::LoadProblem;
use rayon::prelude::*;
use std::path::Path;

/// What a folder yielded.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Documents read, sorted by path.
    pub documents: Vec<RawDocument>,
    /// Files that could not be read, sorted by path.
    pub problems: Vec<LoadProblem>,
}

/// Reads every supported file under `root` in parallel.
///
/// Progress is reported through `control`; returns `Err(Cancelled)` promptly once
/// `control` is cancelled.
pub fn ingest_folder(root: &Path, control: &LoadControl) -> Result<Ingested, Cancelled> {
    control.set_phase(LoadPhase::Listing);
    let listing = list_files(root, control)?;
    control.set_total(listing.files.len());
    control.set_phase(LoadPhase::Reading);
    let results: Vec<Result<RawDocument, LoadProblem>> = listing
        .files
        .par_iter()
        .map(|entry| read_entry(entry, control))
        .collect();
    control.check()?;
    let mut out = Ingested {
        problems: listing.problems,
        ..Default::default()
    };
    for r in results {
        match r {
            Ok(d) => out.documents.push(d),
            Err(p) => out.problems.push(p),
        }
    }
    out.documents.sort_by(|a, b| a.path.cmp(&b.path));
    out.problems.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// Reads and parses one listed file (counted in `control`'s progress); a file that cannot be
/// read or parsed, or a cancelled load, gives the problem to list instead.
pub fn read_entry(entry: &FileEntry, control: &LoadControl) -> Result<RawDocument, LoadProblem> {
    if control.is_cancelled() {
        return Err(LoadProblem {
            path: entry.rel_path.clone(),
            reason: "cancelled".into(),
        });
    }
    let result = control.timed(AnalysisStep::Read, || read_one(entry, control));
    control.file_done();
    result
}

/// Environment variable that delays every file read by this many milliseconds: a stand-in for
/// a slow network drive, to try (and test) that the window stays responsive while it loads.
pub const SLOW_READ_VAR: &str = "STANCE_EXPLORER_SLOW_READ_MS";

fn slow_read_delay() -> Option<std::time::Duration> {
    static DELAY: std::sync::OnceLock<Option<std::time::Duration>> = std::sync::OnceLock::new();
    *DELAY.get_or_init(|| {
        std::env::var(SLOW_READ_VAR)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .filter(|ms| *ms > 0)
            .map(std::time::Duration::from_millis)
    })
}

fn read_one(entry: &FileEntry, control: &LoadControl) -> Result<RawDocument, LoadProblem> {
    if let Some(d) = slow_read_delay() {
        std::thread::sleep(d);
    }
    walk::read_capped(&entry.abs_path)
        .map_err(|reason| LoadProblem {
            path: entry.rel_path.clone(),
            reason,
        })
        .and_then(|(bytes, truncated)| {
            control.add_bytes(bytes.len() as u64);
            let mut doc = parse_file_owned(&entry.rel_path, bytes).map_err(|reason| LoadProblem {
                path: entry.rel_path.clone(),
                reason,
            })?;
            if truncated {
                doc.notices.push(format!(
                    "file is larger than {} MB: only the first {} MB were read",
                    MAX_FILE_BYTES / 1_000_000,
                    MAX_FILE_BYTES / 1_000_000
                ));
            }
            Ok(doc)
        })
}

/// Reads the sample corpus embedded in the binary.
pub fn ingest_sample() -> Ingested {
    let mut out = Ingested::default();
    for (name, bytes) in sample_files() {
        match parse_file(name, bytes) {
            Ok(d) => out.documents.push(d),
            Err(reason) => out.problems.push(LoadProblem {
                path: name.to_string(),
                reason,
            }),
        }
    }
    out
}
