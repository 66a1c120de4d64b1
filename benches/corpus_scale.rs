//! Corpus-scale benchmark: ingest + analysis throughput, time to first results, peak memory
//! and per-frame UI cost on a real corpus (wh-briefings) and on generated corpora of
//! 10,000 / 50,000 / 100,000 documents.
//!
//! Run with `cargo bench --bench corpus_scale`. Environment:
//! - `STANCE_BENCH_CORPUS`: a folder or a `.tar.xz` to use instead of
//!   `/work/shared/corpora/wh-briefings.tar.xz` (skipped when neither exists);
//! - `STANCE_BENCH_SIZES=10000,50000`: which generated corpora to run (default all three);
//! - `STANCE_BENCH_QUICK=1`: only the real corpus and 10,000 generated documents.
//!
//! Each corpus is measured in its own child process (this binary re-executed with
//! `STANCE_BENCH_CHILD` set), so that `VmHWM` (peak RSS) belongs to that corpus alone.
//! The child prints `@key value` lines which the parent collects into one Markdown table.

use egui_kittest::Harness;
use stance_explorer::analysis::load_corpus_streaming;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::app::theme::install_fonts;
use stance_explorer::ingest::{LoadControl, LoadPhase};
use stance_explorer::model::{Corpus, DocId};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Default archive of the real corpus.
const DEFAULT_ARCHIVE: &str = "/work/shared/corpora/wh-briefings.tar.xz";
/// Generated corpus sizes run by default.
const DEFAULT_SIZES: [usize; 3] = [10_000, 50_000, 100_000];
/// Env var that turns this process into a single-corpus child: the corpus folder.
const CHILD_DIR_VAR: &str = "STANCE_BENCH_CHILD";
/// Frames run before measuring a scenario.
const WARMUP_FRAMES: usize = 5;
/// Frames measured per scenario.
const MEASURED_FRAMES: usize = 60;
/// Window size of the measured harness (points).
const WINDOW: [f32; 2] = [1600.0, 1000.0];
/// The UI scenarios, in the order they are run and reported.
const SCENARIOS: [&str; 8] = [
    "idle",
    "typing",
    "hover_plot",
    "idle_all_copies",
    "hover_all_copies",
    "pan_all_copies",
    "select_entity",
    "scroll_compare",
];

fn main() {
    if let Ok(dir) = std::env::var(CHILD_DIR_VAR) {
        run_child(Path::new(&dir));
        return;
    }
    run_parent();
}

// ---------------------------------------------------------------------------------------------
// Parent: prepare corpora, run one child per corpus, print the table.
// ---------------------------------------------------------------------------------------------

/// One corpus to measure.
struct BenchCorpus {
    /// Row label.
    label: String,
    /// Folder to load.
    dir: PathBuf,
}

/// Prepares every corpus, measures each in a child process and prints the report.
fn run_parent() {
    let scratch = std::env::temp_dir().join("stance-bench");
    std::fs::create_dir_all(&scratch).expect("create scratch dir");
    let corpora = prepare_corpora(&scratch);
    let mut rows = Vec::new();
    for c in &corpora {
        eprintln!("[bench] measuring {} ({})", c.label, c.dir.display());
        match measure_in_child(&c.dir) {
            Ok(m) => rows.push((c.label.clone(), m)),
            Err(e) => eprintln!("[bench] {}: child failed: {e}", c.label),
        }
    }
    println!("{}", machine_description());
    println!("{}", results_table(&rows));
    println!("{}", frame_cpu_table(&rows));
    println!("{}", phase_table(&rows));
    println!("{}", background_table(&rows));
    println!("{}", step_table(&rows));
}

/// The real corpus (when available) and the generated corpora selected by the environment.
fn prepare_corpora(scratch: &Path) -> Vec<BenchCorpus> {
    let mut out = Vec::new();
    match real_corpus(scratch) {
        Some(dir) => out.push(BenchCorpus {
            label: dir
                .file_name()
                .map_or("real".into(), |n| n.to_string_lossy().into_owned()),
            dir,
        }),
        None => {
            eprintln!("[bench] skipping the real corpus: neither $STANCE_BENCH_CORPUS nor {DEFAULT_ARCHIVE} exists")
        }
    }
    for n in selected_sizes() {
        let dir = scratch.join(format!("generated-{n}"));
        generate_corpus(&dir, n);
        out.push(BenchCorpus {
            label: format!("generated-{n}"),
            dir,
        });
    }
    out
}

