/* The per-thread cache (Go's mcache) and the spans it owns.
 *
 * A thread owns the spans it allocates from until they are empty again: its
 * current span per class, a list of partial spans (they may have free
 * objects) and a list of full ones. Owned spans take the owner's frees
 * without atomics. Another thread's free goes to the span's atomic
 * thread_free list; for a full span (or one of an exited thread), the first
 * such free after the owner last looked also puts the span on the owner's
 * `pending` stack, so it is found without scanning; the owner collects the
 * other spans' remote frees when it refills from them. An empty span is
 * kept as the class's spare, else handed to the central list (central.c).
 *
 * A cache here is just a cache: which thread uses it, and what becomes of
 * it when the thread exits, is thread.c's business. */
#include "internal.h"

ESCRT_HIDDEN escrt_span escrt_span_empty;
/* Every stack of escrt_tcache_empty is empty and full, at the end of this
 * NULL slot: like a cache's stacks, it has a readable NULL below its top,
 * so code that reads top[-1] before it tests top against full (the inline
 * free -escape-runtime emits) reads memory, whatever the stack. */
static void *null_slot[1];
ESCRT_HIDDEN escrt_tcache escrt_tcache_empty = {
    .bins = {[0 ... ESCRT_NUM_CLASSES - 1] = {.top = null_slot + 1,
                                              .empty = null_slot + 1,
                                              .full = null_slot + 1}},
    .cur = {[0 ... ESCRT_NUM_CLASSES - 1] = &escrt_span_empty}};

enum { SPARE_BYTES = 1 << 20 };

/* A cache and its free stacks: one array of slots for all classes, each
 * stack with a NULL slot below its bottom (meta memory is zeroed), and
 * ESCRT_LIFO_START objects of room at first, so that the stacks of the
 * classes a program uses share a few pages (stacks that need more grow,
 * bin.c). Class 0 (large objects) never reaches the stacks: it has no
 * room. */
static uint32_t first_room(unsigned cls) {
  uint32_t max = escrt_lifo_max(cls);
  return max < ESCRT_LIFO_START ? max : ESCRT_LIFO_START;
}

escrt_tcache *escrt_tcache_new(void) {
  size_t slots = 0;
  for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++)
    slots += 1 + first_room(c);
  escrt_tcache *tc = escrt_meta_alloc(sizeof *tc);
  void **at = escrt_meta_alloc(slots * sizeof(void *));
  if (!tc || !at)
    return NULL;
  tc->bins[0] = escrt_tcache_empty.bins[0];
  for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++) {
    escrt_bin *b = &tc->bins[c];
    at++; /* the NULL slot */
    b->top = b->empty = at;
    b->full = at += first_room(c);
    b->beat = ESCRT_LIFO_BEAT;
  }
  for (unsigned c = 0; c < ESCRT_NUM_CLASSES; c++)
    tc->cur[c] = &escrt_span_empty;
  return tc;
}

/* The owner sees span s empty. Unless it is the current span, keep it as a
 * spare of its class (always one; more while the cache's spares stay under
 * SPARE_BYTES, so a batch that needs a few spans per class does not cycle
 * them through the central lists) or hand it to the central list. A span
 * still on the pending stack stays put: the stack links through it. */
