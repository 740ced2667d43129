/* The C allocation API. malloc and free are the two fast paths: a pop from
 * the thread's free stack of the class (else from the current span of the
 * class), and a push on that stack.
 * Everything else builds on them or on the slow paths in alloc.c and
 * free.c. The public names are defined here, so linking libescrt (static
 * or shared) or preloading it replaces the C library's allocator. */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define API __attribute__((visibility("default")))

/* -escape-runtime emits escrt.h's inline class paths as IR with these
 * offsets (plugin/SizeClassLowering.cpp): the layout is an ABI. */
_Static_assert(offsetof(escrt_bin, top) == 0 &&
                   offsetof(escrt_bin, empty) == 8 &&
                   offsetof(escrt_bin, full) == 16 &&
                   offsetof(escrt_bin, nmalloc) == 24 &&
                   offsetof(escrt_bin, beat) == 28 && sizeof(escrt_bin) == 32,
               "escrt_bin's layout is what the plugin emits");
/* Its inline free of an object of unknown class reads these the same way. */
_Static_assert(offsetof(escrt_region_t, base) == 0 &&
                   offsetof(escrt_region_t, bytes) == 8 &&
                   offsetof(escrt_region_t, pages) == 16 &&
                   offsetof(escrt_slot_test, divisor) == 0 &&
                   offsetof(escrt_slot_test, limit) == 8 &&
                   sizeof(escrt_slot_test) == sizeof(escrt_bin) &&
                   sizeof(escrt_bin) == 1 << ESCRT_PAGE_CLASS_SHIFT &&
                   ESCRT_PAGE_SIZE == 1 << ESCRT_PAGE_SHIFT,
               "the page table's layout is what the plugin emits");

/* zero: calloc's, a constant after inlining. An object from a stack was
 * used before and is cleared; one from a span's fresh run is zero already
 * but for its link (see escrt_span_extend). */
static inline __attribute__((always_inline)) void *
alloc_class_as(size_t size, unsigned cls, bool zero) {
  escrt_tcache *tc = escrt_fast_cache();
  /* The thread's recent frees first (see struct escrt_tcache). Written as
   * bytes, the address is computed once: as &tc->bins[cls], gcc computed it
   * twice (three more instructions per malloc). Testing top[-1] against the
   * NULL below the bottom instead of top against empty would save a load but
   * cost pair and batch 8-11%: the branch then waits for two loads. */
  escrt_bin *bin = (escrt_bin *)((char *)tc->bins + cls * sizeof(escrt_bin));
  void **top = bin->top;
  if (ESCRT_LIKELY(top != bin->empty)) {
    bin->top = --top;
    bin->nmalloc++;
    tc->last_bin = bin; /* see dealloc */
    if (zero)
      memset(*top, 0, size);
    return *top;
  }
  escrt_span *s = tc->cur[cls];
  escrt_block *b = s->free;
  if (ESCRT_LIKELY(b)) {
    s->free = escrt_decode(b);
    s->used++;
    tc->nmalloc[cls]++;
    tc->last_bin = bin;
    if (zero) {
      if (s->free_zero)
        b->next = 0;
      else
        memset(b, 0, size);
    }
    return b;
  }
  /* The owner's own frees come next; taking them here instead of in the
   * slow path matters when a class has few live objects. The countdown
   * still sends every 64th refill through the slow path, which carries the
   * scavenger's heartbeat. */
  b = s->local_free;
  if (b && (tc->tick -= ESCRT_TICK_STEP) > 0) {
    s->local_free = NULL;
    s->free = escrt_decode(b);
    s->free_zero = 0;
    s->used++;
    tc->nmalloc[cls]++;
    if (zero)
      memset(b, 0, size);
    return b;
  }
  return escrt_malloc_slow(size, cls, zero);
}

static inline void *alloc_class(size_t size, unsigned cls) {
  return alloc_class_as(size, cls, false);
}

