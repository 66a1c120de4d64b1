//! Any bytes as the corrections sidecar: loading never panics (a bad file is kept aside).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corrections.json");
    std::fs::write(&path, data).unwrap();
    let _ = stance_explorer::corrections::CorrectionStore::at(path).load();
});
