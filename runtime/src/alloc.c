/* malloc's slow path, top to bottom: the thread's cache (made on the
 * thread's first call, init.c), then for a small object the current span
 * of its class, refilled when it has no free object (cache.c), with the
 * background work riding on refills. */
#include "internal.h"

#include <errno.h>

/* Background work rides on refills: every 64th of them, settle parked
 * caches and give the scavenger a chance. */
static void tick(escrt_tcache *tc) {
  if ((tc->tick -= ESCRT_TICK_STEP) > 0)
    return;
  tc->tick = ESCRT_TICK_RESET;
  escrt_pool_sweep(false);
  escrt_heap_scavenge(false);
}

static void *cache_alloc(escrt_tcache *tc, unsigned cls) {
  if (atomic_load_explicit(&tc->pending, memory_order_relaxed))
    escrt_tcache_process_pending(tc);
  escrt_span *s = tc->cur[cls];
  if (!s->free) {
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
  return b;
}

void *escrt_malloc_slow(size_t size, unsigned cls) {
  escrt_tcache *tc = escrt_tcache_current();
  if (!tc)
    return escrt_bootstrap_alloc(size);
  if (cls == 0)
    return escrt_large_alloc(size, 1, false);
  void *p = cache_alloc(tc, cls);
  /* The refill and the background work may have emptied spans. */
  escrt_background_poll(false);
  return p;
}