static inline void *alloc(size_t size) {
  return alloc_class(size, escrt_class_of(size));
}

/* A push on a free stack unless it is full or p is its top (freed last);
 * never on the shared empty cache, whose stacks are full. `forget`: the
 * push went through malloc's last stack, which it forgets (see dealloc),
 * here before the heartbeat's call rather than after it in the caller,
 * where the cache would have to live in a saved register (two more
 * instructions per malloc+free). */
static inline bool bin_push(escrt_tcache *tc, escrt_bin *bin, void *p,
                            bool forget) {
  void **top = bin->top;
  if (ESCRT_UNLIKELY(top == bin->full || top[-1] == p))
    return false;
  *top = p;
  bin->top = top + 1;
  if (forget)
    tc->last_bin = NULL;
  if (ESCRT_UNLIKELY(--bin->beat == 0))
    escrt_tcache_heartbeat(tc, (unsigned)(bin - tc->bins));
  return true;
}

/* The fast path of free: any object of a small span in the region goes on
 * the thread's free stack of its class, whoever owns the span (jemalloc's
 * and tcmalloc's thread caches; a full stack sends half of itself to the
 * spans' own lists, where other threads' objects take the atomic list, see
 * bin.c). One load of the region's page table gives the class and the
 * page's place in its span: enough for the slot test (escrt_span_is_slot,
 * with the class's constants), so neither the span, nor its owner, nor the
 * object itself is read or written. The object must not be the one freed
 * last in its class (a cheap double-free check; ESCRT_DEBUG=1, which
 * bypasses this path, makes it exact). Class 0 (a free page, a large
 * object) has constants no offset passes. `want` is the class the caller
 * says the object has (escrt_free_class), 0 for free(). */
static inline __attribute__((always_inline)) void dealloc_as(void *p,
                                                             unsigned want) {
  uintptr_t off = (uintptr_t)p - escrt_heap_region.base, at;
  if (ESCRT_LIKELY(off < escrt_heap_region.bytes)) {
    escrt_tcache *tc = escrt_fast_cache();
    if (ESCRT_LIKELY(escrt_region_object(off, &at) &&
                     (!want || at == want << ESCRT_PAGE_CLASS_SHIFT))) {
      /* Freeing what this thread allocated last (a scratch object) is
       * common: then the stack to push on is the one malloc just used, at
       * an address known without the page table. The class is checked all
       * the same, but as a branch, which the CPU predicts, rather than as
       * the address of the stores below, which it would wait for (or
       * guess, and replay when a malloc of the class follows). A push on
       * the guessed stack forgets it, so that in a run of frees (a batch
       * given back) the guess matches once at most and the branch is
       * predicted: a guess that only sometimes matches costs more than it
       * saves there. A push elsewhere leaves it, which saves a store on
       * the frees the guess misses. */
      escrt_bin *last = tc->last_bin, *guess = last,
                *bin = (escrt_bin *)((char *)tc->bins + at);
      __asm__("" : "+r"(guess)); /* the compiler must not learn guess == bin */
      if (ESCRT_LIKELY(last == bin)) {
        if (ESCRT_LIKELY(bin_push(tc, guess, p, true)))
          return;
      } else if (ESCRT_LIKELY(bin_push(tc, bin, p, false))) {
        return;
      }
    }
  }
  /* free(NULL) is common (optional fields freed unconditionally): answered
   * here, out of the fast path's way, rather than by the slow path's call. */
  if (!p)
    return;
  if (want) {
    escrt_span *s = escrt_span_of(p);
    if (s && s->cls != want)
      escrt_report("escrt_free_class", "wrong size class for", p, s);
  }
  escrt_free_slow(p);
}

/* Inline in free itself: a free that jumped to a shared copy paid the jump
 * (69 instructions per malloc+free instead of 70). */
