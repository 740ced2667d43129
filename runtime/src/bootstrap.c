/* The bootstrap area: memory for the mallocs that start-up itself causes
 * (pthread_atfork registration, pthread_setspecific; see init.c), before
 * any cache can exist. free() recognises its blocks and ignores them. It
 * needs nothing of the other layers, so any of them may use it. */
#include "internal.h"

enum { BOOT_BYTES = 64 << 10, BOOT_HEADER = 16 };
static _Alignas(16) char boot_area[BOOT_BYTES];
static _Atomic size_t boot_used;

/* Each block is preceded by its size; the area is never reused, so its
 * memory is zero (calloc needs nothing more). */
void *escrt_bootstrap_alloc(size_t size) {
  if (size > BOOT_BYTES)
    return NULL;
  size_t need = BOOT_HEADER + ((size + 15) & ~(size_t)15);
  size_t off = atomic_fetch_add(&boot_used, need);
  if (off + need > BOOT_BYTES)
    return NULL;
  *(size_t *)(boot_area + off) = size;
  return boot_area + off + BOOT_HEADER;
}

bool escrt_is_bootstrap(const void *p) {
  return (const char *)p >= boot_area &&
         (const char *)p < boot_area + BOOT_BYTES;
}

size_t escrt_bootstrap_size(const void *p) {
  return *(const size_t *)((const char *)p - BOOT_HEADER);
}
