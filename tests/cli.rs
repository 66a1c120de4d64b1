//! The `analyze` command, run as a user runs it.

use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_stance-explorer"))
}

#[test]
fn analyze_seeds_writes_the_documented_schema() {
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let out = bin().args(["analyze", seeds, "--json", "-"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "stance-explorer/1");
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    let txt: Vec<&serde_json::Value> = docs.iter().collect();
    let d003 = txt
        .iter()
        .find(|d| d["path"].as_str().unwrap().starts_with("003"))
        .unwrap();
    assert_eq!(d003["date"]["value"], "2014-03-27");
    assert_eq!(d003["date"]["precision"], "day");
    assert_eq!(d003["date"]["source"], "text");
    assert!(d003["date"]["evidence"].as_str().unwrap().contains("27 March 2014"));
    for d in docs {
        assert!(d["title"].is_string());
        assert!(d["outlet"].is_string() || d["outlet"].is_null());
        assert!(d["date"].is_object() || d["date"].is_null());
    }
    let entities = v["entities"].as_array().unwrap();
    let kz = entities.iter().find(|e| e["name"] == "Kazakhstan").unwrap();
    assert_eq!(kz["kind"], "country");
    let aliases: Vec<&str> = kz["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(
        aliases.contains(&"Kazakh") && aliases.contains(&"Astana"),
        "{aliases:?}"
    );
    assert!(kz["mentions"].as_u64().unwrap() >= 40);
    let stances = v["stances"].as_array().unwrap();
    assert!(stances.iter().any(|s| s["actor"] == "Kazakhstan"
        && s["target"] == "China"
        && s["score"].as_f64().unwrap() > 0.0
        && s["sentence"].as_str().unwrap().contains("worthy of support")));
    for s in stances {
        assert!(s["speaker"].is_string() || s["speaker"].is_null());
        assert!(s["cue"].is_string() && s["document"].is_string());
        let score = s["score"].as_f64().unwrap();
        assert!((-1.0..=1.0).contains(&score));
    }
    assert!(v["problems"].is_array());
}

#[test]
fn analyze_without_folder_uses_the_embedded_sample_and_writes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.json");
    let out = bin().args(["analyze", "--json"]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 5);
    assert!(String::from_utf8_lossy(&out.stderr).contains("5 documents"));
}

#[test]
fn analyze_a_missing_folder_fails_clearly() {
    let out = bin()
        .args(["analyze", "/definitely/not/here", "--json", "-"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a folder"));
}

#[test]
fn export_writes_the_timeline_as_png_svg_csv_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let run = |name: &str, extra: &[&str]| {
        let out_path = dir.path().join(name);
        let mut args = vec!["export", seeds, "--out", out_path.to_str().unwrap()];
        args.extend_from_slice(extra);
        let out = bin().args(&args).env("HOME", dir.path()).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        std::fs::read(out_path).unwrap()
    };
    let png = run("t.png", &["--scale", "1", "--width", "1024", "--height", "768"]);
    let img = image::load_from_memory(&png).unwrap().to_rgba8();
    assert_eq!(img.dimensions(), (1024, 768));
    let bg = img.get_pixel(0, 0).0;
    assert!(
        img.pixels().filter(|p| p.0 != bg).count() > 10_000,
        "the PNG is not blank"
    );
    let svg = String::from_utf8(run("t.svg", &["--include", "Kazakhstan"])).unwrap();
    assert!(svg.contains("filter: mentioning Kazakhstan"));
    assert!(svg.contains("Kazakhstan → "), "the legend names the series");
    let csv = String::from_utf8(run("t.csv", &[])).unwrap();
    assert!(csv.starts_with("actor,target,plotted_date"));
    assert!(csv.lines().count() > 1);
    let aligned = String::from_utf8(run("a.svg", &["--alignment", "Russia,Ukraine", "--period", "year"])).unwrap();
    assert!(aligned.contains("Kazakhstan (Russia ↔ Ukraine)"));
    assert!(aligned.contains("class=\"smooth\""));
    let json: serde_json::Value = serde_json::from_slice(&run("t.json", &["--exclude", "Brazil"])).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 4);
}

#[test]
fn export_rejects_unknown_formats_and_entities_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("t.gif");
    let out = bin()
        .args(["export", "--out", out_path.to_str().unwrap()])
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(".png, .svg, .csv or .json"));
    let out_path = dir.path().join("t.svg");
    let out = bin()
        .args(["export", "--out", out_path.to_str().unwrap(), "--include", "Atlantis"])
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no entity named \"Atlantis\""));
    assert!(!out_path.exists(), "nothing is written on error");
}

#[cfg(unix)]
#[test]
fn writing_to_a_device_writes_through_it_instead_of_replacing_it() {
    // A FIFO stands in for /dev/null: the file must stay a FIFO and get the bytes.
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    stance_explorer::cli::write_atomically(&fifo, b"hello").unwrap();
    assert_eq!(reader.join().unwrap(), b"hello");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "still a FIFO");
}
