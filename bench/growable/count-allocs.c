/* An LD_PRELOAD library that counts a program's calls to malloc, calloc,
 * realloc and free and prints the totals when it exits, one line:
 *   alloc-counts: malloc N calloc N realloc N free N
 * to the file named by ALLOC_COUNTS_FILE (appended), else to stderr. Each
 * call goes on to the next definition (the C library's), found with
 * dlsym(RTLD_NEXT). bench/growable/run.sh builds it:
 *   clang -std=c11 -O2 -shared -fPIC count-allocs.c -o count-allocs.so -ldl
 * A program that defines malloc itself (libescrt linked statically) calls
 * its own and shows nothing here. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void *(*next_malloc)(size_t);
static void *(*next_calloc)(size_t, size_t);
static void *(*next_realloc)(void *, size_t);
static void (*next_free)(void *);

/* Relaxed atomics: exact totals should a program have threads, for little
 * cost (the counted runs are not the timed ones). */
static atomic_ulong malloc_calls, calloc_calls, realloc_calls, free_calls;

/* dlsym may itself call calloc before next_calloc is known: those few
 * requests are served from here, never handed to the C library's free, and
 * not counted (the program did not make them). */
static _Alignas(max_align_t) char bootstrap[4096];
static size_t bootstrap_used;

static int from_bootstrap(const void *p) {
  return (const char *)p >= bootstrap &&
         (const char *)p < bootstrap + sizeof bootstrap;
}

static void *bootstrap_alloc(size_t size) {
  size_t rounded = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) *
                   sizeof(max_align_t);
  if (rounded > sizeof bootstrap - bootstrap_used)
    return NULL;
  void *p = bootstrap + bootstrap_used; /* static storage: already zero */
  bootstrap_used += rounded;
  return p;
}

static int resolving;

static void resolve(void) {
  if (next_free || resolving)
    return;
  resolving = 1;
  next_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
  next_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
  next_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
  next_free = (void (*)(void *))dlsym(RTLD_NEXT, "free");
  resolving = 0;
  if (!next_malloc || !next_calloc || !next_realloc || !next_free) {
    static const char message[] =
        "count-allocs: the C library's allocator was not found\n";
    (void)!write(2, message, sizeof message - 1);
    _exit(127);
  }
}

/* A call of the program's: counted, and the C library found first. */
static void count_call(atomic_ulong *calls) {
  if (resolving)
    return;
  atomic_fetch_add_explicit(calls, 1, memory_order_relaxed);
  resolve();
}

void *malloc(size_t size) {
  count_call(&malloc_calls);
  return next_malloc ? next_malloc(size) : bootstrap_alloc(size);
}

void *calloc(size_t count, size_t size) {
  count_call(&calloc_calls);
  if (!next_calloc)
    return size && count > (size_t)-1 / size ? NULL
                                             : bootstrap_alloc(count * size);
  return next_calloc(count, size);
}

void *realloc(void *p, size_t size) {
  count_call(&realloc_calls);
  if (from_bootstrap(p)) { /* rare: move it to the C library's heap */
    void *moved = malloc(size);
    if (moved)
      for (size_t i = 0; i < size && from_bootstrap((char *)p + i); i++)
        ((char *)moved)[i] = ((char *)p)[i];
    return moved;
  }
  return next_realloc(p, size);
}

void free(void *p) {
  count_call(&free_calls);
  if (!from_bootstrap(p))
    next_free(p);
}

/* After the program's own exit handlers; snprintf and write, no stdio
 * stream, so that printing allocates nothing. */
__attribute__((destructor)) static void print_counts(void) {
  char line[160];
  int n = snprintf(line, sizeof line,
                   "alloc-counts: malloc %lu calloc %lu realloc %lu free %lu\n",
                   atomic_load(&malloc_calls), atomic_load(&calloc_calls),
                   atomic_load(&realloc_calls), atomic_load(&free_calls));
  const char *file = getenv("ALLOC_COUNTS_FILE");
  int fd = file ? open(file, O_WRONLY | O_CREAT | O_APPEND, 0644) : 2;
  if (fd < 0)
    fd = 2;
  (void)!write(fd, line, (size_t)n);
  if (fd != 2)
    close(fd);
}
