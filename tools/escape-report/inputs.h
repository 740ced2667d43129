/* The command line's paths turned into the files to read. A file is taken
 * as given: an ELF file or ar archive (by content) is read for its
 * .escape.records sections, anything else as a record file. A directory is
 * searched recursively for clang's record names (*.opt.yaml,
 * *.opt.bitstream) and for objects, archives and shared libraries (*.o, *.a,
 * *.so; those that are not ELF or archives are left out). */
#ifndef ESCAPE_REPORT_INPUTS_H
#define ESCAPE_REPORT_INPUTS_H

#include <stddef.h>

enum input_kind {
  INPUT_RECORD_FILE, /* remark_file.h */
  INPUT_OBJECT,      /* object_records.h */
};

struct record_file {
  char *path;
  size_t input; /* index of the command-line path it came from */
  enum input_kind kind;
};

struct record_files {
  struct record_file *items;
  size_t count, capacity;
};

/* Appends the files of `path` in a stable (sorted) order. In a directory, an
 * object X.o with records hides the record files X.opt.yaml and
 * X.opt.bitstream beside it: clang names them after the object, and they
 * hold the same verdicts or stale ones. Returns -1 after printing an error
 * when the path cannot be read. */
int inputs_collect(const char *path, size_t input, struct record_files *out);
void inputs_free(struct record_files *files);

#endif
