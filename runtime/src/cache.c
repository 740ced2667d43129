/* The per-thread cache (Go's mcache) and every slow path of malloc and free.
 *
 * A thread owns the spans it allocates from until they are empty again: its
 * current span per class, a list of partial spans (they may have free
 * objects) and a list of full ones. Owned spans take the owner's frees
 * without atomics. Another thread's free goes to the span's atomic
 * thread_free list; for a full span (or one of an exited thread), the first
 * such free after the owner last looked also puts the span on the owner's
 * `pending` stack, so it is found without scanning; the owner collects the
 * other spans' remote frees when it refills from them. An empty span is kept as the
 * class's spare, else handed to the central list (central.c). */
#include "internal.h"

#include <errno.h>
#include <string.h>

ESCRT_HIDDEN escrt_span escrt_span_empty;
/* The one slot of every stack of escrt_tcache_empty: it is empty and full. */
static void *no_slot[1];
ESCRT_HIDDEN escrt_tcache escrt_tcache_empty = {
    .bins = {[0 ... ESCRT_NUM_CLASSES - 1] = {.top = no_slot,
                                              .empty = no_slot,
                                              .full = no_slot}},
    .cur = {[0 ... ESCRT_NUM_CLASSES - 1] = &escrt_span_empty}};
/* The fast paths' view (the bins of escrt_fast_cache): escrt_tcache_empty
 * until the thread has a cache, and for good under ESCRT_DEBUG, so both
 * fast paths fall through to here. */
ESCRT_TLS escrt_bin *escrt_thread_bins = escrt_tcache_empty.bins;
ESCRT_HIDDEN ESCRT_TLS escrt_tcache *escrt_thread_real;
/* Counts frees by threads without a cache (and with the cache gone). */
static escrt_tcache orphan_counts = {
    .bins = {[0 ... ESCRT_NUM_CLASSES - 1] = {.beat = ESCRT_LIFO_BEAT}}};
static atomic_bool orphan_registered;

enum { TICK_RESET = 64 * ESCRT_TICK_STEP, SPARE_BYTES = 1 << 20 };

/* ---- misuse ---- */

void escrt_report(const char *fn, const char *what, const void *p,
                  escrt_span *s) {
  if (s && s->cls)
    escrt_fatal("escrt: %s(): %s %p in a span of %u-byte objects", fn, what,
                p, s->elem_size);
  escrt_fatal("escrt: %s(): %s %p", fn, what, p);
}

/* ---- debug bitmaps (ESCRT_DEBUG=1) ---- */

static void debug_reset(escrt_span *s) {
  size_t words = (s->nelems + 63) / 64;
  if (!s->live)
    s->live = escrt_meta_alloc(words * sizeof(uint64_t));
  if (!s->live)
    escrt_fatal("escrt: out of memory for ESCRT_DEBUG bitmaps");
  for (size_t i = 0; i < words; i++)
    atomic_store_explicit(&s->live[i], 0, memory_order_relaxed);
}

/* Flips the object's bit to `alloc`; false if it already had that value. */
static bool debug_flip(escrt_span *s, const void *p, bool alloc) {
  size_t i = ((uintptr_t)p - s->start) / s->elem_size;
  uint64_t m = 1ull << (i & 63);
  _Atomic(uint64_t) *w = &s->live[i >> 6];
  uint64_t old = alloc ? atomic_fetch_or(w, m) : atomic_fetch_and(w, ~m);
  return alloc ? !(old & m) : (old & m) != 0;
}

/* ---- the cache ---- */

/* A cache and its free stacks: one array of slots for all classes, each
 * stack with a NULL slot below its bottom (meta memory is zeroed). Class 0
 * (large objects) never reaches the stacks: it has no room. */
static escrt_tcache *cache_new(void) {
  size_t slots = 0;
  for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++)
    slots += 1 + escrt_lifo_max(c);
  escrt_tcache *tc = escrt_meta_alloc(sizeof *tc);
  void **at = escrt_meta_alloc(slots * sizeof(void *));
  if (!tc || !at)
    return NULL;
  tc->bins[0] = escrt_tcache_empty.bins[0];
  for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++) {
    escrt_bin *b = &tc->bins[c];
    at++; /* the NULL slot */
    b->top = b->empty = at;
    b->full = at += escrt_lifo_max(c);
    b->beat = ESCRT_LIFO_BEAT;
  }
  for (unsigned c = 0; c < ESCRT_NUM_CLASSES; c++)
    tc->cur[c] = &escrt_span_empty;
  return tc;
}

