// Growable buffers (Go 1.26's append, for C's realloc): an allocation that
// leaves the function only through realloc chains that stay in it starts on
// the stack, and a realloc of it moves it to the heap. Each shape, then the
// refusals with their reasons.
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -c %s -o /dev/null 2>&1 | grep remark: | sort -t: -k2,2n -k3,3n | FileCheck %s --implicit-check-not=remark:
// -escape-explain names each realloc under its site.
// RUN: %clang_escape -O2 -g -fno-caret-diagnostics -Rpass-analysis=escape -mllvm -escape-explain -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=EXPLAIN
// EXPLAIN: growable-buffers.c:{{[0-9]+}}:13: remark: grows on heap at {{.*}}growable-buffers.c:{{[0-9]+}}:17: realloc(p, cap)
// EXPLAIN: growable-buffers.c:{{[0-9]+}}:12: remark: grows on heap at {{.*}}growable-buffers.c:{{[0-9]+}}:12: realloc(v, 256)
// EXPLAIN-NEXT: growable-buffers.c:{{[0-9]+}}:12: remark: grows on heap at {{.*}}growable-buffers.c:{{[0-9]+}}:12: realloc(w, 8)
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <malloc.h>

// A string builder that doubles its capacity.
unsigned doubling(int n) {
  size_t cap = 16, len = 0;
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) does not escape: starts on stack, grows on heap (realloc at {{.*}}.c:[[@LINE+5]]:17)
  char *p = malloc(cap);
  for (int i = 0; i < n; i++) {
    if (len == cap) {
      cap *= 2;
      char *q = realloc(p, cap);
      if (!q) {
        free(p);
        return 0;
      }
      p = q;
    }
    p[len++] = (char)i;
  }
  unsigned h = 0;
  for (size_t i = 0; i < len; i++)
    h = h * 31 + (unsigned char)p[i];
  free(p);
  return h;
}

// One that adds a fixed amount.
size_t add_n(const char *s) {
  size_t cap = 8, len = 0;
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(8) does not escape: starts on stack, grows on heap (realloc at {{.*}}.c:[[@LINE+4]]:11)
  char *p = malloc(cap);
  for (; *s; s++) {
    if (len + 1 >= cap)
      p = realloc(p, cap += 8);
    p[len++] = *s;
  }
  size_t r = len ? (size_t)p[0] + len : 0;
  free(p);
  return r;
}

// A line reader growing its buffer by hand, as getline does.
long longest_line(const char *text) {
  size_t cap = 32;
  // CHECK: {{.*}}.c:[[@LINE+1]]:16: remark: malloc(32) does not escape: starts on stack, grows on heap (realloc at {{.*}}.c:[[@LINE+7]]:24)
  char *line = malloc(cap);
  long best = 0;
  while (*text) {
    size_t len = 0;
    for (; *text && *text != '\n'; text++) {
      if (len + 2 > cap) {
        char *bigger = realloc(line, cap * 2);
        if (!bigger)
          break;
        line = bigger;
        cap *= 2;
      }
      line[len++] = *text;
    }
    line[len] = 0;
    if ((long)strlen(line) > best)
      best = (long)strlen(line);
    if (*text)
      text++;
  }
  free(line);
  return best;
}

// Grown, then shrunk.
int grown_then_shrunk(int x) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(16) does not escape: starts on stack, grows on heap (realloc at {{.*}}.c:[[@LINE+3]]:12, {{.*}}.c:[[@LINE+6]]:12)
  int *v = malloc(4 * sizeof(int));
  v[0] = x;
  int *w = realloc(v, 64 * sizeof(int));
  if (!w)
    return -1;
  int *u = realloc(w, 2 * sizeof(int));
  int r = u ? u[0] : -1;
  free(u);
  return r;
}

// A new buffer every iteration, freed in it.
int per_iteration(int n) {
  int s = 0;
  for (int i = 0; i < n; i++) {
    // CHECK: {{.*}}.c:[[@LINE+1]]:15: remark: malloc(8) does not escape: starts on stack, grows on heap (realloc at {{.*}}.c:[[@LINE+3]]:15)
    char *p = malloc(8);
    p[0] = (char)i;
    char *q = realloc(p, 8 + (size_t)i);
    if (q) {
      s += q[0];
      free(q);
    } else {
      free(p);
    }
  }
  return s;
}

// realloc(p, 0): what the C library answers for a heap block.
int resized_to_zero(int x) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) does not escape: starts on stack, grows on heap (realloc at {{.*}}.c:[[@LINE+5]]:27)
  char *p = malloc(16);
  memset(p, x, 16);
  int s = p[3];
  // volatile: so that LLVM does not fold what realloc answers.
  char *volatile answer = realloc(p, 0);
  char *q = answer;
  int r = q == NULL ? s : -s;
  free(q);
  return r;
}

// realloc(NULL, n) is malloc(n): p may be the buffer or NULL.
int maybe_null(int c) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(16) does not escape: starts on stack, grows on heap (realloc at {{.*}}.c:[[@LINE+2]]:13)
  char *p = c ? malloc(16) : NULL;
  char *q = realloc(p, 32);
  if (!q)
    return -1;
  q[31] = (char)c;
  int r = q[31];
  free(q);
  return r;
}

// Refused: the buffer, grown or not, is returned.
char *returned(size_t n) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) escapes to heap: returned
  char *p = malloc(16);
  if (n > 16)
    p = realloc(p, n);
  return p;
}

// Refused: what realloc returns is returned.
char *grown_returned(size_t n) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:21: remark: malloc(16) does not escape, but stays on heap: realloc result escapes: returned (realloc at {{.*}}.c:[[@LINE+2]]:10)
  char *p = (char *)malloc(16);
  return realloc(p, n);
}

char *kept;
// Refused: the grown buffer is stored to a global.
void stored(size_t n) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) does not escape, but stays on heap: realloc result escapes: stored to global `kept` (realloc at {{.*}}.c:[[@LINE+2]]:7)
  char *p = malloc(16);
  p = realloc(p, n);
  kept = p;
}

void keep(char *p);
// Refused: passed to a function that keeps it.
void passed(size_t n) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) escapes to heap: passed to unknown function `keep`
  char *p = malloc(16);
  keep(p);
  p = realloc(p, n);
  free(p);
}

// Refused: malloc_usable_size needs a heap pointer.
size_t usable(size_t n) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) escapes to heap: passed to malloc_usable_size
  char *p = malloc(16);
  size_t u = malloc_usable_size(p);
  p = realloc(p, n + u);
  free(p);
  return u;
}

// Refused: a pointer into the buffer is used after the realloc, which
// works only when realloc grows in place.
int interior_kept(int x) {
  // CHECK: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(16) does not escape, but stays on heap: used after realloc at {{.*}}.c:[[@LINE+7]]:11
  char *p = malloc(16);
  char *mid = p + 4;
  char *q = realloc(p, 64);
  if (!q)
    return -1;
  q[4] = (char)x;
  int r = *(volatile char *)mid;
  free(q);
  return r;
}
