// Counts the program's calls of the C allocator, for the test that the stack
// check's first run on the main thread makes none
// (stack-check-main-thread-no-heap.c). Built without the plugin.
#include <stddef.h>

void *__libc_malloc(size_t);
void *__libc_calloc(size_t, size_t);
void *__libc_realloc(void *, size_t);
void __libc_free(void *);

long heap_calls;

void *malloc(size_t n) {
  heap_calls++;
  return __libc_malloc(n);
}

void *calloc(size_t n, size_t size) {
  heap_calls++;
  return __libc_calloc(n, size);
}

void *realloc(void *p, size_t n) {
  heap_calls++;
  return __libc_realloc(p, n);
}

void free(void *p) {
  heap_calls += p != NULL;
  __libc_free(p);
}
