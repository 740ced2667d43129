#include "baseline.h"

#include "site_identity.h"

#include <stdlib.h>

size_t baseline_print_regressions(FILE *out, const struct site_list *baseline,
                                  const struct site_list *current) {
  size_t *match = site_identity_match(baseline, current);
  size_t regressions = 0;
  for (size_t i = 0; i < current->count; i++) {
    const struct site *now = &current->items[i];
    if (match[i] == SITE_UNMATCHED || verdict_is_off_heap(now->verdict))
      continue;
    const struct site *was = &baseline->items[match[i]];
    if (!verdict_is_off_heap(was->verdict))
      continue;
    fprintf(out, "%s:%u:%u: %s (in %s; baseline: %s at line %u)\n", now->file,
            now->line, now->column, now->message, now->function,
            verdict_name(was->verdict), was->line);
    regressions++;
  }
  free(match);
  return regressions;
}
