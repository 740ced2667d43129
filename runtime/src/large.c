/* Large objects (class 0, over 32 KiB or aligned beyond a page): a run of
 * whole pages from the page heap each, with a live flag that catches
 * double frees. */
#include "internal.h"

#include <errno.h>
#include <string.h>

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
  /* A call a free could not answer (see escrt_background_answer). */
  escrt_background_poll(false);
  return (void *)s->start;
}

/* realloc: the large object at p grows to size bytes without a copy (the
 * page heap takes the pages after it, or remaps a huge run, which may move
 * it). Returns its address, NULL if it must be copied. */
void *escrt_large_grow(void *p, size_t size) {
  escrt_span *s = escrt_span_of(p);
  if (!s || s->cls || (uintptr_t)p != s->start || !s->large_live ||
      size > PTRDIFF_MAX || !escrt_heap_grow(s, escrt_pages_for(size)))
    return NULL;
  return (void *)s->start;
}

void escrt_large_free(void *p, escrt_span *s) {
  if ((uintptr_t)p != s->start)
    escrt_report("free", "invalid pointer (not the start of an object)", p, s);
  if (!s->large_live)
    escrt_report("free", "double free of", p, s);
  s->large_live = 0;
  escrt_heap_count_large(s->npages << ESCRT_PAGE_SHIFT, false);
  escrt_heap_free(s);
  escrt_heap_scavenge(false);
}
