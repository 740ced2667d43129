/* The page heap (Go's mheap): 64 MiB arenas carved into runs of 8 KiB pages.
 *
 * Each arena keeps a bitmap of pages in use and of pages that are dirty
 * (touched and not yet returned to the OS). Free runs are the gaps in the
 * in-use bitmap, so coalescing is implicit; allocation is address-ordered
 * first fit over arenas kept in address order, which packs the heap low and
 * lets idle arenas age out whole. The page map (escrt_arena_map, then the
 * arena's spans[]) takes any address to its span, and says "not ours" for
 * memory we never mapped. Arenas are cut from one reserved region (see
 * escrt_region_t), whose page table gives free() a page's class and place
 * in its span with one load (span.c sets the entries, this file clears
 * them). Runs over 16 MiB get a mapping of their own.
 *
 * The scavenger returns pages that stayed free for ESCRT_DECAY_MS with
 * MADV_DONTNEED. It runs from slow paths (span refills, page-heap calls, the
 * free stacks' heartbeat), at most every 50 ms, so a program needs no call
 * to get its memory back; and once 4 MiB of freed pages wait for it, from
 * the background thread too (background.c), for a program that stops
 * calling the allocator; a process with threads has that thread made, parked,
 * once its heap has held 4 MiB (escrt_heap_prepare_background). */
#include "internal.h"

#include <string.h>
#include <sys/resource.h>

ESCRT_HIDDEN escrt_arena *escrt_arena_map[ESCRT_ARENA_MAP_SIZE];
/* No pointer is in [2^63, 2^63 + 0): see escrt_region_t. */
escrt_region_t escrt_heap_region = {.base = (uintptr_t)1 << 63};
/* The exported name of the same object. A program linked without PIE
 * against libescrt.so has a copy of it, made when the program is loaded,
 * before the region is reserved, and never written: its inline free finds
 * every address outside the region and calls free, which is correct. */
extern escrt_region_t escrt_region __attribute__((alias("escrt_heap_region")));
static uintptr_t region_used;  /* bytes of the region given to arenas */
static bool region_tried;

static pthread_mutex_t heap_lock = PTHREAD_MUTEX_INITIALIZER;
static escrt_arena *arenas;      /* normal arenas, address order */
static escrt_span *span_structs; /* recycled span descriptors */
static uint64_t sys_bytes, inuse_pages, dirty_free_pages, scavenges;
static _Atomic uint64_t last_scavenge_ms;
/* A background pass (background.c) is due: set when free dirty pages reach
 * BACKGROUND_PAGES, cleared by a pass that leaves none. */
static bool background_due;
/* Raised with background_due, for the next slow path to answer
 * (escrt_background_poll): the page heap cannot wake the thread itself, as
 * it runs in the middle of its callers' updates of a thread's cache, and
 * starting a thread mallocs. */
ESCRT_HIDDEN atomic_bool escrt_background_call;
/* The pages in use have reached BACKGROUND_PAGES (at some time; never
 * cleared): the heap can free a burst that calls for the thread. */
static atomic_bool held_background_pages;
static _Atomic uint64_t large_bytes, large_mallocs, large_frees;

static pthread_mutex_t meta_lock = PTHREAD_MUTEX_INITIALIZER;
static char *meta_cur, *meta_end;
static uint64_t meta_bytes;

enum {
  SCAVENGE_EVERY_MS = 50,
  CLOCK_QUANTUM_SHIFT = 6, /* 64 ms */
  /* CLOCK_MONOTONIC_COARSE lags the clock the background thread sleeps on
   * by up to a jiffy (4 ms at HZ=250). */
  COARSE_CLOCK_LAG_MS = 10,
  /* Free dirty pages that call for the background thread: 4 MiB, the order
   * of what the threads' spares and the central lists keep anyway, so a
   * program that never frees more never starts it. */
  BACKGROUND_PAGES = (4 << 20) >> ESCRT_PAGE_SHIFT,
};

