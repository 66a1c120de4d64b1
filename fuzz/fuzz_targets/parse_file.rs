//! Any bytes as a .txt, .md (front matter) or .html file: parsing never panics.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let name = ["a.txt", "a.md", "a.html"][usize::from(first) % 3];
    let _ = stance_explorer::ingest::parse_file(name, rest);
});
