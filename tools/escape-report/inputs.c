#include "inputs.h"

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

static int is_record_name(const char *name) {
  return has_suffix(name, ".opt.yaml") || has_suffix(name, ".opt.bitstream");
}

static void push(struct record_files *out, char *path, size_t input) {
  if (out->count == out->capacity) {
    out->capacity = out->capacity ? 2 * out->capacity : 256;
    out->items = xrealloc(out->items, out->capacity * sizeof *out->items);
  }
  out->items[out->count++] = (struct record_file){path, input};
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
    if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      status |= walk(path, input, out);
      free(path);
    } else if (is_record_name(e->d_name) && stat(path, &st) == 0 &&
               S_ISREG(st.st_mode)) {
      push(out, path, input);
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
    push(out, xstrdup(path), input);
    return 0;
  }
  size_t first = out->count;
  int status = walk(path, input, out);
  qsort(out->items + first, out->count - first, sizeof *out->items,
        compare_paths);
  return status;
}

void inputs_free(struct record_files *files) {
  for (size_t i = 0; i < files->count; i++)
    free(files->items[i].path);
  free(files->items);
  memset(files, 0, sizeof *files);
}
