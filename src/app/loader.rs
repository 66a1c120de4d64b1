//! Loading a corpus on a background thread, with progress and cancellation.

use crate::analysis::load_corpus;
use crate::ingest::{LoadControl, LoadPhase};
use crate::model::Corpus;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// A load in progress.
pub struct Loader {
    /// Folder being loaded (`None`: the sample).
    pub folder: Option<PathBuf>,
    /// Shared progress and cancel flag.
    pub control: Arc<LoadControl>,
    started: Instant,
    rx: Receiver<Result<Corpus, String>>,
}

/// What polling a loader found.
pub enum LoadPoll {
    /// Still working.
    Running,
    /// Done.
    Finished(Box<Corpus>),
    /// Failed or cancelled.
    Failed(String),
}

impl Loader {
    /// Starts loading `folder` on a new thread; `repaint` is called while it works
    /// and when it is done, so the UI wakes up without busy-polling.
    /// With `corrections`, those are applied (after an edit); without, the corpus's saved ones.
    pub fn start(
        folder: Option<PathBuf>,
        corrections: Option<crate::corrections::Corrections>,
        repaint: impl Fn() + Send + Sync + 'static,
    ) -> Loader {
        let control = Arc::new(LoadControl::default());
        let (tx, rx) = channel();
        let c = Arc::clone(&control);
        let f = folder.clone();
        std::thread::Builder::new()
            .name("corpus-loader".into())
            .spawn(move || {
                let ticker_control = Arc::clone(&c);
                let repaint = Arc::new(repaint);
                let r2 = Arc::clone(&repaint);
                let ticker = std::thread::spawn(move || {
                    while ticker_control.phase() != LoadPhase::Done && !ticker_control.is_cancelled() {
                        r2();
                        std::thread::sleep(Duration::from_millis(100));
                    }
                });
                let result = match &corrections {
                    Some(cor) => crate::analysis::load_corpus_with(f.as_deref(), &c, cor),
                    None => load_corpus(f.as_deref(), &c),
                }
                .map_err(|e| e.to_string());
                c.set_phase(LoadPhase::Done);
                let _ = tx.send(result);
                let _ = ticker.join();
                repaint();
            })
            .expect("spawning the loader thread");
        Loader {
            folder,
            control,
            started: Instant::now(),
            rx,
        }
    }

    /// Checks for a result without blocking.
    pub fn poll(&self) -> LoadPoll {
        match self.rx.try_recv() {
            Ok(Ok(c)) => LoadPoll::Finished(Box::new(c)),
            Ok(Err(e)) => LoadPoll::Failed(e),
            Err(TryRecvError::Empty) => LoadPoll::Running,
            Err(TryRecvError::Disconnected) => LoadPoll::Failed("the loader stopped unexpectedly".into()),
        }
    }

    /// Asks the load to stop.
    pub fn cancel(&self) {
        self.control.cancel();
    }

    /// A one-line status for the progress bar.
    pub fn status(&self) -> String {
        let (done, total, analysed, bytes) = self.control.snapshot();
        let what = match self.control.phase() {
            LoadPhase::Listing => "Listing files…".to_string(),
            LoadPhase::Reading => format!("Reading {done} / {total} files ({:.1} MB)", bytes as f64 / 1e6),
            LoadPhase::Analysing => format!("Analysing {analysed} / {total} documents"),
            LoadPhase::Done => "Finishing…".to_string(),
        };
        format!("{what} · {:.1} s", self.started.elapsed().as_secs_f32())
    }
}
