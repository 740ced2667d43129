// The catalogue's cases where Go's multi-level-indirection rule keeps an
// object on the heap that cannot outlive its frame, side by side: GO lines
// are mode=go, PRECISE lines mode=precise, BOTH lines hold in both. Then the
// negative cases: an inner object that precise mode must keep on the heap.
// Case names are those of docs/remarks.md (C15 ... C40).
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -c %s -o /dev/null 2>&1 | grep remark: | sort -t: -k2,2n -k3,3n | FileCheck %s --check-prefixes=BOTH,GO --implicit-check-not=remark:
// RUN: %clang_escape -O2 -g -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape -mllvm -escape-mode=precise -c %s -o /dev/null 2>&1 | grep remark: | sort -t: -k2,2n -k3,3n | FileCheck %s --check-prefixes=BOTH,PRECISE --implicit-check-not=remark:
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct N { struct N *next; int v; };
struct S { int *p; };
struct CP { int *p; long n; };
#define NOINLINE __attribute__((noinline))

static volatile unsigned total; // the checksum test/Exec/precise-catalogue.test runs
NOINLINE static void sink(unsigned v) { total = total * 31 + v; }
// BOTH: {{.*}}.c:[[@LINE+1]]:1: remark: n does not escape
NOINLINE static int walk(const struct N *n) {
  int s = 0;
  for (; n; n = n->next)
    s += n->v;
  return s;
}
// BOTH: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE static int get(const int *p) { return *p; }
// BOTH: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE static int peek(const void *p) { return *(const volatile char *)p; }

// C15 Param-to-param flow: v flows into *dst, which is the caller's local.
// BOTH: {{.*}}.c:[[@LINE+3]]:1: remark: dst does not escape
// GO-NEXT: {{.*}}.c:[[@LINE+2]]:1: remark: leaking param: v
// PRECISE-NEXT: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: v to *dst level=0
NOINLINE static void set(int **dst, int *v) { *dst = v; }
NOINLINE static void c15(void) {
  int *slot;
  // GO: {{.*}}.c:[[@LINE+2]]:12: remark: malloc(4) escapes to heap: passed to `set` (leaking param `v`)
  // PRECISE: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(4) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
  int *m = malloc(4);
  *m = 15;
  set(&slot, m);
  sink(get(slot));
  free(slot);
}

// C17 Store into the caller's struct.
// GO: {{.*}}.c:[[@LINE+3]]:1: remark: leaking param: v
// PRECISE: {{.*}}.c:[[@LINE+2]]:1: remark: leaking param: v to *s level=0
// BOTH-NEXT: {{.*}}.c:[[@LINE+1]]:1: remark: s does not escape
NOINLINE static void attach(struct S *s, int *v) { s->p = v; }
NOINLINE static void c17(void) {
  struct S s;
  // GO: {{.*}}.c:[[@LINE+2]]:12: remark: malloc(8) escapes to heap: passed to `attach` (leaking param `v`)
  // PRECISE: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(8) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
  int *m = malloc(8);
  *m = 17;
  attach(&s, m);
  sink(get(s.p));
  free(s.p);
}

// C19 Mutual recursion: r1 returns its q, r2 its p. Go's batch walks the
// results of both functions at once and sees a parameter of one reach the
// other's result: a leak to the heap (leakrecursive). The SCC's summaries,
// iterated to a fixed point, say "to result" instead.
NOINLINE static int *r1(int *p, int *q);
// GO: {{.*}}.c:[[@LINE+3]]:1: remark: leaking param: p
// PRECISE: {{.*}}.c:[[@LINE+2]]:1: remark: leaking param: p to result ~r0 level=0
// BOTH-NEXT: {{.*}}.c:[[@LINE+1]]:1: remark: q does not escape
NOINLINE static int *r2(int *p, int *q) { return *p > *q ? r1(q, p) : p; }
// GO: {{.*}}.c:[[@LINE+3]]:1: remark: leaking param: q
// PRECISE: {{.*}}.c:[[@LINE+2]]:1: remark: leaking param: q to result ~r0 level=0
// BOTH-NEXT: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE static int *r1(int *p, int *q) { return *p > *q ? r2(q, p) : q; }
NOINLINE static void c19(void) {
  // BOTH: {{.*}}.c:[[@LINE+3]]:13: remark: malloc(12) does not escape: moved to stack while the stack has room
  // GO: {{.*}}.c:[[@LINE+2]]:31: remark: malloc(16) escapes to heap: passed to `r1` (leaking param `q`)
  // PRECISE: {{.*}}.c:[[@LINE+1]]:31: remark: malloc(16) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
  int *m1 = malloc(12), *m2 = malloc(16);
  *m1 = 1;
  *m2 = 2;
  int *x = r1(m1, m2);
  *x = 0;
  sink(*m1 + *m2);
  free(m1);
  free(m2);
}

