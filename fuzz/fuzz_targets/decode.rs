//! Any bytes: decoding never panics.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = stance_explorer::ingest::decode_bytes(data);
});
