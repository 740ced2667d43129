#include "source_path.h"

#include "xalloc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *strip_root(const char *file, const char *root) {
  size_t n = strlen(root);
  while (n > 1 && root[n - 1] == '/')
    n--;
  if (strncmp(file, root, n) != 0)
    return NULL;
  if (file[n] == '/')
    return file + n + 1;
  return n == 1 && root[0] == '/' ? file + 1 : NULL;
}

static int exists_under(const char *root, const char *relative) {
  char path[PATH_MAX];
  struct stat st;
  return snprintf(path, sizeof path, "%s/%s", root, relative) <
             (int)sizeof path &&
         stat(path, &st) == 0;
}

/* Does the path `file` start with the last `len` bytes of root, ending at a
 * component boundary in both? */
static int root_tail_starts(const char *root, size_t root_len, const char *file,
                            size_t len) {
  const char *tail = root + root_len - len;
  return (tail == root || tail[-1] == '/') && strncmp(file, tail, len) == 0 &&
         file[len] == '/';
}

/* The longest trailing run of root's components that `file` starts with,
 * preferring one that leaves an existing file; NULL when none matches. */
static const char *strip_root_tail(const char *file, const char *root) {
  size_t root_len = strlen(root);
  while (root_len > 1 && root[root_len - 1] == '/')
    root_len--;
  const char *fallback = NULL;
  for (size_t len = root_len; len > 0; len--) {
    if (!root_tail_starts(root, root_len, file, len))
      continue;
    const char *rest = file + len + 1;
    if (exists_under(root, rest))
      return rest;
    if (!fallback)
      fallback = rest;
  }
  return exists_under(root, file) ? file : fallback;
}

static const char *relative_to(const char *file, const char *root) {
  if (file[0] == '/')
    return strip_root(file, root);
  return strip_root_tail(file, root);
}

char *source_path_relative(const char *file, const char *root) {
  while (file[0] == '.' && file[1] == '/')
    file += 2;
  const char *rest = NULL;
  if (root) {
    char resolved[PATH_MAX];
    if (realpath(root, resolved))
      rest = relative_to(file, resolved);
    if (!rest)
      rest = relative_to(file, root);
  }
  return xstrdup(rest ? rest : file);
}
