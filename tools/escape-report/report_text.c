#include "report.h"

#include "assertions.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static int is_flow(const struct site *s) {
  return strcmp(s->remark_name, "EscapeFlow") == 0;
}

static void print_flow(FILE *out, const struct site *s, const char *flow) {
  while (*flow) {
    size_t n = strcspn(flow, "\n");
    /* Go indents "flow:" lines by two and their "from" lines by four. */
    const char *indent = strncmp(flow, "from ", 5) == 0 ? "    " : "  ";
    fprintf(out, "%s:%u:%u: %s%.*s\n", s->file, s->line, s->column, indent,
            (int)n, flow);
    flow += n + (flow[n] == '\n');
  }
}

static int same_position(const struct site *a, const struct site *b) {
  return a->line == b->line && a->column == b->column &&
         strcmp(a->file, b->file) == 0;
}

/* Inlined copies in different functions often say the same thing at the
 * same position; the text report, like Go's, shows such a line once. */
static int printed_before(const struct site_list *sites, size_t first,
                          size_t i) {
  for (size_t j = first; j < i; j++)
    if (strcmp(sites->items[j].message, sites->items[i].message) == 0 &&
        is_flow(&sites->items[j]) == is_flow(&sites->items[i]))
      return 1;
  return 0;
}

static void free_texts(char **texts, size_t *n) {
  while (*n)
    free(texts[--*n]);
}

/* After the sites, in a section of their own: a build log then shows in
 * one place why escape-report failed. Inlined copies that fail at the same
 * position in the same words are shown once, as their sites are. */
static void print_unmet_assertions(FILE *out, const struct site_list *sites) {
  char **position_texts = xrealloc(NULL, (sites->count + 1) * sizeof(char *));
  size_t n = 0;
  const struct site *previous = NULL;
  for (size_t i = 0; i < sites->count; i++) {
    const struct site *s = &sites->items[i];
    if (!assertion_is_unmet(s))
      continue;
    if (previous && !same_position(previous, s))
      free_texts(position_texts, &n);
    else if (!previous)
      fputs("\nunmet assertions:\n", out);
    previous = s;
    char *text = assertion_unmet_text(s);
    size_t j = 0;
    while (j < n && strcmp(position_texts[j], text) != 0)
      j++;
    if (j < n) {
      free(text);
      continue;
    }
    fprintf(out, "%s:%u:%u: %s\n", s->file, s->line, s->column, text);
    position_texts[n++] = text;
  }
  free_texts(position_texts, &n);
  free(position_texts);
}

void report_text(FILE *out, const struct site_list *sites, int verbose) {
  size_t first = 0;
  for (size_t i = 0; i < sites->count; i++) {
    const struct site *s = &sites->items[i];
    if (!same_position(&sites->items[first], s))
      first = i;
    if (printed_before(sites, first, i))
      continue;
    if (is_flow(s)) {
      if (verbose)
        print_flow(out, s, s->message);
      continue;
    }
    fprintf(out, "%s:%u:%u: %s\n", s->file, s->line, s->column, s->message);
    if (verbose && s->flow)
      print_flow(out, s, s->flow);
  }
  print_unmet_assertions(out, sites);
}
