// Threads allocate objects of every small class and some large ones, fill
// them with a pattern naming their slot, and swap them through a shared
// table, so most frees happen on another thread than the malloc. Every
// object's contents are checked before it is freed.
// RUN: %escrt_cc %s -o %t %escrt_link && %t 4 200000 | FileCheck %s
// RUN: %escrt_cc %s -o %t.static %escrt_a && %t.static 3 100000 | FileCheck %s
// RUN: env ESCRT_DEBUG=1 %t 2 50000 | FileCheck %s
// RUN: env ESCRT_REGION_GIB=0 %t 3 100000 | FileCheck %s
// CHECK: stress ok
#include "check.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

enum { SLOTS = 4096 };
typedef struct obj {
  uint32_t slot, size;
} obj;
static _Atomic(obj *) table[SLOTS];
static long iterations;

static size_t pick_size(uint64_t *r) {
  *r = *r * 6364136223846793005ull + 1442695040888963407ull;
  uint64_t x = *r >> 33;
  if (x % 1000 == 0)
    return 32768 + x % 200000; /* large */
  if (x % 10 == 0)
    return 1024 + x % 31744;
  return 8 + x % 1016;
}

static void fill(obj *o, uint32_t slot, size_t size) {
  o->slot = slot;
  o->size = (uint32_t)size;
  memset((char *)o + sizeof *o, (int)(slot & 0xff), size - sizeof *o);
}

static void verify(obj *o, uint32_t slot) {
  CHECK(o->slot == slot);
  const unsigned char *p = (const unsigned char *)o + sizeof *o;
  for (size_t i = 0; i < o->size - sizeof *o; i++)
    CHECK(p[i] == (slot & 0xff));
}

static void *worker(void *arg) {
  uint64_t r = (uintptr_t)arg * 7919 + 1;
  for (long i = 0; i < iterations; i++) {
    size_t size = pick_size(&r);
    uint32_t slot = (uint32_t)(r >> 20) % SLOTS;
    obj *o = malloc(size);
    CHECK(o != NULL);
    fill(o, slot, size);
    obj *old = atomic_exchange(&table[slot], o);
    if (old) {
      verify(old, slot);
      free(old);
    }
  }
  return NULL;
}

int main(int argc, char **argv) {
  int nthreads = argc > 1 ? atoi(argv[1]) : 4;
  iterations = argc > 2 ? atol(argv[2]) : 100000;
  pthread_t t[16];
  for (int i = 0; i < nthreads; i++)
    CHECK(pthread_create(&t[i], NULL, worker, (void *)(uintptr_t)(i + 1)) == 0);
  for (int i = 0; i < nthreads; i++)
    pthread_join(t[i], NULL);
  for (int s = 0; s < SLOTS; s++) {
    obj *o = atomic_load(&table[s]);
    if (o) {
      verify(o, (uint32_t)s);
      free(o);
    }
  }
  puts("stress ok");
  return 0;
}
