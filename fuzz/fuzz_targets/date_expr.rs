//! Any text: date expressions are found and resolved without panics, ranges in bounds.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let reference = jiff::civil::date(2022, 3, 2);
    for e in stance_explorer::analysis::date_expr::find_date_exprs(&text) {
        assert!(e.range.end <= text.len() && text.is_char_boundary(e.range.start));
        let _ = stance_explorer::analysis::date_expr::resolve(&e.kind, reference);
    }
});
