// Issue 16: a chain of ten distinct, non-recursive functions, each moving
// the full frame budget (four 1000-byte objects) and calling the next while
// they are live, on a thread whose stack is PTHREAD_STACK_MIN + 16 KiB: the
// program needs little of it, but 40 KB of moved objects overflowed it.
// RUN: %exec_variants --cflags -pthread %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"
#include <pthread.h>

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

// CHECK-COUNT-4: :[[@LINE+2]]:{{[0-9]+}}: remark: malloc(1000) does not escape: moved to stack while the stack has room
NOINLINE static long link1(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link0);
}

// CHECK-COUNT-4: :[[@LINE+2]]:{{[0-9]+}}: remark: malloc(1000) does not escape: moved to stack while the stack has room
NOINLINE static long link2(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link1);
}

// CHECK-COUNT-4: :[[@LINE+2]]:{{[0-9]+}}: remark: malloc(1000) does not escape: moved to stack while the stack has room
NOINLINE static long link3(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link2);
}

// CHECK-COUNT-4: :[[@LINE+2]]:{{[0-9]+}}: remark: malloc(1000) does not escape: moved to stack while the stack has room
NOINLINE static long link4(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link3);
}

// CHECK-COUNT-4: :[[@LINE+2]]:{{[0-9]+}}: remark: malloc(1000) does not escape: moved to stack while the stack has room
NOINLINE static long link5(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link4);
}

// CHECK-COUNT-4: :[[@LINE+2]]:{{[0-9]+}}: remark: malloc(1000) does not escape: moved to stack while the stack has room
NOINLINE static long link6(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link5);
}

// CHECK-COUNT-4: :[[@LINE+2]]:{{[0-9]+}}: remark: malloc(1000) does not escape: moved to stack while the stack has room
NOINLINE static long link7(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link6);
}

// CHECK-COUNT-4: :[[@LINE+2]]:{{[0-9]+}}: remark: malloc(1000) does not escape: moved to stack while the stack has room
NOINLINE static long link8(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link7);
}

// CHECK-COUNT-4: :[[@LINE+2]]:{{[0-9]+}}: remark: malloc(1000) does not escape: moved to stack while the stack has room
NOINLINE static long link9(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link8);
}

// CHECK-COUNT-4: :[[@LINE+2]]:{{[0-9]+}}: remark: malloc(1000) does not escape: moved to stack while the stack has room
NOINLINE static long link10(int seed) {
  int *a = malloc(1000), *b = malloc(1000), *c = malloc(1000), *d = malloc(1000);
  LINK_BODY(link9);
}

static void *worker(void *arg) {
  long *r = arg;
  *r = link10(opaque((int)*r));
  return NULL;
}

int main(void) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, PTHREAD_STACK_MIN + 16 * 1024);
  // A guard wider than any frame: an overflow faults instead of landing in
  // another mapping.
  pthread_attr_setguardsize(&attr, 64 * 1024);
  pthread_t t;
  long r = 3;
  if (pthread_create(&t, &attr, worker, &r) != 0)
    return 2;
  pthread_join(t, NULL);
  printf("%ld\n", r);
  return 0;
}
