#!/usr/bin/env bash
# Starts Stance Explorer (on the sample corpus, or on the folder given as argument).
# Installs the run-time libraries it needs on Debian first, then builds in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
command -v cargo >/dev/null || { echo "Rust is needed: https://rustup.rs" >&2; exit 1; }
exec cargo run --release --locked -- "$@"
