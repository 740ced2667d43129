"""Checks a --format json report against docs/remarks-json.md (version 1).

usage: check_report_json.py FILE -> "json ok: N sites, M remarks"
Fails naming the record and field that break the schema.
"""
import json
import sys

VERDICTS = {"moved-to-stack", "starts-on-stack", "eliminated", "stays-on-heap",
            "escapes-to-heap"}
PLACE = {"file": str, "line": int, "column": int, "function": str}
SITE = dict(PLACE, callee=(str, type(None)), size=(str, type(None)),
            verdict=str, reason=(str, type(None)),
            reason_kind=(str, type(None)), message=str, explanation=list)
REMARK = dict(PLACE, name=str, message=str)
ASSERTIONS = {"stack", "noescape"}
MODES = {"precise"}


def check_record(kind, i, record, fields):
    for key, types in fields.items():
        if key not in record or not isinstance(record[key], types):
            sys.exit("json: %s %d: field %r missing or of the wrong type" % (kind, i, key))
    if record["file"].startswith("/"):
        sys.exit("json: %s %d: file %r is not relative" % (kind, i, record["file"]))
    # Only what an assertion names carries both assertion keys.
    if ("assertion" in record) != ("assertion_met" in record):
        sys.exit("json: %s %d: assertion without assertion_met, or the reverse" % (kind, i))
    if "assertion" in record and (record["assertion"] not in ASSERTIONS
                                  or not isinstance(record["assertion_met"], bool)):
        sys.exit("json: %s %d: bad assertion %r / assertion_met %r"
                 % (kind, i, record["assertion"], record["assertion_met"]))
    # Only a build in another mode than go says which.
    if "mode" in record and record["mode"] not in MODES:
        sys.exit("json: %s %d: bad mode %r" % (kind, i, record["mode"]))


with open(sys.argv[1]) as f:
    doc = json.load(f)
if doc.get("schema") != "escape-report" or doc.get("version") != 1:
    sys.exit("json: not an escape-report version 1 report")
for i, site in enumerate(doc["sites"]):
    check_record("site", i, site, SITE)
    if site["verdict"] not in VERDICTS:
        sys.exit("json: site %d: unknown verdict %r" % (i, site["verdict"]))
for i, remark in enumerate(doc["remarks"]):
    check_record("remark", i, remark, REMARK)
print("json ok: %d sites, %d remarks" % (len(doc["sites"]), len(doc["remarks"])))