escrt_tcache *escrt_tcache_current(void) {
  escrt_tcache *tc = escrt_thread_real;
  if (ESCRT_LIKELY(tc))
    return tc;
  if (!escrt_ensure_init())
    return NULL; /* our own start-up is calling malloc: bootstrap */
  tc = escrt_pool_adopt();
  if (!tc) {
    if (!(tc = cache_new()))
      return NULL;
    escrt_registry_add(tc);
  }
  tc->tick = TICK_RESET;
  escrt_thread_real = tc;
  if (!escrt_opt.debug)
    escrt_thread_bins = tc->bins;
  escrt_thread_register(tc); /* may malloc: the cache is already in place */
  return tc;
}

/* Background work rides on refills: every 64th of them, settle parked
 * caches and give the scavenger a chance. */
static void tick(escrt_tcache *tc) {
  if ((tc->tick -= ESCRT_TICK_STEP) > 0)
    return;
  tc->tick = TICK_RESET;
  escrt_pool_sweep(false);
  escrt_heap_scavenge(false);
}

/* The owner sees span s empty. Unless it is the current span, keep it as a
 * spare of its class (always one; more while the cache's spares stay under
 * SPARE_BYTES, so a batch that needs a few spans per class does not cycle
 * them through the central lists) or hand it to the central list. A span
 * still on the pending stack stays put: the stack links through it. */
static void span_emptied(escrt_tcache *tc, escrt_span *s) {
  unsigned cls = s->cls;
  if (s->where == ESCRT_IN_CUR || atomic_load_explicit(&s->pending,
                                                memory_order_acquire))
    return;
  if (s->where == ESCRT_IN_PARTIAL)
    escrt_list_remove(&tc->partial[cls], s);
  s->used = 0;
  size_t bytes = s->npages << ESCRT_PAGE_SHIFT;
  if (!tc->spare[cls] || tc->spare_bytes + bytes <= SPARE_BYTES) {
    /* No object is out: free()'s fast path must not take one (a double
     * free); the slow path reports it. next_span describes it again. */
    escrt_region_describe(s, 0);
    s->next = tc->spare[cls];
    tc->spare[cls] = s;
    tc->spare_bytes += bytes;
    s->where = ESCRT_IN_SPARE;
  } else {
    escrt_central_give(s);
  }
}

static escrt_span *spare_pop(escrt_tcache *tc, unsigned cls) {
  escrt_span *s = tc->spare[cls];
  if (s) {
    tc->spare[cls] = s->next;
    tc->spare_bytes -= s->npages << ESCRT_PAGE_SHIFT;
    s->next = NULL;
    s->where = ESCRT_IN_NONE;
  }
  return s;
}

/* The owner's count of objects out is stored biased, so that the free
 * fast path (which only checks used >= 2) stays off every transition:
 *  - the current span stores count + 1: it may empty, it stays current;
 *  - a full span (in no list: nothing needs to find it until objects come
 *    back) stores how many more frees it takes to return to the partial
 *    list, plus one. It returns once `room` objects (a quarter) are free:
 *    with many long-lived objects (a ring), returning at the first free
 *    would cost a list move and a refill for every single free. The room is
 *    below nelems, so the fast path never empties a full span. */
static uint32_t full_room(const escrt_span *s) {
  uint32_t r = s->nelems / 4 ? s->nelems / 4 : 1;
  return r < s->nelems ? r : s->nelems - 1;
}

static uint32_t span_used(const escrt_span *s) {
  switch (s->where) {
  case ESCRT_IN_CUR:
    return s->used - 1;
  case ESCRT_IN_FULL:
    return s->used - 1 + s->nelems - full_room(s);
  default:
    return s->used;
  }
}

static void set_used(escrt_tcache *tc, escrt_span *s, uint32_t used) {
  if (s->where == ESCRT_IN_CUR) {
    s->used = used + 1;
    return;
  }
  if (s->where == ESCRT_IN_FULL) {
    uint32_t room = full_room(s);
    if (used + room >= s->nelems && used) {
      s->used = used + room - s->nelems + 1;
      return;
    }
    escrt_list_push(&tc->partial[s->cls], s, ESCRT_IN_PARTIAL);
    if (!tc->parked) /* the owner finds partial spans by itself */
      atomic_store_explicit(&s->notify_owner, false, memory_order_relaxed);
  }
  s->used = used;
  if (used == 0 && s->where != ESCRT_IN_SPARE)
    span_emptied(tc, s);
}