/* A free may not make the background thread while the process has threads
 * (background.c), yet a burst's frees are what call for it: the call would
 * wait for a malloc slow path that an idle program never makes. So a
 * process with threads whose heap has held BACKGROUND_PAGES calls for the
 * thread now, and the next malloc slow path makes it; it parks until a
 * burst wakes it. Called when the heap first holds them, and when the
 * process gets its second thread (api.c). */
void escrt_heap_prepare_background(void) {
  if (atomic_load_explicit(&held_background_pages, memory_order_relaxed) &&
      !__libc_single_threaded && escrt_opt.background)
    atomic_store_explicit(&escrt_background_call, true, memory_order_relaxed);
}

/* Under heap_lock, after the pages in use grew. */
static void note_growth(void) {
  if (inuse_pages < BACKGROUND_PAGES ||
      atomic_load_explicit(&held_background_pages, memory_order_relaxed))
    return;
  atomic_store_explicit(&held_background_pages, true, memory_order_relaxed);
  escrt_heap_prepare_background();
}

/* Metadata (span descriptors, caches, debug bitmaps) comes from its own
 * mappings, never from the heap it describes, and is never returned. */
void *escrt_meta_alloc(size_t size) {
  size = (size + 63) & ~(size_t)63;
  escrt_lock(&meta_lock);
  if ((size_t)(meta_end - meta_cur) < size) {
    size_t chunk = size > (1 << 20) ? size : (1 << 20);
    char *p = escrt_os_map(chunk, 4096);
    if (!p) {
      pthread_mutex_unlock(&meta_lock);
      return NULL;
    }
    meta_cur = p;
    meta_end = p + chunk;
    meta_bytes += chunk;
  }
  void *r = meta_cur;
  meta_cur += size;
  pthread_mutex_unlock(&meta_lock);
  return r;
}

/* ---- bitmaps ---- */

/* First index in [from, limit) whose bit equals `set`, else limit. */
static size_t find_bit(const uint64_t *bits, size_t from, size_t limit,
                       bool set) {
  while (from < limit) {
    size_t w = from >> 6;
    uint64_t word = (set ? bits[w] : ~bits[w]) & (~0ull << (from & 63));
    if (word) {
      size_t i = (w << 6) + (size_t)__builtin_ctzll(word);
      return i < limit ? i : limit;
    }
    from = (w + 1) << 6;
  }
  return limit;
}

static void set_range(uint64_t *bits, size_t i, size_t n, bool v) {
  for (size_t end = i + n; i < end;) {
    size_t bit = i & 63, k = 64 - bit < end - i ? 64 - bit : end - i;
    uint64_t mask = (k == 64 ? ~0ull : ((1ull << k) - 1)) << bit;
    if (v)
      bits[i >> 6] |= mask;
    else
      bits[i >> 6] &= ~mask;
    i += k;
  }
}

static bool bit_set(const uint64_t *bits, size_t i) {
  return bits[i >> 6] >> (i & 63) & 1;
}

static size_t count_range(const uint64_t *bits, size_t i, size_t n) {
  size_t c = 0;
  for (size_t end = i + n; i < end;) {
    size_t bit = i & 63, k = 64 - bit < end - i ? 64 - bit : end - i;
    uint64_t mask = (k == 64 ? ~0ull : ((1ull << k) - 1)) << bit;
    c += (size_t)__builtin_popcountll(bits[i >> 6] & mask);
    i += k;
  }
  return c;
}

/* ---- span descriptors (under heap_lock) ---- */

static escrt_span *span_new(void) {
  escrt_span *s = span_structs;
  if (s)
    span_structs = s->next;
  else if (!(s = escrt_meta_alloc(sizeof *s)))
    return NULL;
  memset(s, 0, sizeof *s);
  return s;
}

