//! Loading a corpus on a background thread, with progress and cancellation.

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
    rx: Receiver<LoaderMsg>,
    /// Documents in the last partial corpus handed out, if any.
    partial_docs: std::cell::Cell<Option<usize>>,
}

enum LoaderMsg {
    Partial(Corpus),
    Done(Result<Corpus, String>),
}

/// What polling a loader found.
pub enum LoadPoll {
    /// Still working.
    Running,
    /// Still working; the documents analysed so far, to show meanwhile.
    Partial(Box<Corpus>),
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
                let partial_tx = tx.clone();
                let r3 = Arc::clone(&repaint);
                let mut partial = move |corpus: Corpus| {
                    let _ = partial_tx.send(LoaderMsg::Partial(corpus));
                    r3();
                };
                let result =
                    crate::analysis::load_corpus_streaming(f.as_deref(), &c, corrections.as_ref(), &mut partial)
                        .map_err(|e| e.to_string());
                c.set_phase(LoadPhase::Done);
                let _ = tx.send(LoaderMsg::Done(result));
                let _ = ticker.join();
                repaint();
            })
            .expect("spawning the loader thread");
        Loader {
            folder,
            control,
            started: Instant::now(),
            rx,
            partial_docs: std::cell::Cell::new(None),
        }
    }

    /// Checks for a result without blocking. Of several partial corpora waiting, only the
    /// newest is returned.
    pub fn poll(&self) -> LoadPoll {
        let mut newest = None;
        loop {
            match self.rx.try_recv() {
                Ok(LoaderMsg::Partial(c)) => newest = Some(c),
                Ok(LoaderMsg::Done(r)) => return Self::done(r),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    return LoadPoll::Failed("the loader stopped unexpectedly".into());
                }
            }
        }
        match newest {
            Some(c) => {
                self.partial_docs.set(Some(c.documents.len()));
                LoadPoll::Partial(Box::new(c))
            }
            None => LoadPoll::Running,
        }
    }

    fn done(result: Result<Corpus, String>) -> LoadPoll {
        match result {
            Ok(c) => LoadPoll::Finished(Box::new(c)),
            Err(e) => LoadPoll::Failed(e),
        }
    }

    /// Documents in the partial corpus on screen, while the rest loads.
    pub fn partial_docs(&self) -> Option<usize> {
        self.partial_docs.get()
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
            LoadPhase::Analysing => match self.partial_docs() {
                Some(shown) => format!(
                    "Analysing {analysed} / {total} documents ({:.1} MB read; showing the first {shown})",
                    bytes as f64 / 1e6
                ),
                None => format!(
                    "Analysing {analysed} / {total} documents ({:.1} MB read)",
                    bytes as f64 / 1e6
                ),
            },
            LoadPhase::Done => "Finishing…".to_string(),
        };
        format!("{what} · {:.1} s", self.started.elapsed().as_secs_f32())
    }
}
