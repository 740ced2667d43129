/* Which allocator is the process's malloc: libescrt's, or another one that
 * an LD_PRELOAD (jemalloc, tcmalloc, glibc's libc_malloc_debug) put first.
 * The compiler's class entry points (api.c) need to know: plain free() in
 * other code must only ever get objects of the process's malloc.
 *
 * The answer is what an unversioned reference to malloc and free binds to,
 * the way every program's references do: this file takes their addresses
 * as data relocations (this file defines neither, so nothing binds them
 * locally), and the dynamic linker's search order decides, versioned
 * definitions included. dlsym(RTLD_DEFAULT) would not do: it skips a
 * non-default version such as libc_malloc_debug's malloc@GLIBC_2.2.5. In a
 * program that links libescrt statically both references bind to the
 * program's own malloc and free, which are libescrt's. */
#define _GNU_SOURCE
#include "internal.h"

#include <dlfcn.h>
#include <stdlib.h>

static void *(*volatile process_malloc)(size_t) = malloc;
static void (*volatile process_free)(void *) = free;

bool escrt_process_malloc_is_ours(void) {
  Dl_info found, here;
  void *m = (void *)process_malloc, *f = (void *)process_free;
  if (!dladdr((void *)escrt_process_malloc_is_ours, &here))
    return true; /* no dynamic linking: libescrt is the only malloc */
  return dladdr(m, &found) && found.dli_fbase == here.dli_fbase &&
         dladdr(f, &found) && found.dli_fbase == here.dli_fbase;
}

void *escrt_process_malloc(size_t size) { return process_malloc(size); }

void escrt_process_free(void *p) { process_free(p); }
