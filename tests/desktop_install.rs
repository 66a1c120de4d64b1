//! The desktop integration: `scripts/install-user.sh` installs the binary, the
//! desktop entry and the icons into a prefix, the entry passes
//! `desktop-file-validate`, the installed binary starts in a real (Xvfb) window,
//! and the `[package.metadata.deb]` assets in Cargo.toml name the same files.
//! Needs `desktop-file-validate` and `xvfb-run` (scripts/install-deps.sh installs both).

mod common;
use common::assert_not_blank;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// What gets installed: repository file, path under the prefix (`usr/` in the .deb).
const INSTALLED: [(&str, &str); 4] = [
    ("target/release/stance-explorer", "bin/stance-explorer"),
    (
        "assets/stance-explorer.desktop",
        "share/applications/stance-explorer.desktop",
    ),
    (
        "assets/icon.png",
        "share/icons/hicolor/256x256/apps/stance-explorer.png",
    ),
    (
        "assets/icon.svg",
        "share/icons/hicolor/scalable/apps/stance-explorer.svg",
    ),
];

fn output_text(o: &Output) -> String {
    format!(
        "status: {}\nstdout:\n{}\nstderr:\n{}",
        o.status,
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn run_tool(cmd: &mut Command, tool: &str) -> Output {
    match cmd.output() {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            panic!("`{tool}` is not installed: run scripts/install-deps.sh (it installs it)")
        }
        Err(e) => panic!("cannot run `{tool}`: {e}"),
    }
}

fn install_user(prefix: &Path, home: &Path, extra: &[&str]) -> Output {
    let o = Command::new("bash")
        .arg(Path::new(ROOT).join("scripts/install-user.sh"))
        .args(extra)
        .arg(prefix)
        .current_dir(ROOT)
        .env("STANCE_BIN", env!("CARGO_BIN_EXE_stance-explorer"))
        .env("HOME", home)
        .output()
        .expect("bash runs scripts/install-user.sh");
    assert!(
        o.status.success(),
        "install-user.sh {extra:?} failed\n{}",
        output_text(&o)
    );
    o
}

fn assert_valid_desktop_file(path: &Path) {
    let o = run_tool(Command::new("desktop-file-validate").arg(path), "desktop-file-validate");
    assert!(
        o.status.success() && o.stdout.is_empty() && o.stderr.is_empty(),
        "desktop-file-validate {} is not clean\n{}",
        path.display(),
        output_text(&o)
    );
}

/// The value of `key` in the `[Desktop Entry]` group.
fn desktop_key(text: &str, key: &str) -> Option<String> {
    let mut in_entry = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_entry = line == "[Desktop Entry]";
        } else if in_entry
            && let Some((k, v)) = line.split_once('=')
            && k.trim() == key
        {
            return Some(v.trim().to_owned());
        }
    }
    None
}

