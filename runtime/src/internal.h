/* Types and small inline helpers shared by the layers of libescrt, and
 * each layer's functions, grouped by file.
 *
 * Layers, bottom up, one file each; a file calls only the files listed
 * before it (scripts/check-runtime-layers.sh reads this list and checks the
 * objects against it):
 *   os.c        mmap/madvise, clock, randomness, messages
 *   lock.c      the fork handlers, registered once there are threads
 *   process.c   which allocator is the process's malloc
 *   options.c   ESCRT_* environment settings
 *   sizeclass.c Go's size-class table and the size -> class lookups
 *   bootstrap.c static memory for the mallocs of start-up itself
 *   pageheap.c  arenas, the page map, free page runs, the scavenger (mheap)
 *   background.c the background scavenger thread, for idle programs
 *   misuse.c    misuse reports, the ESCRT_DEBUG=1 bitmaps
 *   span.c      one span's free lists (mspan)
 *   central.c   per-class empty spans (mcentral), the transfer cache
 *   cache.c     the per-thread cache and the spans it owns (mcache)
 *   thread.c    a thread's cache, parked caches of exited threads, registry
 *   bin.c       free stacks off the fast path: full, heartbeat, flush
 *   stats.c     escrt_stats (MemStats)
 *   init.c      start-up, a thread's first call and its exit, fork
 *   large.c     large objects: page runs of their own
 *   alloc.c     malloc's slow path
 *   free.c      free's slow path, usable size
 *   api.c       malloc & co: the fast paths
 */
#ifndef ESCRT_INTERNAL_H
#define ESCRT_INTERNAL_H

#include "escrt.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/single_threaded.h>

#define ESCRT_HIDDEN __attribute__((visibility("hidden")))
#define ESCRT_LIKELY(x) __builtin_expect(!!(x), 1)
#define ESCRT_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define ESCRT_TLS __thread __attribute__((tls_model("initial-exec")))

enum {
  ESCRT_PAGE_SHIFT = 13,
  /* Arenas are 64 MiB, aligned, like Go's heapArena on 64-bit Linux. */
  ESCRT_ARENA_SHIFT = 26,
  ESCRT_ARENA_PAGES = 1 << (ESCRT_ARENA_SHIFT - ESCRT_PAGE_SHIFT),
  ESCRT_ARENA_WORDS = ESCRT_ARENA_PAGES / 64,
  /* User space on x86-64 (4-level paging) is 47 bits. */
  ESCRT_ADDRESS_BITS = 47,
  ESCRT_ARENA_MAP_SIZE = 1 << (ESCRT_ADDRESS_BITS - ESCRT_ARENA_SHIFT),
  /* Refills count escrt_tcache.tick down from ESCRT_TICK_RESET by this
   * much; at 0 the background work runs (see tick in alloc.c). */
  ESCRT_TICK_STEP = 64,
  ESCRT_TICK_RESET = 64 * ESCRT_TICK_STEP,
  /* Runs over 16 MiB get a mapping of their own, unmapped on free. */
  ESCRT_HUGE_PAGES = 2048,
  /* Bound of a thread's free stack per class (tcache.bins): 64 KiB of
   * objects, at least 2 and at most 2048. A batch of up to 64 KiB per class
   * stays in the stack; a thread pins at most about 4 MiB in its stacks. */
  ESCRT_LIFO_BYTES = 64 << 10,
  ESCRT_LIFO_MIN = 2,
  ESCRT_LIFO_MAX = 2048,
  /* A stack starts with room for this many objects (or escrt_lifo_max if
   * smaller) and grows to escrt_lifo_max when a bigger one would have kept
   * objects that are wanted again (bin.c). */
  ESCRT_LIFO_START = 63,
  /* Every this many pushes on a class's free stack (escrt_bin.beat counts
   * down), free folds the stack's counts into the cache's and gives the
   * scavenger a chance: a program whose traffic never leaves the stacks
   * must still return idle pages. */
  ESCRT_LIFO_BEAT = 4096,
};

typedef struct escrt_block {
  uintptr_t next; /* encoded, see escrt_encode */
} escrt_block;

typedef struct escrt_span escrt_span;
typedef struct escrt_tcache escrt_tcache;

