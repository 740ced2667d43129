// The other file of noescape-other-file.c: functions whose parameters are
// noescape (escape/escape.h). They keep the promise; the plugin, when it
// compiles this file with ESCAPE_ASSERTIONS, checks that they do.
#include "../../../include/escape/escape.h"
#include <stddef.h>

void fill_bytes(ESCAPE_NOESCAPE char *p, size_t n, int seed) {
  for (size_t i = 0; i < n; i++)
    p[i] = (char)(seed + (int)i * 7);
}

unsigned hash_bytes(ESCAPE_NOESCAPE const char *p, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)p[i]) * 16777619u;
  return h;
}
