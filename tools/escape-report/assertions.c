#include "assertions.h"

#include "xalloc.h"

#include <string.h>

int assertion_is_unmet(const struct site *s) {
  return s->assertion && !s->assertion_met;
}

struct assertion_counts assertions_count(const struct site_list *sites) {
  struct assertion_counts n = {0, 0};
  for (size_t i = 0; i < sites->count; i++) {
    const struct site *s = &sites->items[i];
    n.met += s->assertion && s->assertion_met;
    n.unmet += assertion_is_unmet(s);
  }
  return n;
}

/* What an allocation on the heap does, in the remark's words; NULL for the
 * other verdicts, whose unmet assertion quotes the whole message. */
static const char *heap_phrase(enum verdict v) {
  return v == VERDICT_ESCAPES_TO_HEAP ? "escapes to heap"
         : v == VERDICT_STAYS_ON_HEAP ? "stays on heap"
                                      : NULL;
}

char *assertion_unmet_text(const struct site *s) {
  const char *callee = s->callee ? s->callee : "?",
             *size = s->size ? s->size : "";
  if (strcmp(s->assertion, "stack") == 0 && heap_phrase(s->verdict))
    return xasprintf("%s(%s) must be on the stack, but it %s%s%s", callee, size,
                     heap_phrase(s->verdict), s->reason ? ": " : "",
                     s->reason ? s->reason : "");
  if (strcmp(s->assertion, "stack") == 0)
    return xasprintf("%s(%s) must be on the stack, but: %s", callee, size,
                     s->message);
  if (strcmp(s->assertion, "noescape") == 0)
    return xasprintf("parameter %s must not escape, but: %s",
                     s->param ? s->param : "?", s->message);
  /* A kind from a newer plugin. */
  return xasprintf("assertion `%s` not met: %s", s->assertion, s->message);
}
