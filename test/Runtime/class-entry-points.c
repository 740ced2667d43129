// The compiler entry points: escrt_malloc_class/escrt_free_class and their
// inline versions from escrt.h, for every class, past the capacity of the
// thread's free stacks and past their heartbeat, with the statistics
// counting every object once. A wrong class and a double free through the
// inline free are reported; ESCRT_DEBUG=1 routes the inline versions
// through the library, whose exact checks then see every free. Every
// stack has a readable NULL slot below its bottom, the shared empty stacks
// of a thread without a cache too: the inline push reads top[-1] before it
// knows the stack has room (escrt.h).
// RUN: %escrt_cc %s -o %t %escrt_link && %t | FileCheck %s
// RUN: %escrt_cc %s -o %t.static %escrt_a && %t.static | FileCheck %s
// RUN: env ESCRT_DEBUG=1 %t | FileCheck %s
// RUN: env ESCRT_REGION_GIB=0 %t | FileCheck %s
// RUN: not --crash %t wrong-class 2>&1 | FileCheck --check-prefix=WRONG %s
// RUN: not --crash %t inline-double 2>&1 | FileCheck --check-prefix=DOUBLE %s
// RUN: env ESCRT_DEBUG=1 not --crash %t inline-double-later 2>&1 | FileCheck --check-prefix=DOUBLE %s
// CHECK: classes ok
// WRONG: escrt: escrt_free_class(): wrong size class for 0x{{[0-9a-f]+}} in a span of 48-byte objects
// DOUBLE: escrt: free(): double free of 0x{{[0-9a-f]+}} in a span of 64-byte objects
#include "check.h"
#include "escrt.h"
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

/* A thread's free stack of a class holds 64 KiB of its objects, at most
 * 2048 of them (ESCRT_LIFO_BYTES, ESCRT_LIFO_MAX in internal.h). */
enum { STACK_BYTES = 64 << 10, STACK_MAX = 2048, OVER = 300, ROUNDS = 12 };
static void *live[STACK_MAX + OVER];

static int live_count(size_t size) {
  size_t held = STACK_BYTES / size;
  return (int)(held < STACK_MAX ? held : STACK_MAX) + OVER;
}

static uint64_t mallocs_of(unsigned cls) {
  escrt_stats_t st;
  escrt_stats(&st);
  return st.by_size[cls].mallocs;
}
static uint64_t frees_of(unsigned cls) {
  escrt_stats_t st;
  escrt_stats(&st);
  return st.by_size[cls].frees;
}

/* Rounds of more objects than the class's free stack holds allocated and
 * freed, alternating the inline and the out-of-line entry points, each
 * object written in full and checked before it is freed. The rounds push
 * more than a heartbeat's worth (4096) on the small classes. */
static void exercise(unsigned cls) {
  size_t size = escrt_class_size(cls);
  size_t align = cls == 1 || cls == ESCRT_CLASS_24_ALIGN8 ? 8 : 16;
  uint64_t m0 = mallocs_of(cls), f0 = frees_of(cls);
  int n = live_count(size);
  for (int r = 0; r < ROUNDS; r++) {
    for (int i = 0; i < n; i++) {
      unsigned char *p = r & 1 ? escrt_malloc_class(size, cls)
                               : escrt_malloc_class_inline(size, cls);
      CHECK(p && (uintptr_t)p % align == 0);
      CHECK(malloc_usable_size(p) == size);
      memset(p, i & 0xff, size);
      live[i] = escape_opaque(p);
    }
    for (int i = n; i-- > 0;) {
      unsigned char *p = live[i];
      CHECK(p[0] == (i & 0xff) && p[size - 1] == (i & 0xff));
      if (r & 2)
        escrt_free_class_inline(p, cls);
      else
        escrt_free_class(p, cls);
    }
  }
  CHECK(mallocs_of(cls) - m0 == (uint64_t)n * ROUNDS);
  CHECK(frees_of(cls) - f0 == (uint64_t)n * ROUNDS);
}

/* The slot below every stack's bottom is NULL; before its first malloc a
 * thread's stacks are the empty cache's, empty and full at once. */
static void check_slots_below(int without_cache) {
  for (unsigned cls = 1; cls < ESCRT_NUM_CLASSES; cls++) {
    escrt_bin *b = &escrt_thread_bins[cls];
    CHECK(b->empty[-1] == NULL);
    if (without_cache)
      CHECK(b->top == b->empty && b->top == b->full);
  }
}

static void *new_thread(void *unused) {
  (void)unused;
  check_slots_below(1);
  return NULL;
}

int main(int argc, char **argv) {
  const char *m = argc > 1 ? argv[1] : "";
  unsigned c64 = escrt_size_class(64), c48 = escrt_size_class(48);
  if (!strcmp(m, "wrong-class")) {
    escrt_free_class(escrt_malloc_class(48, c48), c64);
  } else if (!strcmp(m, "inline-double")) {
    void *p = escrt_malloc_class_inline(64, c64);
    escrt_free_class_inline(p, c64);
    escrt_free_class_inline(p, c64);
  } else if (!strcmp(m, "inline-double-later")) {
    void *p = escrt_malloc_class_inline(64, c64);
    void *q = escrt_malloc_class_inline(64, c64);
    escrt_free_class_inline(p, c64);
    escrt_free_class_inline(q, c64);
    escrt_free_class_inline(p, c64);
  } else {
    pthread_t t;
    CHECK(pthread_create(&t, NULL, new_thread, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    for (unsigned cls = 1; cls < ESCRT_NUM_CLASSES; cls++)
      exercise(cls);
    check_slots_below(getenv("ESCRT_DEBUG") != NULL);
    puts("classes ok");
    return 0;
  }
  puts("not detected");
  return 0;
}
