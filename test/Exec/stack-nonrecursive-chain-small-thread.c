// Issue 16: a chain of ten distinct, non-recursive functions, each moving
// the full frame budget (four 1000-byte objects) and calling the next while
// they are live, on a thread whose stack is PTHREAD_STACK_MIN + 16 KiB: the
// program needs little of it, but 40 KB of moved objects overflowed it.
// RUN: %exec_variants --cflags -pthread %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"
#include <pthread.h>

// Every link moves its four objects (the remarks point into the header).
// CHECK-COUNT-40: frame-budget-chain.h:{{[0-9]+}}:{{[0-9]+}}: remark: malloc(1000) does not escape: moved to stack while the stack has room
#include "Inputs/frame-budget-chain.h"

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
