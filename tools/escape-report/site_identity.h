/* Which site of one build is which site of another.
 *
 * Line numbers change whenever code above a site is edited, so they cannot
 * identify it. A site is identified by its file, enclosing function, callee
 * and size text, plus its ordinal among the sites that share those four
 * values, counted in source order. Edits elsewhere in the file, or elsewhere
 * in the function that add no allocation of the same callee and size, keep
 * every identity. The baseline gate and SARIF's partialFingerprints both use
 * this rule (docs/ci.md). */
#ifndef ESCAPE_REPORT_SITE_IDENTITY_H
#define ESCAPE_REPORT_SITE_IDENTITY_H

#include "site.h"

#include <stdint.h>

/* One key per site of `list` (NULL for remarks without a verdict). Each key
 * is a string "file\x1f function\x1f callee\x1f size\x1f ordinal". Free
 * with site_identity_free(keys, list->count). */
char **site_identity_keys(const struct site_list *list);
void site_identity_free(char **keys, size_t count);
/* Pairs the sites of two builds by their keys: for each site of `now`, the
 * index of the same site in `was`, or SITE_UNMATCHED (a new site, or a remark
 * without a verdict). Each site of `was` is named at most once. Free the
 * array with free(). */
#define SITE_UNMATCHED SIZE_MAX
size_t *site_identity_match(const struct site_list *was,
                            const struct site_list *now);
/* The key of a parameter remark: "file\x1f function\x1f param", since a
 * function names each parameter once. A new string. */
char *site_identity_parameter_key(const struct site *s);
/* FNV-1a: a short stable hash of a key, for fingerprints. */
uint64_t site_identity_hash(const char *key);

#endif
