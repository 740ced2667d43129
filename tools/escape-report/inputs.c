#include "inputs.h"

#include "object_records.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int has_suffix(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static const char *const record_suffixes[] = {".opt.yaml", ".opt.bitstream"};
static const char *const object_suffixes[] = {".o", ".a", ".so"};
enum { RECORD_SUFFIXES = sizeof record_suffixes / sizeof *record_suffixes };
enum { OBJECT_SUFFIXES = sizeof object_suffixes / sizeof *object_suffixes };

/* The suffix of `suffixes` that `name` ends with, or NULL. */
static const char *suffix_of(const char *name, const char *const *suffixes,
                             size_t n) {
  for (size_t i = 0; i < n; i++)
    if (has_suffix(name, suffixes[i]))
      return suffixes[i];
  return NULL;
}

/* A directory's file by its name: a record file, an object (when its
 * content says so: a linker script named libc.so or an LTO object of LLVM
 * bitcode carries no records), or neither (-1). */
static int kind_in_directory(const char *name, const char *path) {
  if (suffix_of(name, record_suffixes, RECORD_SUFFIXES))
    return INPUT_RECORD_FILE;
  if (suffix_of(name, object_suffixes, OBJECT_SUFFIXES) &&
      object_records_is_object(path))
    return INPUT_OBJECT;
  return -1;
}

static void push(struct record_files *out, char *path, size_t input,
                 enum input_kind kind) {
  if (out->count == out->capacity) {
    out->capacity = out->capacity ? 2 * out->capacity : 256;
    out->items = xrealloc(out->items, out->capacity * sizeof *out->items);
  }
  out->items[out->count++] = (struct record_file){path, input, kind};
}

static int compare_paths(const void *a, const void *b) {
  return strcmp(((const struct record_file *)a)->path,
                ((const struct record_file *)b)->path);
}

static char *join(const char *dir, const char *name) {
  size_t n = strlen(dir);
  char *path = xrealloc(NULL, n + strlen(name) + 2);
  sprintf(path, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
  return path;
}

/* Whether the object a record file is named after is among the files and
 * carries records: clang writes the record of `-c -o dir/X.o` to
 * dir/X.opt.yaml (CMake's X.c.o: X.c.opt.yaml). */
static int hidden_by_object(const struct record_files *files, size_t first,
                            const struct record_file *record) {
  const char *suffix =
      suffix_of(record->path, record_suffixes, RECORD_SUFFIXES);
  size_t stem = strlen(record->path) - strlen(suffix);
  char *object = xrealloc(NULL, stem + 3);
  memcpy(object, record->path, stem);
  strcpy(object + stem, ".o");
  struct record_file key = {object, 0, INPUT_OBJECT};
  const struct record_file *found =
      bsearch(&key, files->items + first, files->count - first,
              sizeof *files->items, compare_paths);
  int hidden =
      found && found->kind == INPUT_OBJECT && object_records_present(object);
  free(object);
  return hidden;
}

/* Drops, among the sorted files from `first` on, the record files whose
 * object carries records: those would count the same verdicts twice, or
 * stale ones. An object without records hides nothing (a build that wrote
 * only .opt.yaml files). */
static void hide_siblings(struct record_files *out, size_t first) {
  size_t n = out->count - first;
  unsigned char *hidden = memset(xrealloc(NULL, n + 1), 0, n + 1);
  for (size_t i = 0; i < n; i++)
    hidden[i] = out->items[first + i].kind == INPUT_RECORD_FILE &&
                hidden_by_object(out, first, &out->items[first + i]);
  size_t kept = first;
  for (size_t i = 0; i < n; i++) {
    if (hidden[i])
      free(out->items[first + i].path);
    else
      out->items[kept++] = out->items[first + i];
  }
  out->count = kept;
  free(hidden);
}

/* Symbolic links to directories are not followed: a build tree that links
 * back to its source would otherwise be walked forever. */
static int walk(const char *dir, size_t input, struct record_files *out) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "escape-report: %s: error: %s\n", dir, strerror(errno));
    return -1;
  }
  int status = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    char *path = join(dir, e->d_name);
    struct stat st;
    int kind;
    if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      status |= walk(path, input, out);
      free(path);
    } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
               (kind = kind_in_directory(e->d_name, path)) >= 0) {
      push(out, path, input, (enum input_kind)kind);
    } else {
      free(path);
    }
  }
  closedir(d);
  return status;
}

int inputs_collect(const char *path, size_t input, struct record_files *out) {
  struct stat st;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "escape-report: %s: error: %s\n", path, strerror(errno));
    return -1;
  }
  if (!S_ISDIR(st.st_mode)) {
    push(out, xstrdup(path), input,
         object_records_is_object(path) ? INPUT_OBJECT : INPUT_RECORD_FILE);
    return 0;
  }
  size_t first = out->count;
  int status = walk(path, input, out);
  qsort(out->items + first, out->count - first, sizeof *out->items,
        compare_paths);
  hide_siblings(out, first);
  return status;
}

void inputs_free(struct record_files *files) {
  for (size_t i = 0; i < files->count; i++)
    free(files->items[i].path);
  free(files->items);
  memset(files, 0, sizeof *files);
}
