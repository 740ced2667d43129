// C63: malloc(0) is left alone (NULL or a unique pointer per call).
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE int distinct(const void *a, const void *b) {
  return a == NULL ? 2 : a != b;
}

NOINLINE int zero(void) {
  // CHECK: :[[@LINE+1]]:13: remark: malloc(0) {{.*}}heap
  char *a = malloc(0);
  // CHECK: :[[@LINE+1]]:13: remark: malloc(0) {{.*}}heap
  char *b = malloc(0);
  int r = distinct(a, b);
  free(b);
  free(a);
  return r;
}

int main(void) {
  printf("%d\n", zero());
  return 0;
}
