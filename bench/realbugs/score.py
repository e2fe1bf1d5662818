#!/usr/bin/env python3
"""Scores a nanlint JSON report of the real fixed bugs against docs/evaluation/realbugs.tsv.

Each label names a site (the id before ':'), a version (the file before the fix or after it) and a line range.
The real files live outside the repository, in DATA/<site>/<before|after>/<file name> (bench/realbugs/fetch.sh).

  bug       found when a finding of the labelled rule (at any level) lies on the labelled lines of the before file
            (a rule reported inside another rule's finding on the same line, under "also", counts too)
            (also reported: the labelled rule or one of its alternatives, and any rule at all)
  control   the same site after the fix: warned when a finding of the labelled rule (or any rule) lies on it
  lookalike a safe operation of the same shape in the same code: warned likewise

Usage: score.py REPORT.json [--labels TSV] [--data DIR]
"""
import argparse
import collections
import csv
import json
import os
import sys


def load_labels(path):
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.DictReader(f, delimiter='\t'))
    for row in rows:
        row['site'] = row['id'].split(':')[0]
        row['line'] = int(row['line'])
        row['line_end'] = int(row['line_end'])
        row['alternatives'] = {r for r in row['alt_rules'].split(',') if r}
    return rows


def findings_by_file(report, data):
    by_file = collections.defaultdict(list)
    for finding in report['findings']:
        path = os.path.realpath(finding['path'])
        by_file[path].append(finding)
        # a finding merged into another on the same line ("also [Rule] ...") is a finding of its own rule
        for merged in finding.get('also', []):
            by_file[path].append({**finding, 'rule': merged['rule'], 'severity': merged['severity']})
    return by_file


def label_file(row, data):
    return os.path.realpath(os.path.join(data, row['site'], row['version'], os.path.basename(row['path'])))


def on_lines(findings, row, rules=None):
    return [f for f in findings
            if row['line'] <= f['line'] <= row['line_end'] and (rules is None or f['rule'] in rules)]


def percent(part, whole):
    return f'{100.0 * part / whole:.0f}%' if whole else '-'


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('report')
    parser.add_argument('--labels', default=os.path.join(root, 'docs', 'evaluation', 'realbugs.tsv'))
    parser.add_argument('--data', default=os.environ.get('REALBUGS_DATA', '/work/realbugs-data'))
    args = parser.parse_args()

    labels = load_labels(args.labels)
    with open(args.report, encoding='utf-8') as f:
        report = json.load(f)
    if report.get('errors'):
        print(f'nanlint reported {len(report["errors"])} input errors: {report["errors"][:3]}', file=sys.stderr)
    by_file = findings_by_file(report, args.data)

    missing = sorted({label_file(r, args.data) for r in labels if not os.path.isfile(label_file(r, args.data))})
    if missing:
        print(f'{len(missing)} labelled files are missing under {args.data} (run bench/realbugs/fetch.sh), e.g. {missing[0]}',
              file=sys.stderr)
        return 2

    results = []
    for row in labels:
        findings = by_file.get(label_file(row, args.data), [])
        results.append({
            'row': row,
            'rule': bool(on_lines(findings, row, {row['rule']})),
            'rule_or_alt': bool(on_lines(findings, row, {row['rule']} | row['alternatives'])),
            'warned': any(f['severity'] in ('warning', 'error')
                          for f in on_lines(findings, row, {row['rule']} | row['alternatives'])),
            'any': on_lines(findings, row),
        })

    bugs = [r for r in results if r['row']['kind'] == 'bug']
    controls = [r for r in results if r['row']['kind'] == 'control']
    lookalikes = [r for r in results if r['row']['kind'] == 'lookalike']

    def count(items, key):
        return sum(1 for r in items if r[key])

    print(f'labels: {args.labels}; data: {args.data}; report: {args.report}')
    print(f'{len(bugs)} bugs from {len({r["row"]["repository"] for r in bugs})} repositories, '
          f'{len(controls)} controls, {len(lookalikes)} look-alikes')
    print()
    print(f'{"":34}{"labelled rule":>16}{"rule or alt.":>16}{"any rule":>16}')
    for name, items, verb in (('bugs found (before the fix)', bugs, 'found'),
                              ('controls warned (after the fix)', controls, 'warned'),
                              ('look-alikes warned', lookalikes, 'warned')):
        cells = [f'{count(items, k)}/{len(items)} ({percent(count(items, k), len(items))})'
                 for k in ('rule', 'rule_or_alt', 'any')]
        print(f'{name:34}' + ''.join(f'{c:>16}' for c in cells))
    print(f'{"  of them at warning level or above":34}{"":16}'
          f'{count(bugs, "warned")}/{len(bugs)} bugs, {count(controls + lookalikes, "warned")}/{len(controls + lookalikes)} safe sites')
    print()
    print('bugs found by repository (labelled rule / any rule):')
    per_repo = collections.defaultdict(list)
    for r in bugs:
        per_repo[r['row']['repository']].append(r)
    for repo in sorted(per_repo):
        items = per_repo[repo]
        print(f'  {repo:32} {count(items, "rule")}/{len(items)}  {count(items, "any")}/{len(items)}')
    guards = collections.defaultdict(list)
    for r in controls:
        guards[r['row']['guard']].append(r)
    print('controls warned by where the fix put its guard (labelled rule):')
    for guard in sorted(guards):
        print(f'  {guard:12} {count(guards[guard], "rule")}/{len(guards[guard])}')
    print()

    def describe(r):
        row = r['row']
        others = sorted({f['rule'] for f in r['any']} - {row['rule']})
        extra = f' (other rules on the line: {", ".join(others)})' if others else ''
        return f'  {row["id"]:34} {row["rule"]:18} {row["version"]}:{row["line"]}{extra}'

    print('bugs missed (no finding of the labelled rule):')
    for r in bugs:
        if not r['rule']:
            print(describe(r))
    print('controls warned (labelled rule):')
    for r in controls:
        if r['rule']:
            print(describe(r) + f'  guard: {r["row"]["guard"]}')
    print('look-alikes warned (labelled rule):')
    for r in lookalikes:
        if r['rule']:
            print(describe(r))
    return 0


if __name__ == '__main__':
    sys.exit(main())
