/* Start-up, thread exit and fork.
 *
 * Start-up is lazy (the first malloc), because under LD_PRELOAD malloc runs
 * before any constructor. While it runs, the functions it calls may call
 * malloc again (pthread_atfork registration, pthread_setspecific); those get
 * memory from a small static bootstrap area that free() recognises and
 * ignores. libescrt itself never calls dlsym: it does not wrap another
 * malloc, so there is no "dlsym calls calloc" loop to break. */
#include "internal.h"

#include <sched.h>

ESCRT_HIDDEN uintptr_t escrt_key;

enum { INIT_NONE, INIT_RUNNING, INIT_DONE };
static atomic_int init_state;
static ESCRT_TLS bool initialising;
static pthread_key_t thread_key;

/* ---- bootstrap area ---- */

enum { BOOT_BYTES = 64 << 10, BOOT_HEADER = 16 };
static _Alignas(16) char boot_area[BOOT_BYTES];
static _Atomic size_t boot_used;

/* Each block is preceded by its size; the area is never reused, so its
 * memory is zero (calloc needs nothing more). */
void *escrt_bootstrap_alloc(size_t size) {
  if (size > BOOT_BYTES)
    return NULL;
  size_t need = BOOT_HEADER + ((size + 15) & ~(size_t)15);
  size_t off = atomic_fetch_add(&boot_used, need);
  if (off + need > BOOT_BYTES)
    return NULL;
  *(size_t *)(boot_area + off) = size;
  return boot_area + off + BOOT_HEADER;
}

bool escrt_is_bootstrap(const void *p) {
  return (const char *)p >= boot_area && (const char *)p < boot_area + BOOT_BYTES;
}

size_t escrt_bootstrap_size(const void *p) {
  return *(const size_t *)((const char *)p - BOOT_HEADER);
}

/* ---- threads and fork ---- */

static void thread_exit(void *tc) { escrt_tcache_abandon(tc); }

/* Registers the destructor that parks the cache when the thread exits. */
void escrt_thread_register(escrt_tcache *tc) {
  pthread_setspecific(thread_key, tc);
}

static void before_fork(void) {
  escrt_central_lock_all();
  escrt_heap_lock_all();
}

static void after_fork_parent(void) {
  escrt_heap_unlock_all();
  escrt_central_unlock_all();
}

static void after_fork_child(void) {
  escrt_central_after_fork_child(escrt_thread_real);
  escrt_heap_unlock_all();
  escrt_central_unlock_all();
}

/* False when called from inside start-up itself (use the bootstrap area). */
bool escrt_ensure_init(void) {
  int st = atomic_load_explicit(&init_state, memory_order_acquire);
  if (ESCRT_LIKELY(st == INIT_DONE))
    return true;
  if (initialising)
    return false;
  int expected = INIT_NONE;
  if (atomic_compare_exchange_strong(&init_state, &expected, INIT_RUNNING)) {
    initialising = true;
    escrt_key = escrt_os_random();
    escrt_options_init();
    escrt_sizeclass_init();
    pthread_key_create(&thread_key, thread_exit);
    pthread_atfork(before_fork, after_fork_parent, after_fork_child);
    initialising = false;
    atomic_store_explicit(&init_state, INIT_DONE, memory_order_release);
    return true;
  }
  while (atomic_load_explicit(&init_state, memory_order_acquire) != INIT_DONE)
    sched_yield();
  return true;
}

__attribute__((destructor)) static void at_exit(void) {
  if (escrt_opt.stats)
    escrt_stats_print(2);
}
