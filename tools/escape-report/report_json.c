#include "report.h"

#include "report_json_schema.h"

#include <jansson.h>
#include <string.h>

static json_t *optional_string(const char *s) {
  return s ? json_string(s) : json_null();
}

static json_t *flow_lines(const char *flow) {
  json_t *lines = json_array();
  while (flow && *flow) {
    size_t n = strcspn(flow, "\n");
    json_array_append_new(lines, json_stringn(flow, n));
    flow += n + (flow[n] == '\n');
  }
  return lines;
}

static json_t *place(const struct site *s) {
  json_t *o = json_object();
  json_object_set_new(o, "file", json_string(s->file));
  json_object_set_new(o, "line", json_integer(s->line));
  json_object_set_new(o, "column", json_integer(s->column));
  json_object_set_new(o, "function", json_string(s->function));
  return o;
}

/* Only on what an assertion names, so that the reports of builds without
 * assertions stay as they were. */
static void add_assertion(json_t *o, const struct site *s) {
  if (!s->assertion)
    return;
  json_object_set_new(o, "assertion", json_string(s->assertion));
  json_object_set_new(o, "assertion_met", json_boolean(s->assertion_met));
}

/* Only for a mode other than go, so that go reports stay as they were. */
static void add_mode(json_t *o, const struct site *s) {
  if (s->mode)
    json_object_set_new(o, "mode", json_string(s->mode));
}

static json_t *site_record(const struct site *s) {
  json_t *o = place(s);
  json_object_set_new(o, "callee", optional_string(s->callee));
  json_object_set_new(o, "size", optional_string(s->size));
  json_object_set_new(o, "verdict", json_string(verdict_name(s->verdict)));
  json_object_set_new(o, "reason", optional_string(s->reason));
  json_object_set_new(o, "reason_kind", optional_string(s->reason_kind));
  json_object_set_new(o, "message", json_string(s->message));
  json_object_set_new(o, "explanation", flow_lines(s->flow));
  add_assertion(o, s);
  add_mode(o, s);
  return o;
}

static json_t *other_remark_record(const struct site *s) {
  json_t *o = place(s);
  json_object_set_new(o, "name", json_string(s->remark_name));
  json_object_set_new(o, "message", json_string(s->message));
  add_assertion(o, s);
  return o;
}

void report_json(FILE *out, const struct site_list *sites) {
  json_t *root = json_object();
  json_t *records = json_array(), *others = json_array();
  for (size_t i = 0; i < sites->count; i++) {
    const struct site *s = &sites->items[i];
    json_array_append_new(s->verdict != VERDICT_NONE ? records : others,
                          s->verdict != VERDICT_NONE ? site_record(s)
                                                     : other_remark_record(s));
  }
  json_object_set_new(root, "schema", json_string(REPORT_JSON_SCHEMA));
  json_object_set_new(root, "version", json_integer(REPORT_JSON_VERSION));
  json_object_set_new(root, "sites", records);
  json_object_set_new(root, "remarks", others);
  json_dumpf(root, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', out);
  json_decref(root);
}
