/* The identities of the JSON formats: the report (docs/remarks-json.md) and
 * the --diff object (docs/ci.md, "--diff"). A version grows only on
 * incompatible changes; readers accept every version up to their own.
 * A new verdict value ("starts-on-stack") is no such change: readers skip
 * a site whose verdict they do not know, so version 1 stays. */
#ifndef ESCAPE_REPORT_REPORT_JSON_SCHEMA_H
#define ESCAPE_REPORT_REPORT_JSON_SCHEMA_H

#define REPORT_JSON_SCHEMA "escape-report"
#define REPORT_JSON_VERSION 1

#define REPORT_DIFF_JSON_SCHEMA "escape-report-diff"
#define REPORT_DIFF_JSON_VERSION 1

#endif
