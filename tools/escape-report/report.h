/* The report formats. Each takes the sorted, deduplicated sites of a
 * whole build (site_list_sort_unique) and writes one document. */
#ifndef ESCAPE_REPORT_REPORT_H
#define ESCAPE_REPORT_REPORT_H

#include "site.h"

#include <stdio.h>

/* Go -m style "file:line:col: message"; verbose adds the flow lines. The
 * unmet source assertions follow in a section of their own. */
void report_text(FILE *out, const struct site_list *sites, int verbose);
/* The versioned schema of docs/remarks-json.md. */
void report_json(FILE *out, const struct site_list *sites);
/* SARIF 2.1.0 for GitHub code scanning: the sites on the heap (notes) and
 * the unmet source assertions (errors); source_root may be NULL. */
void report_sarif(FILE *out, const struct site_list *sites,
                  const char *source_root);
/* Per-file and total counts per verdict, the commonest reasons, and the
 * met and unmet source assertions. */
void report_summary(FILE *out, const struct site_list *sites);
/* The summary's counts, the unmet source assertions and every site left on
 * the heap with its reason, as Markdown tables for a pull-request comment or
 * a CI step summary. */
void report_markdown(FILE *out, const struct site_list *sites);

#endif
