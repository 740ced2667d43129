/* Reading one optimization record file (YAML, or LLVM bitstream) through
 * llvm-c/Remarks.h, keeping the remarks of pass `escape`. */
#ifndef ESCAPE_REPORT_REMARK_FILE_H
#define ESCAPE_REPORT_REMARK_FILE_H

#include "site.h"

/* Appends the escape remarks of `path` to `out` and adds their number to
 * *escape_remarks. On a malformed, truncated or binary file it prints
 * "path:line:col: error: ..." to stderr and returns -1; the remarks parsed
 * before the error are kept. */
int remark_file_read(const char *path, struct site_list *out,
                     size_t *escape_remarks);

#endif
