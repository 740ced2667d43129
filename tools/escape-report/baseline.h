/* The baseline gate: a previous --format json report (read with
 * report_json_load) against this build. Sites are matched by site_identity
 * (not by line), so edits elsewhere in a file raise no false alarm. */
#ifndef ESCAPE_REPORT_BASELINE_H
#define ESCAPE_REPORT_BASELINE_H

#include "site.h"

#include <stdio.h>

/* Prints every site that was moved to the stack or eliminated in the
 * baseline and now escapes or stays on the heap; returns their number. */
size_t baseline_print_regressions(FILE *out, const struct site_list *baseline,
                                  const struct site_list *current);

#endif
