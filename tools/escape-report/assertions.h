/* Source assertions (include/escape/escape.h): ESCAPE_STACK(expr) says an
 * allocation must move to the stack, ESCAPE_NOESCAPE that a parameter must
 * not escape. The plugin marks every remark of an asserted site or
 * parameter with Assertion ("stack", "noescape") and AssertionMet. An unmet
 * assertion is what the user asked the build to refuse: every report shows
 * it, and escape-report exits 1. */
#ifndef ESCAPE_REPORT_ASSERTIONS_H
#define ESCAPE_REPORT_ASSERTIONS_H

#include "site.h"

struct assertion_counts {
  size_t met, unmet;
};

int assertion_is_unmet(const struct site *s);
struct assertion_counts assertions_count(const struct site_list *sites);

/* What was asserted and what happened instead, as a new string:
 * "malloc(64) must be on the stack, but it escapes to heap: stored to
 * global `g`", "parameter p must not escape, but: leaking param: p". */
char *assertion_unmet_text(const struct site *s);

#endif
