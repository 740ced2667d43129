/* Allocator micro-benchmarks, run once per allocator by run.sh (the
 * allocator comes from LD_PRELOAD; none = glibc). Each pattern prints one
 * line "<pattern> <ns per operation>" (best of 5 runs: on a shared machine
 * the minimum is the least disturbed measurement), or for `rss` the
 * resident set at points of a burst-then-idle run.
 *
 *   pair      malloc+free of one object, size cycling 16..512 (32 classes)
 *   pair64    malloc+free of one 64-byte object
 *   batch     1000 objects of 16..512 B allocated, then freed LIFO
 *   ring      100k live objects, a random one replaced each step
 *   sweepK    malloc+free cycling through K size classes (K = argument)
 *   larson    2 threads replace random slots of 1000-object arrays; every
 *             round the arrays pass to new threads (objects die elsewhere)
 *   prodcons  one thread allocates 16..512 B in batches of 256, another
 *             frees them (cross-thread free), ns per object
 *   falseshare 2 threads each write 8-byte objects of their own; objects
 *             of two threads in one cache line show up as a slowdown
 *   realloc16 a buffer grown from 16 B to 16 KiB by 16 bytes at a time
 *             (realloc, then the new bytes written), then freed; ns per
 *             realloc
 *   realloc2x the same from 16 B to 1 MiB, doubling; ns per realloc
 *   calloc    1000 calloc'd objects of 16..512 B, then freed LIFO (the
 *             memory is reused: calloc must zero it)
 *   callocfresh 64k calloc'd objects of 16..512 B (17 MB) in a new process
 *             (memory fresh from the OS: already zero), ns per calloc
 *   classes K one live object in each of K size classes, allocated in turn
 *             and then freed (K = argument); ns per malloc+free
 *   footprint MB  MB of 16..512 B objects live at once (with churn: a
 *             third freed and allocated again), then peak RSS (VmHWM, KB)
 *   hot N     N malloc(64)+free pairs, for callgrind (hotcalloc: calloc(1,
 *             64)+free; hotclasses: classes with K = 4; hotrealloc: one
 *             realloc of an add-16 growth from 16 to 512 B), for callgrind
 *   rss       burst of ~800 MB of 16..512 B objects, freed, then 10 s of
 *             light malloc/free traffic: prints RSS (MB) at points
 *   idle      the same burst, freed, then 10 s without any allocator call
 *             (a program that sleeps or waits on I/O) */
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* Keeps malloc/free pairs from being optimised away. */
static inline void *opaque(void *p) {
  __asm__ volatile("" : "+r"(p)::"memory");
  return p;
}

