// C48: a buffer handed to setvbuf is kept by stdio after the call returns; it
// must stay on the heap or every later printf writes into a dead frame.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

NOINLINE void buffer_stdout(void) {
  // CHECK: :[[@LINE+1]]:15: remark: malloc(512) escapes to heap: passed to {{.*}}setvbuf
  char *buf = malloc(512);
  setvbuf(stdout, buf, _IOFBF, 512);
}

int main(void) {
  buffer_stdout();
  for (int i = 0; i < 200; i++) {
    scribble(i);
    printf("line %d of buffered output\n", i);
  }
  return 0;
}
