// Issue 16: a chain of ten distinct, non-recursive functions, each moving
// the full frame budget (four 1000-byte objects) and calling the next while
// they are live, on a thread whose stack is PTHREAD_STACK_MIN + 16 KiB: the
// program needs little of it, but 40 KB of moved objects overflowed it.
// RUN: %exec_variants --cflags -pthread %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"
#include "Inputs/small-stack-thread.h"

// Every link moves its four objects (the remarks point into the header).
// CHECK-COUNT-40: frame-budget-chain.h:{{[0-9]+}}:{{[0-9]+}}: remark: malloc(1000) does not escape: moved to stack while the stack has room
#include "Inputs/frame-budget-chain.h"

static void *worker(void *arg) {
  long *r = arg;
  *r = link10(opaque((int)*r));
  return NULL;
}

int main(void) {
  long r = 3;
  if (run_on_small_stack(PTHREAD_STACK_MIN + 16 * 1024, worker, &r) != 0)
    return 2;
  printf("%ld\n", r);
  return 0;
}
