/* Hot malloc+free pairs of one 64-byte object through libescrt's compiler
 * entry points, for callgrind (run.sh instr): what a program built with
 * -escape-runtime pays when the class is known at compile time.
 *   hot-class class N    escrt_malloc_class + escrt_free_class (calls)
 *   hot-class inline N   their inline versions from escrt.h
 * Linked against libescrt (the inline versions read its thread-local
 * stacks), never preloaded. */
#include "escrt.h"

#include <stdlib.h>
#include <string.h>

/* Keeps malloc/free pairs from being optimised away. */
static inline void *opaque(void *p) {
  __asm__ volatile("" : "+r"(p)::"memory");
  return p;
}

int main(int argc, char **argv) {
  if (argc < 3)
    return 2;
  long n = atol(argv[2]);
  unsigned cls = escrt_size_class(64);
  if (!strcmp(argv[1], "class")) {
    for (long i = 0; i < n; i++)
      escrt_free_class(opaque(escrt_malloc_class(64, cls)), cls);
  } else if (!strcmp(argv[1], "inline")) {
    /* A constant class, as the compiler would emit it. */
    enum { CLS64 = 6 };
    if (cls != CLS64)
      return 3;
    for (long i = 0; i < n; i++)
      escrt_free_class_inline(opaque(escrt_malloc_class_inline(64, CLS64)),
                              CLS64);
  } else {
    return 2;
  }
  return 0;
}
