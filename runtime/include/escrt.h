/* libescrt: a Go-style size-class allocator for C.
 *
 * Linking with -lescrt (or LD_PRELOAD=libescrt.so) replaces malloc and the
 * rest of the C allocation API; this header adds what only libescrt has:
 * statistics in the spirit of Go's runtime.MemStats and the entry points the
 * Escape plugin calls when it knows an allocation's size class at compile time
 * (see docs/runtime.md).
 */
#ifndef ESCRT_H
#define ESCRT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ESCRT_API __attribute__((visibility("default")))

/* Go's size classes: class 0 means "large object, a run of whole pages";
 * classes 1..67 hold objects of 8 bytes .. 32 KiB in spans of 8 KiB pages. */
#define ESCRT_NUM_CLASSES 68
#define ESCRT_MAX_SMALL_SIZE 32768
#define ESCRT_PAGE_SIZE 8192
/* The 24-byte class is only 8-aligned, so plain malloc(17..24) never uses
 * it; only a caller that knows the object needs alignment 8 at most does. */
#define ESCRT_CLASS_24_ALIGN8 3

/* ---- Compiler entry points (-escape-runtime) ----------------------------
 * escrt_malloc_class(size, cls): allocate `size` bytes from size class `cls`
 * without the size->class lookup. `size` must be <= escrt_class_size(cls);
 * cls 0 or an out-of-range class falls back to malloc(size). The object is
 * aligned to the class's natural alignment (16 for every class but 1 and 3).
 * escrt_free_class(p, cls): free an object known to come from class `cls`.
 * In IR the plugin declares them with allockind("alloc,uninitialized"),
 * allocsize(0) and "alloc-family"="malloc" (resp. allockind("free") with
 * allocptr), so LLVM keeps treating them as malloc/free. */
ESCRT_API void *escrt_malloc_class(size_t size, unsigned cls)
    __attribute__((malloc, alloc_size(1), warn_unused_result));
ESCRT_API void escrt_free_class(void *p, unsigned cls);
/* What a push that counted the calling thread's stack of `cls` down to its
 * heartbeat calls (escrt_free_class_inline and -escape-runtime's inline
 * free): the stack's counts go to the cache, and the scavenger runs. */
ESCRT_API void escrt_class_heartbeat(unsigned cls);

/* Inline versions for code that knows the class at compile time (what
 * -escape-runtime emits; Go's compiler calls size-class-specialised
 * mallocgc variants the same way). They pop from and push on the calling
 * thread's free stack of the class, and call the functions above for
 * everything else (an empty or full stack, a thread without a cache, the
 * periodic heartbeat, ESCRT_DEBUG=1). `cls` must be 1..ESCRT_NUM_CLASSES-1
 * and `size` at most its object size. escrt_free_class_inline trusts `cls`:
 * pass only what escrt_malloc_class(_inline) got for the object (the
 * out-of-line escrt_free_class checks it). Code using them must link
 * libescrt itself (-lescrt, not only LD_PRELOAD), as it reads libescrt's
 * thread-local stacks. Every stack, the shared empty one of a thread
 * without a cache included, has a readable slot below its top: a push may
 * read top[-1] before it knows that top != full. */
typedef struct escrt_bin {
  void **top;       /* next free slot */
  void **empty;     /* top == empty: no objects */
  void **full;      /* top == full: no room */
  uint32_t nmalloc; /* pops since the last heartbeat */
  uint32_t beat;    /* pushes until the heartbeat */
} escrt_bin;
extern __thread escrt_bin *escrt_thread_bins
    __attribute__((tls_model("initial-exec"), visibility("default")));

static inline __attribute__((always_inline, malloc, alloc_size(1))) void *
escrt_malloc_class_inline(size_t size, unsigned cls) {
  escrt_bin *b = &escrt_thread_bins[cls];
  void **top = b->top;
  if (__builtin_expect(top != b->empty, 1)) {
    b->top = --top;
    b->nmalloc++;
    return *top;
  }
  return escrt_malloc_class(size, cls);
}