/// Generated sizes from `STANCE_BENCH_QUICK` / `STANCE_BENCH_SIZES`, smallest first.
fn selected_sizes() -> Vec<usize> {
    if std::env::var("STANCE_BENCH_QUICK").is_ok_and(|v| v == "1") {
        return vec![10_000];
    }
    let mut sizes: Vec<usize> = match std::env::var("STANCE_BENCH_SIZES") {
        Ok(s) => s
            .split(',')
            .filter_map(|p| p.trim().replace('_', "").parse().ok())
            .collect(),
        Err(_) => DEFAULT_SIZES.to_vec(),
    };
    sizes.sort_unstable();
    sizes.dedup();
    sizes
}

/// The real corpus folder: `$STANCE_BENCH_CORPUS` (a folder, or an archive to unpack) or the
/// default archive unpacked into `scratch` once.
fn real_corpus(scratch: &Path) -> Option<PathBuf> {
    let source = std::env::var_os("STANCE_BENCH_CORPUS")
        .map(PathBuf::from)
        .or_else(|| Some(PathBuf::from(DEFAULT_ARCHIVE)))
        .filter(|p| p.exists())?;
    if source.is_dir() {
        return Some(source);
    }
    unpack_archive(&source, scratch)
}

/// Unpacks `archive` (a `.tar.xz` holding one top-level folder) under `scratch`, unless a
/// previous run already did; returns the top-level folder.
fn unpack_archive(archive: &Path, scratch: &Path) -> Option<PathBuf> {
    let stem = archive.file_name()?.to_string_lossy();
    let name = stem.trim_end_matches(".tar.xz").trim_end_matches(".txz").to_string();
    let dest = scratch.join(format!("unpacked-{name}"));
    let marker = dest.join(".unpacked");
    if !marker.exists() {
        eprintln!("[bench] unpacking {} into {}", archive.display(), dest.display());
        let _ = std::fs::remove_dir_all(&dest);
        std::fs::create_dir_all(&dest).ok()?;
        let status = Command::new("tar")
            .arg("-xJf")
            .arg(archive)
            .arg("-C")
            .arg(&dest)
            .status();
        if !status.is_ok_and(|s| s.success()) {
            eprintln!("[bench] could not unpack {}", archive.display());
            return None;
        }
        std::fs::write(&marker, b"").ok()?;
    }
    let inner = dest.join(&name);
    Some(if inner.is_dir() { inner } else { dest })
}

/// Re-executes this binary on `dir` and parses the `@key value` lines it prints.
fn measure_in_child(dir: &Path) -> Result<HashMap<String, f64>, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .env(CHILD_DIR_VAR, dir)
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!("exit status {}", out.status));
    }
    let metrics = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix('@'))
        .filter_map(|l| l.split_once(' '))
        .filter_map(|(k, v)| Some((k.to_string(), v.trim().parse().ok()?)))
        .collect();
    Ok(metrics)
}

/// CPU count, CPU model and the command line, as Markdown.
fn machine_description() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let env: Vec<String> = ["STANCE_BENCH_SIZES", "STANCE_BENCH_QUICK", "STANCE_BENCH_CORPUS"]
        .iter()
        .filter_map(|k| std::env::var(k).ok().map(|v| format!("{k}={v}")))
        .collect();
    let mut s = String::new();
    let _ = writeln!(s, "## corpus_scale\n");
    let _ = writeln!(s, "- machine: {cpus} CPUs (nproc), {model}");
    let _ = writeln!(s, "- command: `{} cargo bench --bench corpus_scale`", env.join(" "));
    let _ = writeln!(
        s,
        "- frames: {WARMUP_FRAMES} warm-up + {MEASURED_FRAMES} measured per view, {}x{} window, \
         time of building the UI + tessellation (no GPU rendering): wall clock in the results \
         table, the UI thread's own CPU time in the frame CPU table",
        WINDOW[0], WINDOW[1]
    );
    s
}

