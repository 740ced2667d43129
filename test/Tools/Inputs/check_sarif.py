"""Checks a SARIF file the way GitHub code scanning reads it.

usage: check_sarif.py FILE          -> "sarif ok: N results, M rules"
       check_sarif.py --ids FILE    -> one "ruleId fingerprint" line per result
Fails (exit 1, naming the field) when a required field is missing or a URI
(of a result or of a codeFlow step) is not relative to %SRCROOT%.
"""
import json
import sys


def fail(what):
    sys.exit("sarif: " + what)


def check(doc):
    if doc.get("version") != "2.1.0":
        fail("version is not 2.1.0")
    runs = doc.get("runs")
    if not isinstance(runs, list) or len(runs) != 1:
        fail("runs is not a list of one run")
    run = runs[0]
    driver = run.get("tool", {}).get("driver", {})
    if not driver.get("name"):
        fail("tool.driver.name missing")
    rules = driver.get("rules", [])
    ids = [r.get("id") for r in rules]
    if len(set(ids)) != len(ids) or not all(ids):
        fail("rule ids missing or repeated")
    for rule in rules:
        if not rule.get("shortDescription", {}).get("text"):
            fail("rule %s has no shortDescription.text" % rule["id"])
    results = run.get("results")
    if not isinstance(results, list):
        fail("results missing")
    for r in results:
        if not r.get("message", {}).get("text"):
            fail("result without message.text")
        if r.get("ruleId") not in ids or ids[r.get("ruleIndex", -1)] != r["ruleId"]:
            fail("ruleId/ruleIndex of %r do not name a rule" % r.get("ruleId"))
        if r.get("level") not in ("none", "note", "warning", "error"):
            fail("bad level %r" % r.get("level"))
        steps = [step["location"] for flow in r.get("codeFlows", [])
                 for thread in flow["threadFlows"] for step in thread["locations"]]
        for step in steps:
            check_location(step["physicalLocation"])
            if not step.get("message", {}).get("text"):
                fail("codeFlow step without message.text")
        check_location(r["locations"][0]["physicalLocation"])
        if not r.get("partialFingerprints"):
            fail("result at %r has no partialFingerprints" % r["locations"][0])
    return run, results


def check_location(loc):
    uri = loc["artifactLocation"]["uri"]
    if ":" in uri or uri.startswith("/"):
        fail("uri %r is not repository-relative" % uri)
    if loc["artifactLocation"].get("uriBaseId") != "%SRCROOT%":
        fail("uri %r has no uriBaseId %%SRCROOT%%" % uri)
    if loc["region"]["startLine"] < 1 or loc["region"]["startColumn"] < 1:
        fail("region of %r is not 1-based" % uri)


def main():
    ids_only = sys.argv[1] == "--ids"
    with open(sys.argv[-1]) as f:
        run, results = check(json.load(f))
    if ids_only:
        for r in results:
            print(r["ruleId"], *sorted(r["partialFingerprints"].values()))
    else:
        print("sarif ok: %d results, %d rules" %
              (len(results), len(run["tool"]["driver"]["rules"])))


main()