/* Where a span is; only the thread that owns the span changes it. */
enum escrt_span_where {
  ESCRT_IN_NONE,    /* a large object, or a span changing hands */
  ESCRT_IN_CUR,     /* the owner's current span of its class */
  ESCRT_IN_PARTIAL, /* owner's list of spans that may have free objects */
  ESCRT_IN_FULL,    /* owner's, every object handed out: in no list */
  ESCRT_IN_SPARE,   /* owner's empty spans kept for the class */
  ESCRT_IN_CENTRAL, /* empty, unowned, in the central list of its class */
};

/* The free fast path runs while `used` (see span_used in cache.c) stays in
 * [2, ESCRT_USED_FAST_END): one comparison keeps it off the transitions. */
#define ESCRT_USED_FAST_END 0x10000u

struct escrt_span {
  /* First cache line: everything the fast paths touch. */
  escrt_block *free;       /* malloc pops here */
  escrt_block *local_free; /* the owner's frees (via its free stacks) */
  uint32_t used;           /* objects out as the owner knows it (biased
                              when full, see cache.c) */
  uint8_t cls;             /* size class; 0 = large object */
  uint8_t where;           /* enum escrt_span_where */
  uint8_t large_live;      /* large object: 1 while allocated */
  uint8_t needzero;        /* pages may hold old data */
  uint64_t divisor;        /* ceil(2^64 / elem_size), see escrt_span_is_slot */
  uint64_t slot_limit;
  uintptr_t start;
  uint32_t elem_size;
  /* Every object on `free` comes from the bump run of pages fresh from the
   * OS, so it is zero but for its link: calloc need not clear it. */
  uint8_t free_zero;
  escrt_tcache *owner;     /* fixed while the span holds live objects */
  _Atomic uintptr_t thread_free; /* other threads' frees (encoded list) */
  uint32_t nelems;
  atomic_bool notify_owner;   /* remote frees queue the span (cache.c) */
  /* Colder fields. */
  size_t npages;
  escrt_span *next, *prev;              /* list links (where) */
  escrt_span *pending_next;             /* owner's pending stack */
  atomic_uint pending;                  /* 1 while on a pending stack */
  uint32_t bump; /* offset of the first object never handed out (32 bits:
                    the descriptor stays two cache lines) */
  _Atomic(uint64_t) *live;              /* ESCRT_DEBUG: allocated slots */
};

/* The per-thread cache (Go's mcache). It starts with the free stacks,
 * which are all the fast paths read (escrt_bin, public in escrt.h because
 * the compiler's inline entry points use them too); a thread without a
 * cache points at escrt_tcache_empty, whose stacks are empty and full at
 * once and whose spans never have free objects, so neither fast path needs
 * a test.
 *
 * bins[cls] is jemalloc's cache bin: a stack of pointers to the thread's
 * recent frees of the class (objects of any span, whoever owns it), popped
 * first by malloc. A free writes nothing into the object, so freeing an
 * object that is not in the CPU's cache costs no miss (a random-order free
 * of a large working set, for one). The objects stay counted as out in
 * their spans until the stack overflows (or is flushed, see
 * escrt_tcache_flush), so a free and the next malloc of the class touch
 * the stack, not the span's lists and state, and a batch that spans
 * several spans of a class does not cycle them through the full/partial
 * transitions. A stack holds ESCRT_LIFO_START objects at first and may
 * grow to ESCRT_LIFO_BYTES worth (escrt_lifo_max); each has a NULL slot
 * below its bottom, which the double-free test reads when the stack is
 * empty. */
struct escrt_tcache {
  escrt_bin bins[ESCRT_NUM_CLASSES];
  escrt_bin *last_bin; /* bins[] of the thread's last malloc, unless a free
                          pushed on it since (see dealloc) */
  escrt_span *cur[ESCRT_NUM_CLASSES];
  uint64_t nmalloc[ESCRT_NUM_CLASSES]; /* plus bins[].nmalloc */
  uint64_t nfree[ESCRT_NUM_CLASSES];   /* plus what bins[].beat counted */
  escrt_span *partial[ESCRT_NUM_CLASSES];
  escrt_span *spare[ESCRT_NUM_CLASSES]; /* empty spans kept (linked) */
  size_t spare_bytes;
  int64_t tick;                  /* refills until background work */
  /* bins[].nmalloc when the stack was last full, and whether it was. */
  uint32_t pops_at_full[ESCRT_NUM_CLASSES];
  bool was_full[ESCRT_NUM_CLASSES];
  /* Read or written by other threads: a line of its own, away from the
   * owner's hot fields (tick above), so remote frees do not bounce it. */
  _Alignas(64) _Atomic(escrt_span *) pending; /* spans with remote frees */
  atomic_bool parked;            /* its thread exited; in the pool */
  escrt_tcache *next_all;        /* registry of every cache ever made */
  escrt_tcache *next_parked;
};

