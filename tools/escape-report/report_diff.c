#include "report_diff.h"

#include "markdown.h"
#include "report_json_schema.h"
#include "site_identity.h"
#include "xalloc.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* What happened to a site. A file lists its changed and added sites by
 * their position in NEW, then its removed ones by their position in OLD. */
enum change { CHANGED, ADDED, REMOVED };

struct entry {
  enum change change;
  const struct site *was, *now; /* was NULL when added, now when removed */
  size_t index;                 /* in the list the site is shown from */
  int worse;
};

struct diff {
  struct entry *items;
  size_t count, changed, added, removed, worse, sites_was, sites_now;
};

/* The site an entry is shown as: NEW's, unless it was removed. */
static const struct site *shown(const struct entry *e) {
  return e->now ? e->now : e->was;
}

static void push(struct diff *d, struct entry e) {
  d->items[d->count++] = e;
  d->changed += e.change == CHANGED;
  d->added += e.change == ADDED;
  d->removed += e.change == REMOVED;
  d->worse += e.worse;
}

/* Both lists are sorted by file and position, so an entry's list index
 * orders it within its file and kind. */
static int compare_entries(const void *pa, const void *pb) {
  const struct entry *a = pa, *b = pb;
  int c = strcmp(shown(a)->file, shown(b)->file);
  if (c)
    return c;
  if ((a->change == REMOVED) != (b->change == REMOVED))
    return a->change == REMOVED ? 1 : -1;
  return a->index < b->index ? -1 : a->index > b->index;
}

static void compute(struct diff *d, const struct site_list *was,
                    const struct site_list *now) {
  size_t *match = site_identity_match(was, now);
  unsigned char *matched =
      memset(xrealloc(NULL, was->count + 1), 0, was->count + 1);
  /* Each site of either list is at most one entry. */
  d->items = xrealloc(NULL, (was->count + now->count + 1) * sizeof *d->items);
  d->sites_was = site_list_count_verdicts(was);
  d->sites_now = site_list_count_verdicts(now);
  for (size_t i = 0; i < now->count; i++) {
    const struct site *s = &now->items[i];
    if (s->verdict == VERDICT_NONE)
      continue;
    int on_heap = !verdict_is_off_heap(s->verdict);
    if (match[i] == SITE_UNMATCHED) {
      push(d, (struct entry){ADDED, NULL, s, i, on_heap});
      continue;
    }
    const struct site *before = &was->items[match[i]];
    matched[match[i]] = 1;
    if (before->verdict != s->verdict)
      push(d, (struct entry){CHANGED, before, s, i,
                             on_heap && verdict_is_off_heap(before->verdict)});
  }
  for (size_t i = 0; i < was->count; i++)
    if (was->items[i].verdict != VERDICT_NONE && !matched[i])
      push(d, (struct entry){REMOVED, &was->items[i], NULL, i, 0});
  qsort(d->items, d->count, sizeof *d->items, compare_entries);
  free(matched);
  free(match);
}

/* The reason is given for every site on the heap; a site off it has none. */
static const char *heap_reason(const struct site *s) {
  return verdict_is_off_heap(s->verdict) ? NULL : s->reason;
}

static void print_tally(FILE *out, const struct diff *d) {
  fprintf(out,
          "%zu changed, %zu new, %zu removed: %zu worse (%zu sites before, "
          "%zu now)\n",
          d->changed, d->added, d->removed, d->worse, d->sites_was,
          d->sites_now);
}

static int starts_file(const struct diff *d, size_t i) {
  return i == 0 ||
         strcmp(shown(&d->items[i - 1])->file, shown(&d->items[i])->file);
}

/* "11:12: malloc(16) in main: moved-to-stack -> escapes-to-heap: returned
 * (worse)"; new and removed sites say so first, and a removed site's
 * position is its position in OLD. */
static void text_entry(FILE *out, const struct entry *e) {
  const struct site *s = shown(e);
  static const char *const prefix[] = {"", "new: ", "removed: "};
  fprintf(out,
          "  %s%u:%u: %s%s(%s) in %s: ", e->change == REMOVED ? "old " : "",
          s->line, s->column, prefix[e->change], s->callee ? s->callee : "?",
          s->size ? s->size : "", s->function);
  if (e->change == CHANGED)
    fprintf(out, "%s -> ", verdict_name(e->was->verdict));
  fputs(verdict_name(s->verdict), out);
  if (heap_reason(s))
    fprintf(out, ": %s", heap_reason(s));
  fputs(e->worse ? " (worse)\n" : "\n", out);
}