/* Every object of s is out: it becomes full (and stops being current). */
static void settle(escrt_tcache *tc, escrt_span *s);

/* From now on the first remote free into s (since the owner last collected)
 * queues s on the owner's pending stack. Only spans the owner would not
 * otherwise look at need this: full ones, and all of a parked cache's.
 * Dekker-style, the flag is set before thread_free is read, and remote
 * freers push before they read the flag (all seq_cst), so a free that did
 * not notify is seen here. */
static void watch(escrt_tcache *tc, escrt_span *s) {
  atomic_store(&s->notify_owner, true);
  if (atomic_load(&s->thread_free))
    settle(tc, s);
}

static void retire_full(escrt_tcache *tc, escrt_span *s) {
  s->where = ESCRT_IN_FULL;
  set_used(tc, s, s->nelems);
  watch(tc, s);
}

static void make_current(escrt_tcache *tc, escrt_span *s) {
  uint32_t used = span_used(s);
  s->where = ESCRT_IN_CUR;
  s->used = used + 1;
  tc->cur[s->cls] = s;
}

/* Takes other threads' frees into s. */
static void settle(escrt_tcache *tc, escrt_span *s) {
  uint32_t n = escrt_span_collect(s);
  uint32_t used = span_used(s);
  if (n > used)
    escrt_report("free", "double free detected in span at", (void *)s->start,
                 s);
  set_used(tc, s, used - n);
}

/* Puts s on its owner's pending stack, unless it is on one already. */
static void notify(escrt_span *s) {
  if (atomic_exchange_explicit(&s->pending, 1, memory_order_acq_rel))
    return;
  escrt_tcache *owner = s->owner;
  escrt_span *head = atomic_load_explicit(&owner->pending,
                                          memory_order_relaxed);
  do
    s->pending_next = head;
  while (!atomic_compare_exchange_weak_explicit(&owner->pending, &head, s,
                                                memory_order_release,
                                                memory_order_relaxed));
}

void escrt_tcache_process_pending(escrt_tcache *tc) {
  escrt_span *s =
      atomic_exchange_explicit(&tc->pending, NULL, memory_order_acquire);
  while (s) {
    escrt_span *next = s->pending_next;
    atomic_store_explicit(&s->pending, 0, memory_order_release);
    if (s->owner == tc)
      settle(tc, s);
    else if (s->owner && atomic_load(&s->thread_free))
      notify(s); /* s changed hands while queued here */
    s = next;
  }
}

/* Makes s->free non-empty from the span's other lists; false if none. */
static bool refill(escrt_span *s) {
  if (s->free)
    return true;
  if (!s->local_free) {
    uint32_t n = escrt_span_collect(s);
    if (n > span_used(s))
      escrt_report("free", "double free detected in span at",
                   (void *)s->start, s);
    s->used -= n;
  }
  s->free = s->local_free;
  s->local_free = NULL;
  return s->free != NULL;
}

static escrt_span *fresh_span(escrt_tcache *tc, unsigned cls) {
  escrt_span *s = escrt_central_take(cls);
  if (!s) {
    s = escrt_heap_alloc(escrt_class_npages[cls], 1);
    if (!s)
      return NULL;
  }
  escrt_span_init(s, cls);
  if (escrt_opt.debug)
    debug_reset(s);
  s->owner = tc;
  s->where = ESCRT_IN_NONE;
  return s;
}

/* The current span of cls is exhausted: retire it as full and find the
 * next one: a partial span, a spare, the central list, the page heap, in
 * that order. */
static escrt_span *next_span(escrt_tcache *tc, unsigned cls) {
  escrt_span *old = tc->cur[cls], *s;
  tc->cur[cls] = &escrt_span_empty;
  if (old != &escrt_span_empty)
    retire_full(tc, old);
  while ((s = tc->partial[cls])) {
    escrt_list_remove(&tc->partial[cls], s);
    if (refill(s))
      goto found;
    retire_full(tc, s);
  }
  if ((s = spare_pop(tc, cls))) {
    escrt_region_describe(s, cls);
    refill(s); /* empty, so every object is on its lists */
    goto found;
  }
  if (!(s = fresh_span(tc, cls)))
    return NULL;
found:
  make_current(tc, s);
  return s;
}

