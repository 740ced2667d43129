// A burst of ~200 MB of small objects is freed; with no call into the
// allocator beyond ordinary malloc/free traffic, the scavenger returns the
// idle pages to the OS once they have been free for ESCRT_DECAY_MS, and
// escrt_stats accounts for them. malloc_trim gives them back at once.
// RUN: %escrt_cc %s -o %t %escrt_link
// RUN: env ESCRT_DECAY_MS=200 %t decay | FileCheck --check-prefix=DECAY %s
// RUN: %t trim | FileCheck --check-prefix=TRIM %s
// DECAY: peak ok
// DECAY-NEXT: released ok
// TRIM: peak ok
// TRIM-NEXT: released ok
#include "check.h"
#include "escrt.h"
#include <malloc.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { N = 800000 };
static void *objs[N];

static long rss_mb(void) {
  long pages = 0, rss = 0;
  FILE *f = fopen("/proc/self/statm", "r");
  CHECK(f && fscanf(f, "%ld %ld", &pages, &rss) == 2);
  fclose(f);
  return rss * sysconf(_SC_PAGESIZE) >> 20;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  int trim = argc > 1 && !strcmp(argv[1], "trim");
  unsigned r = 7;
  for (int i = 0; i < N; i++) {
    r = r * 1103515245 + 12345;
    size_t n = 16 + (r >> 8) % 497;
    objs[i] = malloc(n);
    memset(objs[i], 1, n);
  }
  long peak = rss_mb();
  CHECK(peak > 150);
  puts("peak ok");
  for (int i = 0; i < N; i++)
    free(objs[i]);
  if (trim) {
    CHECK(malloc_trim(0) == 1);
  } else {
    /* Light traffic: a few thousand malloc/free pairs per millisecond. */
    double start = now();
    while (now() - start < 5 && rss_mb() > peak / 10) {
      for (int k = 0; k < 4000; k++)
        free(escape_opaque(malloc(16 + k % 512)));
      usleep(1000);
    }
  }
  long after = rss_mb();
  escrt_stats_t st;
  escrt_stats(&st);
  if (after > peak / 10 || st.heap_released < (uint64_t)(peak / 2) << 20) {
    printf("peak %ld MB, after %ld MB, released %llu MB\n", peak, after,
           (unsigned long long)(st.heap_released >> 20));
    return 1;
  }
  puts("released ok");
  return 0;
}
