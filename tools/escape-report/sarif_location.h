/* Where a SARIF result points: a file (relative to %SRCROOT%, or an absolute
 * file:// URI) and a 1-based line and column. */
#ifndef ESCAPE_REPORT_SARIF_LOCATION_H
#define ESCAPE_REPORT_SARIF_LOCATION_H

#include <jansson.h>

/* {"physicalLocation": {"artifactLocation": ..., "region": ...}}; a line or
 * column of 0 (unknown) becomes 1, since SARIF positions start at 1. */
json_t *sarif_physical_location(const char *file, unsigned line,
                                unsigned column);
/* "file:///abs/path" with RFC 3986 escapes; a new string. */
char *sarif_file_uri(const char *absolute_path);

#endif
