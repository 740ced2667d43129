#include "baseline.h"

#include "report_json_schema.h"
#include "site_identity.h"
#include "xalloc.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static char *string_field(json_t *record, const char *key) {
  const char *s = json_string_value(json_object_get(record, key));
  return s ? xstrdup(s) : NULL;
}

static unsigned number_field(json_t *record, const char *key) {
  json_int_t n = json_integer_value(json_object_get(record, key));
  return n > 0 ? (unsigned)n : 0;
}

static int read_site(json_t *record, struct site_list *out) {
  const char *verdict = json_string_value(json_object_get(record, "verdict"));
  char *file = string_field(record, "file");
  char *function = string_field(record, "function");
  if (!verdict || !file || !function) {
    free(file);
    free(function);
    return -1;
  }
  struct site *s = site_list_push(out);
  s->file = file;
  s->function = function;
  s->line = number_field(record, "line");
  s->column = number_field(record, "column");
  s->callee = string_field(record, "callee");
  s->size = string_field(record, "size");
  s->message = string_field(record, "message");
  s->remark_name = xstrdup("");
  s->verdict = verdict_from_name(verdict);
  return 0;
}

int baseline_load(const char *path, struct site_list *out) {
  json_error_t error;
  json_t *root = json_load_file(path, 0, &error);
  if (!root) {
    fprintf(stderr, "escape-report: %s:%d:%d: error: %s\n", path, error.line,
            error.column, error.text);
    return -1;
  }
  json_t *schema = json_object_get(root, "schema");
  json_t *version = json_object_get(root, "version");
  json_t *sites = json_object_get(root, "sites");
  int status = 0;
  if (!json_is_string(schema) ||
      strcmp(json_string_value(schema), REPORT_JSON_SCHEMA) != 0 ||
      !json_is_integer(version) || !json_is_array(sites)) {
    fprintf(stderr,
            "escape-report: %s: error: not an escape-report JSON report "
            "(written with --format json)\n",
            path);
    status = -1;
  } else if (json_integer_value(version) > REPORT_JSON_VERSION) {
    fprintf(stderr,
            "escape-report: %s: error: report version %lld is newer than "
            "this escape-report (%d)\n",
            path, (long long)json_integer_value(version), REPORT_JSON_VERSION);
    status = -1;
  } else {
    size_t i;
    json_t *record;
    json_array_foreach(sites, i, record) {
      if (read_site(record, out) != 0) {
        fprintf(stderr,
                "escape-report: %s: error: site %zu lacks file, function or "
                "verdict\n",
                path, i);
        status = -1;
        break;
      }
    }
  }
  json_decref(root);
  return status;
}

struct keyed {
  const char *key;
  const struct site *site;
};

static int compare_keyed(const void *a, const void *b) {
  return strcmp(((const struct keyed *)a)->key, ((const struct keyed *)b)->key);
}

size_t baseline_print_regressions(FILE *out, const struct site_list *baseline,
                                  const struct site_list *current) {
  char **old_keys = site_identity_keys(baseline);
  char **new_keys = site_identity_keys(current);
  struct keyed *old = xrealloc(NULL, (baseline->count + 1) * sizeof *old);
  size_t n_old = 0, regressions = 0;
  for (size_t i = 0; i < baseline->count; i++)
    if (old_keys[i])
      old[n_old++] = (struct keyed){old_keys[i], &baseline->items[i]};
  qsort(old, n_old, sizeof *old, compare_keyed);
  for (size_t i = 0; i < current->count; i++) {
    const struct site *now = &current->items[i];
    if (!new_keys[i] || now->verdict == VERDICT_NONE ||
        verdict_is_off_heap(now->verdict))
      continue;
    struct keyed probe = {new_keys[i], now};
    const struct keyed *was =
        bsearch(&probe, old, n_old, sizeof *old, compare_keyed);
    if (!was || !verdict_is_off_heap(was->site->verdict))
      continue;
    fprintf(out, "%s:%u:%u: %s (in %s; baseline: %s at line %u)\n", now->file,
            now->line, now->column, now->message, now->function,
            verdict_name(was->site->verdict), was->site->line);
    regressions++;
  }
  free(old);
  site_identity_free(old_keys, baseline->count);
  site_identity_free(new_keys, current->count);
  return regressions;
}
