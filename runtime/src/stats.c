/* Statistics in the spirit of Go's runtime.MemStats. Object counts live in
 * each thread's cache (bumped without atomics on the fast paths) and are
 * summed over every cache ever created; page counts come from the page
 * heap. The sum is taken while threads run, so it is a snapshot in the
 * sense of MemStats without the stop-the-world. */
#include "internal.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void escrt_stats(escrt_stats_t *out) {
  memset(out, 0, sizeof *out);
  for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++)
    out->by_size[c].size = escrt_class_size_table[c];
  for (escrt_tcache *tc = escrt_registry_first(); tc; tc = tc->next_all)
    for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++) {
      /* The stacks count since their last heartbeat (bin.c). */
      const volatile escrt_bin *bin = &tc->bins[c];
      out->by_size[c].mallocs +=
          escrt_relaxed_load(&tc->nmalloc[c]) + bin->nmalloc;
      out->by_size[c].frees +=
          escrt_relaxed_load(&tc->nfree[c]) + ESCRT_LIFO_BEAT - bin->beat;
    }
  escrt_heap_counts h;
  escrt_heap_counts_get(&h);
  out->by_size[0].mallocs = h.large_mallocs;
  out->by_size[0].frees = h.large_frees;
  out->heap_alloc = h.large_bytes;
  for (unsigned c = 0; c < ESCRT_NUM_CLASSES; c++) {
    escrt_class_stats *k = &out->by_size[c];
    uint64_t live = k->mallocs > k->frees ? k->mallocs - k->frees : 0;
    out->mallocs += k->mallocs;
    out->frees += k->frees;
    out->heap_objects += live;
    out->heap_alloc += live * k->size;
  }
  out->heap_sys = h.sys;
  out->heap_inuse = h.inuse;
  out->heap_idle = h.idle;
  out->heap_released = h.released;
  out->meta_sys = h.meta;
  out->num_scavenges = h.scavenges;
}

/* Text is formatted on the stack: stdio could allocate. */
struct out {
  char buf[8192];
  size_t n;
};

__attribute__((format(printf, 2, 3))) static void out(struct out *o,
                                                      const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int w = vsnprintf(o->buf + o->n, sizeof o->buf - o->n, fmt, ap);
  va_end(ap);
  if (w > 0)
    o->n += (size_t)w < sizeof o->buf - o->n ? (size_t)w : sizeof o->buf - o->n - 1;
}

void escrt_stats_print(int fd) {
  escrt_stats_t st;
  escrt_stats(&st);
  struct out o = {.n = 0};
  out(&o, "escrt stats:\n");
  out(&o, "  HeapAlloc    %14" PRIu64 "  bytes in live objects\n", st.heap_alloc);
  out(&o, "  HeapSys      %14" PRIu64 "  bytes of heap address space\n",
      st.heap_sys);
  out(&o, "  HeapInuse    %14" PRIu64 "  bytes in spans\n", st.heap_inuse);
  out(&o, "  HeapIdle     %14" PRIu64 "  bytes in free page runs\n", st.heap_idle);
  out(&o, "  HeapReleased %14" PRIu64 "  bytes returned to the OS\n",
      st.heap_released);
  out(&o, "  HeapObjects  %14" PRIu64 "  live objects\n", st.heap_objects);
  out(&o, "  Mallocs      %14" PRIu64 "\n", st.mallocs);
  out(&o, "  Frees        %14" PRIu64 "\n", st.frees);
  out(&o, "  MetaSys      %14" PRIu64 "  bytes of metadata\n", st.meta_sys);
  out(&o, "  Scavenges    %14" PRIu64 "\n", st.num_scavenges);
  out(&o, "  class     size        mallocs          frees\n");
  for (unsigned c = 0; c < ESCRT_NUM_CLASSES; c++) {
    const escrt_class_stats *k = &st.by_size[c];
    if (k->mallocs)
      out(&o, "  %5u %8u %14" PRIu64 " %14" PRIu64 "%s\n", c, k->size, k->mallocs,
          k->frees, c ? "" : "  (large)");
  }
  for (size_t off = 0; off < o.n;) {
    ssize_t w = write(fd, o.buf + off, o.n - off);
    if (w <= 0)
      break;
    off += (size_t)w;
  }
}
