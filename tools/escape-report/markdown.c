#include "markdown.h"

void markdown_cell(FILE *out, const char *text) {
  for (; text && *text; text++) {
    if (*text == '|')
      fputc('\\', out);
    fputc(*text == '\n' ? ' ' : *text, out);
  }
}
