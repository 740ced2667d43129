"""Writes N synthetic optimization record files shaped like a build's:
per translation unit, allocation verdicts of every kind (with flow lines
for escapes) and a few remarks of other passes that escape-report skips.

usage: gen_records.py OUT_DIR N
"""
import os
import sys

SITE = """--- !{kind}
Pass:            escape
Name:            {name}
DebugLoc:        {{ File: src/mod{m}/file{i}.c, Line: {line}, Column: 14 }}
Function:        fn{f}
Args:
  - Callee:          malloc
  - String:          '('
  - Size:            '{size}'
  - String:          ')'
  - String:          '{verdict}'
{reason}...
"""
FLOW = """--- !Analysis
Pass:            escape
Name:            EscapeFlow
DebugLoc:        {{ File: src/mod{m}/file{i}.c, Line: {line}, Column: 14 }}
Function:        fn{f}
Args:
  - String:          '{text}'
...
"""
OTHER = """--- !Missed
Pass:            inline
Name:            NoDefinition
DebugLoc:        {{ File: src/mod{m}/file{i}.c, Line: {line}, Column: 3 }}
Function:        fn{f}
Args:
  - Callee:          helper{f}
  - String:          ' will not be inlined into '
  - Caller:          fn{f}
...
"""
VERDICTS = [
    ("Passed", "MovedToStack", " does not escape: moved to stack", None),
    ("Passed", "Eliminated", " does not escape: removed by the optimizer", None),
    ("Missed", "EscapesToHeap", " escapes to heap: ",
     ("'stored to global `g`'", "stored-to-global")),
    ("Missed", "StaysOnHeap", " does not escape, but stays on heap: ",
     ("too large for stack (65536 > 1024)", "too-large")),
    ("Missed", "EscapesToHeap", " escapes to heap: ",
     ("stored through pointer (multi-level indirection)",
      "multi-level-indirection")),
]


def record(m, i):
    out = []
    for k in range(8):
        kind, name, verdict, reason = VERDICTS[(i + k) % len(VERDICTS)]
        line = 10 + 7 * k
        reason_text = ""
        if reason:
            reason_text = ("  - Reason:          %s\n"
                           "  - ReasonKind:      %s\n" % reason)
        out.append(SITE.format(kind=kind, name=name, m=m, i=i, line=line,
                               f=k // 2, size=16 * (k + 1), verdict=verdict,
                               reason=reason_text))
        if name == "EscapesToHeap":
            out.append(FLOW.format(m=m, i=i, line=line, f=k // 2,
                                   text="flow: {heap} = &{storage for malloc(16)}:"))
    for k in range(2):
        out.append(OTHER.format(m=m, i=i, line=100 + k, f=k))
    return "".join(out)


def main():
    out_dir, n = sys.argv[1], int(sys.argv[2])
    for i in range(n):
        m = i % 100
        d = os.path.join(out_dir, "mod%d" % m)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "file%d.opt.yaml" % i), "w") as f:
            f.write(record(m, i))


main()
