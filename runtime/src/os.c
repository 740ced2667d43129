/* The operating-system layer: address space, returning pages, the clock,
 * randomness and messages. Nothing here allocates, so every other layer can
 * use it from inside malloc. */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

/* Maps `size` bytes aligned to `align` (a power of two >= the OS page) by
 * over-mapping and trimming both ends. Returns NULL when out of memory. */
static void *map_aligned(size_t size, size_t align, int prot) {
  size_t total = size + align;
  if (total < size)
    return NULL;
  char *p = mmap(NULL, total, prot,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    return NULL;
  uintptr_t start = ((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1);
  size_t head = start - (uintptr_t)p, tail = total - head - size;
  if (head)
    munmap(p, head);
  if (tail)
    munmap((char *)start + size, tail);
  return (void *)start;
}

void *escrt_os_map(size_t size, size_t align) {
  return map_aligned(size, align, PROT_READ | PROT_WRITE);
}

/* Address space only: PROT_NONE costs no commit charge, even under strict
 * overcommit, until escrt_os_commit makes a part of it usable. */
void *escrt_os_reserve(size_t size, size_t align) {
  return map_aligned(size, align, PROT_NONE);
}

bool escrt_os_commit(void *p, size_t size) {
  return mprotect(p, size, PROT_READ | PROT_WRITE) == 0;
}

void escrt_os_unmap(void *p, size_t size) { munmap(p, size); }

/* Grows the mapping at p from `size` to `new_size` bytes without copying:
 * in place if the address space after it is free, else moved onto `to`
 * (a reservation of new_size bytes, which it replaces; NULL: in place
 * only). The pages move, the data is not copied. Returns the new address,
 * NULL if neither worked (the mapping is unchanged). */
void *escrt_os_remap(void *p, size_t size, size_t new_size, void *to) {
  int saved = errno;
  void *q = mremap(p, size, new_size, 0);
  if (q == MAP_FAILED && to)
    q = mremap(p, size, new_size, MREMAP_MAYMOVE | MREMAP_FIXED, to);
  errno = saved;
  return q == MAP_FAILED ? NULL : q;
}

/* MADV_DONTNEED (Go's choice since 1.16): RSS drops at once, and the pages
 * read back as zeros, which the page heap relies on (needzero). */
void escrt_os_release(void *p, size_t size) {
  int saved = errno;
  madvise(p, size, MADV_DONTNEED);
  errno = saved;
}

/* The coarse clock costs a few nanoseconds (vDSO, no fence); the scavenger
 * only needs ~10 ms resolution. */
uint64_t escrt_clock_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
  return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* The kernel's 16 random bytes for this process (AT_RANDOM): available
 * before anything else, no syscall, no allocation. */
uintptr_t escrt_os_random(void) {
  const uintptr_t *r = (const uintptr_t *)getauxval(AT_RANDOM);
  uintptr_t x = r ? r[0] ^ (r[1] << 1) : (uintptr_t)&x;
  return x | 1;
}

static void vmessage(const char *fmt, va_list ap) {
  char buf[512];
  int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
  if (n < 0)
    return;
  if ((size_t)n > sizeof buf - 2)
    n = sizeof buf - 2;
  buf[n++] = '\n';
  int saved = errno;
  for (ssize_t off = 0, w; off < n; off += w)
    if ((w = write(2, buf + off, (size_t)(n - off))) <= 0)
      break;
  errno = saved;
}

void escrt_message(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vmessage(fmt, ap);
  va_end(ap);
}

void escrt_fatal(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vmessage(fmt, ap);
  va_end(ap);
  abort();
}
