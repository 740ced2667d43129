/* The report formats. Each takes the sorted, deduplicated sites of a
 * whole build (site_list_sort_unique) and writes one document. */
#ifndef ESCAPE_REPORT_REPORT_H
#define ESCAPE_REPORT_REPORT_H

#include "site.h"

#include <stdio.h>

/* Go -m style "file:line:col: message"; verbose adds the flow lines. */
void report_text(FILE *out, const struct site_list *sites, int verbose);
/* The versioned schema of docs/remarks-json.md. */
void report_json(FILE *out, const struct site_list *sites);
/* SARIF 2.1.0 for GitHub code scanning; source_root may be NULL. */
void report_sarif(FILE *out, const struct site_list *sites,
                  const char *source_root);
/* Per-file and total counts per verdict, and the commonest reasons. */
void report_summary(FILE *out, const struct site_list *sites);
/* The summary's counts and every site left on the heap with its reason, as
 * Markdown tables for a pull-request comment or a CI step summary. */
void report_markdown(FILE *out, const struct site_list *sites);

#endif
