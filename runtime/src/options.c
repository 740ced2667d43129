/* Settings from the environment, read once at start-up:
 *   ESCRT_DEBUG=1     exact double-free and invalid-free checks (slower)
 *   ESCRT_STATS=1     print escrt_stats at exit (stderr)
 *   ESCRT_DECAY_MS=N  free pages idle for N ms go back to the OS (2000)
 *   ESCRT_REGION_GIB=N address space reserved for the heap region (256)
 *   ESCRT_BACKGROUND=0 no background scavenger thread (background.c)
 * They are read from environ directly, which allocates nothing (safe inside
 * the first malloc) and, unlike getenv, touches no page of the C library a
 * small program would not touch anyway (each costs it 64 KiB of RSS: the
 * kernel maps the pages around a faulting page of a file). */
#include "internal.h"

#include <stdlib.h>

extern char **environ;

static const char *env(const char *name) {
  for (char **e = environ; e && *e; e++) {
    const char *v = *e, *k = name;
    while (*k && *v == *k)
      v++, k++;
    if (!*k && *v == '=')
      return v + 1;
  }
  return NULL;
}

ESCRT_HIDDEN escrt_options escrt_opt = {
    .decay_ms = 2000, .region_gib = 256, .background = true};

static bool flag(const char *name) {
  const char *v = env(name);
  return v && *v && *v != '0';
}

/* A number in [0, max] from the environment, else *out stays and a bad
 * value is named. */
static void number(const char *name, unsigned long max, uint32_t *out) {
  const char *d = env(name);
  if (!d || !*d)
    return;
  char *end;
  unsigned long v = strtoul(d, &end, 10);
  if (*end || v > max)
    escrt_message("escrt: ignoring %s=%s (want 0..%lu)", name, d, max);
  else
    *out = (uint32_t)v;
}

void escrt_options_init(void) {
  escrt_opt.debug = flag("ESCRT_DEBUG");
  escrt_opt.stats = flag("ESCRT_STATS");
  number("ESCRT_DECAY_MS", 3600000, &escrt_opt.decay_ms);
  number("ESCRT_REGION_GIB", 65536, &escrt_opt.region_gib);
  uint32_t background = escrt_opt.background;
  number("ESCRT_BACKGROUND", 1, &background);
  escrt_opt.background = background;
}
