//! Loads a folder the way the app does and exits, without building any output: a target for
//! heap profilers, whose peak would otherwise be the JSON that `analyze` builds at the end.
//!
//! ```sh
//! cargo build --release --example load_only
//! heaptrack target/release/examples/load_only <folder>
//! valgrind --tool=massif target/release/examples/load_only <folder>
//! ```

use stance_explorer::analysis::load_corpus;
use stance_explorer::ingest::LoadControl;
use std::path::PathBuf;

fn main() {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: load_only <folder>");
        std::process::exit(2);
    };
    match load_corpus(Some(&folder), &LoadControl::default()) {
        Ok(c) => eprintln!(
            "{} documents, {} stance events, {} problems",
            c.documents.len(),
            c.stances.len(),
            c.problems.len()
        ),
        Err(e) => {
            eprintln!("load_only: {e}");
            std::process::exit(1);
        }
    }
}
