// The exit status is computed from converted objects, and one path exits
// from inside a function that still holds one: exit codes must match.
// RUN: %exec_variants --args "3" %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE int status(int argc) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) does not escape: moved to stack
  int *p = malloc(16);
  fill(p, 4, argc);
  int s = (int)sum(p, 4);
  if (s > 100) {
    printf("exiting with %d\n", s % 50);
    exit(s % 50);
  }
  free(p);
  return s;
}

int main(int argc, char **argv) {
  int r = status(argc);
  printf("status %d\n", r);
  return status(atoi(argv[1]) * 30);
}