static inline __attribute__((always_inline)) void dealloc(void *p) {
  dealloc_as(p, 0);
}

/* The smallest class whose objects are all aligned to `align` (<= page):
 * spans start on page boundaries, so that is a size multiple of align. */
static unsigned aligned_class(size_t size, size_t align) {
  unsigned c = escrt_class_of(size < align ? align : size);
  while (c && escrt_class_size_table[c] % align)
    c = c + 1 < ESCRT_NUM_CLASSES ? c + 1 : 0;
  return c;
}

/* align is a power of two. */
static void *alloc_aligned(size_t align, size_t size) {
  if (align <= 16) {
    if (size <= 8 && align > 8)
      size = 16;
    return alloc(size);
  }
  if (align <= ESCRT_PAGE_SIZE && size <= ESCRT_MAX_SMALL_SIZE) {
    unsigned c = aligned_class(size, align);
    if (c)
      return alloc_class(size, c);
  }
  return escrt_large_alloc(size, align, false);
}

static bool pow2(size_t x) { return x && !(x & (x - 1)); }

API void *malloc(size_t size) { return alloc(size); }

API void free(void *p) { dealloc(p); }

static inline void *calloc_body(size_t n, size_t size) {
  size_t total;
  if (__builtin_mul_overflow(n, size, &total)) {
    errno = ENOMEM;
    return NULL;
  }
  return alloc_class_as(total, escrt_class_of(total), true);
}

/* glibc's pthread_create callocs the new thread's TLS vector after it
 * marks the process multi-threaded and before the thread runs: the fork
 * handlers are registered there (lock.c), out of calloc's way. (Before
 * libescrt's start-up they cannot be; the start-up's locks do it.) A heap
 * that already holds a burst's worth calls for the background thread
 * after this calloc, so that the next malloc slow path, not one inside
 * pthread_create, makes it (pageheap.c). */
static __attribute__((noinline)) void *calloc_first_thread(size_t n,
                                                           size_t size) {
  escrt_fork_register();
  void *p = calloc_body(n, size);
  escrt_heap_prepare_background();
  return p;
}

API void *calloc(size_t n, size_t size) {
  if (escrt_fork_unguarded())
    return calloc_first_thread(n, size);
  return calloc_body(n, size);
}

/* The usable size of p when it is a small object of the region, else 0:
 * the region's page table and the class constants give it as they do for
 * free, without the span. No bootstrap object is in the region. */
static inline size_t small_usable(void *p) {
  uintptr_t off = (uintptr_t)p - escrt_heap_region.base, at;
  if (ESCRT_LIKELY(off < escrt_heap_region.bytes) && escrt_region_object(off, &at))
    return ((const escrt_slot_test *)((const char *)escrt_slot_tests + at))->size;
  return 0;
}

/* An object that realloc grows to this many bytes or more and cannot grow
 * in place moves to a run of pages of its own (a large object, whatever its
 * size), which later growth extends in place over the free pages after it,
 * as glibc's top chunk lets a growing buffer stay where it is: a buffer
 * doubled from 16 bytes to 1 MiB is then copied 16 KiB in all rather than
 * 64 (what the small classes up to 32 KiB copied). The run wastes less
 * than a page. */
enum { REALLOC_TO_PAGES = 2 * ESCRT_PAGE_SIZE };

/* realloc's every case but a small object that stays; `small` is
 * small_usable(p): its size when it is a small object, else 0. */
