//! A messy folder: every readable document loads with its text decoded, every
//! other file becomes a problem with a reason, nothing panics.

use stance_explorer::analysis::load_corpus;
use stance_explorer::ingest::LoadControl;
use stance_explorer::model::DatedPeriod;
use std::fs;

const RU: &str = "Министерство иностранных дел Казахстана заявило, что позиция Китая заслуживает поддержки. Президент Токаев призвал стороны к переговорам.";

#[test]
fn bad_files_become_problems_and_the_rest_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    fs::create_dir_all(root.join("sub/deeper")).unwrap();
    fs::write(
        root.join("plain.txt"),
        "Kazakhstan's Foreign Ministry said the plan of China deserves support.\n",
    )
    .unwrap();
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(RU);
    fs::write(root.join("sub/cp1251.txt"), &cp1251).unwrap();
    let (koi8, _, _) = encoding_rs::KOI8_R.encode(RU);
    fs::write(root.join("sub/koi8.txt"), &koi8).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in RU.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    fs::write(root.join("sub/deeper/utf16.txt"), &utf16).unwrap();
    fs::write(root.join("binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    fs::write(root.join("empty.txt"), b"").unwrap();
    fs::write(root.join("report.pdf"), b"%PDF-1.4").unwrap();
    fs::write(
        root.join("note.md"),
        "---\ntitle: A note\ndate: 2023-02-25\n---\nAstana abstained.\n",
    )
    .unwrap();
    fs::write(
        root.join("broken.md"),
        "---\ntitle: [unclosed\n---\nBody of a note about Kyiv and Moscow.\n",
    )
    .unwrap();
    fs::write(
        root.join("page.html"),
        r#"<html><head><title>Astana backs plan</title><meta property="article:published_time" content="2023-02-27T10:00:00Z"></head>
        <body><nav>Home News</nav><article><p>Kazakhstan backs the plan of China, officials said.</p></article></body></html>"#,
    )
    .unwrap();
    fs::write(
        root.join("nobody.html"),
        "<html><head><script>var x = 1;</script></head></html>",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();

    let c = load_corpus(Some(root), &LoadControl::default()).unwrap();
    let paths: Vec<&str> = c.documents.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "broken.md",
            "note.md",
            "page.html",
            "plain.txt",
            "sub/cp1251.txt",
            "sub/deeper/utf16.txt",
            "sub/koi8.txt"
        ]
    );
    for name in ["sub/cp1251.txt", "sub/koi8.txt", "sub/deeper/utf16.txt"] {
        let d = c.documents.iter().find(|d| d.path == name).unwrap();
        assert_eq!(d.text, RU, "{name} decoded as {}", d.encoding);
        assert!(
            c.doc(d.id)
                .mentions
                .iter()
                .any(|(e, _)| c.entity(*e).name == "Kazakhstan"),
            "{name}: Cyrillic names are found"
        );
    }
    let note = c.documents.iter().find(|d| d.path == "note.md").unwrap();
    assert_eq!(note.title, "A note");
    assert_eq!(note.date.as_ref().unwrap().value_string(), "2023-02-25");
    let broken = c.documents.iter().find(|d| d.path == "broken.md").unwrap();
    assert!(broken.notices.iter().any(|n| n.contains("YAML")));
    let page = c.documents.iter().find(|d| d.path == "page.html").unwrap();
    assert_eq!(page.title, "Astana backs plan");
    assert_eq!(page.date.as_ref().unwrap().value_string(), "2023-02-27");
    assert!(!page.text.contains("Home News"));

    let reason = |p: &str| {
        c.problems
            .iter()
            .find(|x| x.path == p)
            .map(|x| x.reason.clone())
            .unwrap_or_else(|| panic!("no problem for {p}: {:?}", c.problems))
    };
    assert!(reason("binary.txt").contains("binary"));
    assert!(reason("empty.txt").contains("empty"));
    assert!(reason("report.pdf").contains("not read"));
    assert!(reason("nobody.html").contains("no readable text"));
    #[cfg(unix)]
    assert!(reason("sub/loop").contains("loop"));
}

#[test]
fn a_cancelled_load_stops() {
    let tmp = tempfile::tempdir().unwrap();
    for i in 0..50 {
        fs::write(tmp.path().join(format!("{i}.txt")), "Astana said it supports dialogue.").unwrap();
    }
    let control = LoadControl::default();
    control.cancel();
    assert!(load_corpus(Some(tmp.path()), &control).is_err());
}

#[test]
fn article_files_are_never_written() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("a.txt");
    fs::write(&f, "Kazakhstan abstained.").unwrap();
    let before = (fs::read(&f).unwrap(), fs::metadata(&f).unwrap().modified().unwrap());
    load_corpus(Some(tmp.path()), &LoadControl::default()).unwrap();
    let after = (fs::read(&f).unwrap(), fs::metadata(&f).unwrap().modified().unwrap());
    assert_eq!(before, after);
    let entries: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(entries.len(), 1, "loading created files in the corpus folder");
}
