"""Writes N synthetic optimization record files shaped like a build's:
per translation unit, allocation verdicts of every kind (with flow lines
for escapes) and a few remarks of other passes that escape-report skips.
As objects, each file's records are the .escape.records section of an ELF
relocatable object instead (format version 1, tools/escape-report/
object_records.h): one zlib blob, as the plugin writes them, or one plain
blob.

usage: gen_records.py OUT_DIR N [yaml|zlib|plain]
"""
import os
import struct
import sys
import zlib

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


def blob(yaml, packing):
    if packing == "plain":
        return b"ESCAPE-RECORDS 1 %d\n" % len(yaml) + yaml
    packed = zlib.compress(yaml, 9)
    return b"ESCAPE-RECORDS 1 %d zlib %d\n" % (len(packed), len(yaml)) + packed


def elf_object(section):
    """An x86-64 ELF relocatable object whose only sections are
    .escape.records (SHT_PROGBITS, no flags) and the section names; what a
    compile writes besides them does not matter to escape-report. Written
    directly: an assembler per file would take minutes for 10,000."""
    names = b"\0.escape.records\0.shstrtab\0"
    shoff = (64 + len(section) + len(names) + 7) // 8 * 8
    ident = b"\x7fELF" + bytes([2, 1, 1, 0]) + bytes(8)
    header = ident + struct.pack("<HHIQQQIHHHHHH", 1, 62, 1, 0, 0, shoff, 0,
                                 64, 0, 0, 64, 3, 2)
    shdr = struct.Struct("<IIQQQQIIQQ")
    headers = (shdr.pack(0, 0, 0, 0, 0, 0, 0, 0, 0, 0) +
               shdr.pack(1, 1, 0, 0, 64, len(section), 0, 0, 1, 0) +
               shdr.pack(17, 3, 0, 0, 64 + len(section), len(names), 0, 0, 1,
                         0))
    body = header + section + names
    return body + bytes(shoff - len(body)) + headers


def main():
    out_dir, n = sys.argv[1], int(sys.argv[2])
    packing = sys.argv[3] if len(sys.argv) > 3 else "yaml"
    for i in range(n):
        m = i % 100
        d = os.path.join(out_dir, "mod%d" % m)
        os.makedirs(d, exist_ok=True)
        yaml = record(m, i).encode()
        if packing == "yaml":
            path, content = "file%d.opt.yaml" % i, yaml
        else:
            path, content = "file%d.o" % i, elf_object(blob(yaml, packing))
        with open(os.path.join(d, path), "wb") as f:
            f.write(content)


main()
