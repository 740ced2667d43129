#include "site.h"

#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static const struct {
  enum verdict verdict;
  const char *name;        /* in JSON, SARIF rule ids and the baseline */
  const char *remark_name; /* as the plugin names the remark */
} verdicts[] = {
    {VERDICT_MOVED_TO_STACK, "moved-to-stack", "MovedToStack"},
    {VERDICT_STARTS_ON_STACK, "starts-on-stack", "StartsOnStack"},
    {VERDICT_ELIMINATED, "eliminated", "Eliminated"},
    {VERDICT_STAYS_ON_HEAP, "stays-on-heap", "StaysOnHeap"},
    {VERDICT_ESCAPES_TO_HEAP, "escapes-to-heap", "EscapesToHeap"},
};
enum { VERDICT_TABLE_SIZE = sizeof verdicts / sizeof verdicts[0] };

const char *verdict_name(enum verdict v) {
  for (size_t i = 0; i < VERDICT_TABLE_SIZE; i++)
    if (verdicts[i].verdict == v)
      return verdicts[i].name;
  return NULL;
}

enum verdict verdict_from_remark_name(const char *remark_name) {
  for (size_t i = 0; i < VERDICT_TABLE_SIZE; i++)
    if (strcmp(verdicts[i].remark_name, remark_name) == 0)
      return verdicts[i].verdict;
  return VERDICT_NONE;
}

enum verdict verdict_from_name(const char *name) {
  for (size_t i = 0; i < VERDICT_TABLE_SIZE; i++)
    if (strcmp(verdicts[i].name, name) == 0)
      return verdicts[i].verdict;
  return VERDICT_NONE;
}

int verdict_is_off_heap(enum verdict v) {
  return v == VERDICT_MOVED_TO_STACK || v == VERDICT_STARTS_ON_STACK ||
         v == VERDICT_ELIMINATED;
}

struct site *site_list_push(struct site_list *list) {
  if (list->count == list->capacity) {
    list->capacity = list->capacity ? 2 * list->capacity : 64;
    list->items = xrealloc(list->items, list->capacity * sizeof *list->items);
  }
  struct site *s = &list->items[list->count++];
  memset(s, 0, sizeof *s);
  return s;
}

void site_free(struct site *s) {
  free(s->file);
  free(s->function);
  free(s->remark_name);
  free(s->callee);
  free(s->size);
  free(s->reason);
  free(s->reason_kind);
  free(s->message);
  free(s->flow);
  free(s->param);
  free(s->assertion);
  free(s->mode);
}

void site_list_free(struct site_list *list) {
  for (size_t i = 0; i < list->count; i++)
    site_free(&list->items[i]);
  free(list->items);
  memset(list, 0, sizeof *list);
}

static int compare_optional(const char *a, const char *b) {
  return strcmp(a ? a : "", b ? b : "");
}

/* A total order on every field, so that the reports do not depend on the
 * order in which the inputs were named or found: sites that compare equal
 * are the same in all that is printed. */
static int compare_sites(const void *pa, const void *pb) {
  const struct site *a = pa, *b = pb;
  int c = strcmp(a->file, b->file);
  if (c)
    return c;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->column != b->column)
    return a->column < b->column ? -1 : 1;
  /* A verdict sorts before the parameter remarks of the same position. */
  if ((a->verdict == VERDICT_NONE) != (b->verdict == VERDICT_NONE))
    return a->verdict == VERDICT_NONE ? 1 : -1;
  if ((c = strcmp(a->function, b->function)) ||
      (c = strcmp(a->message, b->message)) ||
      (c = compare_optional(a->flow, b->flow)))
    return c;
  if (a->verdict != b->verdict)
    return a->verdict < b->verdict ? -1 : 1;
  if ((c = strcmp(a->remark_name, b->remark_name)) ||
      (c = compare_optional(a->callee, b->callee)) ||
      (c = compare_optional(a->size, b->size)) ||
      (c = compare_optional(a->reason, b->reason)) ||
      (c = compare_optional(a->reason_kind, b->reason_kind)) ||
      (c = compare_optional(a->param, b->param)) ||
      (c = compare_optional(a->assertion, b->assertion)) ||
      (c = compare_optional(a->mode, b->mode)))
    return c;
  return a->assertion_met - b->assertion_met;
}

void site_list_sort_unique(struct site_list *list) {
  if (list->count == 0)
    return;
  qsort(list->items, list->count, sizeof *list->items, compare_sites);
  size_t kept = 1;
  for (size_t i = 1; i < list->count; i++) {
    if (compare_sites(&list->items[kept - 1], &list->items[i]) == 0)
      site_free(&list->items[i]);
    else
      list->items[kept++] = list->items[i];
  }
  list->count = kept;
}

size_t site_list_count_verdicts(const struct site_list *list) {
  size_t n = 0;
  for (size_t i = 0; i < list->count; i++)
    n += list->items[i].verdict != VERDICT_NONE;
  return n;
}