static void span_recycle(escrt_span *s) {
  s->next = span_structs;
  span_structs = s;
}

/* ---- arenas ---- */

/* Arena metadata, zeroed: every page maps to no span. */
static escrt_arena *arena_meta_new(void) {
  return escrt_os_map(sizeof(escrt_arena), 4096);
}

/* Reserves the region (once, under heap_lock): ESCRT_REGION_GIB, or a
 * quarter of it at a time down to one arena if the address space grants
 * less. Under a limit on address space (ulimit -v), which counts
 * reservations too, at most a quarter of the limit. The page table is
 * mapped with it, and only the entries of arenas in use are ever touched. */
static void region_reserve(void) {
  region_tried = true;
  size_t arena = (size_t)1 << ESCRT_ARENA_SHIFT;
  size_t want = (size_t)escrt_opt.region_gib << 30;
  struct rlimit as;
  if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY &&
      want > as.rlim_cur / 4)
    want = as.rlim_cur / 4 & ~(arena - 1);
  for (size_t bytes = want; bytes >= arena; bytes = bytes / 4 & ~(arena - 1)) {
    size_t table = (bytes >> ESCRT_PAGE_SHIFT) * sizeof(uint32_t);
    uint32_t *pages = escrt_os_map(table, 4096);
    if (!pages)
      continue;
    void *base = escrt_os_reserve(bytes, (size_t)1 << ESCRT_ARENA_SHIFT);
    if (!base) {
      escrt_os_unmap(pages, table);
      continue;
    }
    escrt_heap_region.pages = pages;
    escrt_heap_region.base = (uintptr_t)base;
    /* Last: a thread's fast path that sees bytes != 0 sees the rest. */
    atomic_store_explicit((_Atomic uintptr_t *)&escrt_heap_region.bytes, bytes,
                          memory_order_release);
    return;
  }
}

/* The address space of a new arena: the next slot of the region, else a
 * mapping of its own (free() then takes its slow path there). */
static void *arena_space(void) {
  size_t bytes = (size_t)1 << ESCRT_ARENA_SHIFT;
  if (!region_tried)
    region_reserve();
  if (region_used < escrt_heap_region.bytes) {
    void *base = (void *)(escrt_heap_region.base + region_used);
    if (escrt_os_commit(base, bytes)) {
      region_used += bytes;
      return base;
    }
  }
  return escrt_os_map(bytes, bytes);
}

/* Writes the page table's entries of span s for class cls (0: no small
 * object). The entries of free pages and of large objects are 0 throughout:
 * a small span is described 0 before its pages go back (escrt_central_give),
 * so the page heap itself never writes them, which spares a large object's
 * allocation, growth and free a pass over its pages. */
void escrt_region_describe(const escrt_span *s, unsigned cls) {
  uintptr_t off = s->start - escrt_heap_region.base;
  if (off >= escrt_heap_region.bytes)
    return;
  uint32_t *info = &escrt_heap_region.pages[off >> ESCRT_PAGE_SHIFT];
  for (unsigned k = 0; k < s->npages; k++)
    info[k] = cls ? escrt_page_info(cls, k) : 0;
}

static escrt_arena *arena_new(void) {
  escrt_arena *ar = arena_meta_new();
  if (!ar)
    return NULL;
  void *base = arena_space();
  if (!base) {
    escrt_os_unmap(ar, sizeof *ar);
    return NULL;
  }
  ar->base = (uintptr_t)base;
  ar->free_pages = ESCRT_ARENA_PAGES;
  escrt_arena **at = &arenas;
  while (*at && (*at)->base < ar->base)
    at = &(*at)->next;
  ar->next = *at;
  *at = ar;
  sys_bytes += (size_t)1 << ESCRT_ARENA_SHIFT;
  atomic_store_explicit(
      (_Atomic(escrt_arena *) *)&escrt_arena_map[ar->base >> ESCRT_ARENA_SHIFT],
      ar, memory_order_release);
  return ar;
}

