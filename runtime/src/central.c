/* The central lists (Go's mcentral): per class, under its own lock, the
 * empty spans no thread owns. One is kept per class and never goes back to
 * the page heap, so a program that cycles through many classes never
 * rebuilds spans (mimalloc's K >= 12 pathology); the rest return to the
 * page heap, where the scavenger ages them out.
 *
 * In front of them, per class, the transfer cache (tcmalloc's): batches of
 * object pointers that a thread's full free stack gives up and an empty
 * one takes. A thread that frees what another allocates (a consumer) hands
 * its objects over as one copy of pointers under a lock, instead of
 * linking each object into its span's atomic list, which the owner would
 * then walk: neither thread touches the objects. Objects in it stay
 * counted as out in their spans, as on a free stack. */
#include "internal.h"

#include <string.h>

typedef struct central_class {
  pthread_mutex_t lock;
  escrt_span *empty;
  uint32_t nempty;
  /* The number of objects in the class's transfer cache (below), written
   * under that cache's lock and read without it as a hint. It lives here,
   * not beside the slots, because every refill of an empty stack reads it:
   * beside the slots it would make a page per class resident in programs
   * that never fill a transfer cache, where the kernel gives a read of an
   * untouched page a page of its own (no shared zero page, as on this
   * project's VMs: 27 pages in the 2 MB footprint program). */
  atomic_uint transfer_count;
} __attribute__((aligned(64))) central_class;

/* GNU range initialiser: the locks must work before any constructor ran. */
static central_class central[ESCRT_NUM_CLASSES] = {
    [0 ... ESCRT_NUM_CLASSES - 1] = {.lock = PTHREAD_MUTEX_INITIALIZER}};

enum { CENTRAL_KEEP = 1 };

/* Holds escrt_lifo_max(cls) objects: two half stacks, 64 KiB of objects at
 * most, untouched until the class uses it. */
typedef struct transfer_class {
  pthread_mutex_t lock;
  void *slots[ESCRT_LIFO_MAX];
} __attribute__((aligned(64))) transfer_class;

static transfer_class transfer[ESCRT_NUM_CLASSES] = {
    [0 ... ESCRT_NUM_CLASSES - 1] = {.lock = PTHREAD_MUTEX_INITIALIZER}};

/* Takes the n objects at objs, all or none (false: no room). */
bool escrt_transfer_put(unsigned cls, void *const *objs, uint32_t n) {
  transfer_class *t = &transfer[cls];
  atomic_uint *counter = &central[cls].transfer_count;
  escrt_lock(&t->lock);
  uint32_t count = atomic_load_explicit(counter, memory_order_relaxed);
  bool room = count + n <= escrt_lifo_max(cls);
  if (room) {
    memcpy(t->slots + count, objs, n * sizeof *objs);
    atomic_store_explicit(counter, count + n, memory_order_relaxed);
  }
  pthread_mutex_unlock(&t->lock);
  return room;
}

/* Moves up to max objects to out (the most recently given first); returns
 * how many. */
uint32_t escrt_transfer_take(unsigned cls, void **out, uint32_t max) {
  transfer_class *t = &transfer[cls];
  atomic_uint *counter = &central[cls].transfer_count;
  if (!atomic_load_explicit(counter, memory_order_relaxed)) /* a hint */
    return 0;
  escrt_lock(&t->lock);
  uint32_t count = atomic_load_explicit(counter, memory_order_relaxed);
  uint32_t n = count < max ? count : max;
  memcpy(out, t->slots + count - n, n * sizeof *out);
  atomic_store_explicit(counter, count - n, memory_order_relaxed);
  pthread_mutex_unlock(&t->lock);
  return n;
}

escrt_span *escrt_central_take(unsigned cls) {
  central_class *c = &central[cls];
  escrt_lock(&c->lock);
  escrt_span *s = c->empty;
  if (s) {
    c->empty = s->next;
    c->nempty--;
  }
  pthread_mutex_unlock(&c->lock);
  if (s)
    s->next = NULL;
  return s;
}

/* `s` is empty and no longer owned. */
void escrt_central_give(escrt_span *s) {
  central_class *c = &central[s->cls];
  escrt_region_describe(s, 0); /* free() of its objects: a double free */
  s->owner = NULL;
  s->where = ESCRT_IN_CENTRAL;
  escrt_lock(&c->lock);
  if (c->nempty < CENTRAL_KEEP) {
    s->next = c->empty;
    c->empty = s;
    c->nempty++;
    pthread_mutex_unlock(&c->lock);
    return;
  }
  pthread_mutex_unlock(&c->lock);
  escrt_heap_free(s);
}

/* fork: the child must not inherit a lock held by a thread that is gone. */
void escrt_central_lock_all(void) {
  for (unsigned c = 0; c < ESCRT_NUM_CLASSES; c++) {
    escrt_lock(&central[c].lock);
    escrt_lock(&transfer[c].lock);
  }
}

void escrt_central_unlock_all(void) {
  for (unsigned c = ESCRT_NUM_CLASSES; c-- > 0;) {
    pthread_mutex_unlock(&transfer[c].lock);
    pthread_mutex_unlock(&central[c].lock);
  }
}
