//! The model, ingest and analysis never use the GUI: the GUI is one consumer of the
//! model, the command line another.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn core_modules_do_not_use_egui_or_eframe() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for dir in ["model", "ingest", "analysis", "chart"] {
        rust_files(&src.join(dir), &mut files);
    }
    files.push(src.join("export.rs"));
    files.push(src.join("cli.rs"));
    files.push(src.join("selection.rs"));
    files.push(src.join("corrections.rs"));
    assert!(files.len() >= 15, "expected the core modules, found {files:?}");
    let mut offenders = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in gui_lines(&text) {
            offenders.push(format!("{}:{n}: {line}", f.display()));
        }
    }
    assert!(offenders.is_empty(), "GUI types in the core:\n{}", offenders.join("\n"));
}

/// Lines (1-based) of `text` whose code (not comments) names a GUI crate.
fn gui_lines(text: &str) -> Vec<(usize, String)> {
    let forbidden = ["egui", "eframe", "rfd::"];
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let code = line.split("//").next().unwrap_or("");
            forbidden.iter().any(|w| code.contains(w))
        })
        .map(|(n, line)| (n + 1, line.trim().to_string()))
        .collect()
}

#[test]
fn the_rule_flags_imports_and_paths_but_not_comments() {
    let sample = "use std::fmt;\n// egui is not used here\nuse egui::Ui;\nfn f(_: &eframe::Frame) {}\n";
    let lines: Vec<usize> = gui_lines(sample).into_iter().map(|(n, _)| n).collect();
    assert_eq!(lines, [3, 4]);
}