static void span_emptied(escrt_tcache *tc, escrt_span *s) {
  unsigned cls = s->cls;
  if (s->where == ESCRT_IN_CUR ||
      atomic_load_explicit(&s->pending, memory_order_acquire))
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

/* Takes other threads' frees into s, owned by tc. */
void escrt_tcache_settle(escrt_tcache *tc, escrt_span *s) {
  uint32_t n = escrt_span_collect(s);
  uint32_t used = span_used(s);
  if (n > used)
    escrt_report("free", "double free detected in span at", (void *)s->start,
                 s);
  set_used(tc, s, used - n);
}

/* From now on the first remote free into s (since the owner last collected)
 * queues s on the owner's pending stack. Only spans the owner would not
 * otherwise look at need this: full ones, and all of a parked cache's.
 * Dekker-style, the flag is set before thread_free is read, and remote
 * freers push before they read the flag (all seq_cst, see
 * escrt_remote_push), so a free that did not notify is seen here. */
static void watch(escrt_tcache *tc, escrt_span *s) {
  atomic_store(&s->notify_owner, true);
  if (atomic_load(&s->thread_free))
    escrt_tcache_settle(tc, s);
}

/* Every object of s is out: it becomes full (and stops being current). */
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

/* Puts s on its owner's pending stack, unless it is on one already. */
static void notify(escrt_span *s) {
  if (atomic_exchange_explicit(&s->pending, 1, memory_order_acq_rel))
    return;
  escrt_tcache *owner = s->owner;
  escrt_span *head =
      atomic_load_explicit(&owner->pending, memory_order_relaxed);
  do
    s->pending_next = head;
  while (!atomic_compare_exchange_weak_explicit(&owner->pending, &head, s,
                                                memory_order_release,
                                                memory_order_relaxed));
}

/* Other threads' frees: push the chain head..tail (linked through head)
 * on the span's atomic list; the first push since the owner last collected
 * tells the owner through its pending stack. */
void escrt_remote_push(escrt_span *s, escrt_block *head, escrt_block *tail) {
  uintptr_t old = atomic_load_explicit(&s->thread_free, memory_order_relaxed);
  do
    tail->next = escrt_encode((escrt_block *)old, tail);
  while (!atomic_compare_exchange_weak_explicit(
      &s->thread_free, &old, (uintptr_t)head, memory_order_seq_cst,
      memory_order_relaxed));
  if (!old && atomic_load(&s->notify_owner)) /* see watch() */
    notify(s);
}

void escrt_tcache_process_pending(escrt_tcache *tc) {
  escrt_span *s =
      atomic_exchange_explicit(&tc->pending, NULL, memory_order_acquire);
  while (s) {
    escrt_span *next = s->pending_next;
    atomic_store_explicit(&s->pending, 0, memory_order_release);
    if (s->owner == tc)
      escrt_tcache_settle(tc, s);
    else if (s->owner && atomic_load(&s->thread_free))
      notify(s); /* s changed hands while queued here */
    s = next;
  }
}

/* Makes s->free non-empty from the span's other lists, else from the
 * objects it never handed out; false if none. Freed objects come first:
 * they are in the cache already, and the bump run's pages may never need
 * touching. */
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
  if (!s->local_free)
    return escrt_span_extend(s);
  s->free = s->local_free;
  s->local_free = NULL;
  s->free_zero = 0;
  return true;
}

static escrt_span *fresh_span(escrt_tcache *tc, unsigned cls) {
  escrt_span *s = escrt_central_take(cls);
  if (s) {
    s->needzero = 1; /* its objects were handed out before */
  } else if (!(s = escrt_heap_alloc(escrt_class_npages[cls], 1))) {
    return NULL;
  }
  escrt_span_init(s, cls);
  if (escrt_opt.debug)
    escrt_debug_reset(s);
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
    refill(s); /* empty: every object is on its lists or never handed out */
    goto found;
  }
  if (!(s = fresh_span(tc, cls)))
    return NULL;
found:
  make_current(tc, s);
  return s;
}

/* The current span of cls has no free object: it takes its own frees,
 * else the next span becomes current. NULL when out of memory. */
escrt_span *escrt_tcache_refill(escrt_tcache *tc, unsigned cls) {
  escrt_span *s = tc->cur[cls];
  if (s != &escrt_span_empty && refill(s))
    return s;
  return next_span(tc, cls);
}

/* Gives b back to its span s, owned by tc (no counting: the caller did).
 * While used stays >= 2 the span neither empties nor leaves the full state
 * and b is not the object freed last: a push. Otherwise the transition, or
 * a double free. */
void escrt_tcache_free(escrt_tcache *tc, escrt_span *s, escrt_block *b) {
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

/* Forgets the stacks of a thread that does not exist in a fork child (see
 * escrt_pool_after_fork_child): their objects stay counted as out, so
 * their spans are kept; at most ESCRT_LIFO_BYTES per class and thread. */
void escrt_tcache_drop_stacks(escrt_tcache *tc) {
  for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++)
    tc->bins[c].top = tc->bins[c].empty;
}

/* tc's thread is gone and its stacks are flushed: settle what others freed,
 * give back empty spans and keep the spans that still hold live objects,
 * all of them watched so that frees into them reach the pool's sweeps
 * (thread.c). */
void escrt_tcache_abandon(escrt_tcache *tc) {
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
}
