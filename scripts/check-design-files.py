#!/usr/bin/env python3
"""Checks that the file table of docs/design.md ("## Files") names every
file of the repository outside test/: as a path in backticks, `dir/A.h/.cpp`
standing for dir/A.h and dir/A.cpp, or a glob such as `docs/*.md`.

  check-design-files.py [--design FILE] [--files LIST]

LIST is a file with one repository path per line (default: git ls-files of
the checkout this script belongs to). Exit 1 with one line per file the
table misses, or per table entry that names no file."""
import argparse
import fnmatch
import os
import re
import subprocess
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--design", default=os.path.join(root, "docs/design.md"))
ap.add_argument("--files")
args = ap.parse_args()

if args.files:
    files = open(args.files).read().split()
else:
    files = subprocess.run(["git", "-C", root, "ls-files"], check=True,
                           capture_output=True, text=True).stdout.split()
files = [f for f in files if not f.startswith("test/")]

names, inside = [], False
for line in open(args.design):
    if line.startswith("## "):
        inside = line.strip() == "## Files"
    elif inside and line.startswith("|"):
        first_cell = line.split("|")[1]
        for token in re.findall(r"`([^`]+)`", first_cell):
            # `dir/A.h/.cpp` is dir/A.h and dir/A.cpp.
            m = re.fullmatch(r"(.*)\.(\w+)/(\.\w+)", token)
            names += [m.group(1) + "." + m.group(2), m.group(1) + m.group(3)] \
                if m else [token]

problems = []
for f in files:
    if not any(fnmatch.fnmatchcase(f, n) for n in names):
        problems.append("%s is missing from the file table of %s"
                        % (f, args.design))
for n in names:
    if not any(fnmatch.fnmatchcase(f, n) for f in files):
        problems.append("the file table of %s names `%s`, which is not a file"
                        % (args.design, n))
for p in problems:
    print("design-files: " + p)
if problems:
    sys.exit(1)
print("design-files: the table names all %d files outside test/" % len(files))
