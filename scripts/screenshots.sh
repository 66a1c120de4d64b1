#!/usr/bin/env bash
# Renders the README screenshots of every view on the sample corpus under Xvfb:
# docs/screenshots/{window,timeline,compare,entities}.png
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cargo build --release --locked
mkdir -p docs/screenshots
for view in window timeline compare entities; do
  xvfb-run -a -s "-screen 0 1600x1000x24" ./target/release/stance-explorer screenshot "$@" --view "$view" --out "docs/screenshots/$view.png"
done
