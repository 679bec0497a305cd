#!/usr/bin/env python3
"""Prints, from criterion's last results (target/criterion), each group's
time per element and the ratios BENCHMARKS.md quotes: the catalog against the
HashMap, binary-search and match baselines measured in the same run, and
resolve against a lookup hit."""

import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
results = {}
for bench in root.glob("**/new/benchmark.json"):
    meta = json.loads(bench.read_text())
    estimates = json.loads((bench.parent / "estimates.json").read_text())
    elements = (meta.get("throughput") or {}).get("Elements") or 1
    group, size = meta["group_id"].rsplit("/", 1)
    results.setdefault((group, int(size)), {})[meta["function_id"]] = estimates["median"]["point_estimate"] / elements

def row(group, size, times, base, others):
    if base not in times:
        return
    ratios = "  ".join(f"{o}: {times[base] / times[o]:.2f}x" for o in others if o in times)
    print(f"{group:20} {size:>7}  {base} {times[base]:7.1f} ns   {ratios}")

for (group, size), times in sorted(results.items(), key=lambda kv: (kv[0][0], kv[0][1])):
    if group.startswith("lookup_"):
        row(group, size, times, "phf", ["hashmap", "binary_search", "match"])
    elif group == "resolve":
        row(group, size, times, "resolve_api_specific", ["lookup_hit"])
    elif group == "describe":
        row(group, size, times, "phf", ["hashmap"])
    elif group == "iterate":
        row(group, size, times, "catalog", ["sorted_vec"])