static __attribute__((noinline)) void *realloc_other(void *p, size_t size,
                                                     size_t small) {
  if (!p)
    return alloc(size);
  if (size == 0) { /* glibc's behaviour, which Debian's programs expect */
    dealloc(p);
    return NULL;
  }
  size_t old = small ? small : escrt_usable(p);
  if (old == 0)
    escrt_report("realloc", "invalid pointer (not an object of escrt)", p,
                 NULL);
  if (size <= old && size >= old / 2 && !escrt_is_bootstrap(p))
    return p;
  /* A large object grows over the free pages after it, or a huge one by
   * mremap: no copy. */
  void *q;
  if (size > old && !small && (q = escrt_large_grow(p, size)))
    return q;
  /* Growing by a quarter at least (tcmalloc's rule), so that a buffer grown
   * by small steps moves O(log n) times, not once per class it crosses. */
  size_t want = size;
  if (size > old && size - old < old / 4)
    want = old + old / 4;
  q = size > old && size >= REALLOC_TO_PAGES ? escrt_large_alloc(want, 0, false)
                                              : alloc(want);
  if (!q)
    return NULL;
  memcpy(q, p, size < old ? size : old);
  dealloc(p);
  return q;
}

/* An object stays in place while it still fits and would not shrink to less
 * than half. The common case of that, a small object (a buffer grown by a
 * few bytes at a time), is tested first, without a call or a register saved
 * (realloc +16 took 6.0 ns against tcmalloc's 4.8 before). */
API void *realloc(void *p, size_t size) {
  size_t old = small_usable(p); /* 0 for NULL */
  if (ESCRT_LIKELY(old && size <= old && size >= old / 2))
    return p;
  return realloc_other(p, size, old);
}

API void *reallocarray(void *p, size_t n, size_t size) {
  size_t total;
  if (__builtin_mul_overflow(n, size, &total)) {
    errno = ENOMEM;
    return NULL;
  }
  return realloc(p, total);
}

API int posix_memalign(void **out, size_t align, size_t size) {
  if (!pow2(align) || align % sizeof(void *))
    return EINVAL;
  int saved = errno;
  void *p = alloc_aligned(align, size);
  if (!p) {
    errno = saved;
    return ENOMEM;
  }
  *out = p;
  return 0;
}

API void *aligned_alloc(size_t align, size_t size) {
  if (!pow2(align)) {
    errno = EINVAL;
    return NULL;
  }
  return alloc_aligned(align, size);
}

/* glibc rounds a non-power-of-two alignment up; so do we. */
API void *memalign(size_t align, size_t size) {
  if (align > ((size_t)1 << (sizeof(size_t) * 8 - 2))) {
    errno = EINVAL;
    return NULL;
  }
  while (!pow2(align))
    align = align ? align + (align & -align) : 1;
  return alloc_aligned(align, size);
}

API void *valloc(size_t size) {
  return alloc_aligned((size_t)sysconf(_SC_PAGESIZE), size);
}

API void *pvalloc(size_t size) {
  size_t page = (size_t)sysconf(_SC_PAGESIZE);
  size_t rounded = (size + page - 1) & ~(page - 1);
  if (rounded < size) {
    errno = ENOMEM;
    return NULL;
  }
  return alloc_aligned(page, rounded ? rounded : page);
}

API size_t malloc_usable_size(void *p) { return p ? escrt_usable(p) : 0; }

/* The size (and alignment) must be those of the allocation: a mismatch
 * means the caller's idea of the object is wrong, which free() alone could
 * not see. */
static void check_size(const char *fn, void *p, size_t align, size_t size) {
  escrt_span *s = escrt_span_of(p);
  if (!s || !p)
    return;
  bool ok;
  if (s->cls) {
    unsigned want = align > 16 ? aligned_class(size, align)
                               : escrt_class_of(size);
    ok = want == s->cls ||
         (s->cls == ESCRT_CLASS_24_ALIGN8 && size > 16 && size <= 24);
  } else {
    ok = size <= (s->npages << ESCRT_PAGE_SHIFT) &&
         escrt_pages_for(size ? size : 1) == s->npages;
  }
  if (!ok) {
    char what[96];
    snprintf(what, sizeof what, "size %zu does not match the object at",
             size);
    escrt_report(fn, what, p, s);
  }
}

API void free_sized(void *p, size_t size) {
  check_size("free_sized", p, 0, size);
  dealloc(p);
}

