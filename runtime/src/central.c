/* The central lists (Go's mcentral): per class, under its own lock, the
 * empty spans no thread owns. One is kept per class and never goes back to
 * the page heap, so a program that cycles through many classes never
 * rebuilds spans (mimalloc's K >= 12 pathology); the rest return to the
 * page heap, where the scavenger ages them out. */
#include "internal.h"

typedef struct central_class {
  pthread_mutex_t lock;
  escrt_span *empty;
  uint32_t nempty;
} __attribute__((aligned(64))) central_class;

/* GNU range initialiser: the locks must work before any constructor ran. */
static central_class central[ESCRT_NUM_CLASSES] = {
    [0 ... ESCRT_NUM_CLASSES - 1] = {.lock = PTHREAD_MUTEX_INITIALIZER}};

enum { CENTRAL_KEEP = 1 };

escrt_span *escrt_central_take(unsigned cls) {
  central_class *c = &central[cls];
  pthread_mutex_lock(&c->lock);
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
  pthread_mutex_lock(&c->lock);
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
  for (unsigned c = 0; c < ESCRT_NUM_CLASSES; c++)
    pthread_mutex_lock(&central[c].lock);
}

void escrt_central_unlock_all(void) {
  for (unsigned c = ESCRT_NUM_CLASSES; c-- > 0;)
    pthread_mutex_unlock(&central[c].lock);
}