/* First page of the first free run of n pages starting on a multiple of
 * align (in pages), or SIZE_MAX. */
static size_t arena_find(const escrt_arena *ar, size_t n, size_t align) {
  size_t i = 0;
  while (i < ESCRT_ARENA_PAGES) {
    size_t a = find_bit(ar->used, i, ESCRT_ARENA_PAGES, false);
    size_t s = (a + align - 1) & ~(align - 1);
    if (s + n > ESCRT_ARENA_PAGES)
      break;
    /* Only the n pages from s need to be free: scanning on to the end of
     * the free run cost ~1000 instructions a call in a fresh arena. */
    size_t b = find_bit(ar->used, a, s + n, true);
    if (b == s + n)
      return s;
    i = b;
  }
  return SIZE_MAX;
}

/* A run over 16 MiB (or aligned beyond an arena): its own mapping. Only the
 * first 64 MiB slot of the map points at it, so interior pointers past that
 * read as "not ours", which is all free() needs. */
static escrt_span *huge_alloc(size_t npages, size_t align_pages) {
  size_t bytes = npages << ESCRT_PAGE_SHIFT;
  size_t align = (size_t)1 << ESCRT_ARENA_SHIFT;
  if ((align_pages << ESCRT_PAGE_SHIFT) > align)
    align = align_pages << ESCRT_PAGE_SHIFT;
  if (npages > (SIZE_MAX >> ESCRT_PAGE_SHIFT) - align)
    return NULL;
  escrt_arena *ar = arena_meta_new();
  if (!ar)
    return NULL;
  void *base = escrt_os_map(bytes, align);
  escrt_lock(&heap_lock);
  escrt_span *s = base ? span_new() : NULL;
  if (!s) {
    pthread_mutex_unlock(&heap_lock);
    if (base)
      escrt_os_unmap(base, bytes);
    escrt_os_unmap(ar, sizeof *ar);
    return NULL;
  }
  ar->base = (uintptr_t)base;
  ar->huge = true;
  ar->map_bytes = bytes;
  s->start = ar->base;
  s->npages = npages;
  ar->spans[0] = s;
  sys_bytes += bytes;
  inuse_pages += npages;
  note_growth();
  atomic_store_explicit(
      (_Atomic(escrt_arena *) *)&escrt_arena_map[ar->base >> ESCRT_ARENA_SHIFT],
      ar, memory_order_release);
  pthread_mutex_unlock(&heap_lock);
  return s;
}

static void huge_free(escrt_arena *ar, escrt_span *s) {
  escrt_lock(&heap_lock);
  escrt_arena_map[ar->base >> ESCRT_ARENA_SHIFT] = NULL;
  sys_bytes -= ar->map_bytes;
  inuse_pages -= s->npages;
  span_recycle(s);
  pthread_mutex_unlock(&heap_lock);
  escrt_os_unmap((void *)ar->base, ar->map_bytes);
  escrt_os_unmap(ar, sizeof *ar);
}

/* Grows the mapping of a huge run without copying (mremap): in place, else
 * moved onto a fresh reservation aligned like huge_alloc's, so that the
 * run still has the first slot of its 64 MiB of the map to itself. */
static bool huge_grow(escrt_arena *ar, escrt_span *s, size_t npages) {
  size_t bytes = npages << ESCRT_PAGE_SHIFT;
  size_t align = (size_t)1 << ESCRT_ARENA_SHIFT;
  void *to = escrt_os_reserve(bytes, align);
  void *base = escrt_os_remap((void *)ar->base, ar->map_bytes, bytes, to);
  if (!base) {
    if (to)
      escrt_os_unmap(to, bytes);
    return false;
  }
  if (to && base != to) /* grown in place: the reservation is not needed */
    escrt_os_unmap(to, bytes);
  escrt_lock(&heap_lock);
  if ((uintptr_t)base != ar->base) {
    escrt_arena_map[ar->base >> ESCRT_ARENA_SHIFT] = NULL;
    atomic_store_explicit((_Atomic(escrt_arena *) *)&escrt_arena_map
                              [(uintptr_t)base >> ESCRT_ARENA_SHIFT],
                          ar, memory_order_release);
  }
  ar->base = s->start = (uintptr_t)base;
  sys_bytes += bytes - ar->map_bytes;
  inuse_pages += npages - s->npages;
  note_growth();
  ar->map_bytes = bytes;
  s->npages = npages;
  pthread_mutex_unlock(&heap_lock);
  return true;
}