static uint64_t rng(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

static int sweep_k = 8;

static double pair(long n) {
  double t = now();
  for (long i = 0; i < n; i++)
    free(opaque(malloc(16 + (size_t)(i & 31) * 16)));
  return (now() - t) / n;
}

static double pair64(long n) {
  double t = now();
  for (long i = 0; i < n; i++)
    free(opaque(malloc(64)));
  return (now() - t) / n;
}

static double sweep(long n) {
  double t = now();
  for (long i = 0, k = 0; i < n; i++) {
    free(opaque(malloc(16 + (size_t)k * 16)));
    if (++k == sweep_k)
      k = 0;
  }
  return (now() - t) / n;
}

/* 1000 objects allocated (calloc'd and written once: zero), freed LIFO. */
static double batch_of(long n, int zero) {
  enum { B = 1000 };
  static char *p[B];
  uint64_t s = 88172645463325252ull;
  long rounds = n / B;
  double t = now();
  for (long r = 0; r < rounds; r++) {
    for (int i = 0; i < B; i++) {
      size_t size = 16 + rng(&s) % 497;
      if (zero)
        (p[i] = opaque(calloc(1, size)))[0]++;
      else
        p[i] = opaque(malloc(size));
    }
    for (int i = B; i-- > 0;)
      free(p[i]);
  }
  return (now() - t) / (rounds * B);
}

static double batch(long n) { return batch_of(n, 0); }

static double ring(long n) {
  enum { R = 100000 };
  static void *p[R];
  uint64_t s = 88172645463325252ull;
  for (int i = 0; i < R; i++)
    p[i] = malloc(16 + rng(&s) % 497);
  double t = now();
  for (long i = 0; i < n; i++) {
    uint64_t x = rng(&s);
    size_t k = x % R;
    free(p[k]);
    p[k] = opaque(malloc(16 + (x >> 20) % 497));
  }
  double d = (now() - t) / n;
  for (int i = 0; i < R; i++)
    free(p[i]);
  return d;
}

/* ---- realloc growth ---- */
static double grow(long n, size_t limit, int doubling) {
  long ops = 0;
  double t = now();
  while (ops < n) {
    size_t size = 16;
    char *p = opaque(malloc(size));
    p[0] = 1;
    while (size < limit) {
      size_t old = size;
      size = doubling ? size * 2 : size + 16;
      p = opaque(realloc(p, size));
      memset(p + old, 1, size - old); /* what a builder appends */
      ops++;
    }
    free(p);
  }
  return (now() - t) / ops;
}

static double realloc16(long n) { return grow(n, 16 << 10, 0); }
static double realloc2x(long n) { return grow(n, 1 << 20, 1); }

/* ---- calloc ---- */
static double calloc_batch(long n) { return batch_of(n, 1); }

/* In a new process each time (see run_fresh): the heap is fresh. */
static double calloc_fresh(long n) {
  char **p = malloc(n * sizeof *p);
  uint64_t s = 88172645463325252ull;
  double t = now();
  for (long i = 0; i < n; i++) {
    p[i] = opaque(calloc(1, 16 + rng(&s) % 497));
    p[i][0]++;
  }
  double d = (now() - t) / n;
  for (long i = 0; i < n; i++)
    free(p[i]);
  free(p);
  return d;
}

/* ---- K live classes ---- */
/* Sizes of 32 distinct classes in every allocator measured (Go's table,
 * which is also close to the others' classes). */
static const unsigned class_sizes[32] = {
    16,  32,  48,  64,  80,  96,  112, 128, 144, 160, 176,
    192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448,
    480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280};
static int classes_k = 4;

static double classes(long n) {
  char *p[32];
  long rounds = n / classes_k;
  double t = now();
  for (long r = 0; r < rounds; r++) {
    for (int k = 0; k < classes_k; k++) {
      p[k] = opaque(malloc(class_sizes[k]));
      p[k][0] = 1;
    }
    for (int k = 0; k < classes_k; k++)
      free(p[k]);
  }
  return (now() - t) / (rounds * classes_k);
}

/* ---- footprint ---- */
static long peak_kb(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kb = 0;
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, "VmHWM:", 6))
      kb = atol(line + 6);
  if (f)
    fclose(f);
  return kb;
}

/* A program whose heap holds `mb` MB of small objects at its peak: built,
 * a third of it freed and built again (so that freed memory is reused
 * rather than added), then everything freed. */
static void footprint(long mb) {
  long n = mb * (1 << 20) / 272; /* 272: mean of 16..528 */
  char **p = malloc(n * sizeof *p);
  uint64_t s = 88172645463325252ull;
  for (int pass = 0; pass < 2; pass++)
    for (long i = 0; i < n; i++) {
      if (pass && i % 3)
        continue;
      if (pass)
        free(p[i]);
      size_t sz = 16 + rng(&s) % 513;
      p[i] = malloc(sz);
      memset(p[i], 1, sz);
    }
  for (long i = 0; i < n; i++)
    free(p[i]);
  free(p);
  printf("footprint %ld\n", peak_kb());
}

/* ---- larson-style churn ---- */
enum { LSLOTS = 1000 };
static void *lslots[2][LSLOTS];
static long lops;

static void *larson_worker(void *arg) {
  void **a = arg;
  uint64_t s = (uintptr_t)arg | 1;
  for (long i = 0; i < lops; i++) {
    uint64_t x = rng(&s);
    size_t k = x % LSLOTS;
    free(a[k]);
    a[k] = malloc(16 + (x >> 24) % 1009);
    memset(a[k], 1, 8);
  }
  return NULL;
}

