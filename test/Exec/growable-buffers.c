// Growable buffers run the same with and without the plugin, and under ASan
// (which checks the stack buffer's bounds, and the copy out of it): builders
// that stay within their first capacity and ones that grow past it, shrink,
// realloc(p, 0), realloc of a pointer that may be NULL, a buffer per loop
// iteration, and a variable first size.
// RUN: %exec_variants %s %t
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"

// n characters through a builder of first capacity 16 that doubles.
static NOINLINE unsigned build(int n) {
  size_t cap = 16, len = 0;
  // CHECK: :[[@LINE+1]]:13: remark: malloc(16) does not escape: starts on stack, grows on heap (realloc at {{.*}}.c:[[@LINE+4]]:17)
  char *p = malloc(cap);
  for (int i = 0; i < n; i++) {
    if (len == cap) {
      char *q = realloc(p, cap * 2);
      if (!q) {
        free(p);
        return 0;
      }
      p = q;
      cap *= 2;
    }
    p[len++] = (char)('a' + i % 26);
  }
  unsigned h = (unsigned)len;
  for (size_t i = 0; i < len; i++)
    h = h * 31 + (unsigned char)p[i];
  scribble(n);
  free(p);
  return h;
}

// Grown to 64 ints, filled, shrunk to 8: the first 8 survive both copies.
static NOINLINE long grow_shrink(int seed) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc(16) does not escape: starts on stack, grows on heap (realloc at {{.*}}.c:[[@LINE+3]]:12, {{.*}}.c:[[@LINE+7]]:12)
  int *v = malloc(4 * sizeof *v);
  fill(v, 4, seed);
  int *w = realloc(v, 64 * sizeof *w);
  if (!w)
    return -1;
  fill(w + 4, 60, seed);
  int *u = realloc(w, 8 * sizeof *u);
  if (!u)
    return -2;
  long s = sum(u, 8);
  free(u);
  return s;
}

// realloc(p, 0), then free of whatever it answered.
static NOINLINE int to_zero(int x) {
  // CHECK: :[[@LINE+1]]:13: remark: malloc(16) does not escape: starts on stack, grows on heap (realloc at {{.*}}.c:[[@LINE+4]]:27)
  char *p = malloc(16);
  memset(p, x, 16);
  int s = p[3];
  char *volatile answer = realloc(p, 0);
  free(answer);
  return s;
}

// p is the buffer or NULL: realloc(NULL, n) is malloc(n).
static NOINLINE int maybe_null(int c) {
  // CHECK: :[[@LINE+1]]:17: remark: malloc(16) does not escape: starts on stack, grows on heap (realloc at {{.*}}.c:[[@LINE+6]]:13)
  char *p = c ? malloc(16) : NULL;
  if (p)
    memset(p, 7, 16);
  // LLVM makes the NULL path a malloc(32) of its own.
  // CHECK: :[[@LINE+1]]:13: remark: malloc(32) does not escape: moved to stack
  char *q = realloc(p, 32);
  if (!q)
    return -1;
  q[31] = (char)c;
  int r = (c ? q[0] : 0) + q[31]; // a fresh block holds nothing yet
  free(q);
  return r;
}

// A buffer per iteration, grown in some of them.
static NOINLINE long per_iteration(int n) {
  long s = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: :[[@LINE+1]]:14: remark: malloc(32) does not escape: starts on stack, grows on heap (realloc at {{.*}}.c:[[@LINE+4]]:16)
    int *p = malloc(8 * sizeof *p);
    fill(p, 8, i);
    if (i % 3 == 0) {
      int *q = realloc(p, (size_t)(8 + i) * sizeof *q);
      if (!q) {
        free(p);
        return -1;
      }
      fill(q + 8, i, i);
      p = q;
    }
    s += sum(p, 8 + (i % 3 == 0 ? i : 0));
    free(p);
  }
  return s;
}

// A first size known only at run time.
static NOINLINE long variable(int n, int grow) {
  // CHECK: :[[@LINE+1]]:12: remark: malloc({{.*}}) does not escape: starts on stack when {{.*}} <= 256, grows on heap (realloc at {{.*}}.c:[[@LINE+3]]:12)
  int *v = malloc((size_t)n * sizeof *v);
  fill(v, n, n);
  int *w = realloc(v, (size_t)(n + grow) * sizeof *w);
  if (!w)
    return -1;
  fill(w + n, grow, 1);
  long s = sum(w, n + grow);
  free(w);
  return s;
}

int main(void) {
  for (int n = 0; n < 200; n += 13)
    printf("build %d %u\n", n, build(opaque(n)));
  printf("grow_shrink %ld\n", grow_shrink(opaque(5)));
  printf("to_zero %d\n", to_zero(opaque(3)));
  printf("maybe_null %d %d\n", maybe_null(opaque(1)), maybe_null(opaque(0)));
  printf("per_iteration %ld\n", per_iteration(opaque(10)));
  printf("variable %ld %ld %ld\n", variable(opaque(4), opaque(100)),
         variable(opaque(60), opaque(8)), variable(opaque(100), opaque(0)));
  return 0;
}
