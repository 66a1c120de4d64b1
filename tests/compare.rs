//! The side-by-side view: how the sample translations line up, reordered paragraphs,
//! and a long pair (aligned off the UI thread, only the rows in view laid out).

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use stance_explorer::analysis::align::{AlignedRow, align, align_with_moves};
use stance_explorer::analysis::load_corpus_with;
use stance_explorer::app::StanceApp;
use stance_explorer::app::settings::Settings;
use stance_explorer::ingest::LoadControl;
use stance_explorer::model::{Corpus, DocId, Document};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

fn sample() -> Corpus {
    load_corpus_with(None, &LoadControl::default(), &Default::default()).unwrap()
}

fn doc<'c>(c: &'c Corpus, prefix: &str) -> &'c Document {
    c.documents.iter().find(|d| d.path.starts_with(prefix)).unwrap()
}

/// The sentences the view aligns (trailing boilerplate left out).
fn content_sentences(d: &Document) -> Vec<&str> {
    d.sentences
        .iter()
        .filter(|r| !d.in_boilerplate(r.start))
        .map(|r| &d.text[r.clone()])
        .collect()
}

/// Each passage of both sides appears exactly once, in order on the side it comes from
/// (moved passages excepted on the right).
fn assert_covers_both_sides(rows: &[AlignedRow], n: usize, m: usize) {
    let mut lefts = Vec::new();
    let mut rights = BTreeSet::new();
    let mut in_order_rights = Vec::new();
    for r in rows {
        match *r {
            AlignedRow::Pair { left, right, .. } => {
                lefts.push(left);
                assert!(rights.insert(right));
                in_order_rights.push(right);
            }
            AlignedRow::Moved { left, right, .. } => {
                lefts.push(left);
                assert!(rights.insert(right));
            }
            AlignedRow::LeftOnly(i) => lefts.push(i),
            AlignedRow::RightOnly(j) => {
                assert!(rights.insert(j));
                in_order_rights.push(j);
            }
        }
    }
    assert_eq!(lefts, (0..n).collect::<Vec<_>>());
    assert_eq!(rights, (0..m).collect::<BTreeSet<_>>());
    assert!(in_order_rights.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn the_two_translations_line_up_passage_by_passage_with_gaps() {
    let c = sample();
    let (a, b) = (content_sentences(doc(&c, "000")), content_sentences(doc(&c, "001")));
    for rows in [align(&a, &b), align_with_moves(&a, &b)] {
        assert_covers_both_sides(&rows, a.len(), b.len());
        let partner = |needle: &str| -> &str {
            let (i, _) = a.iter().enumerate().find(|(_, s)| s.contains(needle)).unwrap();
            rows.iter()
                .find_map(|r| match *r {
                    AlignedRow::Pair { left, right, .. } | AlignedRow::Moved { left, right, .. } if left == i => {
                        Some(b[right])
                    }
                    _ => None,
                })
                .unwrap_or_else(|| panic!("“{needle}” has no counterpart: {rows:?}"))
        };
        // The opening sentence ("worthy of support") and the quoted statement both say
        // "support" in each translation, in other words.
        let opening = partner("has expressed its approval of China's 12-point peace plan");
        assert!(
            opening.contains("expressed its support for China's proposed peace plan"),
            "{opening}"
        );
        let quote = partner("approving the position of the People's Republic of China");
        assert!(
            quote.contains("welcomes the position of the People's Republic of China"),
            "{quote}"
        );
        assert!(quote.contains("deserves support"), "{quote}");
        // Passages one translation has and the other does not are gaps.
        let right_only: Vec<&str> = rows
            .iter()
            .filter_map(|r| match *r {
                AlignedRow::RightOnly(j) => Some(b[j]),
                _ => None,
            })
            .collect();
        assert!(right_only.iter().any(|s| s.contains("1 min read")), "{right_only:?}");
        let left_only = rows.iter().filter(|r| matches!(r, AlignedRow::LeftOnly(_))).count();
        assert!(left_only > 0, "{rows:?}");
        assert!(
            left_only + right_only.len() > rows.len() / 2,
            "most passages of these two articles have no counterpart"
        );
    }
}

/// Five paragraphs of three sentences on separate topics, and the same reworded.
const PARAGRAPHS: [[(&str, &str); 3]; 5] = [
    [
        (
            "The river authority opened three new flood barriers along the eastern embankment.",
            "The river authority has opened three new flood barriers on the eastern embankment.",
        ),
        (
            "Engineers expect the barriers to hold back water during spring thaw.",
            "Engineers expect these barriers to hold back water during the spring thaw.",
        ),
        (
            "Residents of lowland villages welcomed the construction work.",
            "Residents of the lowland villages have welcomed the construction work.",
        ),
    ],
    [
        (
            "Parliament approved a budget for railway lines reaching the northern coast.",
            "Parliament has approved the budget for railway lines reaching the northern coast.",
        ),
        (
            "Freight operators hope faster trains will lower shipping costs.",
            "Freight operators hope that faster trains will lower their shipping costs.",
        ),
        (
            "Opposition deputies questioned how tunnels through granite mountains would be financed.",
            "Opposition deputies questioned how the tunnels through granite mountains would be financed.",
        ),
    ],
    [
        (
            "The central bank kept its benchmark interest rate unchanged at the monthly meeting.",
            "The central bank left its benchmark interest rate unchanged at the monthly meeting.",
        ),
        (
            "Governors cited stubborn inflation in housing and electricity prices.",
            "Governors cited stubborn inflation in housing and in electricity prices.",
        ),
        (
            "Currency traders had expected a cut before the autumn.",
            "Currency traders had expected a cut before autumn.",
        ),
    ],
    [
        (
            "A touring orchestra performed symphonies by forgotten composers in the old cathedral.",
            "A touring orchestra performed symphonies by forgotten composers inside the old cathedral.",
        ),
        (
            "Tickets sold out within hours of the announcement.",
            "Tickets were sold out within hours of the announcement.",
        ),
        (
            "Critics praised the conductor for reviving manuscripts found in monastery archives.",
            "Critics praised the conductor for reviving manuscripts discovered in monastery archives.",
        ),
    ],
    [
        (
            "Wheat farmers reported the largest harvest in a decade after mild weather.",
            "Wheat farmers reported the largest harvest in a decade following mild weather.",
        ),
        (
            "Grain elevators near the border are already full.",
            "Grain elevators near the border are full already.",
        ),
        (
            "Exporters are negotiating contracts with buyers overseas.",
            "Exporters are now negotiating contracts with overseas buyers.",
        ),
    ],
];

#[test]
fn reordered_paragraphs_pair_with_their_counterparts_not_by_position() {
    let order = [3, 0, 4, 1, 2];
    let a: Vec<&str> = PARAGRAPHS.iter().flatten().map(|s| s.0).collect();
    let b: Vec<&str> = order.iter().flat_map(|&p| PARAGRAPHS[p].iter().map(|s| s.1)).collect();
    // Where sentence `k` of A (paragraph k / 3) stands in B.
    let counterpart = |k: usize| {
        let at = order.iter().position(|&p| p == k / 3).unwrap();
        at * 3 + k % 3
    };
    let rows = align_with_moves(&a, &b);
    assert_covers_both_sides(&rows, a.len(), b.len());
    for r in &rows {
        match *r {
            AlignedRow::Pair { left, right, .. } | AlignedRow::Moved { left, right, .. } => {
                assert_eq!(right, counterpart(left), "“{}” paired with “{}”", a[left], b[right]);
            }
            _ => panic!("every sentence has its counterpart, but {r:?} does not: {rows:?}"),
        }
    }
    assert!(rows.iter().any(|r| matches!(r, AlignedRow::Moved { .. })));
    // Not by position: A's first paragraph is B's second.
    assert!(rows.iter().any(|r| matches!(
        *r,
        AlignedRow::Pair { left: 0, right: 3, .. } | AlignedRow::Moved { left: 0, right: 3, .. }
    )));
}

/// Words that vary the generated sentences.
const TOPICS: [&str; 12] = [
    "fisheries",
    "railway",
    "pension",
    "hospital",
    "harbour",
    "forestry",
    "broadband",
    "customs",
    "tourism",
    "drought",
    "housing",
    "aviation",
];

/// A document of `n` generated sentences (4 per paragraph); `reworded` gives the
/// other translation of the same record.
fn long_document(title: &str, n: usize, reworded: bool) -> String {
    let mut text = format!("{title}\n\n");
    for k in 0..n {
        let (t1, t2, t3) = (TOPICS[k % 12], TOPICS[(k / 12) % 12], TOPICS[(k * 7 + 3) % 12]);
        if reworded {
            text.push_str(&format!(
                "Item {k:04}: the {t1} committee has reviewed {t2} reports on {t3} spending."
            ));
        } else {
            text.push_str(&format!(
                "Item {k:04} notes that the {t1} committee reviewed {t2} reports about {t3} spending."
            ));
        }
        text.push_str(if k % 4 == 3 { "\n\n" } else { " " });
    }
    text
}

/// The app on a folder with the two long documents (and a short one open in the
/// reader), comparing the long pair.
fn long_pair_app(n: usize) -> (tempfile::TempDir, StanceApp) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("0-note.txt"), "A note\n\nNothing to compare here.").unwrap();
    std::fs::write(
        dir.path().join("a-record.txt"),
        long_document("Committee record", n, false),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b-record.txt"),
        long_document("Minutes of the sessions", n, true),
    )
    .unwrap();
    let corpus = load_corpus_with(Some(dir.path()), &LoadControl::default(), &Default::default()).unwrap();
    let id = |prefix: &str| -> DocId { doc(&corpus, prefix).id };
    let (note, a, b) = (id("0-note"), id("a-record"), id("b-record"));
    let mut app = StanceApp::with_corpus(corpus, Settings::default());
    app.selection.compare = (Some(a), Some(b));
    app.selection.open_doc = Some(note);
    (dir, app)
}

