/* Text inside a Markdown table, shared by --format markdown and the
 * Markdown of --diff. */
#ifndef ESCAPE_REPORT_MARKDOWN_H
#define ESCAPE_REPORT_MARKDOWN_H

#include <stdio.h>

/* Writes `text` (NULL writes nothing) for a table cell: a '|' would end the
 * cell and a newline the row, so the one is escaped and the other becomes a
 * space. */
void markdown_cell(FILE *out, const char *text);

#endif
