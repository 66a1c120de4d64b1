//! The real binary in a real window: started under Xvfb (or the desktop's own
//! display), it renders the sample corpus and saves a screenshot of every view.
//! Needs `xvfb-run` or `DISPLAY` (scripts/install-deps.sh installs Xvfb).

use std::path::Path;
use std::process::Command;

fn screenshot(view: &str, out: &Path) -> std::process::Output {
    let bin = env!("CARGO_BIN_EXE_stance-explorer");
    let args = ["screenshot", "--view", view, "--out", out.to_str().unwrap()];
    let have_xvfb = Command::new("sh")
        .args(["-c", "command -v xvfb-run"])
        .output()
        .is_ok_and(|o| o.status.success());
    let mut cmd = if have_xvfb {
        let mut c = Command::new("xvfb-run");
        c.args(["-a", "-s", "-screen 0 1600x1000x24", bin]);
        c
    } else {
        assert!(
            std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some(),
            "no display: install Xvfb with scripts/install-deps.sh (or run scripts/test.sh)"
        );
        Command::new(bin)
    };
    cmd.args(args)
        .env("HOME", out.parent().unwrap())
        .output()
        .expect("the binary starts")
}

fn assert_not_blank(path: &Path, min_w: u32, min_h: u32) {
    let img = image::open(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .to_rgba8();
    assert!(
        img.width() >= min_w && img.height() >= min_h,
        "{}: {}x{}",
        path.display(),
        img.width(),
        img.height()
    );
    let mut colors = std::collections::HashSet::new();
    for p in img.pixels().step_by(7) {
        colors.insert(p.0);
    }
    assert!(
        colors.len() > 50,
        "{} looks blank ({} colours)",
        path.display(),
        colors.len()
    );
    let bg = img.get_pixel(1, 1).0;
    let differ = img.pixels().filter(|p| p.0 != bg).count();
    assert!(
        differ * 20 > (img.width() * img.height()) as usize,
        "{} is mostly background",
        path.display()
    );
}

#[test]
fn release_binary_renders_every_view_in_a_real_window() {
    let dir = tempfile::tempdir().unwrap();
    for (view, w, h) in [
        ("window", 1200, 800),
        ("timeline", 500, 300),
        ("compare", 500, 300),
        ("entities", 200, 500),
    ] {
        let out = dir.path().join(format!("{view}.png"));
        let o = screenshot(view, &out);
        assert!(
            o.status.success(),
            "{view}: {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        assert_not_blank(&out, w, h);
    }
}
