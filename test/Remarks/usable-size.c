// malloc_usable_size asks the heap about the object: it stays a heap
// object.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <malloc.h>
#include <stdlib.h>

size_t usable(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(20) escapes to heap: passed to malloc_usable_size
  char *p = malloc(20);
  size_t n = malloc_usable_size(p);
  free(p);
  return n;
}
