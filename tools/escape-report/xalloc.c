#include "xalloc.h"

#include <stdarg.h>
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

char *xasprintf(const char *format, ...) {
  va_list args;
  va_start(args, format);
  int n = vsnprintf(NULL, 0, format, args);
  va_end(args);
  size_t size = n > 0 ? (size_t)n + 1 : 1;
  char *s = xrealloc(NULL, size);
  *s = '\0';
  va_start(args, format);
  vsnprintf(s, size, format, args);
  va_end(args);
  return s;
}
