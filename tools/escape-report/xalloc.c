#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xrealloc(void *p, size_t size) {
  void *q = realloc(p, size ? size : 1);
  if (!q) {
    fputs("escape-report: out of memory\n", stderr);
    exit(2);
  }
  return q;
}

char *xstrndup(const char *s, size_t n) {
  char *copy = xrealloc(NULL, n + 1);
  memcpy(copy, s, n);
  copy[n] = '\0';
  return copy;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

void xstrappend(char **dst, const char *s, size_t n) {
  size_t old = *dst ? strlen(*dst) : 0;
  *dst = xrealloc(*dst, old + n + 1);
  memcpy(*dst + old, s, n);
  (*dst)[old + n] = '\0';
}
