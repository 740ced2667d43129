/* Tiny assertion helper for the runtime tests: a failed CHECK names the
 * line and the expression, then exits 1 (never abort: misuse tests expect
 * the allocator's own aborts). */
#ifndef ESCRT_TEST_CHECK_H
#define ESCRT_TEST_CHECK_H
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* Reads /proc/self/<file> into buf, NUL-terminated, with read(2): no
 * malloc, so a program can watch itself while it makes no allocator call. */
static inline void read_proc_self(const char *file, char *buf, size_t size) {
  char path[64] = "/proc/self/";
  CHECK(strlen(path) + strlen(file) < sizeof path);
  strcat(path, file);
  int fd = open(path, O_RDONLY);
  CHECK(fd >= 0);
  ssize_t n = read(fd, buf, size - 1);
  close(fd);
  CHECK(n > 0);
  buf[n] = 0;
}
#endif