static double larson(long n) {
  const int rounds = 20;
  lops = n / rounds / 2;
  double t = now();
  for (int r = 0; r < rounds; r++) {
    pthread_t th[2];
    for (int i = 0; i < 2; i++)
      pthread_create(&th[i], NULL, larson_worker, lslots[(i + r) & 1]);
    for (int i = 0; i < 2; i++)
      pthread_join(th[i], NULL);
  }
  return (now() - t) / (lops * rounds * 2);
}

/* ---- producer/consumer ---- */
enum { QBATCH = 256, QDEPTH = 64 };
static void *queue[QDEPTH][QBATCH];
static atomic_long qhead, qtail;
static long qbatches;

static void *consumer(void *arg) {
  (void)arg;
  for (long b = 0; b < qbatches; b++) {
    while (atomic_load_explicit(&qhead, memory_order_acquire) <= b)
      sched_yield(); /* 2 shared cores: spinning would starve the producer */
    void **q = queue[b % QDEPTH];
    for (int i = 0; i < QBATCH; i++)
      free(q[i]);
    atomic_store_explicit(&qtail, b + 1, memory_order_release);
  }
  return NULL;
}

static double prodcons(long n) {
  qbatches = n / QBATCH;
  atomic_store(&qhead, 0);
  atomic_store(&qtail, 0);
  uint64_t s = 88172645463325252ull;
  pthread_t c;
  double t = now();
  pthread_create(&c, NULL, consumer, NULL);
  for (long b = 0; b < qbatches; b++) {
    while (b - atomic_load_explicit(&qtail, memory_order_acquire) >= QDEPTH)
      sched_yield();
    void **q = queue[b % QDEPTH];
    for (int i = 0; i < QBATCH; i++)
      q[i] = malloc(16 + rng(&s) % 497);
    atomic_store_explicit(&qhead, b + 1, memory_order_release);
  }
  pthread_join(c, NULL);
  return (now() - t) / (qbatches * QBATCH);
}

/* ---- false sharing (cache-scratch) ---- */
static long fs_iters;
static void *fs_given[2];

static void *scratch(void *arg) {
  int id = (int)(uintptr_t)arg;
  free(fs_given[id]); /* the object main allocated next to the other's */
  for (long i = 0; i < fs_iters; i++) {
    volatile char *p = malloc(8);
    for (int w = 0; w < 1000; w++)
      p[w & 7] = (char)w;
    free((void *)p);
  }
  return NULL;
}

static double falseshare(long n) {
  fs_iters = n / 1000;
  fs_given[0] = malloc(8);
  fs_given[1] = malloc(8);
  pthread_t th[2];
  double t = now();
  for (int i = 0; i < 2; i++)
    pthread_create(&th[i], NULL, scratch, (void *)(uintptr_t)i);
  for (int i = 0; i < 2; i++)
    pthread_join(th[i], NULL);
  return (now() - t) / (fs_iters * 1000);
}

/* ---- burst then idle ---- */
/* Read with read(2), not stdio: the idle run must not call the allocator. */
static long rss_mb(void) {
  char buf[128];
  int fd = open("/proc/self/statm", O_RDONLY);
  ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf - 1) : -1;
  if (fd >= 0)
    close(fd);
  if (n <= 0)
    return 0;
  buf[n] = 0;
  char *p = strchr(buf, ' ');
  return p ? strtol(p + 1, NULL, 10) * sysconf(_SC_PAGESIZE) >> 20 : 0;
}

/* Burst and free, then RSS after 1, 5 and 10 s of light traffic or of no
 * allocator call at all (idle: printed at the end, since printf may
 * allocate). */
