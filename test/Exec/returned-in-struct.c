// C55: a pointer returned inside a struct value is returned all the same: the
// object stays on the heap.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

struct Slice {
  int *data;
  long len;
};

NOINLINE struct Slice make_slice(int seed) {
  // CHECK: :[[@LINE+1]]:21: remark: malloc(24) escapes to heap: {{returned|stored through pointer}}
  struct Slice s = {malloc(6 * sizeof(int)), 6};
  fill(s.data, 6, seed);
  return s;
}

int main(void) {
  struct Slice s = make_slice(opaque(14));
  scribble(12);
  printf("%ld\n", sum(s.data, (int)s.len));
  free(s.data);
  return 0;
}
