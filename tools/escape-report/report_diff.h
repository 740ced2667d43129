/* --diff OLD NEW: what changed between two builds (or earlier JSON reports
 * of them). Sites are paired by site_identity, not by line, as the baseline
 * gate pairs them; the output lists the sites whose verdict changed, the
 * new sites and the removed ones, by file. docs/ci.md, "--diff". */
#ifndef ESCAPE_REPORT_REPORT_DIFF_H
#define ESCAPE_REPORT_REPORT_DIFF_H

#include "site.h"

#include <stdio.h>

enum diff_format { DIFF_TEXT, DIFF_MARKDOWN, DIFF_JSON };

/* Writes the differences from `was` to `now`, both sorted with
 * site_list_sort_unique, and returns how many are worse: a site that was
 * off the heap (verdict_is_off_heap) and is now on it, or a new site on the
 * heap. */
size_t report_diff(FILE *out, enum diff_format format,
                   const struct site_list *was, const struct site_list *now);

#endif