static void write_text(FILE *out, const struct diff *d) {
  for (size_t i = 0; i < d->count; i++) {
    if (starts_file(d, i))
      fprintf(out, "%s\n", shown(&d->items[i])->file);
    text_entry(out, &d->items[i]);
  }
  if (d->count)
    fputc('\n', out);
  print_tally(out, d);
}

static void markdown_entry(FILE *out, const struct entry *e) {
  const struct site *s = shown(e);
  fprintf(out, "| %s%u:%u | `", e->change == REMOVED ? "old " : "", s->line,
          s->column);
  markdown_cell(out, s->callee ? s->callee : "?");
  fputc('(', out);
  markdown_cell(out, s->size);
  fputs(")` | `", out);
  markdown_cell(out, s->function);
  fputs("` | ", out);
  if (e->change == CHANGED)
    fprintf(out, "%s -> ", verdict_name(e->was->verdict));
  else
    fputs(e->change == ADDED ? "new: " : "removed: ", out);
  fputs(verdict_name(s->verdict), out);
  fputs(e->worse ? " **(worse)** | " : " | ", out);
  markdown_cell(out, heap_reason(s));
  fputs(" |\n", out);
}

/* A table per file, for a pull-request comment or a CI step summary. */
static void write_markdown(FILE *out, const struct diff *d) {
  fputs("## Escape diff\n\n", out);
  print_tally(out, d);
  if (d->count == 0)
    fputs("\nNo site changed its verdict, and none was added or removed.\n",
          out);
  for (size_t i = 0; i < d->count; i++) {
    if (starts_file(d, i)) {
      fputs("\n### `", out);
      markdown_cell(out, shown(&d->items[i])->file);
      fputs("`\n\n| line | allocation | function | change | reason |\n"
            "|---|---|---|---|---|\n",
            out);
    }
    markdown_entry(out, &d->items[i]);
  }
}

static json_t *optional_string(const char *s) {
  return s ? json_string(s) : json_null();
}

static json_t *verdict_of(const struct site *s) {
  return s ? json_string(verdict_name(s->verdict)) : json_null();
}

static json_t *json_entry(const struct entry *e) {
  const struct site *s = shown(e);
  json_t *o = json_object();
  json_object_set_new(o, "file", json_string(s->file));
  json_object_set_new(o, "line", json_integer(s->line));
  json_object_set_new(o, "column", json_integer(s->column));
  json_object_set_new(o, "function", json_string(s->function));
  json_object_set_new(o, "old_verdict", verdict_of(e->was));
  json_object_set_new(o, "new_verdict", verdict_of(e->now));
  json_object_set_new(o, "reason_kind", optional_string(s->reason_kind));
  json_object_set_new(o, "reason", optional_string(s->reason));
  json_object_set_new(o, "message", json_string(s->message));
  json_object_set_new(o, "worse", json_boolean(e->worse));
  return o;
}

static void write_json(FILE *out, const struct diff *d) {
  json_t *lists[] = {json_array(), json_array(), json_array()};
  for (size_t i = 0; i < d->count; i++)
    json_array_append_new(lists[d->items[i].change], json_entry(&d->items[i]));
  json_t *root =
      json_pack("{s:s, s:i, s:o, s:o, s:o}", "schema", REPORT_DIFF_JSON_SCHEMA,
                "version", REPORT_DIFF_JSON_VERSION, "changed", lists[CHANGED],
                "new", lists[ADDED], "removed", lists[REMOVED]);
  json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', out);
  json_decref(root);
}

size_t report_diff(FILE *out, enum diff_format format,
                   const struct site_list *was, const struct site_list *now) {
  struct diff d = {0};
  compute(&d, was, now);
  switch (format) {
  case DIFF_TEXT:
    write_text(out, &d);
    break;
  case DIFF_MARKDOWN:
    write_markdown(out, &d);
    break;
  case DIFF_JSON:
    write_json(out, &d);
    break;
  }
  free(d.items);
  return d.worse;
}
