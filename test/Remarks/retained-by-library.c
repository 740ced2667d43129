// Library functions that keep a pointer for exit handlers, other threads or
// the environment make it escape: on_exit's arg, pthread_setspecific's
// value, putenv's string (passed to a leaking param of the model table).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

extern void at_exit(int, void *);

void exit_handler(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:16: remark: malloc(4) escapes to heap: passed to `on_exit` (leaking param `arg`)
  int *state = malloc(sizeof *state);
  *state = 1;
  on_exit(at_exit, state);
}

void thread_value(pthread_key_t key) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) escapes to heap: passed to `pthread_setspecific` (leaking param `value`)
  int *v = malloc(sizeof *v);
  *v = 2;
  pthread_setspecific(key, v);
}

void environment(void) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) escapes to heap: passed to `putenv` (leaking param `string`)
  char *s = malloc(16);
  strcpy(s, "ESCAPE_T=1");
  putenv(s);
}
