// Issue 16: a makecontext/swapcontext coroutine on a 24 KiB mmap'd stack runs
// a chain of ten non-recursive functions, each moving four 1000-byte objects
// and calling the next while they are live. The program needs a few KiB of
// that stack, but the 40 KB of moved objects overflowed it.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"
#include <sys/mman.h>
#include <ucontext.h>

#define CO_STACK (24 * 1024)
#define CO_GUARD (64 * 1024) /* wider than any frame: an overflow faults */

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

static ucontext_t main_ctx, co_ctx;
static long co_result;

// A generator: each resumption runs the chain once and yields its result.
static void coroutine(void) {
  for (int i = 0;; i++) {
    co_result = link10(opaque(i * 11));
    swapcontext(&co_ctx, &main_ctx);
  }
}

int main(void) {
  char *mem = mmap(NULL, CO_GUARD + CO_STACK, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED || mprotect(mem, CO_GUARD, PROT_NONE) != 0)
    return 2;
  getcontext(&co_ctx);
  co_ctx.uc_stack.ss_sp = mem + CO_GUARD;
  co_ctx.uc_stack.ss_size = CO_STACK;
  co_ctx.uc_link = &main_ctx;
  makecontext(&co_ctx, coroutine, 0);
  for (int i = 0; i < 3; i++) {
    swapcontext(&main_ctx, &co_ctx);
    printf("%ld\n", co_result);
  }
  return 0;
}