#[test]
fn the_repository_desktop_entry_is_valid() {
    let path = Path::new(ROOT).join("assets/stance-explorer.desktop");
    assert_valid_desktop_file(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(desktop_key(&text, "Exec").as_deref(), Some("stance-explorer %F"));
    assert_eq!(desktop_key(&text, "Icon").as_deref(), Some("stance-explorer"));
    assert_eq!(desktop_key(&text, "StartupWMClass").as_deref(), Some("stance-explorer"));
}

#[test]
fn install_user_installs_a_valid_launcher_and_a_binary_that_starts() {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("prefix");
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();

    install_user(&prefix, &home, &[]);
    // A second run over the first one is fine (idempotent).
    install_user(&prefix, &home, &[]);

    for (src, rel) in INSTALLED {
        let installed = prefix.join(rel);
        let meta = std::fs::metadata(&installed).unwrap_or_else(|e| panic!("{}: {e}", installed.display()));
        assert!(
            meta.is_file() && meta.len() > 0,
            "{} is empty or not a file",
            installed.display()
        );
        let source = if src.starts_with("target/") {
            PathBuf::from(env!("CARGO_BIN_EXE_stance-explorer"))
        } else {
            Path::new(ROOT).join(src)
        };
        if src.ends_with(".desktop") {
            // The entry is copied with Exec/TryExec pointing at the installed binary.
            let strip = |p: &Path| {
                let text = std::fs::read_to_string(p).unwrap();
                text.lines()
                    .filter(|l| !l.starts_with("Exec=") && !l.starts_with("TryExec="))
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            };
            assert_eq!(
                strip(&source),
                strip(&installed),
                "{} differs from {}",
                installed.display(),
                src
            );
        } else {
            assert!(
                std::fs::read(&source).unwrap() == std::fs::read(&installed).unwrap(),
                "{} differs from {}",
                installed.display(),
                source.display()
            );
        }
    }
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(prefix.join("bin/stance-explorer"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o111, 0o111, "the installed binary is not executable ({mode:o})");
    }

    let desktop = prefix.join("share/applications/stance-explorer.desktop");
    assert_valid_desktop_file(&desktop);
    let text = std::fs::read_to_string(&desktop).unwrap();
    let exec = desktop_key(&text, "Exec").expect("an Exec line");
    assert!(exec.contains("%F"), "Exec does not take files/folders: {exec}");
    let bin = prefix.join("bin/stance-explorer");
    assert_eq!(
        exec,
        format!("{} %F", bin.display()),
        "Exec does not run the installed binary"
    );
    assert_eq!(desktop_key(&text, "TryExec"), Some(bin.display().to_string()));
    let mime = desktop_key(&text, "MimeType").expect("a MimeType line");
    assert!(
        mime.split(';').any(|m| m == "inode/directory"),
        "MimeType does not offer to open folders: {mime}"
    );
    assert_eq!(desktop_key(&text, "Icon").as_deref(), Some("stance-explorer"));
    assert_eq!(desktop_key(&text, "Terminal").as_deref(), Some("false"));

    // The installed binary starts in a real window and shows the sample corpus.
    let out = dir.path().join("window.png");
    let o = run_tool(
        Command::new("xvfb-run")
            .args(["-a", "-s", "-screen 0 1600x1000x24"])
            .arg(prefix.join("bin/stance-explorer"))
            .args(["screenshot", "--view", "window", "--out"])
            .arg(&out)
            .env("HOME", &home),
        "xvfb-run",
    );
    assert!(o.status.success(), "the installed binary failed\n{}", output_text(&o));
    assert_not_blank(&out, 800, 500);

    // --uninstall removes exactly what was installed.
    install_user(&prefix, &home, &["--uninstall"]);
    for (_, rel) in INSTALLED {
        assert!(!prefix.join(rel).exists(), "{rel} is left after --uninstall");
    }
}

fn deb_metadata() -> toml::Table {
    let text = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    let manifest: toml::Table = toml::from_str(&text).expect("Cargo.toml parses");
    manifest
        .get("package")
        .and_then(|p| p.get("metadata"))
        .and_then(|m| m.get("deb"))
        .and_then(|d| d.as_table())
        .cloned()
        .expect("Cargo.toml has a [package.metadata.deb] section")
}

/// `(source, destination file)` for every asset; a destination ending in `/`
/// is a directory that keeps the source's file name.
fn deb_assets(deb: &toml::Table) -> Vec<(String, String)> {
    let assets = deb.get("assets").and_then(|a| a.as_array()).expect("deb assets");
    assets
        .iter()
        .map(|a| {
            let (src, dest) = match a {
                toml::Value::Array(v) => (v.first(), v.get(1)),
                toml::Value::Table(t) => (t.get("source"), t.get("dest")),
                other => panic!("unexpected deb asset {other}"),
            };
            let src = src.and_then(|s| s.as_str()).expect("asset source").to_owned();
            let mut dest = dest.and_then(|d| d.as_str()).expect("asset dest").to_owned();
            if dest.ends_with('/') {
                let name = Path::new(&src).file_name().unwrap().to_string_lossy().into_owned();
                dest.push_str(&name);
            }
            (src, dest.trim_start_matches('/').to_owned())
        })
        .collect()
}

#[test]
fn deb_metadata_installs_the_same_files_as_install_user() {
    let deb = deb_metadata();
    let assets = deb_assets(&deb);
    for (src, rel) in INSTALLED {
        let dest = format!("usr/{rel}");
        assert!(
            assets.iter().any(|(s, d)| s == src && *d == dest),
            "Cargo.toml deb assets lack [\"{src}\", \"{dest}\"]: {assets:?}"
        );
    }
    assert!(
        assets
            .iter()
            .any(|(s, d)| s == "README.md" && d == "usr/share/doc/stance-explorer/README.md"),
        "the README is not packaged: {assets:?}"
    );
    for (src, _) in &assets {
        if !src.starts_with("target/") {
            assert!(
                Path::new(ROOT).join(src).is_file(),
                "deb asset {src} does not exist in the repository"
            );
        }
    }
    let png = image::open(Path::new(ROOT).join("assets/icon.png")).expect("assets/icon.png decodes");
    assert_eq!(
        (png.width(), png.height()),
        (256, 256),
        "the icon installed as 256x256 is not 256 px"
    );
    let svg = std::fs::read_to_string(Path::new(ROOT).join("assets/icon.svg")).unwrap();
    assert!(svg.contains("<svg"), "assets/icon.svg is not an SVG");

    let depends = deb.get("depends").and_then(|d| d.as_str()).expect("deb depends");
    let listed: Vec<&str> = depends.split(',').map(str::trim).collect();
    for lib in [
        "libgl1",
        "libegl1",
        "libxkbcommon0",
        "libx11-xcb1",
        "libxcursor1",
        "libxi6",
        "libxrandr2",
        "libwayland-client0",
    ] {
        assert!(
            listed.contains(&lib),
            "deb depends lacks {lib} (loaded at run time): {depends}"
        );
    }
    for key in ["maintainer", "section", "priority", "extended-description"] {
        assert!(
            deb.get(key).and_then(|v| v.as_str()).is_some_and(|v| !v.is_empty()),
            "deb {key} is missing"
        );
    }
}
