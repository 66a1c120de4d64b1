#!/usr/bin/env bash
# Runs each coverage-guided fuzz target (fuzz/fuzz_targets/) for SECONDS (default 60) and
# prints libFuzzer's execution counts. Needs cargo-fuzz (`cargo install cargo-fuzz --locked`).
# On a stable toolchain RUSTC_BOOTSTRAP=1 enables the sanitizer-coverage flags cargo-fuzz uses;
# `-s none`: the code is safe Rust, so we hunt panics, not memory errors.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
SECONDS_EACH="${1:-60}"
export RUSTC_BOOTSTRAP=1
cargo fuzz build -s none -O
for t in decode parse_file date_expr sidecar; do
  mkdir -p "corpus/$t"
  echo "== $t (${SECONDS_EACH} s)"
  cargo fuzz run -s none -O "$t" "corpus/$t" -- -max_total_time="$SECONDS_EACH" -max_len=65536 2>&1 \
    | grep -E "^#[0-9]+ +(DONE|INITED)|Done [0-9]+ runs|ERROR|panicked" || true
done
