#include "report_json_read.h"

#include "report_json_schema.h"
#include "xalloc.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int report_json_is_json(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  int c;
  while ((c = getc(f)) != EOF && isspace(c))
    ;
  fclose(f);
  return c == '{';
}

static char *string_field(json_t *record, const char *key) {
  const char *s = json_string_value(json_object_get(record, key));
  return s ? xstrdup(s) : NULL;
}

static unsigned number_field(json_t *record, const char *key) {
  json_int_t n = json_integer_value(json_object_get(record, key));
  return n > 0 ? (unsigned)n : 0;
}

/* The explanation's lines joined by '\n', as the site held them. */
static char *flow_field(json_t *record) {
  char *flow = NULL;
  size_t i;
  json_t *line;
  json_array_foreach(json_object_get(record, "explanation"), i, line) {
    const char *text = json_string_value(line);
    if (!text)
      continue;
    if (flow)
      xstrappend(&flow, "\n", 1);
    xstrappend(&flow, text, strlen(text));
  }
  return flow;
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
  s->reason = string_field(record, "reason");
  s->reason_kind = string_field(record, "reason_kind");
  s->message = string_field(record, "message");
  if (!s->message)
    s->message = xstrdup("");
  s->flow = flow_field(record);
  s->assertion = string_field(record, "assertion");
  s->assertion_met = json_is_true(json_object_get(record, "assertion_met"));
  s->mode = string_field(record, "mode");
  s->remark_name = xstrdup("");
  s->verdict = verdict_from_name(verdict);
  return 0;
}

int report_json_load(const char *path, struct site_list *out) {
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
