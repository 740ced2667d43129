// C53: qsort hands the elements to a known comparator that only reads them:
// the sorted buffer and the objects its pointers refer to all move. A
// comparator that sorts again makes its sorter recur through qsort: the
// sorter's object does not escape, but stays on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int cmp_ptr(const void *a, const void *b) {
  return cmp_int(*(int *const *)a, *(int *const *)b);
}

NOINLINE long sorted_values(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(64) does not escape: moved to stack
  int *v = malloc(16 * sizeof *v);
  for (int i = 0; i < 16; i++)
    v[i] = (i * 7 + seed) % 16;
  qsort(v, 16, sizeof *v, cmp_int);
  long s = 0;
  for (int i = 0; i < 16; i++)
    s = (s * 5 + v[i]) % 1000003;
  free(v);
  return s;
}

NOINLINE long sorted_pointers(int seed) {
  int *cells[3];
  // CHECK: :[[@LINE+1]]:14: remark: malloc(4) does not escape: moved to stack
  cells[0] = malloc(sizeof(int));
  // CHECK: :[[@LINE+1]]:14: remark: malloc(4) does not escape: moved to stack
  cells[1] = malloc(sizeof(int));
  // CHECK: :[[@LINE+1]]:14: remark: malloc(4) does not escape: moved to stack
  cells[2] = malloc(sizeof(int));
  *cells[0] = seed % 5;
  *cells[1] = seed % 3;
  *cells[2] = seed % 7;
  qsort(cells, 3, sizeof *cells, cmp_ptr);
  long s = *cells[0] * 100 + *cells[1] * 10 + *cells[2];
  for (int i = 0; i < 3; i++)
    free(cells[i]);
  return s;
}

NOINLINE long sorted_nested(int d);

// The depth the next comparison descends to (-1: none); taken once per level.
static int pending = -1;
static long nested;

static int cmp_nesting(const void *a, const void *b) {
  if (pending >= 0) {
    int d = pending;
    pending = -1;
    nested = (nested * 7 + sorted_nested(d)) % 1000003;
  }
  return cmp_int(a, b);
}

NOINLINE long sorted_nested(int d) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(32) does not escape, but stays on heap: recursive function (through `qsort`)
  int *t = malloc(8 * sizeof *t);
  fill(t, 8, d);
  int v[3] = {d % 3, -d, d};
  pending = d - 1;
  qsort(v, 3, sizeof *v, cmp_nesting);
  long s = sum(t, 8) * 100 + v[0] * 10 + v[2];
  free(t);
  return s;
}

int main(void) {
  for (int i = 0; i < 4; i++)
    printf("%ld %ld\n", sorted_values(opaque(i)), sorted_pointers(opaque(i * 13)));
  long s = sorted_nested(opaque(5));
  printf("%ld %ld\n", s, nested);
  return 0;
}
