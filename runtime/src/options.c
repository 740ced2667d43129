/* Settings from the environment, read once at start-up:
 *   ESCRT_DEBUG=1     exact double-free and invalid-free checks (slower)
 *   ESCRT_STATS=1     print escrt_stats at exit (stderr)
 *   ESCRT_DECAY_MS=N  free pages idle for N ms go back to the OS (2000)
 * getenv does not allocate, so this is safe inside the first malloc. */
#include "internal.h"

#include <stdlib.h>

ESCRT_HIDDEN escrt_options escrt_opt = {.decay_ms = 2000};

static bool flag(const char *name) {
  const char *v = getenv(name);
  return v && *v && *v != '0';
}

void escrt_options_init(void) {
  escrt_opt.debug = flag("ESCRT_DEBUG");
  escrt_opt.stats = flag("ESCRT_STATS");
  const char *d = getenv("ESCRT_DECAY_MS");
  if (d && *d) {
    char *end;
    unsigned long v = strtoul(d, &end, 10);
    if (*end || v > 3600000)
      escrt_message("escrt: ignoring ESCRT_DECAY_MS=%s (want 0..3600000)", d);
    else
      escrt_opt.decay_ms = (uint32_t)v;
  }
}
