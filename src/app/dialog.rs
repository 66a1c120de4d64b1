//! The system folder dialog (rfd) on its own thread, so the window never freezes;
//! detects when no dialog can open so the in-app chooser can take over.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// A dialog answered faster than this without a folder most likely never opened.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(300);

/// A folder dialog that is open (on another thread).
pub struct PendingDialog {
    rx: Receiver<(Option<PathBuf>, Duration)>,
}

/// What the dialog returned so far.
pub enum DialogPoll {
    /// Still open.
    Waiting,
    /// The user chose a folder.
    Chosen(PathBuf),
    /// The user closed it.
    Cancelled,
    /// No dialog could open; the reason to show.
    Unavailable(String),
}

fn program_on_path(name: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(name).is_file()))
}

impl PendingDialog {
    /// Opens the system dialog, or explains why none is available.
    pub fn open(start: Option<PathBuf>, ctx: &egui::Context) -> Result<PendingDialog, String> {
        let has_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some();
        if cfg!(target_os = "linux") && !has_bus && !program_on_path("zenity") {
            return Err(
                "No system file dialog is available here (no desktop portal, no zenity): choose the folder below."
                    .into(),
            );
        }
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("folder-dialog".into())
            .spawn(move || {
                let started = Instant::now();
                let mut dialog = rfd::FileDialog::new().set_title("Open a folder of articles");
                if let Some(s) = start {
                    dialog = dialog.set_directory(s);
                }
                let picked = dialog.pick_folder();
                let _ = tx.send((picked, started.elapsed()));
                ctx.request_repaint();
            })
            .map_err(|e| format!("could not start the file dialog: {e}"))?;
        Ok(PendingDialog { rx })
    }

    /// Checks without blocking.
    pub fn poll(&self) -> DialogPoll {
        match self.rx.try_recv() {
            Ok((Some(p), _)) => DialogPoll::Chosen(p),
            Ok((None, took)) if took < NO_DIALOG_WITHIN => {
                DialogPoll::Unavailable("The system file dialog did not open: choose the folder below.".into())
            }
            Ok((None, _)) => DialogPoll::Cancelled,
            Err(TryRecvError::Empty) => DialogPoll::Waiting,
            Err(TryRecvError::Disconnected) => {
                DialogPoll::Unavailable("The system file dialog failed: choose the folder below.".into())
            }
        }
    }
}
