#!/usr/bin/env bash
# Counts the instructions `stance-explorer analyze` executes on a folder, under callgrind, on one
# worker thread. Unlike times on a shared VM, the count repeats from run to run to within a
# fraction of a percent, so it shows changes of a few percent that timings drown in noise.
# (With more than one thread, the idle workers' spinning is counted too.)
#
#   scripts/count-instructions.sh <folder> [binary]
#
# The binary defaults to target/release/stance-explorer (build it first). Compare two builds
# on the same folder; use a subset of a large corpus (1,000-2,000 documents: callgrind runs
# some 50 times slower than the program). PERFORMANCE.md says which subsets were used.
set -euo pipefail
folder=${1:?usage: scripts/count-instructions.sh <folder> [binary]}
binary=${2:-target/release/stance-explorer}
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
[ -x "$binary" ] || { echo "no binary at $binary (cargo build --release)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
RAYON_NUM_THREADS=1 valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
    "$binary" analyze "$folder" --json "$work/out.json" 2>"$work/log" >/dev/null
grep -E "I +refs" "$work/log" | sed -E 's/.*refs: *//; s/^/instructions: /'
