/* The fixed reason vocabulary of DESIGN.md §2, by ReasonKind id. A remark's
 * Reason names the particular global or function; these phrases describe
 * the kind in general, for SARIF rules and summaries. */
#ifndef ESCAPE_REPORT_REASONS_H
#define ESCAPE_REPORT_REASONS_H

/* The general phrase for a ReasonKind id; an id this version does not know
 * (from a newer plugin) is returned unchanged. */
const char *reason_kind_phrase(const char *kind);

#endif
