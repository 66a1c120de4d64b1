//! The real binary in a real window: started under Xvfb (or the desktop's own
//! display), it renders the sample corpus and saves a screenshot of every view.
//! Needs `xvfb-run` or `DISPLAY` (scripts/install-deps.sh installs Xvfb).

mod common;
use common::assert_not_blank;
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
