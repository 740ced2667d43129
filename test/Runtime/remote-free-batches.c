// Frees from another thread go on the freeing thread's own free stacks and
// leave them in batches, chained per span onto the owner's spans. Rounds
// of a producer allocating and a consumer freeing must reuse the same
// memory (the heap stays the size of one round) and count every object.
// RUN: %escrt_cc %s -o %t %escrt_link && %t | FileCheck %s
// RUN: env ESCRT_DEBUG=1 %t | FileCheck %s
// RUN: env ESCRT_REGION_GIB=0 %t | FileCheck %s
// CHECK: remote ok
#include "check.h"
#include "escrt.h"
#include <pthread.h>
#include <stdint.h>
#include <string.h>

enum { N = 50000, ROUNDS = 20 };
static void *objs[N];

static size_t size_of(int i) { return 16 + (size_t)(i % 7) * 40; }

static void *consume(void *arg) {
  (void)arg;
  for (int i = 0; i < N; i++) {
    unsigned char *p = objs[i];
    CHECK(p[0] == (unsigned char)i && p[size_of(i) - 1] == (unsigned char)i);
    free(p);
  }
  return NULL;
}

int main(void) {
  escrt_stats_t st;
  uint64_t first_inuse = 0;
  escrt_stats(&st);
  uint64_t objects0 = st.heap_objects;
  for (int r = 0; r < ROUNDS; r++) {
    for (int i = 0; i < N; i++) {
      unsigned char *p = malloc(size_of(i));
      CHECK(p);
      memset(p, (unsigned char)i, size_of(i));
      objs[i] = p;
    }
    pthread_t t;
    CHECK(pthread_create(&t, NULL, consume, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    escrt_stats(&st);
    if (r == 0)
      first_inuse = st.heap_inuse;
    /* The consumer exited: its stacks went back to the spans. */
    CHECK(st.heap_objects <= objects0 + 16);
  }
  /* Later rounds reuse the first round's spans. */
  CHECK(st.heap_inuse <= 2 * first_inuse);
  printf("remote ok\n");
  return 0;
}
