/* The reason vocabulary of include/escape/Reasons.def, by ReasonKind id. A
 * remark's Reason names the particular global or function; these describe
 * the kind in general, for SARIF rules and summaries. */
#ifndef ESCAPE_REPORT_REASONS_H
#define ESCAPE_REPORT_REASONS_H

#include <stdio.h>

struct reason_kind {
  const char *id;     /* "stored-to-global" */
  const char *name;   /* "StoredToGlobal": part of a SARIF rule name */
  const char *phrase; /* "stored to a global" */
  const char *help;   /* what keeps the object off the heap */
};

/* The reason with this id, or NULL for an id this version does not know
 * (from a newer plugin). */
const struct reason_kind *reason_kind_find(const char *id);

/* The general phrase for an id; an unknown id is returned unchanged. */
const char *reason_kind_phrase(const char *id);

/* Every reason this version knows, one "id<TAB>phrase" line each, in the
 * table's order (escape-report --list-reasons). */
void reason_kinds_print(FILE *out);

#endif