/// The main results table: one row per corpus.
fn results_table(rows: &[(String, HashMap<String, f64>)]) -> String {
    let mut s = String::from(
        "| corpus | docs | MB | ingest+analysis s | MB/s | first results s | peak RSS MB | RSS/bytes \
         | peak RSS with UI MB | first frame ms |",
    );
    let mut sep = String::from("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for sc in SCENARIOS {
        let _ = write!(s, " {sc} median / p95 ms |");
        sep.push_str("---:|");
    }
    s.push('\n');
    s.push_str(&sep);
    for (label, m) in rows {
        let g = |k: &str| m.get(k).copied().unwrap_or(f64::NAN);
        let mb = g("bytes") / 1e6;
        let _ = write!(
            s,
            "\n| {label} | {:.0} | {mb:.1} | {:.2} | {:.1} | {:.2} | {:.0} | {:.2} | {:.0} | {:.1} |",
            g("docs"),
            g("total_s"),
            mb / g("total_s"),
            g("first_doc_s"),
            g("peak_rss_load_mb"),
            g("peak_rss_load_mb") * 1e6 / g("bytes"),
            g("peak_rss_ui_mb"),
            g("first_frame_ms"),
        );
        scenario_cells(&mut s, m, "");
    }
    s.push('\n');
    s
}

/// Appends each scenario's "median / p95" cells of `m` (keys `{scenario}{kind}_median_ms`).
fn scenario_cells(s: &mut String, m: &HashMap<String, f64>, kind: &str) {
    let g = |k: &str| m.get(k).copied().unwrap_or(f64::NAN);
    for sc in SCENARIOS {
        let _ = write!(
            s,
            " {:.2} / {:.2} |",
            g(&format!("{sc}{kind}_median_ms")),
            g(&format!("{sc}{kind}_p95_ms"))
        );
    }
}

/// The UI thread's CPU time per frame (median / p95 ms), beside the wall clock of the results
/// table: where the two differ, the UI thread waited for a core.
fn frame_cpu_table(rows: &[(String, HashMap<String, f64>)]) -> String {
    let mut s = String::from("| corpus |");
    let mut sep = String::from("|---|");
    for sc in SCENARIOS {
        let _ = write!(s, " {sc} CPU median / p95 ms |");
        sep.push_str("---:|");
    }
    s.push('\n');
    s.push_str(&sep);
    for (label, m) in rows {
        let _ = write!(s, "\n| {label} |");
        scenario_cells(&mut s, m, "_cpu");
    }
    s.push('\n');
    s
}

/// Where the load time goes: seconds at which each phase started (sampled every 10 ms).
fn phase_table(rows: &[(String, HashMap<String, f64>)]) -> String {
    let mut s = String::from(
        "| corpus | reading starts s | analysing starts s | first doc analysed s | first partial corpus s \
         (docs) | partial corpora | all docs analysed s | done s | compare pair first frame ms |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|",
    );
    for (label, m) in rows {
        let g = |k: &str| m.get(k).copied().unwrap_or(f64::NAN);
        let _ = write!(
            s,
            "\n| {label} | {:.2} | {:.2} | {:.2} | {:.2} ({:.0}) | {:.0} | {:.2} | {:.2} | {:.1} |",
            g("phase_reading_s"),
            g("phase_analysing_s"),
            g("first_doc_s"),
            g("first_shown_s"),
            g("first_shown_docs"),
            g("partials"),
            g("all_analysed_s"),
            g("total_s"),
            g("compare_first_frame_ms"),
        );
    }
    s.push('\n');
    s
}

