// A program frees a burst and then sleeps without a single call into the
// allocator: the background scavenger (runtime/src/background.c) returns
// the pages once they have been free for ESCRT_DECAY_MS. The idle phase
// reads RSS from /proc/self/statm with read(2) and sleeps with nanosleep,
// neither of which mallocs; the result is printed after it.
// RUN: %escrt_cc %s -o %t %escrt_link
// RUN: %escrt_cc %s %escrt_a -o %t.static
// RUN: env ESCRT_DECAY_MS=200 %t small 5000 | FileCheck --check-prefix=FELL %s
// RUN: env ESCRT_DECAY_MS=200 %t large 5000 | FileCheck --check-prefix=FELL %s
// RUN: env ESCRT_DECAY_MS=200 %t.static small 5000 | FileCheck --check-prefix=FELL %s
// FELL: peak ok
// FELL-NEXT: rss fell below 10% of the peak
//
// Without the thread nothing returns the burst, not in five times the decay
// time (the heartbeat needs calls), so the test above can fail:
// RUN: env ESCRT_DECAY_MS=200 ESCRT_BACKGROUND=0 %t small 1000 | FileCheck --check-prefix=KEPT %s
// KEPT: peak ok
// KEPT-NEXT: rss stayed above 10% of the peak
//
// The burst freed by two threads that then exit, while the main thread
// waits for them and sleeps. Inside free a thread is only started while the
// process never made one; here the exiting threads start it.
// RUN: env ESCRT_DECAY_MS=200 %t workers 5000 | FileCheck --check-prefix=FELL %s
//
// The same burst freed by two threads that then wait without exiting, and
// nobody calls the allocator again: no free of a threaded process may start
// the thread, so it was made, parked, when the heap first held 4 MiB while
// the process had threads, and the frees wake it.
// RUN: env ESCRT_DECAY_MS=200 %t waiting 5000 | FileCheck --check-prefix=FELL %s
//
// The burst allocated before the process has threads, then a thread that
// mallocs once and waits, and the main thread frees the burst: the thread's
// first malloc made the background thread, since the heap already held 4 MiB
// when the process got its second thread.
// RUN: env ESCRT_DECAY_MS=200 %t late 5000 | FileCheck --check-prefix=FELL %s
//
// fork after the thread started: the child has no thread, but starts its
// own when its burst is freed.
// RUN: env ESCRT_DECAY_MS=200 %t fork 5000 | FileCheck --check-prefix=FORK %s
// FORK: peak ok
// FORK-NEXT: rss fell below 10% of the peak
// FORK-NEXT: child: peak ok
// FORK-NEXT: child: rss fell below 10% of the peak
#include "check.h"
#include <pthread.h>
#include <stdbool.h>
#include <sys/wait.h>
#include <time.h>

enum { SMALL = 400000, LARGE = 100 };

/* Resident pages, read without malloc. */
static long rss_pages(void) {
  char buf[128];
  read_proc_self("statm", buf, sizeof buf);
  char *p = strchr(buf, ' ');
  CHECK(p);
  return strtol(p + 1, NULL, 10);
}

static long elapsed_ms(const struct timespec *since) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (ts.tv_sec - since->tv_sec) * 1000 +
         (ts.tv_nsec - since->tv_nsec) / 1000000;
}

static void **allocate(int n, int large) {
  void **objs = malloc(n * sizeof *objs);
  CHECK(objs);
  unsigned r = 7;
  for (int i = 0; i < n; i++) {
    r = r * 1103515245 + 12345;
    size_t size = large ? 1 << 20 : 16 + (r >> 8) % 497;
    objs[i] = malloc(size);
    CHECK(objs[i]);
    memset(objs[i], 1, size);
  }
  return objs;
}

static void release(void **objs, int n) {
  for (int i = 0; i < n; i++)
    free(objs[i]);
  free(objs);
}

static long peak_ok(const char *who) {
  long peak = rss_pages();
  CHECK(peak * sysconf(_SC_PAGESIZE) > 90 << 20);
  printf("%speak ok\n", who);
  fflush(stdout);
  return peak;
}

