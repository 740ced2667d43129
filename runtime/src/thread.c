/* Threads and their caches:
 *  - a thread's first slow path gets it a cache, escrt_thread_attach: the
 *    thread-locals below point at it;
 *  - the pool of parked caches: a thread that exits leaves its cache, with
 *    the spans still holding live objects, for the next new thread to adopt
 *    (other threads keep freeing into them meanwhile, and take them over:
 *    escrt_pool_reclaim);
 *  - the registry of every cache, for statistics and fork.
 * The exit itself starts in init.c, whose thread-exit hook first flushes
 * the thread's free stacks (bin.c, which reclaims through this file) and
 * then calls escrt_thread_abandon. */
#include "internal.h"

/* The fast paths' view (the bins of escrt_fast_cache): escrt_tcache_empty
 * until the thread has a cache, and for good under ESCRT_DEBUG, so both
 * fast paths fall through to the slow paths. */
ESCRT_TLS escrt_bin *escrt_thread_bins = escrt_tcache_empty.bins;
ESCRT_HIDDEN ESCRT_TLS escrt_tcache *escrt_thread_real;

/* Static initialisers: the first malloc may come before any constructor. */
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static escrt_tcache *parked;
static _Atomic(escrt_tcache *) registry;

static escrt_tcache *pool_adopt(void) {
  escrt_lock(&pool_lock);
  escrt_tcache *tc = parked;
  if (tc) {
    parked = tc->next_parked;
    tc->parked = false;
  }
  pthread_mutex_unlock(&pool_lock);
  return tc;
}

static void pool_park(escrt_tcache *tc) {
  escrt_lock(&pool_lock);
  tc->parked = true;
  tc->next_parked = parked;
  parked = tc;
  pthread_mutex_unlock(&pool_lock);
}

void escrt_registry_add(escrt_tcache *tc) {
  escrt_lock(&pool_lock);
  tc->next_all = atomic_load_explicit(&registry, memory_order_relaxed);
  atomic_store_explicit(&registry, tc, memory_order_release);
  pthread_mutex_unlock(&pool_lock);
}

escrt_tcache *escrt_registry_first(void) {
  return atomic_load_explicit(&registry, memory_order_acquire);
}

/* The calling thread gets a cache: a parked one, else a new one. NULL when
 * out of memory. */
escrt_tcache *escrt_thread_attach(void) {
  escrt_tcache *tc = pool_adopt();
  if (!tc) {
    if (!(tc = escrt_tcache_new()))
      return NULL;
    escrt_registry_add(tc);
  }
  tc->tick = ESCRT_TICK_RESET;
  escrt_thread_real = tc;
  if (!escrt_opt.debug)
    escrt_thread_bins = tc->bins;
  return tc;
}

/* Frees into parked caches are queued on them; settle those now and then so
 * spans emptied by other threads go back even if no thread adopts them.
 * Slow paths only try (another thread is sweeping or parking); an exiting
 * thread waits, so that what it freed into parked caches is settled before
 * it is gone. */
void escrt_pool_sweep(bool wait) {
  if (wait)
    escrt_lock(&pool_lock);
  else if (!escrt_trylock(&pool_lock))
    return;
  for (escrt_tcache *tc = parked; tc; tc = tc->next_parked)
    escrt_tcache_process_pending(tc);
  pthread_mutex_unlock(&pool_lock);
}

/* Takes span s over from the parked cache of an exited thread (mimalloc
 * reclaims abandoned pages the same way), so this free and the next ones
 * into s are local. Holding the pending flag keeps remote freers from
 * queueing s on the old owner meanwhile; settling then takes whatever they
 * pushed. */
bool escrt_pool_reclaim(escrt_tcache *tc, escrt_span *s) {
  if (!escrt_trylock(&pool_lock))
    return false;
  escrt_tcache *old = s->owner;
  /* Only partial and full spans: a cache parked by fork keeps its current
   * spans, which its adopter will allocate from. */
  bool ok = old->parked &&
            (s->where == ESCRT_IN_PARTIAL || s->where == ESCRT_IN_FULL) &&
            !atomic_exchange_explicit(&s->pending, 1, memory_order_acq_rel);
  if (ok) {
    if (s->where == ESCRT_IN_PARTIAL) {
      escrt_list_remove(&old->partial[s->cls], s);
      escrt_list_push(&tc->partial[s->cls], s, ESCRT_IN_PARTIAL);
      atomic_store_explicit(&s->notify_owner, false, memory_order_relaxed);
    }
    s->owner = tc;
    atomic_store_explicit(&s->pending, 0, memory_order_release);
  }
  pthread_mutex_unlock(&pool_lock);
  if (ok)
    escrt_tcache_settle(tc, s);
  return ok;
}

/* The calling thread is gone, its stacks flushed: its cache gives up what
 * it can and is parked with the rest. */
void escrt_thread_abandon(escrt_tcache *tc) {
  escrt_tcache_abandon(tc);
  escrt_thread_bins = escrt_tcache_empty.bins;
  escrt_thread_real = NULL;
  pool_park(tc);
  escrt_pool_sweep(true);
}

/* fork: the pool's lock comes first, before the central and heap locks. */
void escrt_pool_lock(void) { escrt_lock(&pool_lock); }

void escrt_pool_unlock(void) { pthread_mutex_unlock(&pool_lock); }

/* In the child of fork only the forking thread exists: the caches of the
 * others are parked, so their spans are adopted or swept like any exited
 * thread's. Their free stacks are dropped, not flushed: those threads may
 * have been inside malloc or free, so a stack can be half-updated (an
 * object both popped and still listed), and handing such an object out
 * again would be worse than leaking it. Called with every allocator lock
 * held (see init.c). */
void escrt_pool_after_fork_child(escrt_tcache *mine) {
  for (escrt_tcache *tc = escrt_registry_first(); tc; tc = tc->next_all)
    if (tc != mine && !tc->parked) {
      escrt_tcache_drop_stacks(tc);
      tc->parked = true;
      tc->next_parked = parked;
      parked = tc;
    }
}