/// Work done off the UI thread after the load, and the markers the timeline drew.
fn background_table(rows: &[(String, HashMap<String, f64>)]) -> String {
    let mut s = String::from(
        "| corpus | timeline ready ms | all-copies timeline ready ms | filtered timeline ready ms \
         | suggested pairs ready ms (pairs) | markers (drawn) | all-copies markers (drawn) |\n\
         |---|---:|---:|---:|---:|---:|---:|",
    );
    for (label, m) in rows {
        let g = |k: &str| m.get(k).copied().unwrap_or(f64::NAN);
        let sugg = g("suggestions_ready_ms");
        let sugg = if sugg.is_nan() {
            "> 20000".to_string()
        } else {
            format!("{sugg:.0}")
        };
        let _ = write!(
            s,
            "\n| {label} | {:.0} | {:.0} | {:.0} | {sugg} ({:.0}) | {:.0} ({:.0}) | {:.0} ({:.0}) |",
            g("timeline_ready_ms"),
            g("all_copies_ready_ms"),
            g("select_entity_ready_ms"),
            g("suggested_pairs"),
            g("markers"),
            g("markers_drawn"),
            g("markers_all_copies"),
            g("markers_drawn_all_copies"),
        );
    }
    s.push('\n');
    s
}

/// Thread-seconds per analysis step (summed over the workers) and MB of text per thread-second.
fn step_table(rows: &[(String, HashMap<String, f64>)]) -> String {
    use stance_explorer::ingest::AnalysisStep;
    let mut s = String::from("| step |");
    let mut sep = String::from("|---|");
    for (label, _) in rows {
        let _ = write!(s, " {label} thread-s (MB/s per thread) |");
        sep.push_str("---:|");
    }
    s.push('\n');
    s.push_str(&sep);
    for step in AnalysisStep::ALL {
        let _ = write!(s, "\n| {} |", step.label());
        for (_, m) in rows {
            let secs = m.get(&format!("step_{}", step as usize)).copied().unwrap_or(f64::NAN);
            let mb = m.get("text_bytes").copied().unwrap_or(f64::NAN) / 1e6;
            let _ = write!(s, " {secs:.2} ({:.1}) |", mb / secs);
        }
    }
    s.push('\n');
    s
}

// ---------------------------------------------------------------------------------------------
// Generated corpora.
// ---------------------------------------------------------------------------------------------

/// A small deterministic PRNG (SplitMix64).
struct Rng(u64);