// C22 Container returned: the container and what it holds escape.
NOINLINE static struct CP *c22(void) {
  // BOTH: {{.*}}.c:[[@LINE+1]]:18: remark: malloc(16) escapes to heap: returned
  struct CP *x = malloc(sizeof *x);
  // GO: {{.*}}.c:[[@LINE+2]]:10: remark: malloc(20) escapes to heap: stored through pointer (multi-level indirection)
  // PRECISE: {{.*}}.c:[[@LINE+1]]:10: remark: malloc(20) escapes to heap: stored into escaping object
  x->p = malloc(20);
  *x->p = 22;
  return x;
}

// C23 Container local, field store: Go's rule itself.
NOINLINE static int c23(void) {
  // BOTH: {{.*}}.c:[[@LINE+1]]:18: remark: malloc(24) does not escape: moved to stack while the stack has room
  struct CP *x = malloc(24);
  // GO: {{.*}}.c:[[@LINE+2]]:10: remark: malloc(28) escapes to heap: stored through pointer (multi-level indirection)
  // PRECISE: {{.*}}.c:[[@LINE+1]]:10: remark: malloc(28) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
  x->p = malloc(28);
  *x->p = 7;
  sink(get(x->p));
  int r = get(x->p);
  free(x->p);
  sink(peek(x) & 0);
  free(x);
  return r;
}

// C24 A literal initialised through a pointer.
NOINLINE static void c24(void) {
  // GO: {{.*}}.c:[[@LINE+2]]:12: remark: malloc(32) escapes to heap: stored through pointer (multi-level indirection)
  // PRECISE: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(32) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
  int *m = malloc(32);
  *m = 24;
  // BOTH: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(8) does not escape: moved to stack while the stack has room
  struct S *x = malloc(sizeof *x);
  x->p = m;
  sink(get(x->p));
  sink(peek(x) & 0);
  free(x->p);
  free(x);
}

// C25 Contents copied to a global: the container stays, what it holds goes.
struct CP gcp;
NOINLINE static void c25(void) {
  // BOTH: {{.*}}.c:[[@LINE+1]]:18: remark: malloc(40) does not escape: moved to stack while the stack has room
  struct CP *x = malloc(40);
  // GO: {{.*}}.c:[[@LINE+2]]:10: remark: malloc(44) escapes to heap: stored through pointer (multi-level indirection)
  // PRECISE: {{.*}}.c:[[@LINE+1]]:10: remark: malloc(44) escapes to heap: stored to global `gcp`
  x->p = malloc(44);
  *x->p = 25;
  gcp = *x;
  free(x);
}

// C26 A struct copied out of a parameter into a local heap object.
// GO: {{.*}}.c:[[@LINE+2]]:1: remark: leaking param content: p
// PRECISE: {{.*}}.c:[[@LINE+1]]:1: remark: p does not escape
NOINLINE static int snap(const struct CP *p) {
  // BOTH: {{.*}}.c:[[@LINE+1]]:18: remark: malloc(48) does not escape: moved to stack while the stack has room
  struct CP *t = malloc(48);
  *t = *p;
  int r = get(t->p);
  free(t);
  return r;
}
NOINLINE static void c26(void) {
  int v = 26;
  struct CP c = {&v, 1};
  sink(snap(&c));
}

// C27 Store through a local alias of a local slot.
NOINLINE static void c27(void) {
  int *p;
  int **y = &p;
  // BOTH: {{.*}}.c:[[@LINE+1]]:8: remark: malloc(52) does not escape: moved to stack while the stack has room
  *y = malloc(52);
  *p = 27;
  sink(get(p));
  free(p);
}

