// Buffers passed to functions of another file whose parameters are noescape
// (escape/escape.h): the caller uses each buffer after the call, so a callee
// that keeps its promise cannot have freed it, and the buffer moves to the
// stack. The other file is compiled with the plugin (which checks the
// promise) and linked into every variant.
// RUN: %clang_escape -O2 -c %S/Inputs/noescape-lib.c -o %t.lib.o
// RUN: %exec_variants --cflags "%t.lib.o" %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#define ESCAPE_ASSERTIONS 1
#include "../../include/escape/escape.h"
#include "Inputs/exec.h"

void fill_bytes(ESCAPE_NOESCAPE char *p, size_t n, int seed);
unsigned hash_bytes(ESCAPE_NOESCAPE const char *p, size_t n);

// Filled, hashed, read and freed: moved.
static NOINLINE unsigned once(int seed) {
  // CHECK: :[[@LINE+1]]:{{13|26}}: remark: malloc(256) does not escape: moved to stack
  char *b = ESCAPE_STACK(malloc(256));
  fill_bytes(b, 256, seed);
  unsigned h = hash_bytes(b, 256);
  h += (unsigned char)b[7];
  free(b);
  return h;
}

// One buffer for every round of a loop, freed after it: each call is
// followed by the next call on it or by the free.
static NOINLINE unsigned rounds(int n) {
  // CHECK: :[[@LINE+1]]:13: remark: malloc(64) does not escape: moved to stack
  char *b = malloc(64);
  unsigned h = 0;
  for (int i = 0; i < n; i++) {
    fill_bytes(b, 64, i);
    h ^= hash_bytes(b, 64);
  }
  free(b);
  return h;
}

// The last thing done with it is the call: the callee could have freed it.
static NOINLINE void last_use(int seed) {
  // CHECK: :[[@LINE+1]]:13: remark: malloc(32) escapes to heap: passed to unknown function `fill_bytes`
  char *b = malloc(32);
  fill_bytes(b, 32, seed);
}

int main(void) {
  unsigned h = once(opaque(3));
  h ^= rounds(opaque(5));
  last_use(opaque(1));
  scribble(9);
  printf("%u\n", h);
  return 0;
}
