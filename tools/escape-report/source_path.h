/* Paths as the reports show them: relative to --source-root when they lie
 * under it, so that two checkouts in different directories agree (SARIF
 * needs repository-relative URIs, the baseline needs stable keys). */
#ifndef ESCAPE_REPORT_SOURCE_PATH_H
#define ESCAPE_REPORT_SOURCE_PATH_H

/* Returns a new string: `file` without a leading "./" and, when root is not
 * NULL and `file` lies under it (as given or as resolved), without the root. */
char *source_path_relative(const char *file, const char *root);

#endif
