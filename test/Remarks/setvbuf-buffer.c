// A stdio buffer installed with setvbuf/setbuf is used by later calls on the
// stream: the library retains it, so it escapes.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdio.h>
#include <stdlib.h>

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: f does not escape
void buffered(FILE *f) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:15: remark: malloc(512) escapes to heap: passed to `setvbuf` (leaking param `buf`)
  char *buf = malloc(512);
  setvbuf(f, buf, _IOFBF, 512);
  fputs("x", f);
}

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: f does not escape
void buffered_setbuf(FILE *f) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:15: remark: malloc(8192) escapes to heap: passed to `setbuf` (leaking param `buf`)
  char *buf = malloc(BUFSIZ);
  setbuf(f, buf);
}
