// C31: an allocation stored into a caller-provided struct escapes in the
// callee (stored through pointer); once inlined into a caller whose struct
// is a local, the store targets the caller's slot and the copy moves.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=remark:
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

struct S {
  char *buf;
};

// CHECK: {{.*}}.c:[[@LINE+2]]:1: remark: s does not escape
// CHECK: {{.*}}.c:[[#INIT:@LINE+1]]:35: remark: malloc(16) escapes to heap: stored through pointer (multi-level indirection)
void init(struct S *s) { s->buf = malloc(16); }

// CHECK: {{.*}}.c:[[@LINE+2]]:1: remark: s does not escape
// CHECK: {{.*}}.c:[[@LINE+1]]:53: remark: malloc(32) escapes to heap: stored through pointer (multi-level indirection)
NOINLINE void init_noinline(struct S *s) { s->buf = malloc(32); }

// CHECK: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE int peek(const char *p) { return *p; }

// The inlined copy of init's site, reported at init's source position.
// CHECK: {{.*}}.c:[[#INIT]]:35: remark: malloc(16) does not escape: moved to stack
int inlined(void) {
  struct S s;
  init(&s);
  s.buf[0] = 1;
  int r = peek(s.buf);
  free(s.buf);
  return r;
}

int not_inlined(void) {
  struct S s;
  init_noinline(&s);
  s.buf[0] = 1;
  int r = peek(s.buf);
  free(s.buf);
  return r;
}
