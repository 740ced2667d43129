#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) long use(const char *p) { return p[0] + p[31]; }

// Moved, behind the stack check.
long once(void) {
  char *p = malloc(32);
  memset(p, 1, 32);
  long v = use(p);
  free(p);
  return v;
}

// Recursive: stays on the heap for stack safety.
long walk(int d) {
  char *p = malloc(64);
  memset(p, d, 64);
  long v = use(p) + (d > 0 ? walk(d - 1) : 0);
  free(p);
  return v;
}
