//! Stance Explorer's entry point: parse arguments, then run the GUI or a command.

use clap::Parser;
use stance_explorer::cli::{Cli, Command};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Analyze { folder, json, timings }) => {
            stance_explorer::cli::analyze(folder.as_deref(), &json, timings)
        }
        Some(Command::Export(args)) => stance_explorer::cli::export(&args),
        Some(Command::Screenshot {
            folder,
            view,
            out,
            presentation,
        }) => stance_explorer::app::run(stance_explorer::app::LaunchOptions {
            folder,
            screenshot: Some((view, out)),
            presentation,
        }),
        // A path that is neither a folder nor a file still opens the window, which says why it cannot load.
        None => stance_explorer::app::run(stance_explorer::app::LaunchOptions {
            folder: stance_explorer::cli::folder_to_open(&cli.paths).or_else(|| cli.paths.first().cloned()),
            screenshot: None,
            presentation: false,
        }),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stance-explorer: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
