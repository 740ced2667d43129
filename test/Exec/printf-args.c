// C52: the printf family neither keeps nor frees its arguments: a string
// built with snprintf and printed with printf moves.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE void show(int v) {
  // CHECK: :[[@LINE+1]]:13: remark: malloc(32) does not escape: moved to stack
  char *s = malloc(32);
  snprintf(s, 32, "value=%d", v);
  printf("%s|%.3s|%zu\n", s, s, strlen(s));
  free(s);
}

int main(void) {
  for (int i = -2; i < 3; i++)
    show(opaque(i * 1234));
  return 0;
}