impl Rng {
    /// The next 64 random bits.
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A random element of `items`.
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Countries with their demonyms.
const COUNTRIES: [(&str, &str); 16] = [
    ("Kazakhstan", "Kazakh"),
    ("Russia", "Russian"),
    ("Ukraine", "Ukrainian"),
    ("China", "Chinese"),
    ("Turkey", "Turkish"),
    ("France", "French"),
    ("Germany", "German"),
    ("Poland", "Polish"),
    ("India", "Indian"),
    ("Brazil", "Brazilian"),
    ("Japan", "Japanese"),
    ("Uzbekistan", "Uzbek"),
    ("Hungary", "Hungarian"),
    ("Israel", "Israeli"),
    ("Iran", "Iranian"),
    ("Georgia", "Georgian"),
];

/// Month names for "On 24 February 2022".
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Sentence templates: `{A}`/`{B}`/`{C}` countries, `{a}`/`{b}` demonyms, `{D}` a date phrase.
const TEMPLATES: [&str; 16] = [
    "{A}'s Foreign Ministry said it supports the territorial integrity of {B}.",
    "{a} officials condemned the strikes on {B} and demanded an immediate ceasefire.",
    "{D}, {A} called for dialogue between {B} and {C}.",
    "The {a} president expressed concern about the situation in {B}.",
    "{A} has not openly condemned {B}, but it refuses to recognise the annexation.",
    "{D}, the {a} delegation abstained in the vote on the resolution about {B}.",
    "{A} welcomed the peace plan put forward by {B}, calling it worthy of support.",
    "Speaking in the capital, the {a} foreign minister criticised the sanctions imposed on {B}.",
    "{A} and {B} agreed to expand cooperation in energy, transport and trade.",
    "The talks covered grain exports, border crossings and the exchange of prisoners.",
    "Analysts said the statement reflected a balanced position rather than a change of course.",
    "{D}, {a} and {b} diplomats met on the sidelines of the summit.",
    "{A} accused {B} of violating the agreement reached with {C}.",
    "The ministry added that humanitarian aid would continue to reach civilians in {B}.",
    "A spokesperson for the {a} government said that {A} remains neutral in the conflict.",
    "Observers noted that {C} did not take sides during the debate.",
];

/// A date phrase such as "On 24 February 2022".
fn date_phrase(rng: &mut Rng) -> String {
    format!(
        "On {} {} {}",
        1 + rng.below(28),
        rng.pick(&MONTHS),
        2014 + rng.below(12)
    )
}

/// One sentence from a random template.
fn sentence(rng: &mut Rng) -> String {
    let t = *rng.pick(&TEMPLATES);
    let (a, b, c) = (rng.pick(&COUNTRIES), rng.pick(&COUNTRIES), rng.pick(&COUNTRIES));
    let mut s = t
        .replace("{A}", a.0)
        .replace("{B}", b.0)
        .replace("{C}", c.0)
        .replace("{a}", a.1)
        .replace("{b}", b.1);
    if s.contains("{D}") {
        s = s.replace("{D}", &date_phrase(rng));
    }
    s
}

/// Body text of about `target` bytes in paragraphs of 3–5 sentences.
fn body(rng: &mut Rng, target: usize) -> String {
    let mut text = String::with_capacity(target + 200);
    while text.len() < target {
        for _ in 0..3 + rng.below(3) {
            text.push_str(&sentence(rng));
            text.push(' ');
        }
        text.pop();
        text.push_str("\n\n");
    }
    text
}

/// The contents and extension of generated document `i` (about 3 KB on average): plain text,
/// Markdown with YAML front matter (one in three) or a small HTML page (one in twenty).
fn document(i: usize) -> (String, &'static str) {
    let mut rng = Rng(0x5EED_0000 ^ (i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let target = 1_500 + rng.below(3_000);
    let (a, b) = (rng.pick(&COUNTRIES).0, rng.pick(&COUNTRIES).0);
    let title = format!("{a} and {b}: statement {i}");
    let text = body(&mut rng, target);
    match i % 20 {
        0 => {
            let paras: String = text
                .split("\n\n")
                .filter(|p| !p.is_empty())
                .map(|p| format!("<p>{p}</p>\n"))
                .collect();
            let html =
                format!("<html><head><title>{title}</title></head><body><h1>{title}</h1>\n{paras}</body></html>\n");
            (html, "html")
        }
        n if n % 3 == 0 => {
            let date = format!(
                "{}-{:02}-{:02}",
                2014 + rng.below(12),
                1 + rng.below(12),
                1 + rng.below(28)
            );
            let md = format!(
                "---\ntitle: \"{title}\"\ndate: {date}\nsource_url: https://example.org/{i}\n---\n\n# {title}\n\n{text}"
            );
            (md, "md")
        }
        _ => (format!("{title}\n\n{text}"), "txt"),
    }
}

/// Writes `n` generated documents under `dir` (1,000 per sub-folder), unless a previous run
/// completed it.
fn generate_corpus(dir: &Path, n: usize) {
    let marker = dir.join(".complete");
    if marker.exists() {
        return;
    }
    eprintln!("[bench] generating {n} documents into {}", dir.display());
    let _ = std::fs::remove_dir_all(dir);
    for i in 0..n {
        let sub = dir.join(format!("part-{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).expect("create corpus folder");
        }
        let (text, ext) = document(i);
        std::fs::write(sub.join(format!("doc-{i:06}.{ext}")), text).expect("write document");
    }
    std::fs::write(marker, b"").expect("write marker");
}

// ---------------------------------------------------------------------------------------------
// Child: measure one corpus.
// ---------------------------------------------------------------------------------------------

/// Measures loading and UI frames for the corpus in `dir`, printing `@key value` lines.
fn run_child(dir: &Path) {
    let (corpus, load) = timed_load(dir);
    for (k, v) in &load {
        println!("@{k} {v}");
    }
    println!("@docs {}", corpus.documents.len());
    println!("@peak_rss_load_mb {}", peak_rss_mb());
    let ui = measure_frames(corpus);
    for (k, v) in &ui {
        println!("@{k} {v}");
    }
    println!("@peak_rss_ui_mb {}", peak_rss_mb());
}

/// Loads `dir` on a background thread while sampling progress every 10 ms.
///
/// Returns the corpus and timings: first document analysed, phase starts, total, bytes.
fn timed_load(dir: &Path) -> (Corpus, Vec<(&'static str, f64)>) {
    let control = Arc::new(LoadControl::default());
    let start = Instant::now();
    // (seconds since the start, documents) of each partial corpus the load hands out.
    let partials: Arc<std::sync::Mutex<Vec<(f64, usize)>>> = Arc::default();
    let worker = {
        let (control, dir, partials) = (Arc::clone(&control), dir.to_path_buf(), Arc::clone(&partials));
        std::thread::spawn(move || {
            let mut sink = |c: Corpus| {
                partials
                    .lock()
                    .expect("partials lock")
                    .push((start.elapsed().as_secs_f64(), c.documents.len()));
            };
            load_corpus_streaming(Some(&dir), &control, Some(&Default::default()), &mut sink)
        })
    };
    let mut marks: HashMap<&'static str, f64> = HashMap::new();
    while !worker.is_finished() {
        std::thread::sleep(Duration::from_millis(10));
        record_progress(&control, start.elapsed().as_secs_f64(), &mut marks);
    }
    let corpus = worker.join().expect("load thread panicked").expect("load cancelled");
    let total = start.elapsed().as_secs_f64();
    let (_, _, _, bytes) = control.snapshot();
    // A load shorter than one sample interval: count its end.
    marks.entry("first_doc_s").or_insert(total);
    marks.entry("all_analysed_s").or_insert(total);
    marks.insert("total_s", total);
    marks.insert("bytes", bytes as f64);
    let partials = partials.lock().expect("partials lock").clone();
    // A load that ends before its first partial corpus shows the whole corpus first.
    let (first_shown_s, first_shown_docs) = partials.first().copied().unwrap_or((total, corpus.documents.len()));
    marks.insert("first_shown_s", first_shown_s);
    marks.insert("first_shown_docs", first_shown_docs as f64);
    marks.insert("partials", partials.len() as f64);
    for (step, secs) in control.step_times() {
        let key: &'static str = Box::leak(format!("step_{}", step as usize).into_boxed_str());
        marks.insert(key, secs);
    }
    marks.insert("text_bytes", control.text_bytes() as f64);
    (corpus, marks.into_iter().collect())
}

/// Records, the first time it is seen, the start of each phase and the first / last document
/// analysed.
fn record_progress(control: &LoadControl, t: f64, marks: &mut HashMap<&'static str, f64>) {
    let (_, total, analysed, _) = control.snapshot();
    let phase = match control.phase() {
        LoadPhase::Listing => None,
        LoadPhase::Reading => Some("phase_reading_s"),
        LoadPhase::Analysing => Some("phase_analysing_s"),
        LoadPhase::Done => Some("phase_done_s"),
    };
    if let Some(p) = phase {
        marks.entry(p).or_insert(t);
    }
    if analysed > 0 {
        marks.entry("first_doc_s").or_insert(t);
    }
    if total > 0 && analysed >= total {
        marks.entry("all_analysed_s").or_insert(t);
    }
}

/// Peak resident set size of this process (`VmHWM`), in MB (10^6 bytes).
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(f64::NAN, |kib| kib * 1024.0 / 1e6)
}

/// The two documents with the longest text.
fn two_largest(corpus: &Corpus) -> (Option<DocId>, Option<DocId>) {
    let mut ids: Vec<&stance_explorer::model::Document> = corpus.documents.iter().collect();
    ids.sort_by_key(|d| std::cmp::Reverse(d.text.len()));
    (ids.first().map(|d| d.id), ids.get(1).map(|d| d.id))
}

/// The app harness under test (no GPU rendering).
type AppHarness = Harness<'static, StanceApp>;

/// The CPU time this thread has run, in milliseconds (`CLOCK_THREAD_CPUTIME_ID`): unlike the
/// wall clock, it leaves out the time the UI thread waited for a core while the background
/// threads (the timeline's series, suggested pairs) ran on both.
fn thread_cpu_ms() -> f64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec; the clock id is a constant the kernel knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return f64::NAN;
    }
    ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6
}

/// One measured frame: wall-clock and UI-thread CPU milliseconds.
#[derive(Clone, Copy)]
struct FrameTime {
    wall_ms: f64,
    cpu_ms: f64,
}

/// Runs one frame and tessellates its shapes; returns the wall-clock and CPU time of both
/// (cloning the shapes for tessellation is not counted).
fn timed_frame(h: &mut AppHarness) -> FrameTime {
    let (t0, c0) = (Instant::now(), thread_cpu_ms());
    h.step();
    let (build, build_cpu) = (t0.elapsed(), thread_cpu_ms() - c0);
    let shapes = h.output().shapes.clone();
    let ppp = h.output().pixels_per_point;
    let (t1, c1) = (Instant::now(), thread_cpu_ms());
    let prims = h.ctx.tessellate(shapes, ppp);
    let (tess, tess_cpu) = (t1.elapsed(), thread_cpu_ms() - c1);
    std::hint::black_box(prims);
    FrameTime {
        wall_ms: (build + tess).as_secs_f64() * 1e3,
        cpu_ms: build_cpu + tess_cpu,
    }
}

/// Steps frames until the timeline's background build is done; returns the milliseconds waited.
fn settle(h: &mut AppHarness) -> f64 {
    let t0 = Instant::now();
    while h.state().timeline.is_updating() && t0.elapsed().as_secs() < 120 {
        std::thread::sleep(std::time::Duration::from_millis(1));
        h.step();
    }
    h.step();
    t0.elapsed().as_secs_f64() * 1e3
}

/// Runs `MEASURED_FRAMES` frames, calling `before(h, i)` before frame `i`.
fn scenario(h: &mut AppHarness, mut before: impl FnMut(&mut AppHarness, usize)) -> Vec<FrameTime> {
    (0..MEASURED_FRAMES)
        .map(|i| {
            before(h, i);
            timed_frame(h)
        })
        .collect()
}

/// Median and 95th percentile of `v` (milliseconds).
fn median_p95(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    let p95 = ((n as f64 * 0.95).ceil() as usize).clamp(1, n) - 1;
    (v[n / 2], v[p95])
}

/// Measures the per-frame CPU time of each view scenario on `corpus`.
fn measure_frames(corpus: Corpus) -> Vec<(String, f64)> {
    let compare_pair = two_largest(&corpus);
    let app = StanceApp::with_corpus(corpus, Settings::default());
    let mut h: AppHarness = Harness::builder()
        .with_size(WINDOW)
        .with_context_setup(install_fonts)
        // Like the app (egui's default), draw a box for characters the fonts lack (emoji).
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut StanceApp| app.ui_main(ui), app);
    let mut out = vec![("first_frame_ms".to_string(), timed_frame(&mut h).wall_ms)];
    h.run_steps(WARMUP_FRAMES);
    out.push(("timeline_ready_ms".into(), settle(&mut h)));
    // Suggested pairs are searched in the background on large corpora: wait for them, so
    // that the frames below are not measured while that thread takes a core.
    let t0 = Instant::now();
    // (At most 20 s: on generated corpora, whose documents all share one vocabulary, the
    // exact search takes minutes; the frames are then measured with it running.)
    while h.state().compare.finding_suggestions() && t0.elapsed().as_secs() < 20 {
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    let finished = !h.state().compare.finding_suggestions();
    out.push((
        "suggestions_ready_ms".into(),
        if finished {
            t0.elapsed().as_secs_f64() * 1e3
        } else {
            f64::NAN
        },
    ));
    let corpus = std::sync::Arc::clone(&h.state().corpus);
    let found = h.state_mut().compare.suggestions(&corpus);
    out.push(("suggested_pairs".into(), found.map_or(0.0, |f| f.pairs.len() as f64)));

    let idle = scenario(&mut h, |_, _| {});
    let (total, drawn) = h.state().timeline.markers_drawn();
    out.push(("markers".into(), total as f64));
    out.push(("markers_drawn".into(), drawn as f64));
    let typing = scenario(&mut h, |h, i| {
        let prefix_len = 1 + i % "ukraine".len();
        h.state_mut().entities.query = "ukraine"[..prefix_len].to_string();
    });
    h.state_mut().entities.query.clear();
    h.run_steps(WARMUP_FRAMES);
    let hover = scenario(&mut h, |h, i| {
        let x = 400.0 + 700.0 * i as f32 / (MEASURED_FRAMES - 1) as f32;
        h.input_mut()
            .events
            .push(egui::Event::PointerMoved(egui::pos2(x, 300.0)));
    });

    // Every report drawn as its own marker (copies not counted once): the most markers.
    h.state_mut().settings.count_copies_once = false;
    h.run_steps(WARMUP_FRAMES);
    out.push(("all_copies_ready_ms".into(), settle(&mut h)));
    let idle_all = scenario(&mut h, |_, _| {});
    let (total, drawn) = h.state().timeline.markers_drawn();
    out.push(("markers_all_copies".into(), total as f64));
    out.push(("markers_drawn_all_copies".into(), drawn as f64));
    let hover_all = scenario(&mut h, |h, i| {
        let x = 400.0 + 700.0 * i as f32 / (MEASURED_FRAMES - 1) as f32;
        h.input_mut()
            .events
            .push(egui::Event::PointerMoved(egui::pos2(x, 300.0)));
    });
    // Panning the date axis: every frame has a new transform, so markers are laid out again.
    let pan_all = scenario(&mut h, |h, i| {
        let events = &mut h.input_mut().events;
        events.push(egui::Event::PointerMoved(egui::pos2(700.0 + (i % 2) as f32, 300.0)));
        events.push(wheel_by(egui::vec2(if (i / 10) % 2 == 0 { 40.0 } else { -40.0 }, 0.0)));
    });
    h.state_mut().settings.count_copies_once = true;
    h.run_steps(WARMUP_FRAMES);
    settle(&mut h);
    // Clicking entities in the filter: every frame selects the next of the five most
    // mentioned (or clears), so the timeline, the lists and the counts are rebuilt.
    let mut by_count: Vec<stance_explorer::model::EntityId> = (0..h.state().corpus.entities.len() as u32)
        .map(stance_explorer::model::EntityId)
        .collect();
    by_count.sort_by_key(|e| std::cmp::Reverse(h.state().corpus.entity(*e).mention_count));
    by_count.truncate(5);
    let select = scenario(&mut h, |h, i| {
        let sel = &mut h.state_mut().selection;
        sel.clear_filter();
        if let Some(e) = by_count.get(i % 6) {
            sel.toggle_include(*e);
        }
    });
    settle(&mut h);
    // How long after a click the filtered timeline is on screen.
    if let Some(e) = by_count.first() {
        h.state_mut().selection.clear_filter();
        h.state_mut().selection.toggle_include(*e);
        h.step();
        out.push(("select_entity_ready_ms".into(), settle(&mut h)));
    }
    h.state_mut().selection.clear_filter();
    settle(&mut h);

    h.state_mut().selection.compare = compare_pair;
    let compare_pos = egui::pos2(715.0, 750.0);
    h.input_mut().events.push(egui::Event::PointerMoved(compare_pos));
    out.push(("compare_first_frame_ms".into(), timed_frame(&mut h).wall_ms));
    h.run_steps(WARMUP_FRAMES);
    let scroll = scenario(&mut h, |h, i| {
        let events = &mut h.input_mut().events;
        events.push(egui::Event::PointerMoved(compare_pos + egui::vec2(0.0, (i % 2) as f32)));
        events.push(wheel(-120.0));
    });

    for (name, frames) in SCENARIOS
        .iter()
        .zip([idle, typing, hover, idle_all, hover_all, pan_all, select, scroll])
    {
        let (median, p95) = median_p95(frames.iter().map(|f| f.wall_ms).collect());
        out.push((format!("{name}_median_ms"), median));
        out.push((format!("{name}_p95_ms"), p95));
        let (median, p95) = median_p95(frames.iter().map(|f| f.cpu_ms).collect());
        out.push((format!("{name}_cpu_median_ms"), median));
        out.push((format!("{name}_cpu_p95_ms"), p95));
    }
    out
}

/// A vertical mouse-wheel event of `dy` points.
fn wheel(dy: f32) -> egui::Event {
    wheel_by(egui::vec2(0.0, dy))
}

/// A mouse-wheel event of `delta` points.
fn wheel_by(delta: egui::Vec2) -> egui::Event {
    egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    }
}