/// Runs frames until the comparison is aligned (the background thread is done).
fn wait_until_aligned(h: &mut Harness<'_, StanceApp>) {
    let start = Instant::now();
    while h.query_by_label_contains("aligned passages").is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "still aligning after two minutes"
        );
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run_steps(2);
}

/// The item numbers of the passages on screen: (left side, right side).
fn items_in_view(h: &Harness<'_, StanceApp>) -> (BTreeSet<usize>, BTreeSet<usize>) {
    let (mut left, mut right) = (BTreeSet::new(), BTreeSet::new());
    for node in h.query_all_by_label_contains("Item ") {
        // A `Role::Label` node keeps its text as the value.
        let ak = node.accesskit_node();
        let label = ak.value().or_else(|| ak.label()).unwrap_or_default();
        let Some(rest) = label.strip_prefix("Item ") else {
            continue;
        };
        let Ok(k) = rest[..4].parse::<usize>() else { continue };
        if rest[4..].starts_with(':') {
            right.insert(k);
        } else {
            left.insert(k);
        }
    }
    (left, right)
}

fn wheel(dy: f32) -> egui::Event {
    egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, dy),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    }
}

#[test]
fn a_long_pair_is_aligned_in_the_background_and_only_visible_rows_are_laid_out() {
    const N: usize = 2_000;
    let (_dir, app) = long_pair_app(N);
    let mut h = common::app_harness(app, [1600.0, 1000.0], 1);
    assert!(
        h.query_by_label("Aligning …").is_some(),
        "a long pair is aligned off the UI thread, with a spinner meanwhile"
    );
    wait_until_aligned(&mut h);
    assert!(
        h.query_by_label_contains(&format!("{N} aligned passages")).is_some(),
        "every item lines up with its reworded counterpart"
    );
    let (left, right) = items_in_view(&h);
    assert!(left.contains(&0) && left.contains(&1), "{left:?}");
    assert_eq!(left, right, "each row shows a passage and its counterpart");
    assert!(
        left.len() < 100,
        "only the rows in view are in the tree, not all {N}: {}",
        left.len()
    );

    let at = h.get_by_label_contains("Item 0001 notes").rect().center();
    h.hover_at(at);
    for _ in 0..12 {
        h.event(wheel(-250.0));
        h.step();
    }
    h.run_steps(20);
    let (left, right) = items_in_view(&h);
    assert!(
        !left.contains(&0) && !left.contains(&1),
        "early rows left the view: {left:?}"
    );
    assert!(
        left.first().is_some_and(|&k| k > 20),
        "the view scrolled on to later rows: {left:?}"
    );
    assert_eq!(left, right, "rows still line up after scrolling");
    assert!(h.query_by_label_contains("Item 0000").is_none());
    assert!(left.len() < 100);
}

