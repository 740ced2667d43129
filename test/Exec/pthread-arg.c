// C54: an object handed to pthread_create stays on the heap even though the
// thread is joined; an object local to the thread function moves.
// RUN: %exec_variants --cflags -pthread %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"
#include <pthread.h>

static void *worker(void *arg) {
  int *shared = arg;
  // CHECK: :[[@LINE+1]]:14: remark: malloc(64) does not escape: moved to stack
  int *tmp = malloc(64);
  fill(tmp, 16, shared[0]);
  shared[8] = (int)sum(tmp, 16) + (int)sum(shared, 8);
  free(tmp);
  return NULL;
}

NOINLINE long spawn(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(36) escapes to heap: passed to {{.*}}pthread_create
  int *p = malloc(9 * sizeof *p);
  fill(p, 8, seed);
  pthread_t t;
  pthread_create(&t, NULL, worker, p);
  pthread_join(t, NULL);
  long r = p[8];
  free(p);
  return r;
}

int main(void) {
  for (int i = 0; i < 3; i++)
    printf("%ld\n", spawn(opaque(i * 4)));
  return 0;
}
