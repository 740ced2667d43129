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

// Every link moves its four objects (the remarks point into the header).
// CHECK-COUNT-40: frame-budget-chain.h:{{[0-9]+}}:{{[0-9]+}}: remark: malloc(1000) does not escape: moved to stack while the stack has room
#include "Inputs/frame-budget-chain.h"

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
