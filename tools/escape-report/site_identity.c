#include "site_identity.h"

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct site *sort_base;

static int compare_group_then_position(const void *pa, const void *pb) {
  const struct site *a = &sort_base[*(const size_t *)pa];
  const struct site *b = &sort_base[*(const size_t *)pb];
  int c;
  if ((c = strcmp(a->file, b->file)) || (c = strcmp(a->function, b->function)))
    return c;
  if ((c = strcmp(a->callee ? a->callee : "", b->callee ? b->callee : "")) ||
      (c = strcmp(a->size ? a->size : "", b->size ? b->size : "")))
    return c;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  if (a->column != b->column)
    return a->column < b->column ? -1 : 1;
  /* Two inlined copies of one call in one function share a position; their
   * messages keep the ordinals deterministic. */
  return strcmp(a->message ? a->message : "", b->message ? b->message : "");
}

static int same_group(const struct site *a, const struct site *b) {
  return strcmp(a->file, b->file) == 0 &&
         strcmp(a->function, b->function) == 0 &&
         strcmp(a->callee ? a->callee : "", b->callee ? b->callee : "") == 0 &&
         strcmp(a->size ? a->size : "", b->size ? b->size : "") == 0;
}

static char *make_key(const struct site *s, unsigned ordinal) {
  const char *callee = s->callee ? s->callee : "",
             *size = s->size ? s->size : "";
  size_t n = strlen(s->file) + strlen(s->function) + strlen(callee) +
             strlen(size) + 16;
  char *key = xrealloc(NULL, n);
  snprintf(key, n, "%s\x1f%s\x1f%s\x1f%s\x1f%u", s->file, s->function, callee,
           size, ordinal);
  return key;
}

char **site_identity_keys(const struct site_list *list) {
  char **keys = xrealloc(NULL, (list->count + 1) * sizeof *keys);
  size_t *order = xrealloc(NULL, (list->count + 1) * sizeof *order);
  size_t n = 0;
  for (size_t i = 0; i < list->count; i++) {
    keys[i] = NULL;
    if (list->items[i].verdict != VERDICT_NONE)
      order[n++] = i;
  }
  /* qsort has no context argument; the tool is single-threaded. */
  sort_base = list->items;
  qsort(order, n, sizeof *order, compare_group_then_position);
  unsigned ordinal = 0;
  for (size_t k = 0; k < n; k++) {
    const struct site *s = &list->items[order[k]];
    ordinal =
        k > 0 && same_group(&list->items[order[k - 1]], s) ? ordinal + 1 : 0;
    keys[order[k]] = make_key(s, ordinal);
  }
  free(order);
  return keys;
}

void site_identity_free(char **keys, size_t count) {
  for (size_t i = 0; i < count; i++)
    free(keys[i]);
  free(keys);
}

struct keyed {
  const char *key;
  size_t index;
};

static int compare_keyed(const void *a, const void *b) {
  return strcmp(((const struct keyed *)a)->key, ((const struct keyed *)b)->key);
}

size_t *site_identity_match(const struct site_list *was,
                            const struct site_list *now) {
  char **was_keys = site_identity_keys(was);
  char **now_keys = site_identity_keys(now);
  struct keyed *sorted = xrealloc(NULL, (was->count + 1) * sizeof *sorted);
  size_t n = 0;
  for (size_t i = 0; i < was->count; i++)
    if (was_keys[i])
      sorted[n++] = (struct keyed){was_keys[i], i};
  qsort(sorted, n, sizeof *sorted, compare_keyed);
  size_t *match = xrealloc(NULL, (now->count + 1) * sizeof *match);
  for (size_t i = 0; i < now->count; i++) {
    struct keyed probe = {now_keys[i], 0};
    const struct keyed *found =
        now_keys[i] ? bsearch(&probe, sorted, n, sizeof *sorted, compare_keyed)
                    : NULL;
    match[i] = found ? found->index : SITE_UNMATCHED;
  }
  free(sorted);
  site_identity_free(was_keys, was->count);
  site_identity_free(now_keys, now->count);
  return match;
}

char *site_identity_parameter_key(const struct site *s) {
  return xasprintf("%s\x1f%s\x1f%s", s->file, s->function,
                   s->param ? s->param : "");
}

uint64_t site_identity_hash(const char *key) {
  uint64_t h = 14695981039346656037ull;
  for (const unsigned char *p = (const unsigned char *)key; *p; p++)
    h = (h ^ *p) * 1099511628211ull;
  return h;
}
