//! Property tests (proptest, on stable): no parser panics on any input, and the
//! ranges they return are valid. Fuzz-style coverage of the decoders, front matter,
//! HTML extraction, date expressions, sentence splitting and the sidecar reader.

use proptest::prelude::*;
use stance_explorer::analysis::date_expr::find_date_exprs;
use stance_explorer::analysis::sentences::split_sentences;
use stance_explorer::ingest::{decode_bytes, html::extract_html, parse_file};

/// Strings rich in the characters the parsers care about.
fn texty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Feb. ",
        "24 ",
        "March ",
        "2022",
        "-",
        "/",
        ".",
        ":",
        "(",
        ")",
        "“",
        "”",
        "\"",
        "«",
        "»",
        "\n",
        "---\n",
        "title: ",
        "date: ",
        "<p>",
        "</p>",
        "<script>",
        "{\"@type\":\"NewsArticle\",\"datePublished\":\"",
        "Mr. ",
        "Astana",
        "Токаев",
        "мая ",
        "березня ",
        "Monday ",
        "ago ",
        "one year ",
        "today ",
        "é",
        "\u{0301}",
        " ",
        "12-point ",
        "A/68/L.39",
        "©",
        "Related articles\n",
        "Kazakhstan's ",
        "\u{FFFD}",
        "\t",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

/// Strings rich in Markdown's markup, in any order.
fn markdowny() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "*",
        "**",
        "_",
        "__",
        "`",
        "``",
        "#",
        "## ",
        " #",
        "\n",
        "\n\n",
        "===",
        "---",
        "[",
        "]",
        "(",
        ")",
        "<",
        ">",
        "!",
        "https://x.org/ä",
        "Токаев",
        "word ",
        " ",
        "\t",
        "> ",
        "1. ",
        "- ",
        "\\",
        "é",
        "\u{0301}",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn decoding_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(d) = decode_bytes(&bytes) {
            prop_assert!(!d.encoding.is_empty());
        }
    }

    #[test]
    fn every_format_parses_or_explains(s in texty(), bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        for name in ["a.txt", "a.md", "a.html"] {
            let _ = parse_file(name, s.as_bytes());
            let _ = parse_file(name, &bytes);
        }
    }

    #[test]
    fn html_extraction_never_panics(s in texty(), raw in ".{0,400}") {
        let _ = extract_html(&s);
        let _ = extract_html(&raw);
    }

    #[test]
    fn date_expressions_have_valid_ranges(s in texty()) {
        let exprs = find_date_exprs(&s);
        let mut last_end = 0;
        for e in exprs {
            prop_assert!(e.range.start >= last_end && e.range.start < e.range.end && e.range.end <= s.len());
            prop_assert!(s.is_char_boundary(e.range.start) && s.is_char_boundary(e.range.end));
            last_end = e.range.end;
        }
    }

    #[test]
    fn sentences_are_ordered_trimmed_and_inside(s in texty()) {
        let mut last = 0;
        for r in split_sentences(&s) {
            prop_assert!(r.start >= last && r.start < r.end && r.end <= s.len());
            let t = &s[r.clone()];
            prop_assert_eq!(t, t.trim());
            last = r.end;
        }
    }

    #[test]
    fn markdown_markup_lies_on_character_boundaries(s in markdowny(), raw in ".{0,300}") {
        for text in [s, raw] {
            for m in stance_explorer::ingest::markdown::markup_spans(&text) {
                let r = m.span.range();
                prop_assert!(r.start < r.end && r.end <= text.len(), "{:?} in {:?}", r, text);
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
        }
    }

    #[test]
    fn sidecar_reader_never_panics(s in ".{0,300}", t in texty()) {
        for text in [s, t] {
            let dir = tempfile::tempdir().unwrap();
            let store = stance_explorer::corrections::CorrectionStore::at(dir.path().join("c.json"));
            std::fs::write(&store.path, &text).unwrap();
            let loaded = store.load();
            if loaded.warning.is_some() {
                prop_assert!(!store.path.exists(), "a broken sidecar is moved aside");
            }
        }
    }
}

#[test]
fn whole_analysis_survives_random_documents() {
    use stance_explorer::analysis::{Resources, build_corpus, today};
    use stance_explorer::ingest::{Ingested, LoadControl};
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 60,
        ..ProptestConfig::default()
    });
    runner
        .run(&prop::collection::vec(texty(), 1..6), |docs| {
            let res = Resources::load(None);
            let documents = docs
                .iter()
                .enumerate()
                .filter_map(|(i, d)| parse_file(&format!("{i}.txt"), d.as_bytes()).ok())
                .collect();
            let ing = Ingested {
                documents,
                problems: Vec::new(),
            };
            let c = build_corpus(
                ing,
                &res,
                &Default::default(),
                today(),
                &LoadControl::default(),
                None,
                "p".into(),
            )
            .unwrap();
            for s in &c.stances {
                prop_assert!((-1.0..=1.0).contains(&s.score));
                prop_assert!(s.sentence_index() < c.doc(s.doc).sentences.len());
            }
            Ok(())
        })
        .unwrap();
}
