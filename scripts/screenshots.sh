#!/usr/bin/env bash
# Renders the README screenshots of every view on the sample corpus under Xvfb:
# docs/screenshots/{window,timeline,compare,entities}.png, and the exported chart
# docs/screenshots/export-timeline.{svg,png}
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cargo build --release --locked
mkdir -p docs/screenshots
for view in window timeline compare entities; do
  xvfb-run -a -s "-screen 0 1600x1000x24" ./target/release/stance-explorer screenshot "$@" --view "$view" --out "docs/screenshots/$view.png"
done
# The exported chart, as SVG and as PNG (1x: the README shows it at its real size).
./target/release/stance-explorer export "$@" --out docs/screenshots/export-timeline.svg
./target/release/stance-explorer export "$@" --scale 1 --out docs/screenshots/export-timeline.png
# Presentation mode (F11).
xvfb-run -a -s "-screen 0 1600x1000x24" ./target/release/stance-explorer screenshot "$@" --presentation --view window --out docs/screenshots/presentation.png
