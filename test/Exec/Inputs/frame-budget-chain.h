// A chain of ten distinct, non-recursive functions, each moving the full
// frame budget (four 1000-byte objects) and calling the next while they are
// live: 40 KB of moved objects at the bottom of the chain. Shared by the
// execution tests that run it on small stacks (issue 16).
#ifndef ESCAPE_FRAME_BUDGET_CHAIN_H
#define ESCAPE_FRAME_BUDGET_CHAIN_H
#include "exec.h"

static long link0(int seed) { return seed; }

// Each link holds its four objects across its call to the link below it.
#define LINK_BODY(next)                                                        \
  fill(a, 250, seed);                                                          \
  fill(b, 250, seed + 1);                                                      \
  fill(c, 250, seed + 2);                                                      \
  fill(d, 250, seed + 3);                                                      \
  long s = next(seed + 4) % 1000003;                                           \
  s += sum(a, 250) + 2 * sum(b, 250) + 3 * sum(c, 250) + 5 * sum(d, 250);      \
  free(d);                                                                     \
  free(c);                                                                     \
  free(b);                                                                     \
  free(a);                                                                     \
  return s

NOINLINE static long link1(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link0);
}

NOINLINE static long link2(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link1);
}

NOINLINE static long link3(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link2);
}

NOINLINE static long link4(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link3);
}

NOINLINE static long link5(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link4);
}

NOINLINE static long link6(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link5);
}

NOINLINE static long link7(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link6);
}

NOINLINE static long link8(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link7);
}

NOINLINE static long link9(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link8);
}

NOINLINE static long link10(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link9);
}

#endif
