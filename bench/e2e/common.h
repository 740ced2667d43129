/* Shared by the end-to-end programs of bench/e2e (see run.sh).
 *
 * Every program is deterministic, takes a scale in percent as its only
 * argument (100 = the default workload; run.sh gives callgrind a small one)
 * and prints one checksum line.
 *
 * TEMP / TEMPN / TEMP_FREE mark the function-local temporaries: malloc'd in a
 * function, used there (and by static helpers that keep nothing), freed
 * before it returns. Built normally they are malloc/free calls, the code as
 * a C programmer writes it and as Escape sees it; built with -DORACLE they
 * are local arrays, which is what a perfect heap-to-stack pass could give.
 * Everything else (tree nodes, strings stored in them, results returned to
 * the caller) is plain malloc/free in both builds and must stay on the
 * heap. */
#ifndef E2E_COMMON_H
#define E2E_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef ORACLE
/* COUNT elements of TYPE. */
#define TEMP(type, name, count) type name[count]
/* N elements (N <= MAX, a run-time value). */
#define TEMPN(type, name, n, max) type name[max]
/* COUNT zeroed elements (calloc). */
#define TEMPZ(type, name, count) type name[count] = {0}
#define TEMP_FREE(name) ((void)0)
#else
#define TEMP(type, name, count) type *name = malloc((count) * sizeof(type))
#define TEMPN(type, name, n, max) type *name = malloc((n) * sizeof(type))
#define TEMPZ(type, name, count) type *name = calloc((count), sizeof(type))
#define TEMP_FREE(name) free(name)
#endif

/* xorshift64*: the same sequence on every machine. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static inline uint64_t rng(void) {
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 0x2545F4914F6CDD1Dull;
}
static inline unsigned rng_below(unsigned n) { return (unsigned)((rng() >> 33) % n); }

/* Mixing into a checksum: a 64-bit value, or bytes (8 at a time). */
static inline uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  h *= 0xff51afd7ed558ccdull;
  return h ^ (h >> 32);
}
static inline uint64_t mix_bytes(uint64_t h, const char *s, size_t n) {
  uint64_t w;
  for (; n >= 8; s += 8, n -= 8) {
    memcpy(&w, s, 8);
    h = mix(h, w);
  }
  w = n;
  for (size_t i = 0; i < n; i++)
    w = (w << 8) | (unsigned char)s[i];
  return mix(h, w);
}

/* A function that another file would call: not inlined, so that what it
 * returns is the caller's heap object, as in a program of several files. */
#define API __attribute__((noinline))

/* The workload: base units times scale percent, at least one. */
static inline long scaled(int argc, char **argv, long base) {
  long pct = argc > 1 ? atol(argv[1]) : 100;
  long n = base * pct / 100;
  return n > 0 ? n : 1;
}

/* Out of memory is not part of the benchmark. */
static inline void *need(void *p) {
  if (!p) {
    fputs("out of memory\n", stderr);
    exit(1);
  }
  return p;
}

#endif