static void rss(int idle) {
  enum { N = 3000000 };
  void **p = malloc(N * sizeof *p);
  uint64_t s = 88172645463325252ull;
  for (long i = 0; i < N; i++) {
    size_t sz = 16 + rng(&s) % 497;
    p[i] = malloc(sz);
    memset(p[i], 1, sz);
  }
  long peak = rss_mb();
  for (long i = 0; i < N; i++)
    free(p[i]);
  free(p);
  printf("rss peak %ld\n", peak);
  printf("rss freed %ld\n", rss_mb());
  fflush(stdout);
  static const int at[3] = {1, 5, 10};
  long mb[3];
  double t0 = now();
  for (int k = 0; k < 3;) {
    if (!idle)
      for (int j = 0; j < 2000; j++)
        free(opaque(malloc(16 + (size_t)j % 497)));
    usleep(1000);
    if (now() - t0 >= at[k])
      mb[k++] = rss_mb();
  }
  for (int k = 0; k < 3; k++)
    printf("rss %ds %ld\n", at[k], mb[k]);
}

/* fn(n) in a child process, so that it starts from a fresh heap. */
static double run_fresh(double (*fn)(long), long n) {
  int fd[2];
  double r = -1;
  if (pipe(fd))
    return r;
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    r = fn(n);
    if (write(fd[1], &r, sizeof r) != sizeof r)
      _exit(1);
    _exit(0);
  }
  close(fd[1]);
  if (pid < 0 || read(fd[0], &r, sizeof r) != sizeof r)
    r = -1;
  close(fd[0]);
  waitpid(pid, NULL, 0);
  return r;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  const char *m = argv[1];
  if (!strcmp(m, "hot")) {
    long n = argc > 2 ? atol(argv[2]) : 100000;
    pair64(n);
    return 0;
  }
  if (!strcmp(m, "hotcalloc") || !strcmp(m, "hotclasses") ||
      !strcmp(m, "hotrealloc")) {
    long n = argc > 2 ? atol(argv[2]) : 100000;
    if (!strcmp(m, "hotcalloc"))
      for (long i = 0; i < n; i++)
        free(opaque(calloc(1, 64)));
    else if (!strcmp(m, "hotclasses"))
      classes(n);
    else
      grow(n, 512, 0);
    return 0;
  }
  if (!strcmp(m, "footprint")) {
    footprint(argc > 2 ? atol(argv[2]) : 4);
    return 0;
  }
  if (!strcmp(m, "rss") || !strcmp(m, "idle")) {
    rss(!strcmp(m, "idle"));
    return 0;
  }
  double (*fn)(long) = NULL;
  long n = 10000000;
  int fresh = 0;
  if (!strcmp(m, "pair"))
    fn = pair;
  else if (!strcmp(m, "pair64"))
    fn = pair64;
  else if (!strcmp(m, "batch"))
    fn = batch;
  else if (!strcmp(m, "ring"))
    fn = ring, n = 3000000;
  else if (!strcmp(m, "sweep"))
    fn = sweep, sweep_k = argc > 2 ? atoi(argv[2]) : 8;
  else if (!strcmp(m, "realloc16"))
    fn = realloc16, n = 2000000;
  else if (!strcmp(m, "realloc2x"))
    fn = realloc2x, n = 200000;
  else if (!strcmp(m, "calloc"))
    fn = calloc_batch;
  else if (!strcmp(m, "callocfresh"))
    fn = calloc_fresh, n = 65536, fresh = 1;
  else if (!strcmp(m, "classes"))
    fn = classes, classes_k = argc > 2 ? atoi(argv[2]) : 4;
  if (classes_k < 1 || classes_k > 32)
    return 2;
  else if (!strcmp(m, "larson"))
    fn = larson, n = 4000000;
  else if (!strcmp(m, "prodcons"))
    fn = prodcons, n = 4000000;
  else if (!strcmp(m, "falseshare"))
    fn = falseshare, n = 100000000;
  if (!fn)
    return 2;
  double best = 0;
  for (int i = 0; i < 5; i++) {
    double r = (fresh ? run_fresh(fn, n) : fn(n)) * 1e9;
    if (i == 0 || r < best)
      best = r;
  }
  printf("%s %.2f\n", m, best);
  return 0;
}
