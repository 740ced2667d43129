/* A site: one escape remark reduced to the facts every report format needs.
 *
 * The plugin emits one remark per allocation call (per emitted copy, so an
 * inlined copy is its own site in its own function) plus parameter and flow
 * remarks. Everything escape-report prints is derived from this record. */
#ifndef ESCAPE_REPORT_SITE_H
#define ESCAPE_REPORT_SITE_H

#include <stddef.h>

/* The allocation verdicts (docs/remarks.md); NONE marks a remark that is not
 * an allocation verdict (LeakingParam, ParamDoesNotEscape, and names a newer
 * plugin may add). STARTS_ON_STACK is a growable local buffer: a stack
 * buffer of the initial size that realloc moves to the heap only when it
 * grows; the counts and the gate take it as moved to the stack. */
enum verdict {
  VERDICT_NONE,
  VERDICT_MOVED_TO_STACK,
  VERDICT_STARTS_ON_STACK,
  VERDICT_ELIMINATED,
  VERDICT_STAYS_ON_HEAP,
  VERDICT_ESCAPES_TO_HEAP,
};

struct site {
  char *file; /* as in the remark, made relative to --source-root */
  unsigned line, column;
  char *function;
  char *remark_name;          /* MovedToStack, LeakingParam, ... */
  char *callee, *size;        /* NULL unless an allocation verdict */
  char *reason, *reason_kind; /* NULL unless refused */
  char *message;              /* the remark text, as -Rpass would print it */
  char *flow;  /* -escape-explain lines joined by '\n', or NULL */
  char *param; /* the parameter of a parameter remark, else NULL */
  /* A source assertion (include/escape/escape.h) on the site or parameter:
   * "stack" (ESCAPE_STACK), "noescape" (ESCAPE_NOESCAPE), a kind a newer
   * plugin adds, or NULL; and whether the plugin found it met. */
  char *assertion;
  int assertion_met;
  /* The plugin's analysis mode when it is not go ("precise"), else NULL. */
  char *mode;
  enum verdict verdict;
};

struct site_list {
  struct site *items;
  size_t count, capacity;
};

/* A stable kebab-case name ("moved-to-stack"), or NULL for VERDICT_NONE. */
const char *verdict_name(enum verdict v);
enum verdict verdict_from_remark_name(const char *remark_name);
enum verdict verdict_from_name(const char *name);
/* Moved to stack (whole, or starting there and growing on the heap) or
 * eliminated: what the baseline gate protects. */
int verdict_is_off_heap(enum verdict v);

void site_free(struct site *s);
struct site *site_list_push(struct site_list *list);
void site_list_free(struct site_list *list);
/* Sorts by file, line, column, function, message, then every other field
 * (the order of the inputs does not matter), and drops exact repeats (a
 * header's inline function reported by every object that includes it). */
void site_list_sort_unique(struct site_list *list);
size_t site_list_count_verdicts(const struct site_list *list);

#endif