typedef struct escrt_arena {
  uintptr_t base;
  bool huge;              /* one object, its own mapping */
  size_t map_bytes;       /* huge: bytes mapped */
  size_t free_pages;
  struct escrt_arena *next; /* address order */
  uint64_t used[ESCRT_ARENA_WORDS];  /* page belongs to a span */
  uint64_t dirty[ESCRT_ARENA_WORDS]; /* page touched and not released */
  uint16_t freed_at[ESCRT_ARENA_PAGES]; /* scavenger clock when freed */
  escrt_span *spans[ESCRT_ARENA_PAGES];
} escrt_arena;

/* libescrt reads its page table and slot tests under these hidden names,
 * with direct loads; escrt_region and escrt_class_slot (escrt.h), which a
 * program built with -escape-runtime reads, are aliases of them
 * (pageheap.c, sizeclass.c). */
extern ESCRT_HIDDEN escrt_region_t escrt_heap_region;
extern ESCRT_HIDDEN escrt_slot_test escrt_slot_tests[ESCRT_NUM_CLASSES];

/* The heap region (escrt_region_t in escrt.h): one address-space
 * reservation from which arenas are cut in order, so that free() finds a
 * page's class with one subtraction and one load instead of walking the
 * arena map (the arena's line, then its spans[] entry, then the span's
 * line). Arenas outside it (the reservation failed or is used up, and huge
 * runs) take free()'s slow path. Before the reservation, base is an address
 * no pointer from malloc has and bytes is 0, so the fast path is never
 * taken. pages[i] is escrt_page_info of page i's span, 0 for free pages
 * and large objects. */

/* Page k of a span of class cls: the page's offset in its span, so that
 * free() has an address's offset from the span's start without the span,
 * and 32 times the class, the offset of its free stack (see escrt.h). */
static inline uint32_t escrt_page_info(unsigned cls, unsigned k) {
  return (uint32_t)k << ESCRT_PAGE_SHIFT | cls << ESCRT_PAGE_CLASS_SHIFT;
}

/* Whether an object starts at offset off of the region (off < bytes), by
 * the page table and the class's slot test (escrt_span_is_slot's), without
 * the span; *at is 32 times its class (see escrt.h). */
static inline bool escrt_region_object(uintptr_t off, uintptr_t *at) {
  uintptr_t info = escrt_heap_region.pages[off >> ESCRT_PAGE_SHIFT];
  uintptr_t cls_at = info & ESCRT_PAGE_CLASS_MASK;
  uintptr_t in_span = (off & (ESCRT_PAGE_SIZE - 1)) + (info ^ cls_at);
  const escrt_slot_test *t =
      (const escrt_slot_test *)((const char *)escrt_slot_tests + cls_at);
  *at = cls_at;
  return in_span * t->divisor < t->limit;
}

/* ---- os.c ---- */
ESCRT_HIDDEN void *escrt_os_map(size_t size, size_t align);
ESCRT_HIDDEN void escrt_os_unmap(void *p, size_t size);
ESCRT_HIDDEN void *escrt_os_remap(void *p, size_t size, size_t new_size,
                                  void *to);