// C28 A local graph of objects.
NOINLINE static void c28(void) {
  // BOTH: {{.*}}.c:[[@LINE+3]]:17: remark: malloc(56) does not escape: moved to stack while the stack has room
  // GO: {{.*}}.c:[[@LINE+2]]:34: remark: malloc(60) escapes to heap: stored through pointer (multi-level indirection)
  // PRECISE: {{.*}}.c:[[@LINE+1]]:34: remark: malloc(60) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
  struct N *a = malloc(56), *b = malloc(60);
  a->next = b;
  a->v = 1;
  b->next = 0;
  b->v = 2;
  sink(walk(a));
  free(b);
  free(a);
}

// C29 Pointer-free values through pointers: nothing escapes in either mode.
// BOTH: {{.*}}.c:[[@LINE+2]]:1: remark: dst does not escape
// BOTH-NEXT: {{.*}}.c:[[@LINE+1]]:1: remark: src does not escape
NOINLINE static void cpy(int *dst, const int *src) { *dst = *src; }
NOINLINE static void c29(void) {
  // BOTH: {{.*}}.c:[[@LINE+2]]:12: remark: malloc(64) does not escape: moved to stack while the stack has room
  // BOTH: {{.*}}.c:[[@LINE+1]]:29: remark: malloc(68) does not escape: moved to stack while the stack has room
  int *a = malloc(64), *b = malloc(68);
  *b = 29;
  cpy(a, b);
  sink(get(a));
  free(a);
  free(b);
}

// C30 A self-referential store.
// GO: {{.*}}.c:[[@LINE+2]]:1: remark: leaking param: t
// PRECISE: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: t to *t level=0
NOINLINE static void self(struct N *t) { t->next = t; }
NOINLINE static void c30(void) {
  // GO: {{.*}}.c:[[@LINE+2]]:17: remark: malloc(72) escapes to heap: passed to `self` (leaking param `t`)
  // PRECISE: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(72) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
  struct N *n = malloc(72);
  n->v = 30;
  self(n);
  sink(n->next->v);
  free(n);
}

// C31 An allocation stored into a caller-provided struct: after inlining it
// is a field of the caller's local.
struct B { char *buf; };
// BOTH: {{.*}}.c:[[@LINE+1]]:42: remark: malloc(76) does not escape: moved to stack while the stack has room
static void init(struct B *s) { s->buf = malloc(76); }
NOINLINE static void c31(void) {
  struct B s;
  init(&s);
  s.buf[0] = 31;
  sink(peek(s.buf));
  free(s.buf);
}

// C38 The last iteration's object is kept after the loop: one slot serves
// every iteration, since no pointer to an earlier one is live by then.
NOINLINE static int c38(int n) {
  int *last = 0;
  for (int i = 0; i < n; i++) {
    free(last);
    // GO: {{.*}}.c:[[@LINE+2]]:12: remark: malloc(80) escapes to heap: outlives loop iteration
    // PRECISE: {{.*}}.c:[[@LINE+1]]:12: remark: malloc(80) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
    last = malloc(80);
    *last = i;
  }
  int r = last ? get(last) : 0;
  free(last);
  return r;
}

// C40 A fixed list built straight-line.
NOINLINE static void c40(void) {
  // BOTH: {{.*}}.c:[[@LINE+5]]:17: remark: malloc(84) does not escape: moved to stack while the stack has room
  // GO: {{.*}}.c:[[@LINE+4]]:34: remark: malloc(88) escapes to heap: stored through pointer (multi-level indirection)
  // PRECISE: {{.*}}.c:[[@LINE+3]]:34: remark: malloc(88) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
  // GO: {{.*}}.c:[[@LINE+2]]:51: remark: malloc(92) escapes to heap: stored through pointer (multi-level indirection)
  // PRECISE: {{.*}}.c:[[@LINE+1]]:51: remark: malloc(92) does not escape: moved to stack while the stack has room (Go's rule would keep it on the heap)
  struct N *a = malloc(84), *b = malloc(88), *c = malloc(92);
  a->next = b;
  b->next = c;
  c->next = 0;
  a->v = 1;
  b->v = 2;
  c->v = 3;
  sink(walk(a));
  free(c);
  free(b);
  free(a);
}

