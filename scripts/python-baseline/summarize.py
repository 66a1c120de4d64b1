#!/usr/bin/env python3
"""Summarises a compare.sh work folder: best and median seconds, MB/s, CPU seconds, peak RSS
and the ratio ours MB/s / Python MB/s. Usage: summarize.py WORK"""

import json
import statistics
import sys

work = sys.argv[1]
sel = json.load(open(f"{work}/selection.json"))
mb = sel["bytes"] / 1e6
runs = [json.loads(l) for l in open(f"{work}/runs.jsonl") if l.strip()]
bad = [r for r in runs if r["exit"] != 0]
if bad:
    sys.exit(f"failed runs: {bad}")
ours = [r for r in runs if r["label"] == "ours"]
ours_wall = [r["wall_s"] for r in ours]
exp = json.load(open(f"{work}/ours.json"))
dated = sum(1 for d in exp["documents"] if d.get("date"))
print()
print(f"documents: {sel['docs']}, bytes: {sel['bytes']:,} ({mb:.2f} MB)")
print(f"ours: {len(exp['documents'])} documents, {len(exp['entities'])} entities, "
      f"{sum(e['mentions'] for e in exp['entities'])} mentions, {len(exp['stances'])} stance events, "
      f"{dated} dated, {sum(d['sentences'] for d in exp['documents'])} sentences")
rows = []
def cpu(rs):
    return min(r["user_s"] + r["sys_s"] for r in rs)
def row(name, walls, rss, cpu_s, extra=""):
    best, med = min(walls), statistics.median(walls)
    rows.append((name, best, med, mb / best, mb / med, cpu_s, max(rss), extra))
row("ours (whole process)", ours_wall, [r["max_rss_mb"] for r in ours], cpu(ours))
py_summ = {}
for label in sorted({r["label"] for r in runs if r["label"].startswith("py-")}):
    rs = [r for r in runs if r["label"] == label]
    res = [json.load(open(r["result"])) for r in rs]
    py_summ[label] = res
    row(f"{label} excl. model load", [x["seconds"]["wall_excluding_load"] for x in res], [r["max_rss_mb"] for r in rs], cpu(rs),
        "stages (best run): " + ", ".join(f"{k} {v}s" for k, v in min(res, key=lambda x: x["seconds"]["wall_excluding_load"])["seconds"].items()))
    row(f"{label} whole process", [r["wall_s"] for r in rs], [r["max_rss_mb"] for r in rs], cpu(rs))
    x = res[0]
    print(f"{label}: {x['entity_mentions']} GPE/ORG/PERSON/NORP mentions, {x['distinct_entities']} distinct, "
          f"{x['sentences']} sentences, {x['dates_found']} dates found; components {x['spacy_components']}")
print()
print("CPU s: least user+sys of the runs, the whole process with its children (model loading included)")
print(f"{'side':34} {'best s':>9} {'median s':>9} {'best MB/s':>10} {'median MB/s':>12} {'CPU s':>8} {'peak RSS MB':>12}")
for name, best, med, mbs_b, mbs_m, cpu_s, rss, extra in rows:
    print(f"{name:34} {best:9.2f} {med:9.2f} {mbs_b:10.3f} {mbs_m:12.3f} {cpu_s:8.2f} {rss:12.1f}")
    if extra:
        print(f"    {extra}")
print()
ob, om = rows[0][3], rows[0][4]
oc = rows[0][5]
for name, best, med, mbs_b, mbs_m, cpu_s, rss, extra in rows[1:]:
    print(f"ratio ours / {name}: best {ob / mbs_b:.1f}x, median {om / mbs_m:.1f}x" + (f", CPU {cpu_s / oc:.0f}x" if "whole" in name else ""))
json.dump({"selection": sel, "rows": [dict(zip(["side", "best_s", "median_s", "best_mb_s", "median_mb_s", "cpu_s", "peak_rss_mb", "note"], r)) for r in rows]},
          open(f"{work}/summary.json", "w"), indent=2)
print(f"\nraw results: {work}/runs.jsonl, {work}/summary.json")
