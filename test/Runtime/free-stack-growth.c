// A thread's free stack of a class starts small (63 objects) and grows to
// its full size (1365 objects of 48 bytes) only when objects it gave up
// were wanted again; a burst of frees alone leaves it small. Seen from
// outside through the stack's order: objects the stack kept come back in
// reverse order of their frees, the others from their spans.
// RUN: %escrt_cc %s -o %t %escrt_a && %t | FileCheck %s
// CHECK: frees only: 63 or fewer kept
// CHECK: freed again after reuse: all 500 kept
#include "check.h"

enum { N = 500, SIZE = 48 };
static void *p[N];

/* How many of the next mallocs return the objects of the last frees, in
 * reverse order of those frees (p[N-1] was freed last). */
static int kept_in_order(void) {
  void *q[N];
  for (int i = 0; i < N; i++)
    q[i] = malloc(SIZE);
  int n = 0;
  while (n < N && q[n] == p[N - 1 - n])
    n++;
  for (int i = 0; i < N; i++)
    p[i] = q[i];
  return n;
}

static void free_all(void) {
  for (int i = 0; i < N; i++)
    free(p[i]);
}

int main(void) {
  for (int i = 0; i < N; i++)
    p[i] = malloc(SIZE);
  free_all(); /* the stack fills for the first time */
  int first = kept_in_order();
  CHECK(first >= 31 && first <= 63);
  printf("frees only: %s kept\n", first <= 63 ? "63 or fewer" : "more");

  /* The objects popped above were ones the stack had kept: the next time
   * it fills, it grows instead of giving half of them up. */
  free_all();
  int second = kept_in_order();
  CHECK(second == N);
  printf("freed again after reuse: all %d kept\n", second);
  free_all();
  return 0;
}
