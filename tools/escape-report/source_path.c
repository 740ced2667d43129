#include "source_path.h"

#include "xalloc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

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

char *source_path_relative(const char *file, const char *root) {
  const char *rest = NULL;
  if (root) {
    rest = strip_root(file, root);
    char resolved[PATH_MAX];
    if (!rest && realpath(root, resolved))
      rest = strip_root(file, resolved);
  }
  if (!rest)
    rest = file;
  while (rest[0] == '.' && rest[1] == '/')
    rest += 2;
  return xstrdup(rest);
}
