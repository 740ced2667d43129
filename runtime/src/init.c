/* Start-up, thread exit and fork.
 *
 * Start-up is lazy (the first malloc), because under LD_PRELOAD malloc runs
 * before any constructor. While it runs, the functions it calls may call
 * malloc again (pthread_key_create, pthread_setspecific); those get
 * memory from the bootstrap area (bootstrap.c). libescrt itself never calls
 * dlsym: it does not wrap another malloc, so there is no "dlsym calls
 * calloc" loop to break.
 *
 * A thread gets its cache here, on its first slow path, and this file
 * provides the hooks that run at the thread's exit and around fork (the
 * fork hooks are registered by lock.c, once the process has threads). They
 * call every layer below (the exit hook flushes the free stacks, bin.c,
 * before thread.c parks the cache), so this file sits above them, and the
 * slow paths that need a thread's cache sit above it. */
#include "internal.h"

#include <sched.h>

enum { INIT_NONE, INIT_RUNNING, INIT_DONE };
static atomic_int init_state;
static ESCRT_TLS bool initialising;
static pthread_key_t thread_key;

/* The key's destructor, once the thread is gone: the stacks pin their
 * spans, so they go back before the cache is abandoned. The spans may
 * reach the page heap, and an exiting worker may be the process's last
 * call, so this is a slow path that answers a call for the background
 * thread. */
static void thread_exit(void *tc) {
  escrt_tcache_flush(tc);
  escrt_thread_abandon(tc);
  escrt_background_poll(false);
}

/* fork: the child must not inherit a lock held by a thread that is gone. */
static void before_fork(void) {
  escrt_pool_lock();
  escrt_central_lock_all();
  escrt_heap_lock_all();
  escrt_background_lock();
}

static void after_fork_parent(void) {
  escrt_background_unlock();
  escrt_heap_unlock_all();
  escrt_central_unlock_all();
  escrt_pool_unlock();
}

/* The child has only the forking thread: no other thread's cache, and no
 * background thread. */
static void after_fork_child(void) {
  escrt_pool_after_fork_child(escrt_thread_real);
  escrt_heap_after_fork_child();
  escrt_background_after_fork_child();
  escrt_central_unlock_all();
  escrt_pool_unlock();
}

/* False when called from inside start-up itself (use the bootstrap area). */
static bool ensure_init(void) {
  int st = atomic_load_explicit(&init_state, memory_order_acquire);
  if (ESCRT_LIKELY(st == INIT_DONE))
    return true;
  if (initialising)
    return false;
  int expected = INIT_NONE;
  if (atomic_compare_exchange_strong(&init_state, &expected, INIT_RUNNING)) {
    initialising = true;
    escrt_os_init();
    escrt_key = escrt_os_random();
    escrt_options_init();
    escrt_sizeclass_init();
    pthread_key_create(&thread_key, thread_exit);
    static const escrt_fork_hooks fork_hooks = {before_fork, after_fork_parent,
                                                after_fork_child};
    escrt_fork_hooks_set(&fork_hooks);
    initialising = false;
    atomic_store_explicit(&init_state, INIT_DONE, memory_order_release);
    return true;
  }
  while (atomic_load_explicit(&init_state, memory_order_acquire) != INIT_DONE)
    sched_yield();
  return true;
}

/* The calling thread's cache, made (after the process's start-up) on the
 * thread's first call; NULL during start-up or when out of memory. */
escrt_tcache *escrt_tcache_current(void) {
  escrt_tcache *tc = escrt_thread_real;
  if (ESCRT_LIKELY(tc))
    return tc;
  if (!ensure_init())
    return NULL; /* our own start-up is calling malloc: bootstrap */
  if ((tc = escrt_thread_attach()))
    /* may malloc: the cache is already in place */
    pthread_setspecific(thread_key, tc);
  return tc;
}

__attribute__((destructor)) static void at_exit(void) {
  if (escrt_opt.stats)
    escrt_stats_print(2);
}
