#!/usr/bin/env python3
"""Noise report for the nanlint benchmark (called by bench/run.sh; runnable on its own).

    python3 bench/noise.py REPORT.json CORPUS_DIR OUT.md [--seed N] [--sample N]

Reads nanlint's JSON report ({"findings":[{"rule","severity","path","line","column","message",...}],
"errors":[...], "summary":{...}}) over CORPUS_DIR and writes OUT.md:
  1. findings per rule per kLOC for each corpus (a top-level directory under CORPUS_DIR) and overall;
  2. a seeded random sample of findings (default 50, all if fewer) with path:line, rule, message and
     the flagged source line, for a person to mark true/false positive.
The sample is reproducible: same report + same seed -> same sample.
"""

import argparse
import collections
import datetime
import json
import os
import random
import sys


def count_lines(path):
    # same measure as `cat ... | wc -l`: newline characters
    with open(path, "rb") as f:
        return f.read().count(b"\n")


def corpus_lines(corpus_dir):
    lines = {}
    for name in sorted(os.listdir(corpus_dir)):
        top = os.path.join(corpus_dir, name)
        if not os.path.isdir(top):
            continue
        total = 0
        for root, _dirs, files in os.walk(top):
            for f in files:
                if f.endswith(".java"):
                    total += count_lines(os.path.join(root, f))
        lines[name] = total
    return lines


def corpus_of(path, corpus_dir):
    """The top-level corpus directory a finding's path lies in, or None."""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(corpus_dir))
    if rel.startswith(".."):
        return None
    return rel.split(os.sep, 1)[0]


def source_line(path, line):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for i, text in enumerate(f, 1):
                if i == line:
                    return text.rstrip("\n")
    except OSError as e:
        return "<cannot read: %s>" % e
    return "<no line %d>" % line


def md_escape(text):
    return text.replace("|", "\\|")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("report")
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=int(os.environ.get("NOISE_SEED", "20240601")))
    ap.add_argument("--sample", type=int, default=int(os.environ.get("NOISE_SAMPLE", "50")))
    args = ap.parse_args()

    with open(args.report, encoding="utf-8") as f:
        report = json.load(f)
    findings = report.get("findings", [])
    errors = report.get("errors", [])
    lines = corpus_lines(args.corpus)
    corpora = list(lines)
    total_lines = sum(lines.values())

    counts = collections.defaultdict(collections.Counter)  # rule -> corpus -> n
    outside = 0
    for f in findings:
        c = corpus_of(f["path"], args.corpus)
        if c is None:
            outside += 1
            continue
        counts[f["rule"]][c] += 1

    def rate(n, loc):
        return "%d (%.2f)" % (n, n / (loc / 1000.0)) if loc else str(n)

    out = []
    out.append("# nanlint noise report")
    out.append("")
    out.append("Generated %s from `%s` over `%s` (%d findings, %d input errors, %d lines of Java)."
               % (datetime.date.today().isoformat(), args.report, args.corpus, len(findings), len(errors),
                  total_lines))
    out.append("")
    out.append("## Findings per rule per kLOC")
    out.append("")
    out.append("Each cell: findings (findings per 1000 lines).")
    out.append("")
    out.append("| rule | " + " | ".join("%s (%d kLOC)" % (c, round(lines[c] / 1000)) for c in corpora)
               + " | all (%d kLOC) |" % round(total_lines / 1000))
    out.append("|---" * (len(corpora) + 2) + "|")
    by_total = sorted(counts, key=lambda r: (-sum(counts[r].values()), r))
    for rule in by_total:
        cells = [rate(counts[rule][c], lines[c]) for c in corpora]
        out.append("| %s | %s | %s |" % (rule, " | ".join(cells), rate(sum(counts[rule].values()), total_lines)))
    totals = [rate(sum(counts[r][c] for r in counts), lines[c]) for c in corpora]
    out.append("| **all rules** | %s | %s |" % (" | ".join(totals), rate(sum(sum(v.values()) for v in counts.values()),
                                                                           total_lines)))
    out.append("")
    if outside:
        out.append("(%d findings outside the corpus directory were not counted.)" % outside)
        out.append("")
    if errors:
        out.append("## Input errors (first 20 of %d)" % len(errors))
        out.append("")
        for e in errors[:20]:
            out.append("- `%s:%s` %s" % (e.get("path"), e.get("line", 0), md_escape(str(e.get("message")))))
        out.append("")

    ordered = sorted(findings, key=lambda f: (f["path"], f["line"], f.get("column", 0), f["rule"]))
    rng = random.Random(args.seed)
    sample = ordered if len(ordered) <= args.sample else sorted(
        rng.sample(ordered, args.sample), key=lambda f: (f["path"], f["line"], f.get("column", 0), f["rule"]))
    out.append("## Random sample for review (%d of %d, seed %d)" % (len(sample), len(findings), args.seed))
    out.append("")
    out.append("Mark each: **TP** (real NaN/Infinity hazard), **FP** (cannot happen), **?** (needs context).")
    out.append("")
    for i, f in enumerate(sample, 1):
        out.append("%d. `%s:%d:%d` **%s** (%s) — verdict: ___" % (
            i, f["path"], f["line"], f.get("column", 0), f["rule"], f.get("severity", "")))
        out.append("   - %s" % f.get("message", ""))
        out.append("")
        out.append("   ```java")
        out.append("   " + source_line(f["path"], f["line"]).strip())
        out.append("   ```")
        out.append("")

    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    print("noise report: %s (%d findings, %d sampled)" % (args.out, len(findings), len(sample)))


if __name__ == "__main__":
    sys.exit(main())
