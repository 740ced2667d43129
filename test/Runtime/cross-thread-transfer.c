// Cross-thread frees: a consumer's full free stack hands half of itself to
// the transfer cache, and the producer's empty stack takes it back, so the
// producer reuses what the consumer freed (the heap stays the size of the
// pipeline, not of everything allocated: lost objects would make it grow),
// no object is handed out twice, every free is counted, and malloc_trim
// gives what the transfer cache holds back to its spans.
// RUN: %escrt_cc %s -o %t %escrt_link && %t | FileCheck %s
// RUN: %escrt_cc %s -o %t.static %escrt_a && %t.static | FileCheck %s
// RUN: env ESCRT_DEBUG=1 %t | FileCheck %s
// RUN: env ESCRT_REGION_GIB=0 %t | FileCheck %s
// CHECK: transfer ok
#include "check.h"
#include "escrt.h"
#include <malloc.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>

enum { BATCH = 512, DEPTH = 8, BATCHES = 2000 };
static uint64_t *queue[DEPTH][BATCH];
static atomic_long head, tail;

static size_t size_of(long i) { return 16 + (size_t)(i % 5) * 24; }

static void *consume(void *arg) {
  (void)arg;
  for (long b = 0; b < BATCHES; b++) {
    while (atomic_load(&head) <= b)
      sched_yield();
    for (int i = 0; i < BATCH; i++) {
      uint64_t *p = queue[b % DEPTH][i];
      long id = b * BATCH + i;
      /* Not handed out twice: each object still holds its own id. */
      CHECK(p[0] == (uint64_t)id && p[size_of(id) / 8 - 1] == (uint64_t)id);
      free(p);
    }
    atomic_store(&tail, b + 1);
  }
  return NULL;
}

int main(void) {
  escrt_stats_t st;
  escrt_stats(&st);
  uint64_t objects0 = st.heap_objects, inuse0 = st.heap_inuse;
  pthread_t t;
  CHECK(pthread_create(&t, NULL, consume, NULL) == 0);
  for (long b = 0; b < BATCHES; b++) {
    while (b - atomic_load(&tail) >= DEPTH)
      sched_yield();
    for (int i = 0; i < BATCH; i++) {
      long id = b * BATCH + i;
      uint64_t *p = malloc(size_of(id));
      CHECK(p);
      for (size_t w = 0; w < size_of(id) / 8; w++)
        p[w] = (uint64_t)id;
      queue[b % DEPTH][i] = p;
    }
    atomic_store(&head, b + 1);
  }
  CHECK(pthread_join(t, NULL) == 0);
  escrt_stats(&st);
  /* 1M objects (64 MB) went through a pipeline of 4096 (256 KB): memory
   * was reused. */
  CHECK(st.heap_inuse - inuse0 < (2u << 20));
  CHECK(st.heap_objects <= objects0 + 16);
  uint64_t inuse1 = st.heap_inuse;
  malloc_trim(0);
  escrt_stats(&st);
  CHECK(st.heap_inuse <= inuse1 && st.heap_objects <= objects0 + 16);
  printf("transfer ok\n");
  return 0;
}
