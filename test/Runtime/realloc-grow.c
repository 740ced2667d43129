// realloc keeps the contents and gives at least the size asked for: in
// place while the class holds the new size, by a quarter more at least
// when a small object moves (so growing by small steps moves it seldom),
// to a run of pages of its own once it grows past 16 KiB, over the free
// pages after a large object (same address), and by mremap
// for a huge one (no copy: the peak RSS does not hold it twice).
// RUN: %escrt_cc %s -o %t %escrt_link && %t | FileCheck %s
// RUN: %escrt_cc %s -o %t.static %escrt_a && %t.static | FileCheck %s
// RUN: env ESCRT_REGION_GIB=0 %t | FileCheck %s
// CHECK: realloc ok
#include "check.h"
#include <malloc.h>
#include <stdint.h>

static void fill(unsigned char *p, size_t from, size_t to) {
  for (size_t i = from; i < to; i++)
    p[i] = (unsigned char)(i * 7 + 3);
}

static void check_fill(const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    CHECK(p[i] == (unsigned char)(i * 7 + 3));
}

static long peak_kb(void) {
  char buf[4096];
  read_proc_self("status", buf, sizeof buf);
  char *h = strstr(buf, "VmHWM:");
  CHECK(h);
  return atol(h + 6);
}

int main(void) {
  /* Small: add 16 bytes at a time up to 64 KiB, checking every step. */
  unsigned char *p = malloc(16);
  CHECK(p);
  fill(p, 0, 16);
  int moves = 0;
  for (size_t size = 32; size <= 65536; size += 16) {
    unsigned char *q = realloc(p, size);
    CHECK(q && malloc_usable_size(q) >= size);
    moves += q != p;
    p = q;
    check_fill(p, size - 16);
    fill(p, size - 16, size);
  }
  /* 4095 steps; a move per class crossed would be about 60. */
  CHECK(moves < 45);
  /* Within the class: in place, and shrinking to half or more too. */
  size_t u = malloc_usable_size(p);
  CHECK(realloc(p, u) == p && realloc(p, u / 2 + 1) == p);
  check_fill(p, u / 2 + 1);
  free(p);

  /* Doubled from 16 bytes: past 16 KiB the buffer moves to a run of pages,
   * which then grows where it is (the pages after it are free), up to 1 MiB
   * without another copy. */
  p = malloc(16);
  CHECK(p);
  fill(p, 0, 16);
  unsigned char *run = NULL;
  for (size_t size = 32; size <= 1 << 20; size *= 2) {
    unsigned char *q = realloc(p, size);
    CHECK(q && malloc_usable_size(q) >= size);
    if (size == 16 << 10)
      run = q;
    if (size > 16 << 10)
      CHECK(q == run);
    p = q;
    check_fill(p, size / 2);
    fill(p, size / 2, size);
  }
  free(p);

  /* Large: the pages after it are free, so it grows where it is. */
  p = malloc(100000);
  CHECK(p);
  fill(p, 0, 100000);
  unsigned char *blocker = malloc(50000); /* what a hole would look like */
  CHECK(blocker);
  free(blocker);
  for (size_t size = 200000; size <= 8 << 20; size *= 2) {
    unsigned char *q = realloc(p, size);
    CHECK(q == p && malloc_usable_size(q) >= size);
    check_fill(q, size / 2);
    fill(q, size / 2, size);
  }
  /* A large object that cannot grow in place moves with its contents. */
  unsigned char *next = malloc(100000), *a = malloc(100000);
  CHECK(next && a);
  fill(a, 0, 100000);
  unsigned char *wall = malloc(100000);
  CHECK(wall);
  unsigned char *b = realloc(a, 1 << 20);
  CHECK(b && b != a);
  check_fill(b, 100000);
  free(b);
  free(wall);
  free(next);
  free(p);

  /* Huge (over 16 MiB): mremap, so 48 MiB written never sit twice in RAM. */
  size_t huge = 48 << 20;
  p = malloc(huge);
  CHECK(p);
  fill(p, 0, huge);
  long before = peak_kb();
  for (size_t size = huge + (16 << 20); size <= huge + (64 << 20);
       size += 16 << 20) {
    unsigned char *q = realloc(p, size);
    CHECK(q && malloc_usable_size(q) >= size);
    p = q;
  }
  CHECK(peak_kb() < before + (16 << 10));
  check_fill(p, huge);
  /* Huge objects stay usable: they free, and a new one is fine. */
  free(p);
  p = malloc(huge);
  CHECK(p);
  fill(p, 0, 4096);
  free(p);
  printf("realloc ok\n");
  return 0;
}
