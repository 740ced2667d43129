/* Reading optimization records (YAML, or LLVM bitstream) through
 * llvm-c/Remarks.h, keeping the remarks of pass `escape`: from a record
 * file, or from a buffer that holds one (a blob of an object's
 * .escape.records section, object_records.h). */
#ifndef ESCAPE_REPORT_REMARK_FILE_H
#define ESCAPE_REPORT_REMARK_FILE_H

#include "site.h"

/* Appends the escape remarks of the `size` bytes at `buf` (what a record
 * file holds; empty is no remarks) to `out` and adds their number to
 * *escape_remarks. On malformed, truncated or binary records it prints
 * "where:line:col: error: ..." to stderr and returns -1; the remarks parsed
 * before the error are kept. `where` names the buffer: a path, or
 * "lib.a(x.o):blob 2". */
int remark_buffer_read(const char *where, const char *buf, size_t size,
                       struct site_list *out, size_t *escape_remarks);

/* remark_buffer_read of the whole file at `path`. */
int remark_file_read(const char *path, struct site_list *out,
                     size_t *escape_remarks);

#endif