/* A burst of ~100 MB (small objects of 16..512 bytes, or 1 MiB ones),
 * touched, then freed; the peak RSS is checked and printed before the
 * frees. Returns the peak in pages. */
static long burst(const char *who, int large) {
  int n = large ? LARGE : SMALL;
  void **objs = allocate(n, large);
  long peak = peak_ok(who);
  release(objs, n);
  return peak;
}

/* No allocator call from here on: waits up to limit_ms for RSS to fall
 * below a tenth of the peak. */
static int falls_within(long peak, long limit_ms) {
  struct timespec start, tick = {0, 20 * 1000000};
  clock_gettime(CLOCK_MONOTONIC, &start);
  while (rss_pages() > peak / 10) {
    if (elapsed_ms(&start) >= limit_ms)
      return 0;
    nanosleep(&tick, NULL);
  }
  return 1;
}

static void report(const char *who, long peak, long limit_ms) {
  int fell = falls_within(peak, limit_ms);
  printf("%srss %s 10%% of the peak\n", who,
         fell ? "fell below" : "stayed above");
  fflush(stdout);
}

/* Half of the burst, allocated and freed by a thread that then exits or,
 * when `waiting`, waits until the main thread has reported. */
static pthread_barrier_t allocated, measured, freed, reported;
static bool waiting;

static void *worker(void *unused) {
  (void)unused;
  void **objs = allocate(SMALL / 2, 0);
  pthread_barrier_wait(&allocated);
  pthread_barrier_wait(&measured);
  release(objs, SMALL / 2);
  if (waiting) {
    pthread_barrier_wait(&freed);
    pthread_barrier_wait(&reported);
  }
  return NULL;
}

static void burst_in_workers(long limit_ms) {
  pthread_t t[2];
  CHECK(pthread_barrier_init(&allocated, NULL, 3) == 0 &&
        pthread_barrier_init(&measured, NULL, 3) == 0 &&
        pthread_barrier_init(&freed, NULL, 3) == 0 &&
        pthread_barrier_init(&reported, NULL, 3) == 0);
  for (int i = 0; i < 2; i++)
    CHECK(pthread_create(&t[i], NULL, worker, NULL) == 0);
  pthread_barrier_wait(&allocated);
  long peak = peak_ok("");
  pthread_barrier_wait(&measured);
  if (waiting) {
    pthread_barrier_wait(&freed);
    report("", peak, limit_ms);
    pthread_barrier_wait(&reported);
  }
  for (int i = 0; i < 2; i++)
    CHECK(pthread_join(t[i], NULL) == 0);
  if (!waiting)
    report("", peak, limit_ms);
}

static void *mallocs_once(void *unused) {
  (void)unused;
  free(escape_opaque(malloc(64)));
  pthread_barrier_wait(&allocated);
  pthread_barrier_wait(&reported);
  return NULL;
}

/* The burst by the main thread, freed after a thread joined the process. */
static void burst_before_threads(long limit_ms) {
  void **objs = allocate(SMALL, 0);
  long peak = peak_ok("");
  pthread_t t;
  CHECK(pthread_barrier_init(&allocated, NULL, 2) == 0 &&
        pthread_barrier_init(&reported, NULL, 2) == 0);
  CHECK(pthread_create(&t, NULL, mallocs_once, NULL) == 0);
  pthread_barrier_wait(&allocated);
  release(objs, SMALL);
  report("", peak, limit_ms);
  pthread_barrier_wait(&reported);
  CHECK(pthread_join(t, NULL) == 0);
}

int main(int argc, char **argv) {
  CHECK(argc == 3);
  const char *mode = argv[1];
  long limit_ms = atol(argv[2]);
  if (!strcmp(mode, "workers") || !strcmp(mode, "waiting")) {
    waiting = !strcmp(mode, "waiting");
    burst_in_workers(limit_ms);
    return 0;
  }
  if (!strcmp(mode, "late")) {
    burst_before_threads(limit_ms);
    return 0;
  }
  report("", burst("", !strcmp(mode, "large")), limit_ms);
  if (!strcmp(mode, "fork")) {
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
      report("child: ", burst("child: ", 0), limit_ms);
      _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
          WEXITSTATUS(status) == 0);
  }
  return 0;
}
