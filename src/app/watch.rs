//! Watches the open folder (notify, debounced): changed, new or deleted articles
//! trigger a background re-analysis; the app's own sidecar files do not.

use notify_debouncer_full::notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// How long the folder must be quiet before a change counts (a copy of many files is one change).
pub const DEBOUNCE: Duration = Duration::from_millis(800);

/// A running watch of one folder.
pub struct FolderWatch {
    /// The watched folder.
    pub folder: PathBuf,
    _debouncer: Debouncer<notify_debouncer_full::notify::RecommendedWatcher, RecommendedCache>,
    rx: Receiver<Vec<PathBuf>>,
}

impl FolderWatch {
    /// Starts watching `folder` recursively; `wake` is called when a change arrives.
    pub fn start(folder: &Path, wake: impl Fn() + Send + 'static) -> Result<FolderWatch, String> {
        let (tx, rx) = channel();
        let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
            let Ok(events) = result else { return };
            let paths: Vec<PathBuf> = events
                .iter()
                .filter(|e| !e.kind.is_access() && !e.kind.is_other())
                .flat_map(|e| e.paths.iter())
                .filter(|p| crate::ingest::affects_corpus(p))
                .cloned()
                .collect();
            if !paths.is_empty() && tx.send(paths).is_ok() {
                wake();
            }
        })
        .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
        debouncer
            .watch(folder, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
        Ok(FolderWatch {
            folder: folder.to_path_buf(),
            _debouncer: debouncer,
            rx,
        })
    }

    /// Paths changed since the last call (empty when none), without blocking.
    pub fn changes(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = self.rx.try_iter().flatten().collect();
        out.sort();
        out.dedup();
        out
    }
}
