/* The identity of the JSON report format (docs/remarks-json.md). The version
 * grows only on incompatible changes; readers accept every version up to
 * their own. */
#ifndef ESCAPE_REPORT_REPORT_JSON_SCHEMA_H
#define ESCAPE_REPORT_REPORT_JSON_SCHEMA_H

#define REPORT_JSON_SCHEMA "escape-report"
#define REPORT_JSON_VERSION 1

#endif
