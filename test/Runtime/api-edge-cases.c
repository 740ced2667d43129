// The C allocation API at its edges, linked shared and static.
// RUN: %escrt_cc %s -o %t %escrt_link && %t | FileCheck %s
// RUN: %escrt_cc %s -o %t.static %escrt_a && %t.static | FileCheck %s
// CHECK: api ok
#include "check.h"
#include "escrt.h"
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <string.h>

static void test_malloc_zero(void) {
  void *a = malloc(0), *b = malloc(0);
  CHECK(a && b && a != b);
  CHECK(malloc_usable_size(a) >= 1);
  free(a);
  free(b);
  free(NULL);
}

static void test_calloc(void) {
  errno = 0;
  CHECK(calloc(SIZE_MAX / 2, 3) == NULL && errno == ENOMEM);
  CHECK(calloc((size_t)1 << 40, (size_t)1 << 40) == NULL);
  /* Reused memory must come back zeroed, small and large. */
  size_t sizes[] = {8, 24, 100, 4096, 32768, 40000, 1 << 20};
  for (unsigned i = 0; i < sizeof sizes / sizeof *sizes; i++) {
    for (int round = 0; round < 3; round++) {
      unsigned char *p = calloc(1, sizes[i]);
      CHECK(p);
      for (size_t k = 0; k < sizes[i]; k++)
        CHECK(p[k] == 0);
      memset(p, 0xAB, sizes[i]);
      free(escape_opaque(p));
    }
  }
}

static void test_posix_memalign(void) {
  void *p = (void *)1;
  CHECK(posix_memalign(&p, 3, 16) == EINVAL && p == (void *)1);
  CHECK(posix_memalign(&p, 4, 16) == EINVAL); /* not a multiple of void* */
  CHECK(posix_memalign(&p, 0, 16) == EINVAL);
  CHECK(posix_memalign(&p, 24, 16) == EINVAL);
  CHECK(posix_memalign(&p, 64, SIZE_MAX - 100) == ENOMEM && p == (void *)1);
  for (size_t a = sizeof(void *); a <= (1 << 22); a <<= 1) {
    CHECK(posix_memalign(&p, a, 100) == 0);
    CHECK((uintptr_t)p % a == 0);
    memset(p, 1, 100);
    free(p);
  }
}

static void test_aligned_alloc(void) {
  errno = 0;
  CHECK(aligned_alloc(3, 16) == NULL && errno == EINVAL);
  for (size_t a = 1; a <= 65536; a <<= 1) {
    size_t sizes[] = {1, a, a + 1, 3 * a, 100000};
    for (unsigned i = 0; i < sizeof sizes / sizeof *sizes; i++) {
      void *p = aligned_alloc(a, sizes[i]);
      CHECK(p && (uintptr_t)p % a == 0);
      CHECK(malloc_usable_size(p) >= sizes[i]);
      memset(p, 7, sizes[i]);
      if (i == 1)
        free_aligned_sized(p, a, sizes[i]);
      else
        free(p);
    }
  }
  void *m = memalign(48, 10); /* rounded up to 64, like glibc */
  CHECK(m && (uintptr_t)m % 64 == 0);
  free(m);
  void *v = valloc(10);
  CHECK(v && (uintptr_t)v % 4096 == 0);
  free(v);
  void *pv = pvalloc(5000);
  CHECK(pv && (uintptr_t)pv % 4096 == 0 && malloc_usable_size(pv) >= 8192);
  free(pv);
}

static void test_realloc(void) {
  char *p = realloc(NULL, 10); /* realloc(NULL, n) is malloc(n) */
  CHECK(p);
  strcpy(p, "escape");
  CHECK(realloc(p, 0) == NULL); /* frees, like glibc */
  /* Grow through every class and into large objects, keeping contents. */
  unsigned char *q = NULL;
  size_t n = 0;
  for (size_t sz = 1; sz < (1 << 21); sz = sz * 5 / 4 + 1) {
    q = realloc(q, sz);
    CHECK(q);
    for (size_t i = 0; i < n && i < sz; i++)
      CHECK(q[i] == (unsigned char)(i * 7));
    for (size_t i = n; i < sz; i++)
      q[i] = (unsigned char)(i * 7);
    n = sz;
  }
  /* And shrink back down. */
  for (size_t sz = n; sz > 0; sz /= 3) {
    q = realloc(q, sz);
    CHECK(q);
    for (size_t i = 0; i < sz; i++)
      CHECK(q[i] == (unsigned char)(i * 7));
  }
  free(q);
  errno = 0;
  CHECK(reallocarray(NULL, SIZE_MAX / 4, 8) == NULL && errno == ENOMEM);
  int *r = reallocarray(NULL, 10, sizeof(int));
  CHECK(r);
  free(r);
}

static void test_usable_and_sized(void) {
  for (size_t sz = 1; sz <= 70000; sz += sz < 2048 ? 1 : 97) {
    void *p = malloc(sz);
    size_t u = malloc_usable_size(p);
    CHECK(u >= sz);
    if (sz > 8)
      CHECK((uintptr_t)p % 16 == 0);
    memset(p, 0x5A, u); /* all of the usable size is the caller's */
    free_sized(p, sz);
  }
  CHECK(malloc_usable_size(NULL) == 0);
  int on_stack;
  CHECK(malloc_usable_size(&on_stack) == 0);
}

/* Runs over 16 MiB get their own mapping, unmapped again on free. */
static void test_huge(void) {
  size_t n = (size_t)40 << 20;
  unsigned char *p = malloc(n);
  CHECK(p && malloc_usable_size(p) >= n);
  for (size_t i = 0; i < n; i += 4096)
    p[i] = (unsigned char)(i >> 12);
  p = realloc(p, 2 * n);
  CHECK(p);
  for (size_t i = 0; i < n; i += 4096)
    CHECK(p[i] == (unsigned char)(i >> 12));
  free(p);
  unsigned char *z = calloc(1, (size_t)20 << 20);
  CHECK(z && z[0] == 0 && z[(20 << 20) - 1] == 0);
  free(z);
  void *a = aligned_alloc((size_t)1 << 27, 100);
  CHECK(a && (uintptr_t)a % ((size_t)1 << 27) == 0);
  free(a);
}

static void test_classes(void) {
  CHECK(escrt_class_size(escrt_size_class(24)) == 32);
  CHECK(escrt_class_size(escrt_size_class(16)) == 16);
  CHECK(escrt_class_size(escrt_size_class(32768)) == 32768);
  CHECK(escrt_size_class(32769) == 0);
  void *p = escrt_malloc_class(24, ESCRT_CLASS_24_ALIGN8);
  CHECK(p && malloc_usable_size(p) == 24 && (uintptr_t)p % 8 == 0);
  free_sized(p, 24);
  p = escrt_malloc_class(48, escrt_size_class(48));
  CHECK(p && malloc_usable_size(p) == 48);
  escrt_free_class(p, escrt_size_class(48));
  CHECK(malloc_trim(0) >= 0);
}

int main(void) {
  test_malloc_zero();
  test_calloc();
  test_posix_memalign();
  test_aligned_alloc();
  test_realloc();
  test_usable_and_sized();
  test_huge();
  test_classes();
  puts("api ok");
  return 0;
}
