/* Tiny assertion helper for the runtime tests: a failed CHECK names the
 * line and the expression, then exits 1 (never abort: misuse tests expect
 * the allocator's own aborts). */
#ifndef ESCRT_TEST_CHECK_H
#define ESCRT_TEST_CHECK_H
#include <stdio.h>
#include <stdlib.h>

#define CHECK(e)                                                               \
  do {                                                                         \
    if (!(e)) {                                                                \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #e);    \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

/* Keeps the compiler from removing or merging malloc/free pairs. */
static inline void *escape_opaque(void *p) {
  __asm__ volatile("" : "+r"(p)::"memory");
  return p;
}
#endif
