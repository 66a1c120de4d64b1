#!/usr/bin/env bash
# Runs every test: unit, integration, kittest UI and snapshot tests, and the
# real-window smoke test of the release binary under Xvfb. Installs the Debian
# packages the tests need first (scripts/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
command -v cargo >/dev/null || { echo "Rust is needed: https://rustup.rs" >&2; exit 1; }
exec cargo test --release --locked "$@"
