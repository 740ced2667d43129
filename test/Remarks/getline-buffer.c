// getline may realloc the buffer *lineptr holds: a malloc'd buffer handed to
// it must stay a heap object ("passed to getline"); the size slot and the
// pointer slot are locals.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdio.h>
#include <stdlib.h>

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: f does not escape
long first_line(FILE *f) {
  size_t n = 64;
  // CHECK: {{.*}}.c:[[@LINE+1]]:16: remark: malloc(64) escapes to heap: passed to getline
  char *line = malloc(n);
  ssize_t len = getline(&line, &n, f);
  free(line);
  return len;
}
