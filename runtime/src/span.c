/* One span (Go's mspan): a run of pages cut into objects of one size class,
 * with mimalloc's sharded free lists. malloc pops `free`; the owning thread's
 * frees push `local_free` (no atomics); other threads push `thread_free` with
 * a CAS. The owner swaps `local_free` into `free` and takes `thread_free`
 * with one exchange, only when `free` runs dry, so the fast paths never meet
 * another thread's writes. Objects never handed out are not linked up
 * front: `free` is extended from the bump address a few KiB at a time (as
 * mimalloc does), so a span a program uses only partly touches only the
 * pages it hands out, and calloc knows fresh objects are zero. */
#include "internal.h"

/* The per-process key of the lists' safe-linking (escrt_encode), drawn at
 * start-up (init.c) before any list exists. */
ESCRT_HIDDEN uintptr_t escrt_key;

/* A descriptor per 8 KiB span at least: past two cache lines (meta memory
 * comes in lines), a heap of 800 MB of small objects would take 6 MB more
 * metadata. */
_Static_assert(sizeof(escrt_span) <= 128, "escrt_span fits two cache lines");

void escrt_span_init(escrt_span *s, unsigned cls) {
  uint32_t size = escrt_class_size_table[cls];
  uint32_t n = (uint32_t)((s->npages << ESCRT_PAGE_SHIFT) / size);
  s->cls = (uint8_t)cls;
  escrt_region_describe(s, cls);
  s->elem_size = size;
  s->nelems = n;
  s->divisor = escrt_slot_tests[cls].divisor;
  s->slot_limit = escrt_slot_tests[cls].limit;
  s->used = 0;
  s->local_free = NULL;
  s->free = NULL;
  s->bump = 0;
  atomic_store_explicit(&s->thread_free, 0, memory_order_relaxed);
  atomic_store_explicit(&s->notify_owner, false, memory_order_relaxed);
  escrt_span_extend(s);
}

enum { EXTEND_BYTES = 4096, EXTEND_MIN = 4 };

/* Links the next objects from the bump address onto the empty `free`, in
 * address order (front to back, so the pages are touched as they are
 * needed): a page's worth, or EXTEND_MIN objects when they are larger.
 * False when every object was handed out before. */
bool escrt_span_extend(escrt_span *s) {
  uint32_t size = s->elem_size, end = s->nelems * size;
  if (s->bump >= end)
    return false;
  uint32_t n = EXTEND_BYTES / size < EXTEND_MIN ? EXTEND_MIN
                                                 : EXTEND_BYTES / size;
  uint32_t stop = end - s->bump > n * size ? s->bump + n * size : end;
  escrt_block *b = (escrt_block *)(s->start + s->bump);
  for (uintptr_t a = (uintptr_t)b + size; a < s->start + stop; a += size) {
    b->next = escrt_encode((escrt_block *)a, b);
    b = (escrt_block *)a;
  }
  b->next = escrt_encode(NULL, b);
  s->free = (escrt_block *)(s->start + s->bump);
  s->free_zero = !s->needzero;
  s->bump = stop;
  return true;
}

/* Moves other threads' frees to local_free; returns how many. A link that
 * does not decode to a slot of this span means the list was overwritten
 * (use after free, or a double free from two threads). */
uint32_t escrt_span_collect(escrt_span *s) {
  if (!atomic_load_explicit(&s->thread_free, memory_order_relaxed))
    return 0;
  escrt_block *head = (escrt_block *)atomic_exchange_explicit(
      &s->thread_free, 0, memory_order_acquire);
  uint32_t n = 1;
  escrt_block *tail = head;
  for (escrt_block *next; (next = escrt_decode(tail)); tail = next, n++) {
    uintptr_t a = (uintptr_t)next;
    if (!escrt_span_is_slot(s, a) || n > s->nelems)
      escrt_report("free", "heap corruption (free list overwritten)", next, s);
  }
  tail->next = escrt_encode(s->local_free, tail);
  s->local_free = head;
  return n;
}

void escrt_list_push(escrt_span **head, escrt_span *s,
                     enum escrt_span_where where) {
  s->where = (uint8_t)where;
  s->prev = NULL;
  s->next = *head;
  if (*head)
    (*head)->prev = s;
  *head = s;
}

void escrt_list_remove(escrt_span **head, escrt_span *s) {
  if (s->prev)
    s->prev->next = s->next;
  else
    *head = s->next;
  if (s->next)
    s->next->prev = s->prev;
  s->next = s->prev = NULL;
  s->where = ESCRT_IN_NONE;
}
