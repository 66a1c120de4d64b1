//! A hostile folder: every readable document loads with its text decoded, every
//! other file is a problem with a clear reason, nothing panics, sizes are capped.

use stance_explorer::analysis::load_corpus_with;
use stance_explorer::ingest::{LoadControl, MAX_FILE_BYTES};
use std::fs;
use std::path::Path;

const RU: &str =
    "Президент Казахстана Касым-Жомарт Токаев заявил, что Казахстан поддерживает мирный план Китая и Бразилии.";

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for u in text.encode_utf16() {
        out.extend_from_slice(&if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    out
}

fn build(root: &Path) {
    fs::write(root.join("utf16le.txt"), utf16(RU, false)).unwrap();
    fs::write(root.join("utf16be.txt"), utf16(RU, true)).unwrap();
    fs::write(root.join("cp1251.txt"), encoding_rs::WINDOWS_1251.encode(RU).0).unwrap();
    fs::write(root.join("koi8r.txt"), encoding_rs::KOI8_R.encode(RU).0).unwrap();
    let mut invalid = b"Astana said it supports dialogue. ".to_vec();
    invalid.extend_from_slice(&[0xC3, 0x28, 0xA0, 0xA1, 0xFF, b'.', b'\n']);
    fs::write(root.join("invalid-utf8.txt"), &invalid).unwrap();
    fs::write(root.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0]).unwrap();
    fs::write(root.join("empty.txt"), b"").unwrap();
    fs::write(root.join("nobody.html"), "<html><head><title>x</title></head></html>").unwrap();
    fs::write(
        root.join("badyaml.md"),
        "---\n: : [\n---\nKyiv said it welcomed the talks.\n",
    )
    .unwrap();
    // A huge single file: capped, not read whole.
    let line = "Kazakhstan's Foreign Ministry said the plan deserves support. ";
    let mut big = String::with_capacity(50_000_000 + line.len());
    while big.len() < 50_000_000 {
        big.push_str(line);
    }
    fs::write(root.join("huge.txt"), big).unwrap();
    // Deep nesting.
    let mut deep = root.join("deep");
    for i in 0..200 {
        deep = deep.join(format!("d{i}"));
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("bottom.txt"), "Moscow said the talks were useful.").unwrap();
    // Many tiny files.
    let many = root.join("many");
    fs::create_dir(&many).unwrap();
    for i in 0..20_000 {
        fs::write(many.join(format!("{i:05}.txt")), format!("Note {i}: Astana abstained.")).unwrap();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::fs::{PermissionsExt, symlink};
        symlink(root, root.join("loop")).unwrap();
        // Listed, then gone: a link whose file was deleted.
        fs::write(root.join("gone.txt"), "x").unwrap();
        symlink(root.join("gone.txt"), root.join("deleted.txt")).unwrap();
        fs::remove_file(root.join("gone.txt")).unwrap();
        let name = std::ffi::OsStr::from_bytes(b"non-utf8-\xff\xfe.txt");
        fs::write(root.join(name), "Beijing welcomed the statement.").unwrap();
        let locked = root.join("locked.txt");
        fs::write(&locked, "secret").unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    }
}

#[test]
fn a_hostile_folder_loads_what_it_can_and_explains_the_rest() {
    let tmp = tempfile::tempdir().unwrap();
    build(tmp.path());
    let c = load_corpus_with(Some(tmp.path()), &LoadControl::default(), &Default::default()).unwrap();
    let doc = |p: &str| {
        c.documents
            .iter()
            .find(|d| d.path == p)
            .unwrap_or_else(|| panic!("{p} not loaded: {:?}", c.problems))
    };
    let problem = |p: &str| {
        c.problems
            .iter()
            .find(|x| x.path == p)
            .map(|x| x.reason.clone())
            .unwrap_or_else(|| panic!("no problem for {p}"))
    };
    for name in ["utf16le.txt", "utf16be.txt", "cp1251.txt", "koi8r.txt"] {
        assert_eq!(doc(name).text, RU, "{name}");
        assert!(
            doc(name)
                .mentions
                .iter()
                .any(|(e, _)| c.entity(*e).name == "Kazakhstan"),
            "{name}"
        );
    }
    let inv = doc("invalid-utf8.txt");
    assert!(inv.text.starts_with("Astana said it supports dialogue."));
    assert!(!inv.notices.is_empty(), "the guessed encoding is noted");
    assert!(problem("binary.txt").contains("binary"));
    assert!(problem("empty.txt").contains("empty"));
    assert!(problem("nobody.html").contains("no readable text"));
    assert!(doc("badyaml.md").notices.iter().any(|n| n.contains("YAML")));
    let huge = doc("huge.txt");
    assert!(huge.text.len() as u64 <= MAX_FILE_BYTES);
    assert!(
        huge.notices.iter().any(|n| n.contains("only the first")),
        "{:?}",
        huge.notices
    );
    let deep_path = (0..200).map(|i| format!("d{i}")).collect::<Vec<_>>().join("/");
    doc(&format!("deep/{deep_path}/bottom.txt"));
    assert_eq!(
        c.documents.iter().filter(|d| d.path.starts_with("many/")).count(),
        20_000
    );
    #[cfg(unix)]
    {
        assert!(problem("loop").contains("loop"));
        assert!(c.problems.iter().any(|p| p.path == "deleted.txt"), "{:?}", c.problems);
        assert!(
            c.documents
                .iter()
                .any(|d| d.path.starts_with("non-utf8-") && d.text.contains("Beijing"))
        );
        // Root reads anything; everyone else gets a clear reason.
        let root_user = fs::read(tmp.path().join("locked.txt")).is_ok();
        if !root_user {
            assert!(problem("locked.txt").contains("permission denied"));
        }
    }
    for p in &c.problems {
        assert!(!p.reason.is_empty() && !p.reason.contains("panicked"));
    }
}
