/* The command line's paths turned into the record files to read: a file is
 * taken as given, a directory is searched recursively for clang's record
 * names (*.opt.yaml, *.opt.bitstream). */
#ifndef ESCAPE_REPORT_INPUTS_H
#define ESCAPE_REPORT_INPUTS_H

#include <stddef.h>

struct record_file {
  char *path;
  size_t input; /* index of the command-line path it came from */
};

struct record_files {
  struct record_file *items;
  size_t count, capacity;
};

/* Appends the record files of `path` in a stable (sorted) order. Returns -1
 * after printing an error when the path cannot be read. */
int inputs_collect(const char *path, size_t input, struct record_files *out);
void inputs_free(struct record_files *files);

#endif