API void free_aligned_sized(void *p, size_t align, size_t size) {
  check_size("free_aligned_sized", p, align, size);
  dealloc(p);
}

/* Hands every free page back to the OS now; 1 if the heap had any. */
API int malloc_trim(size_t pad) {
  (void)pad;
  escrt_stats_t before, after;
  escrt_stats(&before);
  /* The calling thread's free stacks pin their spans; other threads' are
   * theirs alone (no atomics on them) and stay. */
  escrt_tcache *tc = escrt_thread_real;
  if (tc) {
    escrt_tcache_flush(tc);
    escrt_transfer_drain(tc);
    /* Spans other threads' frees emptied wait for this thread's next
     * refill otherwise. */
    escrt_tcache_process_pending(tc);
  }
  escrt_heap_scavenge(true);
  escrt_stats(&after);
  return after.heap_released > before.heap_released;
}

/* The class entry points are safe in any process, whichever allocator is
 * its malloc (docs/runtime.md, "Which malloc frees what"): code built with
 * -escape-runtime hands its objects to plain free() in other libraries, so
 * when another allocator is the process's malloc (process.c) the entry
 * points forward to it. The thread's free stacks are then never attached
 * (only escrt's own slow paths attach them, and nothing calls those), so
 * the inline versions in escrt.h always end up here. Decided on the first
 * call of an entry point, never inside escrt's own malloc. */
enum { CLASS_ENTRY_UNKNOWN, CLASS_ENTRY_OURS, CLASS_ENTRY_FORWARD };
static _Atomic int class_entry_mode;

/* Out of line, so that the entry points themselves keep no frame. */
static __attribute__((noinline)) int class_entry_decide(void) {
  int mode = atomic_load_explicit(&class_entry_mode, memory_order_acquire);
  if (mode != CLASS_ENTRY_UNKNOWN)
    return mode;
  mode = escrt_process_malloc_is_ours() ? CLASS_ENTRY_OURS
                                        : CLASS_ENTRY_FORWARD;
  atomic_store_explicit(&class_entry_mode, mode, memory_order_release);
  return mode;
}

static __attribute__((noinline)) void *class_malloc_other(size_t size,
                                                          unsigned cls) {
  if (class_entry_decide() == CLASS_ENTRY_FORWARD)
    return escrt_process_malloc(size);
  return escrt_malloc_class(size, cls);
}

static __attribute__((noinline)) void class_free_other(void *p, unsigned cls) {
  if (class_entry_decide() == CLASS_ENTRY_FORWARD)
    escrt_process_free(p);
  else
    escrt_free_class(p, cls);
}

static inline bool class_entry_is_ours(void) {
  return atomic_load_explicit(&class_entry_mode, memory_order_acquire) ==
         CLASS_ENTRY_OURS;
}

API void *escrt_malloc_class(size_t size, unsigned cls) {
  if (ESCRT_UNLIKELY(!class_entry_is_ours()))
    return class_malloc_other(size, cls);
  if (cls == 0 || cls >= ESCRT_NUM_CLASSES ||
      size > escrt_class_size_table[cls])
    return alloc(size);
  return alloc_class(size, cls);
}

/* The out-of-line half of escrt_free_class_inline, and the entry point
 * itself: the class must be the object's (the inline version trusts it). */
API void escrt_free_class(void *p, unsigned cls) {
  if (ESCRT_UNLIKELY(!class_entry_is_ours())) {
    class_free_other(p, cls);
    return;
  }
  dealloc_as(p, cls);
}

/* Only a thread with a cache of its own gets here: the shared empty
 * cache's stacks are full, so no inline push counts its beat down. */
API void escrt_class_heartbeat(unsigned cls) {
  if (cls && cls < ESCRT_NUM_CLASSES)
    escrt_tcache_heartbeat(escrt_fast_cache(), cls);
}