static bool run_grow(escrt_arena *ar, escrt_span *s, size_t npages) {
  if (npages > ESCRT_HUGE_PAGES)
    return false;
  size_t i = (s->start - ar->base) >> ESCRT_PAGE_SHIFT, end = i + s->npages;
  if (i + npages > ESCRT_ARENA_PAGES)
    return false;
  size_t more = npages - s->npages;
  escrt_lock(&heap_lock);
  bool free_after = find_bit(ar->used, end, i + npages, true) == i + npages;
  if (free_after) {
    dirty_free_pages -= count_range(ar->dirty, end, more);
    set_range(ar->used, end, more, true);
    set_range(ar->dirty, end, more, true);
    ar->free_pages -= more;
    inuse_pages += more;
    note_growth();
    for (size_t k = end; k < i + npages; k++)
      ar->spans[k] = s;
    s->npages = npages;
  }
  pthread_mutex_unlock(&heap_lock);
  return free_after;
}

/* Grows the run of span s (a large object) to npages without copying: over
 * the free pages after it in its arena, or by mremap for a huge run. False
 * if they are taken (the caller copies). */
bool escrt_heap_grow(escrt_span *s, size_t npages) {
  escrt_arena *ar = escrt_arena_of(s->start);
  size_t old = s->npages;
  if (!(ar->huge ? npages > ESCRT_HUGE_PAGES && huge_grow(ar, s, npages)
                 : run_grow(ar, s, npages)))
    return false;
  atomic_fetch_add_explicit(&large_bytes, (npages - old) << ESCRT_PAGE_SHIFT,
                            memory_order_relaxed);
  return true;
}

escrt_span *escrt_heap_alloc(size_t npages, size_t align_pages) {
  if (npages > ESCRT_HUGE_PAGES || align_pages > ESCRT_ARENA_PAGES / 2)
    return huge_alloc(npages, align_pages);
  escrt_lock(&heap_lock);
  escrt_arena *ar;
  size_t i = SIZE_MAX;
  for (ar = arenas; ar; ar = ar->next)
    if (ar->free_pages >= npages &&
        (i = arena_find(ar, npages, align_pages)) != SIZE_MAX)
      break;
  if (!ar) {
    if (!(ar = arena_new()) ||
        (i = arena_find(ar, npages, align_pages)) == SIZE_MAX) {
      pthread_mutex_unlock(&heap_lock);
      return NULL;
    }
  }
  escrt_span *s = span_new();
  if (!s) {
    pthread_mutex_unlock(&heap_lock);
    return NULL;
  }
  size_t dirty = count_range(ar->dirty, i, npages);
  set_range(ar->used, i, npages, true);
  set_range(ar->dirty, i, npages, true);
  ar->free_pages -= npages;
  inuse_pages += npages;
  note_growth();
  dirty_free_pages -= dirty;
  s->start = ar->base + (i << ESCRT_PAGE_SHIFT);
  s->npages = npages;
  s->needzero = dirty != 0;
  for (size_t k = 0; k < npages; k++)
    ar->spans[i + k] = s;
  pthread_mutex_unlock(&heap_lock);
  return s;
}