static void *cache_alloc(escrt_tcache *tc, unsigned cls) {
  if (atomic_load_explicit(&tc->pending, memory_order_relaxed))
    escrt_tcache_process_pending(tc);
  escrt_span *s = tc->cur[cls];
  if (!s->free) {
    tick(tc);
    if (s == &escrt_span_empty || !refill(s)) {
      if (!(s = next_span(tc, cls))) {
        errno = ENOMEM;
        return NULL;
      }
    }
  }
  escrt_block *b = s->free;
  s->free = escrt_decode(b);
  s->used++;
  tc->nmalloc[cls]++;
  if (escrt_opt.debug && !debug_flip(s, b, true))
    escrt_report("malloc", "heap corruption: handing out live object", b, s);
  return b;
}

void *escrt_malloc_slow(size_t size, unsigned cls) {
  escrt_tcache *tc = escrt_tcache_current();
  if (!tc)
    return escrt_bootstrap_alloc(size);
  if (cls == 0)
    return escrt_large_alloc(size, 1, false);
  return cache_alloc(tc, cls);
}

/* ---- large objects: page runs from the page heap ---- */

void *escrt_large_alloc(size_t size, size_t align, bool zero) {
  if (!escrt_tcache_current())
    return escrt_bootstrap_alloc(size);
  if (size > PTRDIFF_MAX) {
    errno = ENOMEM;
    return NULL;
  }
  size_t align_pages = (align + ESCRT_PAGE_SIZE - 1) >> ESCRT_PAGE_SHIFT;
  escrt_span *s = escrt_heap_alloc(escrt_pages_for(size ? size : 1),
                                   align_pages ? align_pages : 1);
  if (!s) {
    errno = ENOMEM;
    return NULL;
  }
  s->cls = 0;
  s->owner = NULL;
  s->large_live = 1;
  if (zero && s->needzero)
    memset((void *)s->start, 0, size);
  escrt_heap_count_large(s->npages << ESCRT_PAGE_SHIFT, true);
  escrt_heap_scavenge(false);
  return (void *)s->start;
}

static void large_free(void *p, escrt_span *s) {
  if ((uintptr_t)p != s->start)
    escrt_report("free", "invalid pointer (not the start of an object)", p,
                 s);
  if (!s->large_live)
    escrt_report("free", "double free of", p, s);
  s->large_live = 0;
  escrt_heap_count_large(s->npages << ESCRT_PAGE_SHIFT, false);
  escrt_heap_free(s);
  escrt_heap_scavenge(false);
}

/* ---- free ---- */

/* Gives b back to its span s, owned by tc (no counting: the caller did).
 * While used stays >= 2 the span neither empties nor leaves the full state
 * and b is not the object freed last: a push. Otherwise the transition, or
 * a double free. */
static void span_free(escrt_tcache *tc, escrt_span *s, escrt_block *b) {
  uint32_t used = s->used;
  if (ESCRT_LIKELY(used - 2u < ESCRT_USED_FAST_END - 2u &&
                   b != s->local_free)) {
    b->next = escrt_encode(s->local_free, b);
    s->local_free = b;
    s->used = used - 1;
    return;
  }
  used = span_used(s);
  if (used == 0 || b == s->local_free || b == s->free)
    escrt_report("free", "double free of", b, s);
  b->next = escrt_encode(s->local_free, b);
  s->local_free = b;
  set_used(tc, s, used - 1);
}

/* Other threads' objects leaving a free stack, chained per span so that a
 * run of them takes one CAS (snmalloc batches remote frees the same way). */
typedef struct remote_chain {
  escrt_span *span;
  escrt_block *head, *tail;
} remote_chain;

static void remote_push(escrt_span *s, escrt_block *head, escrt_block *tail);

static void remote_chain_send(remote_chain *rc) {
  if (rc->span)
    remote_push(rc->span, rc->head, rc->tail);
  rc->span = NULL;
}

static bool reclaim(escrt_tcache *tc, escrt_span *s);

