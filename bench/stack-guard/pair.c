// One temporary per call, the shape Escape moves: what a moved object costs
// with its stack check, against malloc/free and a hand-written local array
// (the static slot that needs no check).
//   pair [CALLS]    prints a checksum
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOINLINE __attribute__((noinline))

NOINLINE static long use(const char *p, int n) {
  return p[n & 63] + p[(n + 7) & 63];
}

#ifdef LOCAL_ARRAY
NOINLINE static long once(int n) {
  char p[64];
  memset(p, n, 64);
  return use(p, n);
}
#else
NOINLINE static long once(int n) {
  char *p = malloc(64);
  memset(p, n, 64);
  long v = use(p, n);
  free(p);
  return v;
}
#endif

int main(int argc, char **argv) {
  long calls = argc > 1 ? atol(argv[1]) : 10000000, s = 0;
  for (long i = 0; i < calls; i++)
    s += once((int)i);
  printf("%ld\n", s);
  return 0;
}
