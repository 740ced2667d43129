// C54: pthread_create hands its argument to another thread: the object
// escapes even though the thread is joined before the function returns.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <pthread.h>
#include <stdlib.h>

extern void *worker(void *);

int run(int x) {
  pthread_t t;
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: passed to `pthread_create` (leaking param `arg`)
  int *m = malloc(sizeof *m);
  *m = x;
  if (pthread_create(&t, 0, worker, m))
    return -1;
  pthread_join(t, 0);
  int r = *m;
  free(m);
  return r;
}
