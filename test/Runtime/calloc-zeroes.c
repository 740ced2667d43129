// calloc skips clearing an object only when it comes from a span's run of
// pages fresh from the OS (zero but for the free-list link); an object
// used before (on a free stack, on the span's own list, in a span recycled
// through the central list, or handed over by another thread through the
// transfer cache) must be cleared. Every calloc'd byte must read zero.
// RUN: %escrt_cc %s -o %t %escrt_link && %t | FileCheck %s
// RUN: %escrt_cc %s -o %t.static %escrt_a && %t.static | FileCheck %s
// RUN: env ESCRT_DEBUG=1 %t | FileCheck %s
// RUN: env ESCRT_REGION_GIB=0 %t | FileCheck %s
// CHECK: calloc ok
#include "check.h"
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>

enum { N = 6000 };
static unsigned char *objs[N];
static const size_t sizes[] = {1, 8, 16, 24, 48, 64, 100, 256, 512, 1000,
                               3000, 8192, 20000, 32768, 40000, 300000};

static void check_zero(const unsigned char *p, size_t size) {
  CHECK(p);
  for (size_t i = 0; i < size; i++)
    CHECK(p[i] == 0);
}

/* n objects of `size`, written all over, then freed (in both orders, so
 * some land on the free stack and some on the span's list). */
static void dirty(size_t size, int n, int reverse) {
  for (int i = 0; i < n; i++) {
    objs[i] = escape_opaque(malloc(size));
    CHECK(objs[i]);
    memset(objs[i], 0xa5, size);
  }
  for (int i = 0; i < n; i++)
    free(objs[reverse ? n - 1 - i : i]);
}

static void calloc_all(size_t size, int n) {
  for (int i = 0; i < n; i++) {
    objs[i] = escape_opaque(calloc(1, size));
    check_zero(objs[i], size);
    memset(objs[i], 0x5a, size);
  }
}

static size_t thread_size;
static void *free_all(void *arg) {
  (void)arg;
  for (int i = 0; i < N; i++)
    free(objs[i]);
  return NULL;
}

int main(void) {
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    size_t size = sizes[k];
    int n = size > 4096 ? 40 : size > 64 ? 1500 : N;
    /* Fresh spans first: freed newest first, the current span's objects
     * leave the stack for the span's own list, and once its fresh objects
     * are handed out malloc takes that list (it is not zero). */
    for (int round = 0; round < 3; round++) {
      dirty(size, n, 1);
      calloc_all(size, n);
      for (int i = 0; i < n; i++)
        free(objs[i]);
    }
    for (int reverse = 0; reverse < 2; reverse++) {
      dirty(size, n, reverse);
      calloc_all(size, n);
      for (int i = 0; i < n; i++)
        free(objs[i]);
    }
    CHECK(malloc_trim(0) >= 0); /* empty spans go central, or are released */
    dirty(size, n, 0);
    calloc_all(size, n);
    for (int i = 0; i < n; i++)
      free(objs[i]);
  }
  /* Objects another thread freed come back through the transfer cache. */
  for (int round = 0; round < 4; round++) {
    thread_size = 48;
    for (int i = 0; i < N; i++) {
      objs[i] = malloc(thread_size);
      CHECK(objs[i]);
      memset(objs[i], 0xff, thread_size);
    }
    pthread_t t;
    CHECK(pthread_create(&t, NULL, free_all, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    calloc_all(thread_size, N);
    for (int i = 0; i < N; i++)
      free(objs[i]);
  }
  /* Overflow and zero sizes. */
  errno = 0;
  CHECK(!calloc(SIZE_MAX / 2, 3) && errno == ENOMEM);
  void *z = calloc(0, 16);
  CHECK(z);
  free(z);
  printf("calloc ok\n");
  return 0;
}
