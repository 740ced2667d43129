/* Shared state above the page heap (Go's mcentral and the list of caches):
 *  - per class, under its own lock, the empty spans no thread owns. One is
 *    kept per class and never goes back to the page heap, so a program that
 *    cycles through many classes never rebuilds spans (mimalloc's K >= 12
 *    pathology); the rest return to the page heap, where the scavenger ages
 *    them out;
 *  - the pool of parked caches: a thread that exits leaves its cache, with
 *    the spans still holding live objects, for the next new thread to adopt
 *    (other threads keep freeing into them meanwhile);
 *  - the registry of every cache, for statistics and fork. */
#include "internal.h"

typedef struct central_class {
  pthread_mutex_t lock;
  escrt_span *empty;
  uint32_t nempty;
} __attribute__((aligned(64))) central_class;

/* GNU range initialiser: the locks must work before any constructor ran. */
static central_class central[ESCRT_NUM_CLASSES] = {
    [0 ... ESCRT_NUM_CLASSES - 1] = {.lock = PTHREAD_MUTEX_INITIALIZER}};
static pthread_mutex_t pool_lock = PTHREAD_MUTEX_INITIALIZER;
static escrt_tcache *parked;
static _Atomic(escrt_tcache *) registry;

enum { CENTRAL_KEEP = 1 };

escrt_span *escrt_central_take(unsigned cls) {
  central_class *c = &central[cls];
  pthread_mutex_lock(&c->lock);
  escrt_span *s = c->empty;
  if (s) {
    c->empty = s->next;
    c->nempty--;
  }
  pthread_mutex_unlock(&c->lock);
  if (s)
    s->next = NULL;
  return s;
}

/* `s` is empty and no longer owned. */
void escrt_central_give(escrt_span *s) {
  central_class *c = &central[s->cls];
  escrt_region_describe(s, 0); /* free() of its objects: a double free */
  s->owner = NULL;
  s->where = ESCRT_IN_CENTRAL;
  pthread_mutex_lock(&c->lock);
  if (c->nempty < CENTRAL_KEEP) {
    s->next = c->empty;
    c->empty = s;
    c->nempty++;
    pthread_mutex_unlock(&c->lock);
    return;
  }
  pthread_mutex_unlock(&c->lock);
  escrt_heap_free(s);
}

escrt_tcache *escrt_pool_adopt(void) {
  pthread_mutex_lock(&pool_lock);
  escrt_tcache *tc = parked;
  if (tc) {
    parked = tc->next_parked;
    tc->parked = false;
  }
  pthread_mutex_unlock(&pool_lock);
  return tc;
}

void escrt_pool_park(escrt_tcache *tc) {
  pthread_mutex_lock(&pool_lock);
  tc->parked = true;
  tc->next_parked = parked;
  parked = tc;
  pthread_mutex_unlock(&pool_lock);
}

bool escrt_pool_trylock(void) { return !pthread_mutex_trylock(&pool_lock); }

void escrt_pool_unlock(void) { pthread_mutex_unlock(&pool_lock); }

/* Frees into parked caches are queued on them; settle those now and then so
 * spans emptied by other threads go back even if no thread adopts them.
 * Slow paths only try (another thread is sweeping or parking); an exiting
 * thread waits, so that what it freed into parked caches is settled before
 * it is gone. */
void escrt_pool_sweep(bool wait) {
  if (wait)
    pthread_mutex_lock(&pool_lock);
  else if (pthread_mutex_trylock(&pool_lock))
    return;
  for (escrt_tcache *tc = parked; tc; tc = tc->next_parked)
    escrt_tcache_process_pending(tc);
  pthread_mutex_unlock(&pool_lock);
}

void escrt_registry_add(escrt_tcache *tc) {
  pthread_mutex_lock(&pool_lock);
  tc->next_all = atomic_load_explicit(&registry, memory_order_relaxed);
  atomic_store_explicit(&registry, tc, memory_order_release);
  pthread_mutex_unlock(&pool_lock);
}

escrt_tcache *escrt_registry_first(void) {
  return atomic_load_explicit(&registry, memory_order_acquire);
}

void escrt_central_lock_all(void) {
  pthread_mutex_lock(&pool_lock);
  for (unsigned c = 0; c < ESCRT_NUM_CLASSES; c++)
    pthread_mutex_lock(&central[c].lock);
}

void escrt_central_unlock_all(void) {
  for (unsigned c = ESCRT_NUM_CLASSES; c-- > 0;)
    pthread_mutex_unlock(&central[c].lock);
  pthread_mutex_unlock(&pool_lock);
}

/* In the child of fork only the forking thread exists: the caches of the
 * others are parked, so their spans are adopted or swept like any exited
 * thread's. Their free stacks are dropped, not flushed: those threads may
 * have been inside malloc or free, so a stack can be half-updated (an
 * object both popped and still listed), and handing such an object out
 * again would be worse than leaking it. Called with every lock taken by
 * escrt_central_lock_all. */
void escrt_central_after_fork_child(escrt_tcache *mine) {
  for (escrt_tcache *tc = escrt_registry_first(); tc; tc = tc->next_all)
    if (tc != mine && !tc->parked) {
      escrt_tcache_drop_stacks(tc);
      tc->parked = true;
      tc->next_parked = parked;
      parked = tc;
    }
}
