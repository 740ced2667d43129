// The main thread's first stack check learns the stack's bounds without a
// call of the allocator (plugin/MainStackBounds.h): glibc's
// pthread_getattr_np reads /proc/self/maps through fopen, 13 heap calls
// that moved every later object of the program's heap. The bounds it learns
// are glibc's own, under the stack limits a user may set (unlimited makes the
// mapping below the only bound).
// RUN: %clang -O2 -w -c %S/Inputs/count-heap-calls.c -o %t.count.o
// RUN: %clang_escape -O2 -w -pthread %s %t.count.o -o %t
// RUN: %clang_escape -O2 -w -pthread -mllvm -escape-max-version-size=0 %s %t.count.o -o %t.guarded
// RUN: %clang -O2 -w -pthread -DPLAIN %s %t.count.o -o %t.plain
// RUN: (ulimit -Ss 8192 && %t) | FileCheck --check-prefix=RUNS %s
// RUN: (ulimit -Ss 8192 && %t.guarded) | FileCheck --check-prefix=RUNS %s
// RUN: (ulimit -Ss 65536 && %t) | FileCheck --check-prefix=RUNS %s
// RUN: (ulimit -Ss 1024 && %t) | FileCheck --check-prefix=RUNS %s
// RUN: (ulimit -Ss unlimited && %t) | FileCheck --check-prefix=RUNS %s
// RUN: %t.plain | FileCheck --check-prefix=PLAIN %s
#include "Inputs/exec.h"
#include <pthread.h>

extern long heap_calls;

NOINLINE static long probe(void) {
  int *p = malloc(1000);
  fill(p, 250, 7);
  long s = sum(p, 250);
  free(p);
  return s;
}

#ifndef PLAIN
extern __thread uintptr_t __escape_stack_limits[2];

// base = lo + reserve and span = size - reserve, reserve = max(size / 4, 64 KiB).
static void compare_with_glibc(void) {
  pthread_attr_t attr;
  void *lo;
  size_t size;
  if (pthread_getattr_np(pthread_self(), &attr) || pthread_attr_getstack(&attr, &lo, &size)) {
    printf("no bounds from glibc\n");
    return;
  }
  pthread_attr_destroy(&attr);
  size_t reserve = size / 4 > 65536 ? size / 4 : 65536;
  uintptr_t base = (uintptr_t)lo + reserve, span = size - reserve;
  if (__escape_stack_limits[0] == base && __escape_stack_limits[1] == span)
    printf("bounds: glibc's\n");
  else
    printf("bounds: base %#lx span %#lx, glibc's %#lx %#lx\n", (unsigned long)__escape_stack_limits[0],
           (unsigned long)__escape_stack_limits[1], (unsigned long)base, (unsigned long)span);
}
#endif

int main(void) {
  printf("start\n"); // stdout's buffer comes from the heap: before counting
  long before = heap_calls;
  long s = probe(); // the main thread's first stack check
  printf("heap calls in the first probe: %ld (%ld)\n", heap_calls - before, s);
#ifndef PLAIN
  compare_with_glibc();
#endif
  return 0;
}
// RUNS: heap calls in the first probe: 0 (32875)
// RUNS-NEXT: bounds: glibc's
// PLAIN: heap calls in the first probe: 2 (32875)
