//! Stance Explorer's entry point: parse arguments, then run the GUI or a command.

use clap::Parser;
use stance_explorer::cli::{Cli, Command};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Analyze { folder, json }) => stance_explorer::cli::analyze(folder.as_deref(), &json),
        Some(Command::Screenshot { folder, view, out }) => {
            stance_explorer::app::run(stance_explorer::app::LaunchOptions {
                folder,
                screenshot: Some((view, out)),
            })
        }
        None => stance_explorer::app::run(stance_explorer::app::LaunchOptions {
            folder: cli.folder,
            screenshot: None,
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
