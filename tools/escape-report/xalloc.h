/* Allocation that cannot fail: a report tool out of memory has nothing
 * better to do than to say so and stop. */
#ifndef ESCAPE_REPORT_XALLOC_H
#define ESCAPE_REPORT_XALLOC_H

#include <stddef.h>

void *xrealloc(void *p, size_t size);
char *xstrndup(const char *s, size_t n);
char *xstrdup(const char *s);
/* Appends n bytes of s to the heap string *dst (NULL counts as ""). */
void xstrappend(char **dst, const char *s, size_t n);
/* printf into a new heap string. */
char *xasprintf(const char *format, ...) __attribute__((format(printf, 1, 2)));

#endif
