#!/usr/bin/env python3
"""Checks that the reason vocabulary is one: every ReasonKind the plugin
names is in include/escape/Reasons.def, escape-report knows exactly the ids
of that table, and docs/remarks.md's Reasons table lists exactly them.

  check-reason-vocabulary.py --report BIN [--def F] [--plugin DIR] [--docs F]

Exit 0 with a one-line summary, or 1 with one line per disagreement."""
import argparse
import glob
import os
import re
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--report", required=True, help="the escape-report binary")
ap.add_argument("--def", dest="table",
                default=os.path.join(root, "include/escape/Reasons.def"))
ap.add_argument("--plugin", default=os.path.join(root, "plugin"))
ap.add_argument("--docs", default=os.path.join(root, "docs/remarks.md"))
args = ap.parse_args()


def table_reasons(path):
    """Name -> id, from the ESCAPE_REASON(Name, "id", ...) entries."""
    text = open(path).read()
    return dict(re.findall(r'^ESCAPE_REASON\(\s*(\w+),\s*"([^"]+)"', text,
                           re.MULTILINE))


def plugin_kinds(directory):
    """Every ReasonKind enumerator the plugin's code names, and where."""
    kinds = {}
    for path in sorted(glob.glob(os.path.join(directory, "*.cpp")) +
                       glob.glob(os.path.join(directory, "*.h"))):
        for number, line in enumerate(open(path), 1):
            if line.rstrip().endswith("\\"):
                continue  # a macro over Reasons.def, not a kind
            for kind in re.findall(r"ReasonKind::(\w+)", line):
                if kind != "None":
                    kinds.setdefault(kind, "%s:%d" % (path, number))
    return kinds


def documented_ids(path):
    """The ids of the first column of the "## Reasons" table."""
    ids, inside = [], False
    for line in open(path):
        if line.startswith("## "):
            inside = line.strip() == "## Reasons"
        elif inside:
            m = re.match(r"\|\s*`([a-z0-9-]+)`\s*\|", line)
            if m:
                ids.append(m.group(1))
    return ids


def report_ids(binary):
    out = subprocess.run([binary, "--list-reasons"], check=True,
                         capture_output=True, text=True).stdout
    return [line.split("\t")[0] for line in out.splitlines() if line]


table = table_reasons(args.table)
ids = set(table.values())
problems = []
for kind, where in sorted(plugin_kinds(args.plugin).items()):
    if kind not in table:
        problems.append("%s: the plugin names ReasonKind::%s, which %s lacks"
                        % (where, kind, args.table))
known = report_ids(args.report)
for reason_id in sorted(ids - set(known)):
    problems.append("escape-report does not know `%s`" % reason_id)
for reason_id in sorted(set(known) - ids):
    problems.append("escape-report knows `%s`, which %s lacks"
                    % (reason_id, args.table))
documented = documented_ids(args.docs)
for reason_id in sorted(ids - set(documented)):
    problems.append("%s: `%s` is missing from the Reasons table"
                    % (args.docs, reason_id))
for reason_id in sorted(set(documented) - ids):
    problems.append("%s: the Reasons table lists `%s`, which %s lacks"
                    % (args.docs, reason_id, args.table))
for problem in problems:
    print("reason-vocabulary: " + problem)
if problems:
    sys.exit(1)
print("reason-vocabulary: %d reasons; the plugin, escape-report and %s agree"
      % (len(ids), os.path.basename(args.docs)))
