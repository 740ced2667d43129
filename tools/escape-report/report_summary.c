#include "report.h"

#include "assertions.h"
#include "markdown.h"
#include "reasons.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { TOP_REASONS = 10 };

/* A site that starts on the stack and grows on the heap is counted in
 * stack (its first buffer is a stack slot, as a moved site's), and in
 * starts_on_stack as well, so the table keeps its columns. */
struct counts {
  size_t stack, starts_on_stack, eliminated, escapes, stays;
};

static void count(struct counts *c, enum verdict v) {
  c->stack += v == VERDICT_MOVED_TO_STACK || v == VERDICT_STARTS_ON_STACK;
  c->starts_on_stack += v == VERDICT_STARTS_ON_STACK;
  c->eliminated += v == VERDICT_ELIMINATED;
  c->escapes += v == VERDICT_ESCAPES_TO_HEAP;
  c->stays += v == VERDICT_STAYS_ON_HEAP;
}

static void print_row(FILE *out, const char *name, const struct counts *c) {
  fprintf(out, "%14zu %10zu %10zu %13zu  %s\n", c->stack, c->eliminated,
          c->escapes, c->stays, name);
}

struct reason_count {
  const char *kind;
  size_t n;
};

static int by_count_then_kind(const void *pa, const void *pb) {
  const struct reason_count *a = pa, *b = pb;
  if (a->n != b->n)
    return a->n > b->n ? -1 : 1;
  return strcmp(a->kind, b->kind);
}

/* Why sites stay on the heap, commonest first, by ReasonKind (the Reason
 * text when a remark has no kind). */
static void print_top_reasons(FILE *out, const struct site_list *sites) {
  struct reason_count *reasons = NULL;
  size_t distinct = 0;
  for (size_t i = 0; i < sites->count; i++) {
    const struct site *s = &sites->items[i];
    const char *kind = s->reason_kind ? s->reason_kind : s->reason;
    if (!kind || verdict_is_off_heap(s->verdict))
      continue;
    size_t r = 0;
    while (r < distinct && strcmp(reasons[r].kind, kind) != 0)
      r++;
    if (r == distinct) {
      reasons = xrealloc(reasons, (distinct + 1) * sizeof *reasons);
      reasons[distinct++] = (struct reason_count){kind, 0};
    }
    reasons[r].n++;
  }
  qsort(reasons, distinct, sizeof *reasons, by_count_then_kind);
  fprintf(out, "\ntop reasons for staying on the heap:\n");
  if (distinct == 0)
    fprintf(out, "  (none)\n");
  for (size_t r = 0; r < distinct && r < TOP_REASONS; r++) {
    const char *phrase = reason_kind_phrase(reasons[r].kind);
    if (phrase == reasons[r].kind)
      fprintf(out, "%6zu  %s\n", reasons[r].n, phrase);
    else
      fprintf(out, "%6zu  %s (%s)\n", reasons[r].n, phrase, reasons[r].kind);
  }
  free(reasons);
}

/* One row per file with allocation verdicts (the sites are sorted by
 * file), then the total, which is returned. */
static struct counts per_file(FILE *out, const struct site_list *sites,
                              void (*row)(FILE *, const char *,
                                          const struct counts *),
                              const char *total_name) {
  struct counts total = {0}, file = {0};
  for (size_t i = 0; i < sites->count; i++) {
    const struct site *s = &sites->items[i];
    count(&file, s->verdict);
    count(&total, s->verdict);
    if (i + 1 == sites->count || strcmp(s->file, sites->items[i + 1].file)) {
      if (file.stack + file.eliminated + file.escapes + file.stays)
        row(out, s->file, &file);
      file = (struct counts){0};
    }
  }
  row(out, total_name, &total);
  return total;
}

/* How many of the sites on the stack may grow onto the heap (growable local
 * buffers, realloc'd); nothing when none may. */
static void print_starts_on_stack(FILE *out, const struct counts *total) {
  if (total->starts_on_stack)
    fprintf(out, "\nmoved to stack: %zu (%zu start on stack, grow on heap)\n",
            total->stack, total->starts_on_stack);
}

void report_summary(FILE *out, const struct site_list *sites) {
  fprintf(out, "%14s %10s %10s %13s  %s\n", "moved to stack", "eliminated",
          "escapes", "stays on heap", "file");
  struct counts total = per_file(out, sites, print_row, "total");
  print_starts_on_stack(out, &total);
  print_top_reasons(out, sites);
  struct assertion_counts asserted = assertions_count(sites);
  if (asserted.met + asserted.unmet)
    fprintf(out, "\nassertions in source: %zu met, %zu unmet\n", asserted.met,
            asserted.unmet);
}

static void markdown_row(FILE *out, const char *name, const struct counts *c) {
  fputs("| ", out);
  markdown_cell(out, name);
  fprintf(out, " | %zu | %zu | %zu | %zu |\n", c->stack, c->eliminated,
          c->escapes, c->stays);
}

/* "| `file:line:col` | `function` | ": the first cells of a row about a
 * site. */
static void site_cells(FILE *out, const struct site *s) {
  fputs("| `", out);
  markdown_cell(out, s->file);
  fprintf(out, ":%u:%u` | `", s->line, s->column);
  markdown_cell(out, s->function);
  fputs("` | ", out);
}

/* What fails the build comes first: the unmet assertions, and how many
 * were met. Nothing when the build has no assertions. */
static void markdown_assertions(FILE *out, const struct site_list *sites) {
  struct assertion_counts asserted = assertions_count(sites);
  if (asserted.met + asserted.unmet == 0)
    return;
  fprintf(out, "\n### Assertions in source: %zu unmet, %zu met\n",
          asserted.unmet, asserted.met);
  if (asserted.unmet == 0)
    return;
  fputs("\n| site | function | unmet assertion |\n|---|---|---|\n", out);
  for (size_t i = 0; i < sites->count; i++) {
    const struct site *s = &sites->items[i];
    if (!assertion_is_unmet(s))
      continue;
    char *text = assertion_unmet_text(s);
    site_cells(out, s);
    markdown_cell(out, text);
    fputs(" |\n", out);
    free(text);
  }
}

void report_markdown(FILE *out, const struct site_list *sites) {
  fputs("## Escape report\n\n"
        "| file | moved to stack | eliminated | escapes | stays on heap |\n"
        "|---|---:|---:|---:|---:|\n",
        out);
  struct counts total = per_file(out, sites, markdown_row, "**total**");
  print_starts_on_stack(out, &total);
  markdown_assertions(out, sites);
  size_t heap = 0;
  for (size_t i = 0; i < sites->count; i++)
    heap += sites->items[i].verdict != VERDICT_NONE &&
            !verdict_is_off_heap(sites->items[i].verdict);
  fprintf(out, "\n### On the heap (%zu)\n\n", heap);
  if (heap == 0) {
    fputs("Every allocation moved to the stack or was removed.\n", out);
    return;
  }
  fputs("| site | function | allocation | why |\n|---|---|---|---|\n", out);
  for (size_t i = 0; i < sites->count; i++) {
    const struct site *s = &sites->items[i];
    if (s->verdict == VERDICT_NONE || verdict_is_off_heap(s->verdict))
      continue;
    site_cells(out, s);
    fputc('`', out);
    markdown_cell(out, s->callee);
    fputc('(', out);
    markdown_cell(out, s->size);
    fputs(")` | ", out);
    fputs(s->verdict == VERDICT_ESCAPES_TO_HEAP ? "escapes: " : "stays: ", out);
    markdown_cell(out, s->reason ? s->reason : "");
    fputs(" |\n", out);
  }
}
