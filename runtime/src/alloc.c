/* malloc's slow path, top to bottom: the thread's cache (made on the
 * thread's first call, init.c), then for a small object the current span
 * of its class, refilled when it has no free object (cache.c), with the
 * background work riding on refills. */
#include "internal.h"

#include <errno.h>
#include <string.h>

/* Background work rides on refills: every 64th of them, settle parked
 * caches and give the scavenger a chance. */
static void tick(escrt_tcache *tc) {
  if ((tc->tick -= ESCRT_TICK_STEP) > 0)
    return;
  tc->tick = ESCRT_TICK_RESET;
  escrt_pool_sweep(false);
  escrt_heap_scavenge(false);
}

static void *cache_alloc(escrt_tcache *tc, unsigned cls, size_t size,
                         bool zero) {
  if (atomic_load_explicit(&tc->pending, memory_order_relaxed))
    escrt_tcache_process_pending(tc);
  escrt_span *s = tc->cur[cls];
  if (!s->free) {
    /* What other threads' full stacks gave up comes first: a producer
     * whose objects a consumer frees gets them back without either
     * touching them, and its spans need no refill. */
    if (!escrt_opt.debug && escrt_bin_take_transfer(tc, cls)) {
      escrt_bin *bin = &tc->bins[cls];
      void *p = *--bin->top;
      bin->nmalloc++;
      if (zero)
        memset(p, 0, size);
      return p;
    }
    tick(tc);
    if (!(s = escrt_tcache_refill(tc, cls))) {
      errno = ENOMEM;
      return NULL;
    }
  }
  escrt_block *b = s->free;
  s->free = escrt_decode(b);
  s->used++;
  tc->nmalloc[cls]++;
  if (escrt_opt.debug && !escrt_debug_flip(s, b, true))
    escrt_report("malloc", "heap corruption: handing out live object", b, s);
  if (zero) {
    if (s->free_zero)
      b->next = 0;
    else
      memset(b, 0, size);
  }
  return b;
}

/* zero: for calloc (bootstrap memory is static and never reused: zero). */
void *escrt_malloc_slow(size_t size, unsigned cls, bool zero) {
  escrt_tcache *tc = escrt_tcache_current();
  if (!tc)
    return escrt_bootstrap_alloc(size);
  if (cls == 0)
    return escrt_large_alloc(size, 1, zero);
  void *p = cache_alloc(tc, cls, size, zero);
  /* The refill and the background work may have emptied spans. */
  escrt_background_poll(false);
  return p;
}
