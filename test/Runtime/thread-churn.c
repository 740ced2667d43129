// Waves of short-lived threads exit while still holding objects; the next
// wave frees those from other threads (into the parked caches of the dead
// threads) and allocates again. Contents are checked, and the heap must not
// grow with the number of waves: parked caches are adopted and settled.
// RUN: %escrt_cc %s -o %t %escrt_link && %t | FileCheck %s
// CHECK: churn ok
#include "check.h"
#include "escrt.h"
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

enum { THREADS = 8, OBJS = 2000, WAVES = 40 };
static unsigned char *held[THREADS][OBJS];

static void *wave(void *arg) {
  uintptr_t id = (uintptr_t)arg;
  /* Free what the previous wave's thread with another id left behind. */
  unsigned char **prev = held[(id + 1) % THREADS];
  for (int i = 0; i < OBJS; i++)
    if (prev[i]) {
      CHECK(prev[i][0] == prev[i][malloc_usable_size(prev[i]) - 1]);
      free(prev[i]);
      prev[i] = NULL;
    }
  return NULL;
}

static void *fill(void *arg) {
  uintptr_t id = (uintptr_t)arg;
  for (int i = 0; i < OBJS; i++) {
    size_t n = 16 + (i * 131 + id * 17) % 3000;
    unsigned char *p = malloc(n);
    memset(p, (int)(i & 0xff), malloc_usable_size(p));
    void *tmp = malloc(n / 2 + 1); /* freed locally: mixes the lists */
    free(tmp);
    held[id][i] = p;
  }
  return NULL;
}

static void run(void *(*fn)(void *)) {
  pthread_t t[THREADS];
  for (uintptr_t i = 0; i < THREADS; i++)
    CHECK(pthread_create(&t[i], NULL, fn, (void *)i) == 0);
  for (int i = 0; i < THREADS; i++)
    pthread_join(t[i], NULL);
}

int main(void) {
  escrt_stats_t st;
  uint64_t inuse_after_first = 0;
  for (int w = 0; w < WAVES; w++) {
    run(fill);
    run(wave);
    run(wave); /* the odd ids' objects went to the even ones: clear all */
    if (w == 1) {
      escrt_stats(&st);
      inuse_after_first = st.heap_inuse;
    }
  }
  escrt_stats(&st);
  CHECK(st.mallocs >= (uint64_t)WAVES * THREADS * OBJS * 2);
  /* No growth with the number of waves (a leak would be ~20x). */
  CHECK(st.heap_inuse <= 2 * inuse_after_first + (4 << 20));
  puts("churn ok");
  return 0;
}
