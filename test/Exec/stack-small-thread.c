// Issue 16: a worker thread with a 64 KiB stack recurses 200 levels with two
// 512-byte temporaries live across the recursive call. Both used to move (a
// recursive function's quarter budget is 1024 bytes): 200 KiB of objects on a
// 64 KiB stack, which the program without the plugin uses only a few KiB of.
// RUN: %exec_variants --cflags -pthread %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"
#include "Inputs/small-stack-thread.h"

NOINLINE long climb(int d) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(512) does not escape, but stays on heap: recursive function (through `climb`)
  int *a = malloc(512);
  // CHECK: :[[@LINE+1]]:12: remark: malloc(512) does not escape, but stays on heap: recursive function (through `climb`)
  int *b = malloc(512);
  fill(a, 128, d);
  fill(b, 128, -d);
  long s = d > 0 ? climb(d - 1) % 1000003 : 0;
  s += sum(a, 128) * 3 + sum(b, 128);
  free(b);
  free(a);
  return s;
}

static void *worker(void *arg) {
  long *r = arg;
  *r = climb(opaque(200));
  return NULL;
}

int main(void) {
  long r = 0;
  if (run_on_small_stack(64 * 1024, worker, &r) != 0)
    return 2;
  printf("%ld\n", r);
  return 0;
}
