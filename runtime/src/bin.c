/* The free stacks (escrt_bin, see struct escrt_tcache) off the fast path: a
 * push onto a full stack, which grows the stack or hands half of it to the
 * transfer cache (central.c), an empty stack taking a batch from it, the
 * heartbeat, and flushing a stack's objects back to their spans: to the
 * owner's list for the cache's own spans (and for spans it takes over from
 * a parked cache), else in chains to the spans' atomic lists. */
#include "internal.h"

#include <string.h>

/* Other threads' objects leaving a free stack, chained per span so that a
 * run of them takes one CAS (snmalloc batches remote frees the same way). */
typedef struct remote_chain {
  escrt_span *span;
  escrt_block *head, *tail;
} remote_chain;

static void remote_chain_send(remote_chain *rc) {
  if (rc->span)
    escrt_remote_push(rc->span, rc->head, rc->tail);
  rc->span = NULL;
}

/* Gives b (an object of span s, off a free stack of tc) back to s: the
 * owner's list when s is tc's (or tc takes s over from an exited thread),
 * else the span's atomic list, through rc. */
static void span_give(escrt_tcache *tc, escrt_span *s, escrt_block *b,
                      remote_chain *rc) {
  if (s->owner == tc ||
      (s->owner && s->owner->parked && escrt_pool_reclaim(tc, s))) {
    escrt_tcache_free(tc, s, b);
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

/* The n oldest objects of bin have gone elsewhere. */
static void bin_drop_bottom(escrt_bin *bin, size_t n) {
  size_t left = (size_t)(bin->top - bin->empty) - n;
  memmove(bin->empty, bin->empty + n, left * sizeof(void *));
  bin->top = bin->empty + left;
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
  bin_drop_bottom(bin, n);
}

/* Gives the stack of cls its full size (escrt_lifo_max), keeping its
 * objects; false if it has it already (or no memory). Its first array, a
 * part of the cache's, is left unused. */
static bool bin_grow(escrt_tcache *tc, unsigned cls) {
  escrt_bin *bin = &tc->bins[cls];
  size_t n = (size_t)(bin->top - bin->empty), max = escrt_lifo_max(cls);
  if ((size_t)(bin->full - bin->empty) >= max)
    return false;
  void **a = escrt_meta_alloc((1 + max) * sizeof(void *));
  if (!a)
    return false;
  /* a[0], zero like all new metadata, is the NULL slot below the bottom. */
  memcpy(a + 1, bin->empty, n * sizeof(void *));
  bin->empty = a + 1;
  bin->top = bin->empty + n;
  bin->full = bin->empty + max;
  return true;
}

/* Whether the full stack of cls should grow rather than give up half its
 * objects: it trades with other threads (remote: its oldest object is
 * another thread's; the transfer cache takes batches of half a stack), or
 * it was full before and at least half of it has been popped since, so
 * that what it gave up then was wanted again (a batch that frees and then
 * allocates more objects than it holds). A stack that fills while objects are
 * only being freed (a program freeing what it has before it exits) keeps its
 * size: more slots would be memory the program never gets back. */
static bool grow_when_full(const escrt_tcache *tc, unsigned cls, bool remote) {
  const escrt_bin *bin = &tc->bins[cls];
  return remote ||
         (tc->was_full[cls] && bin->nmalloc - tc->pops_at_full[cls] >=
                                   (uint32_t)(bin->full - bin->empty) / 2);
}

/* Empties every free stack of tc into the spans: at thread exit and for
 * malloc_trim, so that the stacks do not keep spans from emptying. */
void escrt_tcache_flush(escrt_tcache *tc) {
  for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++)
    bin_flush(tc, c, (size_t)(tc->bins[c].top - tc->bins[c].empty));
}

/* malloc_trim: the transfer cache's objects go back to their spans (through
 * tc's stacks, which are empty afterwards), so that their pages can go. */
void escrt_transfer_drain(escrt_tcache *tc) {
  for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++) {
    escrt_bin *bin = &tc->bins[c];
    do
      bin_flush(tc, c, (size_t)(bin->top - bin->empty));
    while ((bin->top += escrt_transfer_take(
                c, bin->empty, (uint32_t)(bin->full - bin->empty))) !=
           bin->empty);
  }
}

/* The stack of cls is empty: it takes up to half its size from the
 * transfer cache (what other threads' full stacks gave up); false if that
 * had nothing. A stack that trades with other threads gets its full size
 * (see grow_when_full), here when the transfer cache fills half of it. */
bool escrt_bin_take_transfer(escrt_tcache *tc, unsigned cls) {
  escrt_bin *bin = &tc->bins[cls];
  uint32_t half = (uint32_t)(bin->full - bin->empty) / 2;
  bin->top += escrt_transfer_take(cls, bin->empty, half);
  if (bin->top - bin->empty == half && bin_grow(tc, cls))
    bin->top += escrt_transfer_take(
        cls, bin->top, (uint32_t)(bin->full - bin->empty) / 2 - half);
  return bin->top != bin->empty;
}

/* Every ESCRT_LIFO_BEAT pushes on a class's stack: the stack's counts go
 * to the cache's, and the scavenger gets the heartbeat that refills (see
 * tick in alloc.c) give when traffic leaves the stacks. */
void escrt_tcache_heartbeat(escrt_tcache *tc, unsigned cls) {
  escrt_bin *bin = &tc->bins[cls];
  tc->nfree[cls] += ESCRT_LIFO_BEAT - bin->beat;
  tc->nmalloc[cls] += bin->nmalloc;
  bin->beat = ESCRT_LIFO_BEAT;
  bin->nmalloc = 0;
  tc->pops_at_full[cls] = 0;
  escrt_pool_sweep(false);
  escrt_heap_scavenge(false);
  escrt_background_poll(true); /* the push is done: the cache is consistent */
}

/* A push the fast path could not make: p is the object freed last (a
 * double free), or the stack is full: it grows, or its older half goes to
 * the transfer cache (objects of other threads), or back to the spans
 * (tcmalloc's release of a batch to the central lists), or p is in an
 * arena outside the region. */
void escrt_bin_push_slow(escrt_tcache *tc, unsigned cls, void *p) {
  escrt_bin *bin = &tc->bins[cls];
  if (bin->top[-1] == p)
    escrt_report("free", "double free of", p, escrt_span_of(p));
  if (bin->top == bin->full) {
    /* Another thread's objects (the oldest one tells) go to the transfer
     * cache; the thread's own go back to its spans, where they free pages
     * and cost no array of pointers. */
    escrt_span *s = escrt_span_of(bin->empty[0]);
    bool remote = s && s->owner != tc;
    if (!grow_when_full(tc, cls, remote) || !bin_grow(tc, cls)) {
      uint32_t half = (uint32_t)(bin->full - bin->empty) / 2;
      if (remote && escrt_transfer_put(cls, bin->empty, half))
        bin_drop_bottom(bin, half);
      else
        bin_flush(tc, cls, half);
    }
    tc->pops_at_full[cls] = bin->nmalloc;
    tc->was_full[cls] = true;
  }
  *bin->top++ = p;
  if (--bin->beat == 0)
    escrt_tcache_heartbeat(tc, cls);
}