static inline __attribute__((always_inline)) void
escrt_free_class_inline(void *p, unsigned cls) {
  escrt_bin *b = &escrt_thread_bins[cls];
  void **top = b->top;
  if (__builtin_expect(top != b->full && top[-1] != p, 1)) {
    *top = p;
    b->top = top + 1;
    if (__builtin_expect(--b->beat == 0, 0))
      escrt_class_heartbeat(cls);
    return;
  }
  escrt_free_class(p, cls);
}

/* What free's fast path reads to find an object's class without its span;
 * -escape-runtime's inline free of an object of unknown class reads it too,
 * so the layout is an ABI (runtime/src/api.c asserts it). pages[i]
 * describes page i of the heap region [base, base + bytes): the page's byte
 * offset in its span (a multiple of ESCRT_PAGE_SIZE) plus 32 times the
 * span's class (0 for a page of no small object). 32 times the class is
 * the byte offset of the class's escrt_bin in a thread's stacks and of its
 * escrt_slot_test in escrt_class_slot, so one masked value addresses both.
 * An address of the region is the start of an object when its offset in
 * its span times the class's divisor is below its limit (class 0's test
 * admits no offset). Before libescrt reserves the region, bytes is 0. */
#define ESCRT_PAGE_CLASS_SHIFT 5
#define ESCRT_PAGE_CLASS_MASK (0xffu << ESCRT_PAGE_CLASS_SHIFT)
typedef struct escrt_region {
  uintptr_t base;
  uintptr_t bytes;
  uint32_t *pages;
} escrt_region_t;
typedef struct escrt_slot_test {
  uint64_t divisor;
  uint64_t limit;
  uint64_t size;   /* the class's object size, for realloc and malloc_usable_size */
  uint64_t unused; /* 32 bytes, as an escrt_bin */
} escrt_slot_test;
ESCRT_API extern escrt_region_t escrt_region;
ESCRT_API extern escrt_slot_test escrt_class_slot[ESCRT_NUM_CLASSES];

/* The class malloc(size) uses (0 for large objects). */
ESCRT_API unsigned escrt_size_class(size_t size);
/* Object size of a class (0 for class 0 or out of range). */
ESCRT_API size_t escrt_class_size(unsigned cls);

/* ---- Statistics (Go's runtime.MemStats names in comments) --------------- */
typedef struct escrt_class_stats {
  uint32_t size;    /* Size: object size of the class */
  uint64_t mallocs; /* Mallocs: cumulative objects allocated */
  uint64_t frees;   /* Frees: cumulative objects freed */
} escrt_class_stats;

typedef struct escrt_stats_t {
  uint64_t heap_alloc;    /* HeapAlloc: bytes of live objects (class size) */
  uint64_t heap_sys;      /* HeapSys: bytes of address space for the heap */
  uint64_t heap_inuse;    /* HeapInuse: bytes in spans holding objects */
  uint64_t heap_idle;     /* HeapIdle: bytes in free page runs */
  uint64_t heap_released; /* HeapReleased: idle bytes returned to the OS */
  uint64_t heap_objects;  /* HeapObjects: live objects */
  uint64_t mallocs;       /* Mallocs: cumulative allocations */
  uint64_t frees;         /* Frees: cumulative frees */
  uint64_t meta_sys;      /* bytes of metadata (spans, arenas, caches) */
  uint64_t num_scavenges; /* scavenger passes that returned memory */
  /* by_size[0] counts large objects (size 0 = varies). */
  escrt_class_stats by_size[ESCRT_NUM_CLASSES];
} escrt_stats_t;

/* Fills *out. Counts of other threads are read without stopping them, so
 * they are a consistent-enough snapshot, not an atomic one. */
ESCRT_API void escrt_stats(escrt_stats_t *out);
/* Writes the statistics as text to file descriptor fd (ESCRT_STATS=1 does
 * this at exit on fd 2). */
ESCRT_API void escrt_stats_print(int fd);

/* ---- Non-standard C API also provided ----------------------------------- */
ESCRT_API void free_sized(void *p, size_t size);
ESCRT_API void free_aligned_sized(void *p, size_t alignment, size_t size);

#ifdef __cplusplus
}
#endif
#endif /* ESCRT_H */
