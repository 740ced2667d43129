/* The operating-system layer: address space, returning pages, the clock,
 * randomness and messages. Nothing here allocates, so every other layer can
 * use it from inside malloc. */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <link.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

/* Maps `size` bytes aligned to `align` (a power of two >= the OS page) by
 * over-mapping and trimming both ends. Returns NULL when out of memory. */
static void *map_aligned(size_t size, size_t align, int prot) {
  size_t total = size + align;
  if (total < size)
    return NULL;
  char *p = mmap(NULL, total, prot,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED)
    return NULL;
  uintptr_t start = ((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1);
  size_t head = start - (uintptr_t)p, tail = total - head - size;
  if (head)
    munmap(p, head);
  if (tail)
    munmap((char *)start + size, tail);
  return (void *)start;
}

void *escrt_os_map(size_t size, size_t align) {
  return map_aligned(size, align, PROT_READ | PROT_WRITE);
}

/* Address space only: PROT_NONE costs no commit charge, even under strict
 * overcommit, until escrt_os_commit makes a part of it usable. */
void *escrt_os_reserve(size_t size, size_t align) {
  return map_aligned(size, align, PROT_NONE);
}

bool escrt_os_commit(void *p, size_t size) {
  return mprotect(p, size, PROT_READ | PROT_WRITE) == 0;
}

void escrt_os_unmap(void *p, size_t size) { munmap(p, size); }

/* Grows the mapping at p from `size` to `new_size` bytes without copying:
 * in place if the address space after it is free, else moved onto `to`
 * (a reservation of new_size bytes, which it replaces; NULL: in place
 * only). The pages move, the data is not copied. Returns the new address,
 * NULL if neither worked (the mapping is unchanged). */
void *escrt_os_remap(void *p, size_t size, size_t new_size, void *to) {
  int saved = errno;
  void *q = mremap(p, size, new_size, 0);
  if (q == MAP_FAILED && to)
    q = mremap(p, size, new_size, MREMAP_MAYMOVE | MREMAP_FIXED, to);
  errno = saved;
  return q == MAP_FAILED ? NULL : q;
}

/* MADV_DONTNEED (Go's choice since 1.16): RSS drops at once, and the pages
 * read back as zeros, which the page heap relies on (needzero). */
void escrt_os_release(void *p, size_t size) {
  int saved = errno;
  madvise(p, size, MADV_DONTNEED);
  errno = saved;
}

/* The kernel's clock_gettime in the vDSO, called directly: through the C
 * library's clock_gettime it costs a small program 64 to 92 KiB of
 * resident memory (the pages of the C library around that function, which
 * nothing else it runs touches). NULL: call the C library's. */
typedef int clock_gettime_fn(clockid_t, struct timespec *);
static _Atomic(clock_gettime_fn *) vdso_clock_gettime;

static bool same_name(const char *a, const char *b) {
  while (*a && *a == *b)
    a++, b++;
  return *a == *b;
}

/* A function of the vDSO by name, through its dynamic symbol table (whose
 * size DT_HASH gives); NULL if it has none. */
static void *vdso_function(const char *name) {
  const ElfW(Ehdr) *eh = (const ElfW(Ehdr) *)getauxval(AT_SYSINFO_EHDR);
  if (!eh)
    return NULL;
  const ElfW(Phdr) *ph = (const ElfW(Phdr) *)((const char *)eh + eh->e_phoff);
  const ElfW(Dyn) *dyn = NULL;
  uintptr_t bias = 0;
  bool loaded = false;
  for (unsigned i = 0; i < eh->e_phnum; i++)
    if (ph[i].p_type == PT_LOAD && !loaded) {
      bias = (uintptr_t)eh + ph[i].p_offset - ph[i].p_vaddr;
      loaded = true;
    } else if (ph[i].p_type == PT_DYNAMIC) {
      dyn = (const ElfW(Dyn) *)((const char *)eh + ph[i].p_offset);
    }
  if (!loaded || !dyn)
    return NULL;
  const ElfW(Sym) *sym = NULL;
  const char *str = NULL;
  const uint32_t *hash = NULL;
  for (; dyn->d_tag != DT_NULL; dyn++)
    if (dyn->d_tag == DT_SYMTAB)
      sym = (const ElfW(Sym) *)(bias + dyn->d_un.d_ptr);
    else if (dyn->d_tag == DT_STRTAB)
      str = (const char *)(bias + dyn->d_un.d_ptr);
    else if (dyn->d_tag == DT_HASH)
      hash = (const uint32_t *)(bias + dyn->d_un.d_ptr);
  if (!sym || !str || !hash)
    return NULL;
  for (uint32_t i = 0; i < hash[1]; i++) /* hash[1]: the symbol count */
    if ((sym[i].st_info & 0xf) == STT_FUNC && sym[i].st_shndx != SHN_UNDEF &&
        same_name(str + sym[i].st_name, name))
      return (void *)(bias + sym[i].st_value);
  return NULL;
}

void escrt_os_init(void) {
#if defined(__x86_64__)
  const char *name = "__vdso_clock_gettime";
#elif defined(__aarch64__)
  const char *name = "__kernel_clock_gettime";
#else
  const char *name = "";
#endif
  atomic_store_explicit(&vdso_clock_gettime,
                        (clock_gettime_fn *)vdso_function(name),
                        memory_order_relaxed);
}

/* The coarse clock costs a few nanoseconds (vDSO, no fence); the scavenger
 * only needs ~10 ms resolution. */
uint64_t escrt_clock_ms(void) {
  struct timespec ts;
  clock_gettime_fn *vdso =
      atomic_load_explicit(&vdso_clock_gettime, memory_order_relaxed);
  if (!vdso || vdso(CLOCK_MONOTONIC_COARSE, &ts) != 0)
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
  return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* The kernel's 16 random bytes for this process (AT_RANDOM): available
 * before anything else, no syscall, no allocation. */
uintptr_t escrt_os_random(void) {
  const uintptr_t *r = (const uintptr_t *)getauxval(AT_RANDOM);
  uintptr_t x = r ? r[0] ^ (r[1] << 1) : (uintptr_t)&x;
  return x | 1;
}

static void vmessage(const char *fmt, va_list ap) {
  char buf[512];
  int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
  if (n < 0)
    return;
  if ((size_t)n > sizeof buf - 2)
    n = sizeof buf - 2;
  buf[n++] = '\n';
  int saved = errno;
  for (ssize_t off = 0, w; off < n; off += w)
    if ((w = write(2, buf + off, (size_t)(n - off))) <= 0)
      break;
  errno = saved;
}

void escrt_message(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vmessage(fmt, ap);
  va_end(ap);
}

void escrt_fatal(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vmessage(fmt, ap);
  va_end(ap);
  abort();
}
