/* Misuse: the one-line report that ends the process, and the exact bitmaps
 * of allocated objects that ESCRT_DEBUG=1 keeps per span. Everything from
 * a span's free lists up reports through here, so this sits below them. */
#include "internal.h"

void escrt_report(const char *fn, const char *what, const void *p,
                  escrt_span *s) {
  if (s && s->cls)
    escrt_fatal("escrt: %s(): %s %p in a span of %u-byte objects", fn, what, p,
                s->elem_size);
  escrt_fatal("escrt: %s(): %s %p", fn, what, p);
}

/* ---- debug bitmaps (ESCRT_DEBUG=1) ---- */

void escrt_debug_reset(escrt_span *s) {
  size_t words = (s->nelems + 63) / 64;
  if (!s->live)
    s->live = escrt_meta_alloc(words * sizeof(uint64_t));
  if (!s->live)
    escrt_fatal("escrt: out of memory for ESCRT_DEBUG bitmaps");
  for (size_t i = 0; i < words; i++)
    atomic_store_explicit(&s->live[i], 0, memory_order_relaxed);
}

bool escrt_debug_flip(escrt_span *s, const void *p, bool alloc) {
  size_t i = ((uintptr_t)p - s->start) / s->elem_size;
  uint64_t m = 1ull << (i & 63);
  _Atomic(uint64_t) *w = &s->live[i >> 6];
  uint64_t old = alloc ? atomic_fetch_or(w, m) : atomic_fetch_and(w, ~m);
  return alloc ? !(old & m) : (old & m) != 0;
}
