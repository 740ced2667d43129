/* Paths as the reports show them: relative to --source-root when they lie
 * under it, so that two checkouts in different directories agree (SARIF
 * needs repository-relative URIs, the baseline needs stable keys).
 *
 * Remarks carry clang's DIFile name, which is often relative to a directory
 * the record does not name: for an absolute input, clang strips the prefix
 * it shares with the working directory (/repo/src/a.c compiled in
 * /repo/build is recorded as src/a.c); a relative input stays relative to
 * the working directory. */
#ifndef ESCAPE_REPORT_SOURCE_PATH_H
#define ESCAPE_REPORT_SOURCE_PATH_H

/* Returns a new string: `file` without a leading "./" and, when root is not
 * NULL, relative to root when `file` lies under it:
 *  - an absolute file under root (as given or resolved) loses that prefix;
 *  - a relative file whose leading directories are root's trailing ones
 *    (src/a.c under /repo/src) loses them, preferring a match that names an
 *    existing file under root; failing that, it is taken as relative to the
 *    root itself. */
char *source_path_relative(const char *file, const char *root);

#endif