/* Gives b (an object of span s, off a free stack of tc) back to s: the
 * owner's list when s is tc's (or tc takes s over from an exited thread),
 * else the span's atomic list, through rc. */
static void span_give(escrt_tcache *tc, escrt_span *s, escrt_block *b,
                      remote_chain *rc) {
  if (s->owner == tc || (s->owner && s->owner->parked && reclaim(tc, s))) {
    span_free(tc, s, b);
    return;
  }
  if (!s->owner)
    escrt_report("free", "double free of", b, s);
  if (rc->span != s) {
    remote_chain_send(rc);
    rc->span = s;
    rc->tail = b;
  } else {
    b->next = escrt_encode(rc->head, b);
  }
  rc->head = b;
}

/* Gives the n oldest objects of the free stack of cls back to their
 * spans (jemalloc flushes the cold end of a cache bin too). A slot that is
 * not an object of a span of the class means the stack was overwritten. */
static void bin_flush(escrt_tcache *tc, unsigned cls, size_t n) {
  escrt_bin *bin = &tc->bins[cls];
  remote_chain rc = {0};
  for (size_t i = 0; i < n; i++) {
    escrt_block *b = bin->empty[i];
    escrt_span *s = escrt_span_of(b);
    if (!s || s->cls != cls || !escrt_span_is_slot(s, (uintptr_t)b))
      escrt_report("free", "heap corruption (free stack overwritten)", b, s);
    span_give(tc, s, b, &rc);
  }
  remote_chain_send(&rc);
  size_t left = (size_t)(bin->top - bin->empty) - n;
  memmove(bin->empty, bin->empty + n, left * sizeof(void *));
  bin->top = bin->empty + left;
}

/* Empties every free stack of tc into the spans: at thread exit and for
 * malloc_trim, so that the stacks do not keep spans from emptying. */
void escrt_tcache_flush(escrt_tcache *tc) {
  for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++)
    bin_flush(tc, c, (size_t)(tc->bins[c].top - tc->bins[c].empty));
}

/* Forgets the stacks of a thread that does not exist in a fork child (see
 * escrt_central_after_fork_child): their objects stay counted as out, so
 * their spans are kept; at most ESCRT_LIFO_BYTES per class and thread. */
void escrt_tcache_drop_stacks(escrt_tcache *tc) {
  for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++)
    tc->bins[c].top = tc->bins[c].empty;
}

/* A push the fast path could not make: p is the object freed last (a
 * double free), or the stack is full and half of it goes back to the spans
 * (tcmalloc's release of a batch to the central lists), or p is in an arena
 * outside the region. */
static void bin_push_slow(escrt_tcache *tc, unsigned cls, void *p) {
  escrt_bin *bin = &tc->bins[cls];
  if (bin->top[-1] == p)
    escrt_report("free", "double free of", p, escrt_span_of(p));
  if (bin->top == bin->full)
    bin_flush(tc, cls, (size_t)(bin->full - bin->empty) / 2);
  *bin->top++ = p;
  if (--bin->beat == 0)
    escrt_tcache_heartbeat(tc, cls);
}

/* Every ESCRT_LIFO_BEAT pushes on a class's stack: the stack's counts go
 * to the cache's, and the scavenger gets the heartbeat that refills (see
 * tick) give when traffic leaves the stacks. */
void escrt_tcache_heartbeat(escrt_tcache *tc, unsigned cls) {
  escrt_bin *bin = &tc->bins[cls];
  tc->nfree[cls] += ESCRT_LIFO_BEAT - bin->beat;
  tc->nmalloc[cls] += bin->nmalloc;
  bin->beat = ESCRT_LIFO_BEAT;
  bin->nmalloc = 0;
  escrt_pool_sweep(false);
  escrt_heap_scavenge(false);
}

static void count_orphan_free(unsigned cls) {
  if (!atomic_exchange(&orphan_registered, true))
    escrt_registry_add(&orphan_counts);
  __atomic_fetch_add(&orphan_counts.nfree[cls], 1, __ATOMIC_RELAXED);
}

/* Other threads' frees: push the chain head..tail (linked through head)
 * on the span's atomic list; the first push since the owner last collected
 * tells the owner through its pending stack. */
