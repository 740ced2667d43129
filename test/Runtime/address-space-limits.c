// The heap region is a reservation of address space: it must leave room
// under a limit on address space (ulimit -v counts reservations), and
// everything must still work without it (ESCRT_REGION_GIB=0: every free
// takes the slow path) and once it is used up (a 1 GiB region filled with
// 16 MiB runs, so later spans come from arenas outside it).
// RUN: %escrt_cc %s -o %t %escrt_link
// RUN: bash -c 'ulimit -v 2097152 && exec %t limit 0' | FileCheck %s
// RUN: env ESCRT_REGION_GIB=0 %t huge 0 | FileCheck %s
// RUN: env ESCRT_REGION_GIB=1 %t fill 64 | FileCheck %s
// RUN: env ESCRT_REGION_GIB=lots %t huge 0 2>&1 | FileCheck --check-prefix=BAD %s
// CHECK: limits ok
// BAD: escrt: ignoring ESCRT_REGION_GIB=lots (want 0..65536)
// BAD: limits ok
#include "check.h"
#include "escrt.h"
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <sys/resource.h>

enum { LIVE = 20000, STEPS = 400000 };
static unsigned char *live[LIVE];

static size_t size_at(uint64_t x) { return 8 + x % 2000; }

/* Random replacement with content checks; every tenth free is made by
 * another thread, so remote frees take the same paths. */
static void *churn(void *arg) {
  uint64_t r = (uintptr_t)arg | 1;
  for (long i = 0; i < STEPS; i++) {
    r = r * 6364136223846793005ull + 1442695040888963407ull;
    uint64_t x = r >> 17, k = x % LIVE;
    unsigned char *p = live[k];
    if (p) {
      CHECK(p[0] == (unsigned char)k && p[malloc_usable_size(p) - 1] ==
                                            (unsigned char)k);
      free(p);
    }
    p = malloc(size_at(x));
    CHECK(p);
    memset(p, (unsigned char)k, malloc_usable_size(p));
    live[k] = p;
  }
  return NULL;
}

static void *free_some(void *arg) {
  (void)arg;
  for (int k = 0; k < LIVE; k += 10) {
    free(live[k]);
    live[k] = NULL;
  }
  return NULL;
}

/* Bytes of address space in use (VmSize). */
static uint64_t vm_size(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[128];
  uint64_t kb = 0;
  while (f && fgets(line, sizeof line, f))
    if (sscanf(line, "VmSize: %lu kB", &kb) == 1)
      break;
  if (f)
    fclose(f);
  return kb << 10;
}

int main(int argc, char **argv) {
  CHECK(argc == 3);
  long n = atol(argv[2]);
  if (!strcmp(argv[1], "limit")) {
    /* Under a limit, the region takes at most a quarter of it, and half
     * of the limit is still there for huge objects. */
    struct rlimit as;
    CHECK(getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY);
    free(escape_opaque(malloc(100)));
    CHECK(vm_size() <= as.rlim_cur / 4 + (256 << 20));
    n = (long)(as.rlim_cur >> 21); /* MiB, half the limit */
    argv[1] = "huge";
  }
  /* huge N: N MiB in 64 MiB objects, each a mapping of its own (never
   * touched); fill N: N runs of 16 MiB, which live in arenas. */
  size_t each = !strcmp(argv[1], "huge") ? (size_t)64 << 20 : (size_t)16 << 20;
  long count = !strcmp(argv[1], "huge") ? n / 64 : n;
  for (long i = 0; i < count; i++)
    CHECK(escape_opaque(malloc(each)) != NULL);
  churn((void *)1);
  pthread_t t;
  CHECK(pthread_create(&t, NULL, free_some, NULL) == 0);
  CHECK(pthread_join(t, NULL) == 0);
  churn((void *)2);
  for (int k = 0; k < LIVE; k++)
    free(live[k]);
  escrt_stats_t st;
  escrt_stats(&st);
  CHECK(st.heap_objects <= (uint64_t)count + 16);
  puts("limits ok");
  return 0;
}
