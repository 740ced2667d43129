// C4: libc string and memory functions retain nothing: the buffers move.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE long strings(const char *word) {
  // CHECK: :[[@LINE+1]]:13: remark: malloc(64) does not escape: moved to stack
  char *a = malloc(64);
  // LLVM folds malloc + memset(0) into calloc before the pass runs.
  // CHECK: :[[@LINE+1]]:13: remark: {{malloc\(64\)|calloc\(1, 64\)}} does not escape: moved to stack
  char *b = malloc(64);
  strcpy(a, word);
  strcat(a, "-suffix");
  memset(b, '.', 63);
  b[63] = 0;
  memcpy(b, a, strlen(a) + 1);
  memmove(b + 1, b, 8);
  const char *dash = strchr(a, '-');
  long r = (long)strlen(a) * 10000 + (dash ? dash[1] : 0) * 100 + (strcmp(a, b) > 0) * 10 +
           (b[1] == a[0]);
  puts(b);
  free(b);
  free(a);
  return r;
}

int main(void) {
  printf("%ld\n", strings("alpha"));
  printf("%ld\n", strings("be"));
  return 0;
}