static void remote_push(escrt_span *s, escrt_block *head, escrt_block *tail) {
  uintptr_t old = atomic_load_explicit(&s->thread_free, memory_order_relaxed);
  do
    tail->next = escrt_encode((escrt_block *)old, tail);
  while (!atomic_compare_exchange_weak_explicit(&s->thread_free, &old,
                                                (uintptr_t)head,
                                                memory_order_seq_cst,
                                                memory_order_relaxed));
  if (!old && atomic_load(&s->notify_owner)) /* see watch() */
    notify(s);
}

/* Takes span s over from the parked cache of an exited thread (mimalloc
 * reclaims abandoned pages the same way), so this free and the next ones
 * into s are local. Holding the pending flag keeps remote freers from
 * queueing s on the old owner meanwhile; settle() then takes whatever they
 * pushed. */
static bool reclaim(escrt_tcache *tc, escrt_span *s) {
  if (!escrt_pool_trylock())
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
  escrt_pool_unlock();
  if (ok)
    settle(tc, s);
  return ok;
}

/* Every free the fast path does not finish: NULL, pointers outside the
 * region's small spans (foreign, bootstrap, large, in an arena outside the
 * region), misuse, a full stack, a thread's first free before it has a
 * cache, and every free under ESCRT_DEBUG (straight to the span) or during
 * start-up (no cache can be made yet). */
void escrt_free_slow(void *p) {
  if (!p)
    return;
  escrt_span *s = escrt_span_of(p);
  if (!s) {
    if (escrt_is_bootstrap(p))
      return;
    if (escrt_arena_of((uintptr_t)p) && !escrt_arena_of((uintptr_t)p)->huge)
      escrt_report("free", "double free or invalid pointer: no object at", p, NULL);
    escrt_message("escrt: free(): pointer %p was not allocated by escrt; "
                  "ignored",
                  p);
    return;
  }
  if (s->cls == 0) {
    large_free(p, s);
    return;
  }
  if (!escrt_span_is_slot(s, (uintptr_t)p))
    escrt_report("free", "invalid pointer (not the start of an object)", p,
                 s);
  if (!s->owner || s->where == ESCRT_IN_SPARE) /* nothing is out */
    escrt_report("free", "double free of", p, s);
  /* A thread that only frees (a consumer) gets a cache too, as it would
   * from malloc: its frees then leave in batches, one CAS per run of
   * objects of a span instead of one per object. */
  escrt_tcache *tc = escrt_tcache_current();
  if (tc && tc == escrt_fast_cache()) {
    bin_push_slow(tc, s->cls, p);
    return;
  }
  if (escrt_opt.debug && !debug_flip(s, p, false))
    escrt_report("free", "double free of", p, s);
  if (s->owner == tc || (tc && s->owner->parked && reclaim(tc, s))) {
    span_free(tc, s, p);
    tc->nfree[s->cls]++;
    return;
  }
  remote_push(s, p, p);
  if (tc)
    tc->nfree[s->cls]++;
  else
    count_orphan_free(s->cls);
}

size_t escrt_usable(const void *p) {
  escrt_span *s = escrt_span_of(p);
  if (!s)
    return escrt_is_bootstrap(p) ? escrt_bootstrap_size(p) : 0;
  if (s->cls)
    return escrt_span_is_slot(s, (uintptr_t)p) ? s->elem_size : 0;
  return (uintptr_t)p == s->start ? s->npages << ESCRT_PAGE_SHIFT : 0;
}

/* ---- thread exit ---- */

/* The thread is gone: settle what others freed, give back empty spans and
 * park the cache with the spans that still hold live objects, all of them
 * watched so that frees into them reach the pool's sweeps. */
void escrt_tcache_abandon(escrt_tcache *tc) {
  escrt_tcache_flush(tc);
  escrt_tcache_process_pending(tc);
  for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++) {
    escrt_span *s = tc->cur[c];
    if (s != &escrt_span_empty) {
      tc->cur[c] = &escrt_span_empty;
      s->used = span_used(s);
      escrt_list_push(&tc->partial[c], s, ESCRT_IN_PARTIAL);
    }
    for (s = tc->partial[c]; s;) {
      escrt_span *next = s->next;
      watch(tc, s); /* may move s to the spares */
      s = next;
    }
    while ((s = spare_pop(tc, c)))
      escrt_central_give(s);
  }
  escrt_thread_bins = escrt_tcache_empty.bins;
  escrt_thread_real = NULL;
  escrt_pool_park(tc);
  escrt_pool_sweep(true);
}
