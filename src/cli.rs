//! The command line: `analyze`, `export` and `screenshot`, beside the GUI.

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
    /// Folder to open in the app, or files in it (default: the last folder, else the sample corpus).
    pub paths: Vec<PathBuf>,
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
        /// Print, on standard error, the time each analysis step took and its throughput.
        #[arg(long)]
        timings: bool,
    },
    /// Export the stance timeline of a folder as PNG, SVG, CSV or JSON (by the file's extension).
    Export(ExportArgs),
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
        /// In presentation mode (large type, no side panels, projector theme).
        #[arg(long)]
        presentation: bool,
    },
}

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Folder to analyse (default: the embedded sample corpus).
    pub folder: Option<PathBuf>,
    /// Output file: `.png`, `.svg` (the timeline chart), `.csv` (its markers), `.json` (the `analyze` schema).
    #[arg(long)]
    pub out: PathBuf,
    /// PNG scale: 1, 2 or 3 times the chart size.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=3))]
    pub scale: u8,
    /// Chart width in pixels (at 1x).
    #[arg(long, default_value_t = 1280)]
    pub width: u32,
    /// Chart height in pixels (at 1x).
    #[arg(long, default_value_t = 720)]
    pub height: u32,
    /// Only documents mentioning this entity (by name; repeat for several).
    #[arg(long)]
    pub include: Vec<String>,
    /// Leave out documents mentioning this entity (repeatable).
    #[arg(long)]
    pub exclude: Vec<String>,
    /// Place stances at the date their sentence names (else publication date).
    #[arg(long)]
    pub by_event_date: bool,
    /// Leave out the reference events.
    #[arg(long)]
    pub no_events: bool,
    /// Draw every report of a statement (by default copies reported by several outlets, or
    /// translated, count once).
    #[arg(long)]
    pub all_copies: bool,
    /// Largest number of series drawn.
    #[arg(long, default_value_t = 8)]
    pub max_series: usize,
    /// Pool events by period and draw a smoothed line with its 95 % band.
    #[arg(long, value_enum, default_value = "none")]
    pub period: crate::chart::aggregate::Period,
    /// One line per actor on the axis between two poles, e.g. `--alignment Russia,Ukraine`.
    #[arg(long, value_delimiter = ',', value_name = "POLE_A,POLE_B")]
    pub alignment: Option<Vec<String>>,
}