// Negative cases: precise mode keeps each inner object on the heap.
// An inner object stored into an outer object that escapes...
struct N *gn;
NOINLINE static void outer_escapes(void) {
  // BOTH: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(96) escapes to heap: stored to global `gn`
  struct N *o = malloc(96);
  // GO: {{.*}}.c:[[@LINE+2]]:13: remark: malloc(100) escapes to heap: stored through pointer (multi-level indirection)
  // PRECISE: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(100) escapes to heap: stored into escaping object
  o->next = malloc(100);
  o->next->next = 0;
  gn = o;
}
// ...that is returned...
NOINLINE static struct N *outer_returned(void) {
  // BOTH: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(104) escapes to heap: returned
  struct N *o = malloc(104);
  // GO: {{.*}}.c:[[@LINE+2]]:13: remark: malloc(108) escapes to heap: stored through pointer (multi-level indirection)
  // PRECISE: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(108) escapes to heap: stored into escaping object
  o->next = malloc(108);
  o->next->next = 0;
  return o;
}
// ...that is freed in a callee...
// BOTH: {{.*}}.c:[[@LINE+1]]:1: remark: leaking param: o to {free} level=0
NOINLINE static void release(struct N *o) { free(o); }
NOINLINE static void outer_freed_in_callee(void) {
  // BOTH: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(112) escapes to heap: freed in callee `release`
  struct N *o = malloc(112);
  // GO: {{.*}}.c:[[@LINE+2]]:18: remark: malloc(116) escapes to heap: stored through pointer (multi-level indirection)
  // PRECISE: {{.*}}.c:[[@LINE+1]]:18: remark: malloc(116) escapes to heap: stored into escaping object
  struct N *in = malloc(116);
  o->next = in;
  in->next = 0;
  in->v = 1;
  sink(walk(o->next));
  free(in);
  release(o);
}
// ...an inner object living across iterations (a list grown in a loop)...
NOINLINE static int across_iterations(int n) {
  struct N *h = 0;
  for (int i = 0; i < n; i++) {
    // GO: {{.*}}.c:[[@LINE+2]]:19: remark: malloc(120) escapes to heap: stored through pointer (multi-level indirection)
    // PRECISE: {{.*}}.c:[[@LINE+1]]:19: remark: malloc(120) escapes to heap: outlives loop iteration
    struct N *x = malloc(120);
    x->next = h;
    x->v = i;
    h = x;
  }
  int s = walk(h);
  while (h) {
    struct N *t = h->next;
    free(h);
    h = t;
  }
  return s;
}
// ...the previous iteration's object still read after the next is made...
NOINLINE static int previous_still_live(int n) {
  int *prev = 0, s = 0;
  for (int i = 0; i < n; i++) {
    // BOTH: {{.*}}.c:[[@LINE+1]]:16: remark: malloc(124) escapes to heap: outlives loop iteration
    int *cur = malloc(124);
    *cur = i;
    if (prev) {
      s += get(prev);
      free(prev);
    }
    prev = cur;
  }
  free(prev);
  return s;
}
// ...and an address that leaks through an integer.
uintptr_t gaddr;
NOINLINE static void through_integer(void) {
  // BOTH: {{.*}}.c:[[@LINE+1]]:17: remark: malloc(128) does not escape: removed by the optimizer
  struct S *o = malloc(128);
  // BOTH: {{.*}}.c:[[@LINE+1]]:13: remark: malloc(132) escapes to heap: converted to integer
  int *in = malloc(132);
  *in = 132;
  o->p = in;
  gaddr = (uintptr_t)o->p;
  sink(get(o->p));
  free(in);
  free(o);
}

// BOTH: {{.*}}.c:[[@LINE+1]]:1: remark: argv does not escape
int main(int argc, char **argv) {
  (void)argv;
  c15(); c17(); c19();
  struct CP *x = c22();
  free(x->p);
  free(x);
  sink(c23()); c24(); c25(); c26(); c27(); c28(); c29(); c30(); c31();
  sink(c38(argc + 3)); c40();
  outer_escapes();
  free(gn->next);
  free(gn);
  struct N *o = outer_returned();
  free(o->next);
  free(o);
  outer_freed_in_callee();
  sink(across_iterations(argc + 3));
  sink(previous_still_live(argc + 3));
  through_integer();
  printf("%u\n", total);
  return 0;
}