/// A rendering harness of the compare view alone (light theme, no cursor).
fn render_harness(app: StanceApp, size: [f32; 2]) -> Harness<'static, StanceApp> {
    Harness::builder()
        .with_size(size)
        .with_theme(egui::Theme::Light)
        .with_render_cursor(false)
        .with_context_setup(stance_explorer::app::theme::install_fonts)
        .wgpu()
        .build_ui_state(
            |ui, app: &mut StanceApp| {
                let corpus = app.corpus.clone();
                egui::CentralPanel::default_margins().show(ui, |ui| {
                    app.compare.ui(ui, &corpus, &mut app.selection, &mut app.settings)
                });
            },
            app,
        )
}

/// Renders `h` to `name` in the temporary folder (kept, to look at) and checks the image.
fn render_to(h: &mut Harness<'_, StanceApp>, name: &str) {
    let path = std::env::temp_dir().join(name);
    h.render().unwrap().save(&path).unwrap();
    let size = h.ctx.content_rect().size();
    common::assert_not_blank(&path, size.x as u32, size.y as u32);
}

#[test]
fn the_compare_view_renders_the_sample_pair_a_moved_paragraph_and_a_scrolled_long_pair() {
    let corpus = sample();
    let (a, b) = (doc(&corpus, "000").id, doc(&corpus, "001").id);
    let mut app = StanceApp::with_corpus(corpus, Settings::default());
    app.selection.compare = (Some(a), Some(b));
    let mut h = render_harness(app, [1100.0, 700.0]);
    h.run_steps(4);
    render_to(&mut h, "compare-check.png");

    // The reordered paragraphs as two documents: moved rows are marked on the right.
    let dir = tempfile::tempdir().unwrap();
    let order = [3, 0, 4, 1, 2];
    let text = |paras: Vec<Vec<&str>>| paras.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join("\n\n");
    let a_text = text(PARAGRAPHS.iter().map(|p| p.iter().map(|s| s.0).collect()).collect());
    let b_text = text(
        order
            .iter()
            .map(|&k| PARAGRAPHS[k].iter().map(|s| s.1).collect())
            .collect(),
    );
    std::fs::write(dir.path().join("a.txt"), format!("Weekly digest\n\n{a_text}")).unwrap();
    std::fs::write(dir.path().join("b.txt"), format!("Regional bulletin\n\n{b_text}")).unwrap();
    let corpus = load_corpus_with(Some(dir.path()), &LoadControl::default(), &Default::default()).unwrap();
    let (a, b) = (doc(&corpus, "a.txt").id, doc(&corpus, "b.txt").id);
    let mut app = StanceApp::with_corpus(corpus, Settings::default());
    app.selection.compare = (Some(a), Some(b));
    let mut h = render_harness(app, [1100.0, 700.0]);
    h.run_steps(4);
    assert!(
        h.query_by_label_contains("moved ·").is_some(),
        "the count names moved passages"
    );
    assert!(
        h.query_all_by_label_contains("moved: ").count() >= 3,
        "moved passages are marked"
    );
    render_to(&mut h, "compare-check-moved.png");

    // The long pair, scrolled: rows in view are laid out where they belong.
    let (_dir, app) = long_pair_app(2_000);
    let mut h = render_harness(app, [1100.0, 700.0]);
    h.step();
    wait_until_aligned(&mut h);
    let at = h.get_by_label_contains("Item 0001 notes").rect().center();
    h.hover_at(at);
    for _ in 0..30 {
        h.event(wheel(-400.0));
        h.step();
    }
    h.run_steps(30);
    let (left, right) = items_in_view(&h);
    assert!(left.first().is_some_and(|&k| k > 50), "{left:?}");
    assert_eq!(left, right);
    render_to(&mut h, "compare-check-long.png");
}