/// Runs `export`: loads the folder, renders the timeline for the filter, writes `args.out`.
pub fn export(args: &ExportArgs) -> anyhow::Result<()> {
    use crate::chart::{ChartContext, ExportFormat, ExportRequest};
    let format = ExportFormat::from_path(&args.out, f32::from(args.scale))
        .with_context(|| format!("{}: the name must end in .png, .svg, .csv or .json", args.out.display()))?;
    if args.width < 320 || args.height < 240 || args.width > 8000 || args.height > 8000 {
        anyhow::bail!("the chart size must be between 320x240 and 8000x8000 pixels");
    }
    if let Some(f) = &args.folder
        && !f.is_dir()
    {
        anyhow::bail!("{} is not a folder", f.display());
    }
    let corpus = load_corpus(args.folder.as_deref(), &LoadControl::default()).map_err(|e| anyhow::anyhow!(e))?;
    let mut selection = crate::selection::Selection::default();
    for (names, set) in [
        (&args.include, &mut selection.include),
        (&args.exclude, &mut selection.exclude),
    ] {
        for n in names {
            let id = corpus
                .entity_named(n)
                .with_context(|| format!("no entity named {n:?} in this corpus (see `analyze` for the names)"))?;
            set.insert(id);
        }
    }
    let mode = match &args.alignment {
        None => crate::chart::series::SeriesMode::Pairs,
        Some(poles) if poles.len() != 2 => anyhow::bail!("--alignment takes two entity names: POLE_A,POLE_B"),
        Some(poles) => {
            let find = |n: &String| {
                corpus
                    .entity_named(n)
                    .with_context(|| format!("no entity named {n:?} in this corpus for the alignment axis"))
            };
            let (pole_a, pole_b) = (find(&poles[0])?, find(&poles[1])?);
            crate::chart::series::SeriesMode::Alignment { pole_a, pole_b }
        }
    };
    let req = ExportRequest {
        format,
        size_px: (args.width, args.height),
        context: ChartContext {
            corpus_name: corpus.label.clone(),
            filter: selection.describe(&corpus),
            by_event_date: args.by_event_date,
            show_events: !args.no_events,
            x_range: None,
            mode,
            period: args.period,
            copies_once: !args.all_copies,
            exported_on: crate::analysis::today(),
        },
        max_series: args.max_series.max(1),
        hidden: Default::default(),
        annotations: crate::corrections::CorrectionStore::for_corpus(args.folder.as_deref())
            .load()
            .corrections
            .annotations,
    };
    let bytes = crate::chart::export_timeline(&corpus, &selection, &req).map_err(|e| anyhow::anyhow!(e))?;
    write_atomically(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {} ({} bytes)", args.out.display(), bytes.len());
    Ok(())
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

/// The folder to open for launch arguments or dropped paths: the first folder, else
/// the folder holding the first file (a desktop launcher passes files with `%F`).
pub fn folder_to_open(paths: &[PathBuf]) -> Option<PathBuf> {
    paths.iter().find(|p| p.is_dir()).cloned().or_else(|| {
        paths
            .iter()
            .find(|p| p.is_file())
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
    })
}

/// Runs `analyze`: loads `folder` (or the sample) and writes JSON to `out` (`-`: stdout).
pub fn analyze(folder: Option<&Path>, out: &str, timings: bool) -> anyhow::Result<()> {
    if let Some(f) = folder
        && !f.is_dir()
    {
        anyhow::bail!("{} is not a folder", f.display());
    }
    let control = LoadControl::default();
    let started = std::time::Instant::now();
    let corpus = load_corpus(folder, &control).map_err(|e| anyhow::anyhow!(e))?;
    let load_s = started.elapsed().as_secs_f64();
    // Written as it is serialised: at 100,000 dense documents the JSON is nearly 2 GB.
    let export = Export::from_corpus(&corpus);
    if out == "-" {
        let mut stdout = std::io::stdout().lock();
        export.write_json(&mut stdout)?;
        stdout.write_all(b"\n")?;
    } else {
        crate::fsutil::write_atomically_with(Path::new(out), |w| export.write_json(w))
            .with_context(|| format!("writing {out}"))?;
        eprintln!(
            "wrote {out}: {} documents, {} entities, {} stance events, {} problems",
            corpus.documents.len(),
            corpus.entities.len(),
            corpus.stances.len(),
            corpus.problems.len()
        );
    }
    if timings {
        eprint!("{}", timings_report(&control, load_s, started.elapsed().as_secs_f64()));
    }
    Ok(())
}

/// A Markdown table of the time each analysis step took (thread-seconds over all workers) and
/// its throughput per core, plus the load's wall time and end-to-end throughput.
pub fn timings_report(control: &LoadControl, load_s: f64, total_s: f64) -> String {
    use std::fmt::Write as _;
    let (_, _, docs, bytes_read) = control.snapshot();
    let text_mb = control.text_bytes() as f64 / 1e6;
    let threads = rayon::current_num_threads();
    let mut s = format!(
        "{docs} documents, {:.1} MB read, {text_mb:.1} MB of text, {threads} worker threads\n\n\
         | step | thread-s | MB of text per thread-s |\n|---|---:|---:|\n",
        bytes_read as f64 / 1e6
    );
    let steps = control.step_times();
    for (step, secs) in &steps {
        let _ = writeln!(s, "| {} | {secs:.2} | {:.1} |", step.label(), text_mb / secs.max(1e-9));
    }
    use crate::ingest::AnalysisStep as S;
    let entity_stance: f64 = steps
        .iter()
        .filter(|(st, _)| matches!(st, S::Entities | S::Tokens | S::Stance | S::Candidates))
        .map(|(_, t)| t)
        .sum();
    let _ = writeln!(
        s,
        "| **entities + stance** (gazetteer, tokens, stance, unknown names) | {entity_stance:.2} | {:.1} |",
        text_mb / entity_stance.max(1e-9)
    );
    let _ = writeln!(
        s,
        "\nload: {load_s:.2} s wall, {:.1} MB/s read end to end; with the JSON: {total_s:.2} s",
        bytes_read as f64 / 1e6 / load_s.max(1e-9)
    );
    s
}

pub use crate::fsutil::write_atomically;
