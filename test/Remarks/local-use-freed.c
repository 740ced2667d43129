// C4: purely local use with libc string functions, freed: moves. libc's
// string functions retain nothing.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: s does not escape
size_t local_string(const char *s) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(20) does not escape: moved to stack
  char *b = malloc(20);
  strcpy(b, "hi");
  strncat(b, s, 10);
  puts(b);
  size_t n = strlen(b);
  free(b);
  return n;
}
