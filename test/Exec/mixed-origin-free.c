// C69: one free receives either a converted object or a strdup result; the
// malloc moves and the free is guarded so the heap path is still freed.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long mixed(int c, const char *s) {
  // CHECK: :[[@LINE+1]]:17: remark: malloc(32) does not escape: moved to stack
  char *p = c ? malloc(32) : strdup(s);
  if (c)
    strcpy(p, "converted");
  long n = (long)strlen(p) * 1000 + p[0];
  free(p);
  return n;
}

int main(void) {
  long t = 0;
  for (int i = 0; i < 6; i++)
    t = t * 7 + mixed(opaque(i & 1), "kept on the heap");
  printf("%ld\n", t);
  return 0;
}
