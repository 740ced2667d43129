// What the plugin rewrites must not depend on whether anyone reads its
// remarks. Without them it analyses only the functions with an allocation
// site and what they call or name, transitively; with them, every function
// (Analysis.h, AnalysisScope). Both builds give the same IR, and the sites
// below move only if the summaries of the functions they reach, through a
// chain of calls, a recursion and a qsort comparator, were computed.
// RUN: %clang -O2 -S -emit-llvm %s -o %t.ll
// RUN: %opt_escape -passes=escape -S %t.ll -o %t.quiet.ll
// RUN: %opt_escape -passes=escape -pass-remarks=escape -pass-remarks-missed=escape -pass-remarks-analysis=escape -S %t.ll -o %t.remarks.ll 2> %t.remarks.txt
// RUN: diff %t.quiet.ll %t.remarks.ll
// RUN: FileCheck %s < %t.quiet.ll
// RUN: FileCheck %s --check-prefix=REMARKS < %t.remarks.txt
// mode=precise analyses the module a second time, in mode=go, for its remarks.
// RUN: %opt_escape -passes='escape<mode=precise>' -S %t.ll -o %t.precise-quiet.ll
// RUN: %opt_escape -passes='escape<mode=precise>' -pass-remarks=escape -pass-remarks-missed=escape -pass-remarks-analysis=escape -S %t.ll -o %t.precise-remarks.ll 2> %t.precise-remarks.txt
// RUN: diff %t.precise-quiet.ll %t.precise-remarks.ll
// RUN: FileCheck %s < %t.precise-quiet.ll
// RUN: FileCheck %s --check-prefix=REMARKS < %t.precise-remarks.txt
// REMARKS: remark: {{.*}}: malloc(64) does not escape: moved to stack
// REMARKS: remark: {{.*}}: malloc(32) escapes to heap: passed to `keep`
// The object passed to keep() escapes; the one that only reaches the other
// functions moves (to the slot of the function's stack body).
// CHECK-LABEL: define {{.*}} @stays_by_callee(
// CHECK:         call {{.*}} @malloc(i64 noundef 32)
// CHECK-LABEL: define internal i32 @moved_through_calls.escape.stack(
// CHECK-NEXT:    %escape.slot = alloca [64 x i8]
#include <stdlib.h>

__attribute__((noinline)) static int sum(const int *p, int n) {
  int s = 0;
  for (int i = 0; i < n; i++)
    s += p[i];
  return s;
}

// Reaches sum: its summary is only as good as sum's.
__attribute__((noinline)) static int sum_plus_one(const int *p, int n) {
  return sum(p, n) + 1;
}

// One batch of two functions that call each other.
__attribute__((noinline)) int even_sum(const int *p, int n);
__attribute__((noinline)) int odd_sum(const int *p, int n) {
  return n == 0 ? 0 : p[n] + even_sum(p, n - 1);
}
int even_sum(const int *p, int n) { return n == 0 ? p[0] : p[n] - odd_sum(p, n - 1); }

// Its result is its parameter: what it returns is nothing new.
__attribute__((noinline)) static int *same(int *p) { return p; }

__attribute__((noinline)) static int by_value(const void *a, const void *b) {
  return *(const int *)a - *(const int *)b;
}

int *kept;
__attribute__((noinline)) void keep(int *p) { kept = p; }

int moved_through_calls(int n) {
  int *a = malloc(16 * sizeof(int));
  if (!a)
    return -1;
  for (int i = 0; i < 16; i++)
    a[i] = (i * n) % 7;
  int r = sum_plus_one(a, 16) + odd_sum(a, 15);
  int *b = same(a);
  r += b[3];
  qsort(a, 16, sizeof(int), by_value);
  r += a[0];
  free(a);
  return r;
}

int stays_by_callee(int n) {
  int *a = malloc(8 * sizeof(int));
  if (!a)
    return -1;
  a[0] = n;
  keep(a);
  return a[0];
}
