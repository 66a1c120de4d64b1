//! The command line: `analyze` and `screenshot`, beside the GUI.

use crate::analysis::load_corpus;
use crate::export::Export;
use crate::ingest::LoadControl;
use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "stance-explorer",
    version,
    about = "Stance timeline, entity filter and side-by-side sources over a folder of articles"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Folder to open in the app (default: the embedded sample corpus).
    pub folder: Option<PathBuf>,
    /// What to run instead of the GUI.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse a folder and write the `stance-explorer/1` JSON export.
    Analyze {
        /// Folder to analyse (default: the embedded sample corpus).
        folder: Option<PathBuf>,
        /// Output file, or `-` for standard output.
        #[arg(long, default_value = "-")]
        json: String,
    },
    /// Open the app, wait for the corpus, save a PNG of one view and exit.
    Screenshot {
        /// Folder to open (default: the embedded sample corpus).
        folder: Option<PathBuf>,
        /// Which part of the window to save.
        #[arg(long, value_enum, default_value = "window")]
        view: ShotView,
        /// Output PNG path.
        #[arg(long)]
        out: PathBuf,
    },
}

/// Parts of the window the screenshot command can save.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum)]
pub enum ShotView {
    /// The stance timeline.
    Timeline,
    /// The side-by-side source view.
    Compare,
    /// The entity filter.
    Entities,
    /// The whole window.
    Window,
}

/// Runs `analyze`: loads `folder` (or the sample) and writes JSON to `out` (`-`: stdout).
pub fn analyze(folder: Option<&Path>, out: &str) -> anyhow::Result<()> {
    if let Some(f) = folder
        && !f.is_dir()
    {
        anyhow::bail!("{} is not a folder", f.display());
    }
    let control = LoadControl::default();
    let corpus = load_corpus(folder, &control).map_err(|e| anyhow::anyhow!(e))?;
    let json = Export::from_corpus(&corpus).to_json();
    if out == "-" {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(json.as_bytes())?;
        stdout.write_all(b"\n")?;
    } else {
        write_atomically(Path::new(out), json.as_bytes()).with_context(|| format!("writing {out}"))?;
        eprintln!(
            "wrote {out}: {} documents, {} entities, {} stance events, {} problems",
            corpus.documents.len(),
            corpus.entities.len(),
            corpus.stances.len(),
            corpus.problems.len()
        );
    }
    Ok(())
}

/// Writes `bytes` to `path` via a temporary file in the same folder, fsync and rename,
/// so a crash never leaves a half-written file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