ESCRT_HIDDEN void *escrt_os_reserve(size_t size, size_t align);
ESCRT_HIDDEN bool escrt_os_commit(void *p, size_t size);
ESCRT_HIDDEN void escrt_os_release(void *p, size_t size);
ESCRT_HIDDEN void escrt_os_init(void); /* once, before escrt_clock_ms */
ESCRT_HIDDEN uint64_t escrt_clock_ms(void);
ESCRT_HIDDEN void escrt_message(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
ESCRT_HIDDEN __attribute__((noreturn)) void escrt_fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
ESCRT_HIDDEN uintptr_t escrt_os_random(void);

/* ---- lock.c ---- */
typedef struct escrt_fork_hooks {
  void (*prepare)(void), (*parent)(void), (*child)(void);
} escrt_fork_hooks;
enum { ESCRT_FORK_REGISTERED = -1 };
extern ESCRT_HIDDEN atomic_int escrt_fork_state;
ESCRT_HIDDEN void escrt_fork_hooks_set(const escrt_fork_hooks *hooks);
ESCRT_HIDDEN void escrt_fork_register(void);

/* Whether the fork handlers must be registered now: the process has more
 * than one thread and they are not in yet (lock.c). */
static inline bool escrt_fork_unguarded(void) {
  return ESCRT_UNLIKELY(!__libc_single_threaded) &&
         atomic_load_explicit(&escrt_fork_state, memory_order_relaxed) !=
             ESCRT_FORK_REGISTERED;
}

static inline void escrt_fork_guard(void) {
  if (escrt_fork_unguarded())
    escrt_fork_register();
}

/* Every lock of libescrt is taken through these. */
static inline void escrt_lock(pthread_mutex_t *m) {
  escrt_fork_guard();
  pthread_mutex_lock(m);
}

static inline bool escrt_trylock(pthread_mutex_t *m) {
  escrt_fork_guard();
  return pthread_mutex_trylock(m) == 0;
}

/* ---- process.c ---- */
/* Whether libescrt is what unversioned references to malloc and free bind
 * to; else the other allocator's malloc and free. */
ESCRT_HIDDEN bool escrt_process_malloc_is_ours(void);
ESCRT_HIDDEN void *escrt_process_malloc(size_t size);
ESCRT_HIDDEN void escrt_process_free(void *p);

/* ---- options.c ---- */
typedef struct escrt_options {
  bool debug;          /* ESCRT_DEBUG=1: exact double/invalid free checks */
  bool stats;          /* ESCRT_STATS=1: print statistics at exit */
  uint32_t decay_ms;   /* ESCRT_DECAY_MS: idle time before pages go back */
  uint32_t region_gib; /* ESCRT_REGION_GIB: size of the heap region */
  bool background;     /* ESCRT_BACKGROUND: 0 = no background scavenger */
} escrt_options;
extern ESCRT_HIDDEN escrt_options escrt_opt;
ESCRT_HIDDEN void escrt_options_init(void);

/* ---- sizeclass.c ---- */
extern ESCRT_HIDDEN const uint32_t escrt_class_size_table[ESCRT_NUM_CLASSES];
extern ESCRT_HIDDEN const uint8_t escrt_class_npages[ESCRT_NUM_CLASSES];
extern ESCRT_HIDDEN const uint8_t escrt_class_by8[129];
extern ESCRT_HIDDEN const uint8_t escrt_class_by128[249];
/* escrt_slot_tests (above): per class, the span's divisor and slot_limit
 * (see escrt_span_is_slot). */
ESCRT_HIDDEN void escrt_sizeclass_init(void);

/* ---- bootstrap.c ---- */
ESCRT_HIDDEN void *escrt_bootstrap_alloc(size_t size);
ESCRT_HIDDEN bool escrt_is_bootstrap(const void *p);
ESCRT_HIDDEN size_t escrt_bootstrap_size(const void *p);

/* ---- pageheap.c ---- */
extern ESCRT_HIDDEN escrt_arena *escrt_arena_map[ESCRT_ARENA_MAP_SIZE];
ESCRT_HIDDEN escrt_span *escrt_heap_alloc(size_t npages, size_t align_pages);
ESCRT_HIDDEN void escrt_heap_free(escrt_span *s);
ESCRT_HIDDEN bool escrt_heap_grow(escrt_span *s, size_t npages);
ESCRT_HIDDEN void escrt_heap_scavenge(bool force);
ESCRT_HIDDEN uint64_t escrt_heap_background_pass(void);
ESCRT_HIDDEN void escrt_heap_prepare_background(void);
extern ESCRT_HIDDEN atomic_bool escrt_background_call;
ESCRT_HIDDEN void escrt_region_describe(const escrt_span *s, unsigned cls);
ESCRT_HIDDEN void *escrt_meta_alloc(size_t size);
ESCRT_HIDDEN void escrt_heap_lock_all(void);
ESCRT_HIDDEN void escrt_heap_unlock_all(void);
ESCRT_HIDDEN void escrt_heap_after_fork_child(void);
typedef struct escrt_heap_counts {
  uint64_t sys, inuse, idle, released, meta, scavenges, large_bytes;
  uint64_t large_mallocs, large_frees;
} escrt_heap_counts;
ESCRT_HIDDEN void escrt_heap_counts_get(escrt_heap_counts *out);
ESCRT_HIDDEN void escrt_heap_count_large(size_t bytes, bool alloc);

/* ---- background.c ---- */
ESCRT_HIDDEN void escrt_background_answer(bool in_free);
ESCRT_HIDDEN void escrt_background_lock(void);
ESCRT_HIDDEN void escrt_background_unlock(void);
ESCRT_HIDDEN void escrt_background_after_fork_child(void);
/* Answers the page heap's call for the background thread, at the end of a
 * slow path that may have freed pages, where the thread's cache is
 * consistent again (starting the thread mallocs). in_free: free's slow path
 * or the heartbeat, where starting it is not always safe (see
 * escrt_background_answer). One load otherwise. */
static inline void escrt_background_poll(bool in_free) {
  if (ESCRT_UNLIKELY(atomic_load_explicit(&escrt_background_call,
                                          memory_order_relaxed)))
    escrt_background_answer(in_free);
}

/* ---- misuse.c ---- */
ESCRT_HIDDEN __attribute__((noreturn)) void
escrt_report(const char *fn, const char *what, const void *p, escrt_span *s);
ESCRT_HIDDEN void escrt_debug_reset(escrt_span *s);
/* Flips the object's bit to `alloc`; false if it already had that value. */
ESCRT_HIDDEN bool escrt_debug_flip(escrt_span *s, const void *p, bool alloc);

/* ---- span.c ---- */
extern ESCRT_HIDDEN uintptr_t escrt_key;
ESCRT_HIDDEN void escrt_span_init(escrt_span *s, unsigned cls);
ESCRT_HIDDEN bool escrt_span_extend(escrt_span *s);
ESCRT_HIDDEN uint32_t escrt_span_collect(escrt_span *s);
ESCRT_HIDDEN void escrt_list_push(escrt_span **head, escrt_span *s,
                                  enum escrt_span_where where);
ESCRT_HIDDEN void escrt_list_remove(escrt_span **head, escrt_span *s);

/* ---- central.c ---- */
ESCRT_HIDDEN escrt_span *escrt_central_take(unsigned cls);
ESCRT_HIDDEN void escrt_central_give(escrt_span *s);
ESCRT_HIDDEN bool escrt_transfer_put(unsigned cls, void *const *objs,
                                     uint32_t n);
ESCRT_HIDDEN uint32_t escrt_transfer_take(unsigned cls, void **out,
                                          uint32_t max);
ESCRT_HIDDEN void escrt_central_lock_all(void);
ESCRT_HIDDEN void escrt_central_unlock_all(void);

/* ---- cache.c ---- */
extern ESCRT_HIDDEN escrt_tcache escrt_tcache_empty;
extern ESCRT_HIDDEN escrt_span escrt_span_empty;
ESCRT_HIDDEN escrt_tcache *escrt_tcache_new(void);
ESCRT_HIDDEN escrt_span *escrt_tcache_refill(escrt_tcache *tc, unsigned cls);
ESCRT_HIDDEN void escrt_tcache_free(escrt_tcache *tc, escrt_span *s,
                                    escrt_block *b);
ESCRT_HIDDEN void escrt_tcache_settle(escrt_tcache *tc, escrt_span *s);
ESCRT_HIDDEN void escrt_remote_push(escrt_span *s, escrt_block *head,
                                    escrt_block *tail);
ESCRT_HIDDEN void escrt_tcache_process_pending(escrt_tcache *tc);
ESCRT_HIDDEN void escrt_tcache_drop_stacks(escrt_tcache *tc);
ESCRT_HIDDEN void escrt_tcache_abandon(escrt_tcache *tc);

/* ---- thread.c ---- */
/* The thread's cache, NULL until its first slow path and after its exit. */
ESCRT_HIDDEN extern ESCRT_TLS escrt_tcache *escrt_thread_real;
/* The fast paths' cache: escrt_thread_bins (escrt.h) is its bins[], the
 * first member. */
static inline escrt_tcache *escrt_fast_cache(void) {
  return (escrt_tcache *)escrt_thread_bins;
}
ESCRT_HIDDEN escrt_tcache *escrt_thread_attach(void);
ESCRT_HIDDEN void escrt_thread_abandon(escrt_tcache *tc);
ESCRT_HIDDEN void escrt_registry_add(escrt_tcache *tc);
ESCRT_HIDDEN escrt_tcache *escrt_registry_first(void);
ESCRT_HIDDEN void escrt_pool_sweep(bool wait);
ESCRT_HIDDEN bool escrt_pool_reclaim(escrt_tcache *tc, escrt_span *s);
ESCRT_HIDDEN void escrt_pool_lock(void);
ESCRT_HIDDEN void escrt_pool_unlock(void);
ESCRT_HIDDEN void escrt_pool_after_fork_child(escrt_tcache *mine);

/* ---- bin.c ---- */
ESCRT_HIDDEN void escrt_tcache_flush(escrt_tcache *tc);
ESCRT_HIDDEN void escrt_tcache_heartbeat(escrt_tcache *tc, unsigned cls);
ESCRT_HIDDEN void escrt_bin_push_slow(escrt_tcache *tc, unsigned cls, void *p);
ESCRT_HIDDEN bool escrt_bin_take_transfer(escrt_tcache *tc, unsigned cls);
ESCRT_HIDDEN void escrt_transfer_drain(escrt_tcache *tc);

/* ---- init.c ---- */
ESCRT_HIDDEN escrt_tcache *escrt_tcache_current(void);

/* ---- large.c ---- */
ESCRT_HIDDEN void *escrt_large_alloc(size_t size, size_t align, bool zero);
ESCRT_HIDDEN void escrt_large_free(void *p, escrt_span *s);
ESCRT_HIDDEN void *escrt_large_grow(void *p, size_t size);

/* ---- alloc.c ---- */
ESCRT_HIDDEN void *escrt_malloc_slow(size_t size, unsigned cls, bool zero);

/* ---- free.c ---- */
ESCRT_HIDDEN void escrt_free_slow(void *p);
ESCRT_HIDDEN size_t escrt_usable(const void *p);

/* ---- inline helpers ---- */

/* Safe-linking (glibc's idea, with a per-process key): a link is stored as
 * next ^ (address of the link >> 12) ^ key, so an overwritten or forged link
 * decodes to garbage instead of a chosen address. */
static inline uintptr_t escrt_encode(const escrt_block *next,
                                     const escrt_block *at) {
  return (uintptr_t)next ^ ((uintptr_t)at >> 12) ^ escrt_key;
}
static inline escrt_block *escrt_decode(const escrt_block *at) {
  return (escrt_block *)(at->next ^ ((uintptr_t)at >> 12) ^ escrt_key);
}

/* The span holding address p, or NULL (not ours, or a free page). */
static inline escrt_arena *escrt_arena_of(uintptr_t a) {
  uintptr_t i = a >> ESCRT_ARENA_SHIFT;
  return ESCRT_LIKELY(i < ESCRT_ARENA_MAP_SIZE) ? escrt_arena_map[i] : NULL;
}
static inline escrt_span *escrt_span_of(const void *p) {
  uintptr_t a = (uintptr_t)p;
  escrt_arena *ar = escrt_arena_of(a);
  if (!ar)
    return NULL;
  return ar->spans[(a >> ESCRT_PAGE_SHIFT) & (ESCRT_ARENA_PAGES - 1)];
}

/* a (an address inside small span s) is the start of an object. With
 * c = ceil(2^64/size), Lemire's remainder theorem gives: off * c (mod 2^64)
 * is at least c when size does not divide off (off < 2^32), and is q * e for
 * off = q * size, where e = c * size - 2^64 < size. So one multiply and one
 * compare against slot_limit = nelems * e (1 when e = 0, i.e. a power of
 * two without tail) accept exactly the nelems object starts, rejecting the
 * span's tail too. Checked exhaustively for every class and offset. */
static inline bool escrt_span_is_slot(const escrt_span *s, uintptr_t a) {
  return (a - s->start) * s->divisor < s->slot_limit;
}

static inline unsigned escrt_class_of(size_t size) {
  if (ESCRT_LIKELY(size <= 1024))
    return escrt_class_by8[(size + 7) >> 3];
  if (size <= ESCRT_MAX_SMALL_SIZE)
    return escrt_class_by128[(size - 1024 + 127) >> 7];
  return 0;
}

/* How many objects of class cls a thread's free stack holds. */
static inline uint32_t escrt_lifo_max(unsigned cls) {
  uint32_t n = ESCRT_LIFO_BYTES / escrt_class_size_table[cls];
  return n < ESCRT_LIFO_MIN ? ESCRT_LIFO_MIN
                            : n > ESCRT_LIFO_MAX ? ESCRT_LIFO_MAX : n;
}

static inline size_t escrt_pages_for(size_t size) {
  return (size + ESCRT_PAGE_SIZE - 1) >> ESCRT_PAGE_SHIFT;
}

static inline uint64_t escrt_relaxed_load(const uint64_t *p) {
  return *(const volatile uint64_t *)p;
}

#endif /* ESCRT_INTERNAL_H */