void escrt_heap_free(escrt_span *s) {
  escrt_arena *ar = escrt_arena_of(s->start);
  if (ar->huge) {
    huge_free(ar, s);
    return;
  }
  uint16_t now = (uint16_t)(escrt_clock_ms() >> CLOCK_QUANTUM_SHIFT);
  size_t i = (s->start - ar->base) >> ESCRT_PAGE_SHIFT, n = s->npages;
  escrt_lock(&heap_lock);
  for (size_t k = 0; k < n; k++) {
    ar->spans[i + k] = NULL;
    ar->freed_at[i + k] = now;
  }
  set_range(ar->used, i, n, false);
  ar->free_pages += n;
  inuse_pages -= n;
  dirty_free_pages += n;
  if (!background_due && dirty_free_pages >= BACKGROUND_PAGES &&
      escrt_opt.background) {
    background_due = true;
    atomic_store_explicit(&escrt_background_call, true, memory_order_relaxed);
  }
  span_recycle(s);
  pthread_mutex_unlock(&heap_lock);
}

/* ---- scavenger ---- */

/* Returns free dirty pages idle for at least `decay` clock ticks at tick
 * `now`; under heap_lock, which is dropped around madvise, with the range
 * marked in use so nobody allocates it meanwhile. Returns the fewest ticks
 * until one of the pages it keeps has been idle that long, 0 when it keeps
 * none. */
static uint32_t release_idle(uint16_t now, uint32_t decay) {
  uint32_t next = 0;
  bool released = false;
  for (escrt_arena *ar = arenas; ar && dirty_free_pages; ar = ar->next) {
    size_t i = 0;
    while (i < ESCRT_ARENA_PAGES) {
      /* Next free dirty page old enough, then the run of such pages. */
      size_t a = find_bit(ar->dirty, i, ESCRT_ARENA_PAGES, true);
      a = a < ESCRT_ARENA_PAGES ? find_bit(ar->used, a, ESCRT_ARENA_PAGES,
                                           false)
                                : a;
      if (a == ESCRT_ARENA_PAGES)
        break;
      size_t b = a;
      while (b < ESCRT_ARENA_PAGES && !bit_set(ar->used, b) &&
             bit_set(ar->dirty, b) &&
             (uint16_t)(now - ar->freed_at[b]) >= decay)
        b++;
      if (b == a) {
        if (bit_set(ar->dirty, a)) { /* free and dirty, but too young */
          uint32_t left = decay - (uint16_t)(now - ar->freed_at[a]);
          next = next && next < left ? next : left;
        }
        i = a + 1;
        continue;
      }
      size_t n = b - a;
      set_range(ar->used, a, n, true);
      pthread_mutex_unlock(&heap_lock);
      escrt_os_release((void *)(ar->base + (a << ESCRT_PAGE_SHIFT)),
                       n << ESCRT_PAGE_SHIFT);
      escrt_lock(&heap_lock);
      set_range(ar->used, a, n, false);
      set_range(ar->dirty, a, n, false);
      dirty_free_pages -= n;
      released = true;
      i = b;
    }
  }
  scavenges += released;
  /* The call is left for a slow path to answer: it may be a fork child's
   * call for its own thread (escrt_background_after_fork_child), which
   * only a malloc can answer there; a heartbeat that cleared it left the
   * child's next burst without a thread (found by idle-returns-memory.c's
   * fork case under load). A call that finds nothing to do costs a wake. */
  if (!dirty_free_pages) {
    background_due = false;
    return 0;
  }
  return next;
}

/* The heartbeat: returns free dirty pages idle for the decay time (all of
 * them when forced). */
