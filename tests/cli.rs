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
