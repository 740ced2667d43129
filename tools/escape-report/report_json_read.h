/* Reading a --format json report back (docs/remarks-json.md): the baseline
 * of the gate, and either side of --diff. */
#ifndef ESCAPE_REPORT_REPORT_JSON_READ_H
#define ESCAPE_REPORT_REPORT_JSON_READ_H

#include "site.h"

/* Whether the file holds a JSON document: its first byte other than white
 * space is '{', which starts no record file, object or archive. 0 as well
 * when it cannot be read: whoever reads it next says why. */
int report_json_is_json(const char *path);

/* Appends the allocation sites of the report (its "sites"; the other
 * remarks are not read) to `out`, with every field the report keeps, so
 * that they sort and match as the sites of the build it was written from.
 * Returns -1 after printing an error that names the file and, for malformed
 * JSON, the line and column. */
int report_json_load(const char *path, struct site_list *out);

#endif