void escrt_heap_scavenge(bool force) {
  uint64_t now_ms = escrt_clock_ms();
  uint64_t last = atomic_load_explicit(&last_scavenge_ms, memory_order_relaxed);
  if (!force && now_ms - last < SCAVENGE_EVERY_MS)
    return;
  if (force)
    escrt_lock(&heap_lock);
  else if (!escrt_trylock(&heap_lock))
    return;
  atomic_store_explicit(&last_scavenge_ms, now_ms, memory_order_relaxed);
  release_idle((uint16_t)(now_ms >> CLOCK_QUANTUM_SHIFT),
               force ? 0 : escrt_opt.decay_ms >> CLOCK_QUANTUM_SHIFT);
  pthread_mutex_unlock(&heap_lock);
}

/* The background thread's pass (background.c): the heartbeat's work, even
 * if a heartbeat just ran (it may have been the program's last). Returns
 * the milliseconds until the next pass, 0 when no free dirty page is left
 * and none is due until they reach BACKGROUND_PAGES again. The next pass
 * comes when the first page kept has been idle for the decay time, but
 * passes are at least an eighth of it apart: a program that keeps freeing
 * pages wakes the thread at most eight times per decay time. */
uint64_t escrt_heap_background_pass(void) {
  escrt_lock(&heap_lock);
  uint64_t now_ms = escrt_clock_ms();
  atomic_store_explicit(&last_scavenge_ms, now_ms, memory_order_relaxed);
  uint32_t decay = escrt_opt.decay_ms >> CLOCK_QUANTUM_SHIFT;
  uint32_t ticks = release_idle((uint16_t)(now_ms >> CLOCK_QUANTUM_SHIFT),
                                decay);
  if (!ticks && dirty_free_pages) /* freed behind the scan, while unlocked */
    ticks = decay ? decay : 1;
  background_due = ticks != 0;
  pthread_mutex_unlock(&heap_lock);
  if (!ticks)
    return 0;
  uint64_t at = ((now_ms >> CLOCK_QUANTUM_SHIFT) + ticks) << CLOCK_QUANTUM_SHIFT;
  uint64_t wait = at - now_ms + COARSE_CLOCK_LAG_MS;
  uint64_t least = escrt_opt.decay_ms / 8;
  return wait > least ? wait : least;
}

void escrt_heap_count_large(size_t bytes, bool alloc) {
  if (alloc) {
    atomic_fetch_add_explicit(&large_bytes, bytes, memory_order_relaxed);
    atomic_fetch_add_explicit(&large_mallocs, 1, memory_order_relaxed);
  } else {
    atomic_fetch_sub_explicit(&large_bytes, bytes, memory_order_relaxed);
    atomic_fetch_add_explicit(&large_frees, 1, memory_order_relaxed);
  }
}

void escrt_heap_counts_get(escrt_heap_counts *out) {
  escrt_lock(&heap_lock);
  out->sys = sys_bytes;
  out->inuse = inuse_pages << ESCRT_PAGE_SHIFT;
  out->idle = sys_bytes - out->inuse;
  out->released = out->idle - (dirty_free_pages << ESCRT_PAGE_SHIFT);
  out->scavenges = scavenges;
  pthread_mutex_unlock(&heap_lock);
  escrt_lock(&meta_lock);
  out->meta = meta_bytes;
  pthread_mutex_unlock(&meta_lock);
  out->large_bytes = atomic_load(&large_bytes);
  out->large_mallocs = atomic_load(&large_mallocs);
  out->large_frees = atomic_load(&large_frees);
}

/* fork: the child must not inherit a lock held by a thread that is gone. */
void escrt_heap_lock_all(void) {
  escrt_lock(&heap_lock);
  escrt_lock(&meta_lock);
}

void escrt_heap_unlock_all(void) {
  pthread_mutex_unlock(&meta_lock);
  pthread_mutex_unlock(&heap_lock);
}

/* A fork child has no background thread: no pass is due there, so the
 * child's next free that leaves BACKGROUND_PAGES calls for its own. */
void escrt_heap_after_fork_child(void) {
  background_due = false;
  atomic_store_explicit(&escrt_background_call, false, memory_order_relaxed);
  escrt_heap_unlock_all();
}
