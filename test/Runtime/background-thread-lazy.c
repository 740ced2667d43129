// The background scavenger thread exists only in a program that frees
// enough to need it: keeping 60 MB, churning small objects and freeing 2 MB
// and a 1 MiB buffer starts no thread, even after the decay time; freeing
// the 60 MB starts one, named escrt-scavenger. ESCRT_BACKGROUND=0 never
// starts it, nor does libescrt when another allocator is the process's
// malloc (its malloc and free never run).
// RUN: %escrt_cc %s -o %t %escrt_link
// RUN: env ESCRT_DECAY_MS=200 %t | FileCheck --check-prefix=ON %s
// ON: small frees: 1 thread
// ON-NEXT: burst freed: escrt-scavenger running
// RUN: env ESCRT_DECAY_MS=200 ESCRT_BACKGROUND=0 %t | FileCheck --check-prefix=OFF %s
// RUN: env ESCRT_DECAY_MS=200 LD_PRELOAD=libjemalloc.so.2 %t | FileCheck --check-prefix=OFF %s
// OFF: small frees: 1 thread
// OFF-NEXT: burst freed: no escrt-scavenger
//
// A program with threads cannot have the thread made by its frees (they may
// run inside glibc's thread exit): it gets the thread, parked, at the first
// malloc slow path after its heap has held 4 MiB, and not before.
// RUN: env ESCRT_DECAY_MS=200 %t threaded | FileCheck --check-prefix=THREADED %s
// THREADED: 2 MB held and freed: no escrt-scavenger
// THREADED-NEXT: 8 MB held: escrt-scavenger running
// RUN: env ESCRT_DECAY_MS=200 ESCRT_BACKGROUND=0 %t threaded | FileCheck --check-prefix=THREADED-OFF %s
// THREADED-OFF: 2 MB held and freed: no escrt-scavenger
// THREADED-OFF-NEXT: 8 MB held: no escrt-scavenger
//
// A bad value is named, and the default stays:
// RUN: env ESCRT_DECAY_MS=200 ESCRT_BACKGROUND=yes %t 2>&1 | FileCheck --check-prefix=BAD %s
// BAD: escrt: ignoring ESCRT_BACKGROUND=yes (want 0..1)
// BAD: burst freed: escrt-scavenger running
#include "check.h"
#include <dirent.h>
#include <pthread.h>
#include <time.h>

enum { KEPT = 240000 };
static void *kept[KEPT];

static int threads(void) {
  char buf[4096];
  read_proc_self("status", buf, sizeof buf);
  char *t = strstr(buf, "\nThreads:");
  CHECK(t);
  return atoi(t + strlen("\nThreads:"));
}

static int scavenger_running(void) {
  DIR *d = opendir("/proc/self/task");
  CHECK(d);
  int found = 0;
  for (struct dirent *e; (e = readdir(d));) {
    char path[300], comm[32] = "";
    snprintf(path, sizeof path, "/proc/self/task/%s/comm", e->d_name);
    int fd = open(path, O_RDONLY);
    if (fd < 0)
      continue;
    ssize_t n = read(fd, comm, sizeof comm - 1);
    close(fd);
    found |= n > 0 && !strncmp(comm, "escrt-scavenger\n", 16);
  }
  closedir(d);
  return found;
}

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, ms % 1000 * 1000000};
  nanosleep(&ts, NULL);
}

/* Waits up to a second for the thread to have set its name. */
static const char *scavenger_seen(void) {
  int running = 0;
  for (int waited = 0; !running && waited < 1000; waited += 20) {
    sleep_ms(20);
    running = scavenger_running();
  }
  return running ? "escrt-scavenger running" : "no escrt-scavenger";
}

static pthread_barrier_t done;

static void *waits(void *unused) {
  (void)unused;
  pthread_barrier_wait(&done);
  return NULL;
}

/* Objects of 16..512 bytes totalling `bytes`, touched. */
static void **hold(size_t bytes, int *count) {
  int n = (int)(bytes / 264);
  void **objs = malloc(n * sizeof *objs);
  CHECK(objs);
  for (int i = 0; i < n; i++) {
    size_t size = 16 + (size_t)i * 7919 % 497;
    objs[i] = malloc(size);
    CHECK(objs[i]);
    memset(objs[i], 1, size);
  }
  *count = n;
  return objs;
}

static void threaded(void) {
  pthread_t t;
  CHECK(pthread_barrier_init(&done, NULL, 2) == 0);
  CHECK(pthread_create(&t, NULL, waits, NULL) == 0);
  int n;
  void **objs = hold(2 << 20, &n);
  for (int i = 0; i < n; i++)
    free(objs[i]);
  free(objs);
  printf("2 MB held and freed: %s\n", scavenger_seen());
  fflush(stdout);
  objs = hold(8 << 20, &n);
  printf("8 MB held: %s\n", scavenger_seen());
  pthread_barrier_wait(&done);
  CHECK(pthread_join(t, NULL) == 0);
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "threaded")) {
    threaded();
    return 0;
  }
  size_t bytes = 0;
  for (int i = 0; i < KEPT; i++) {
    size_t size = 16 + (size_t)i * 7919 % 497;
    kept[i] = malloc(size);
    CHECK(kept[i]);
    memset(kept[i], 1, size);
    bytes += size;
  }
  CHECK(bytes > 60 << 20);
  for (int k = 0; k < 200000; k++)
    free(escape_opaque(malloc(16 + k % 400)));
  char *buffer = malloc(1 << 20);
  CHECK(buffer);
  memset(buffer, 1, 1 << 20);
  free(buffer);
  size_t freed = 0;
  for (int i = 0; freed < 2 << 20; i++) {
    freed += 16 + (size_t)i * 7919 % 497;
    free(kept[i]);
    kept[i] = NULL;
  }
  sleep_ms(400); /* twice the decay time: the thread would have run */
  int n = threads();
  printf("small frees: %d thread%s\n", n, n > 1 ? "s" : "");
  for (int i = 0; i < KEPT; i++)
    free(kept[i]);
  /* The thread is started by the frees themselves. */
  printf("burst freed: %s\n", scavenger_seen());
  return 0;
}
