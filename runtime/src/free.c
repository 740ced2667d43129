/* free's slow path: every free the fast path does not finish, and the
 * usable size of any pointer (the same classification of addresses). */
#include "internal.h"

/* Counts frees by threads without a cache (and with the cache gone). */
static escrt_tcache orphan_counts = {
    .bins = {[0 ... ESCRT_NUM_CLASSES - 1] = {.beat = ESCRT_LIFO_BEAT}}};
static atomic_bool orphan_registered;

static void count_orphan_free(unsigned cls) {
  if (!atomic_exchange(&orphan_registered, true))
    escrt_registry_add(&orphan_counts);
  __atomic_fetch_add(&orphan_counts.nfree[cls], 1, __ATOMIC_RELAXED);
}

static void free_object(void *p) {
  if (!p)
    return;
  escrt_span *s = escrt_span_of(p);
  if (!s) {
    if (escrt_is_bootstrap(p))
      return;
    if (escrt_arena_of((uintptr_t)p) && !escrt_arena_of((uintptr_t)p)->huge)
      escrt_report("free", "double free or invalid pointer: no object at", p,
                   NULL);
    escrt_message("escrt: free(): pointer %p was not allocated by escrt; "
                  "ignored",
                  p);
    return;
  }
  if (s->cls == 0) {
    escrt_large_free(p, s);
    return;
  }
  if (!escrt_span_is_slot(s, (uintptr_t)p))
    escrt_report("free", "invalid pointer (not the start of an object)", p, s);
  if (!s->owner || s->where == ESCRT_IN_SPARE) /* nothing is out */
    escrt_report("free", "double free of", p, s);
  /* A thread that only frees (a consumer) gets a cache too, as it would
   * from malloc: its frees then leave in batches, one CAS per run of
   * objects of a span instead of one per object. */
  escrt_tcache *tc = escrt_tcache_current();
  if (tc && tc == escrt_fast_cache()) {
    escrt_bin_push_slow(tc, s->cls, p);
    return;
  }
  if (escrt_opt.debug && !escrt_debug_flip(s, p, false))
    escrt_report("free", "double free of", p, s);
  if (s->owner == tc || (tc && s->owner->parked && escrt_pool_reclaim(tc, s))) {
    escrt_tcache_free(tc, s, p);
    tc->nfree[s->cls]++;
    return;
  }
  escrt_remote_push(s, p, p);
  if (tc)
    tc->nfree[s->cls]++;
  else
    count_orphan_free(s->cls);
}

/* Every free the fast path does not finish: NULL, pointers outside the
 * region's small spans (foreign, bootstrap, large, in an arena outside the
 * region), misuse, a full stack, a thread's first free before it has a
 * cache, and every free under ESCRT_DEBUG (straight to the span) or during
 * start-up (no cache can be made yet). Spans it empties and large objects
 * may reach the page heap, and the free may be the program's last call
 * before it goes idle: so it answers a call for the background thread. */
void escrt_free_slow(void *p) {
  free_object(p);
  escrt_background_poll(true);
}

size_t escrt_usable(const void *p) {
  escrt_span *s = escrt_span_of(p);
  if (!s)
    return escrt_is_bootstrap(p) ? escrt_bootstrap_size(p) : 0;
  if (s->cls)
    return escrt_span_is_slot(s, (uintptr_t)p) ? s->elem_size : 0;
  return (uintptr_t)p == s->start ? s->npages << ESCRT_PAGE_SHIFT : 0;
}
