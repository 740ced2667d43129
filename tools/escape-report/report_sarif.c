#include "report.h"

#include "assertions.h"
#include "reasons.h"
#include "sarif_code_flow.h"
#include "sarif_location.h"
#include "site_identity.h"
#include "xalloc.h"

#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Code scanning shows what needs attention: the sites that stay on the
 * heap, and the unmet source assertions. Sites moved to the stack (also
 * those that start there and grow on the heap) or eliminated are left out
 * (docs/ci.md). */
static int is_reported(const struct site *s) {
  return s->verdict == VERDICT_STAYS_ON_HEAP ||
         s->verdict == VERDICT_ESCAPES_TO_HEAP || assertion_is_unmet(s);
}

/* "escape/escapes-to-heap/stored-to-global": made of the verdict and the
 * ReasonKind, never of positions or counts, so every build agrees on it. A
 * site whose assertion fails is that failure alone
 * ("escape/unmet-assertion/stack"): one alert, at the level of an error. */
static char *rule_id(const struct site *s) {
  if (assertion_is_unmet(s))
    return xasprintf("escape/unmet-assertion/%s", s->assertion);
  char *id = xstrdup("escape/");
  const char *verdict = verdict_name(s->verdict);
  xstrappend(&id, verdict, strlen(verdict));
  if (s->reason_kind) {
    xstrappend(&id, "/", 1);
    xstrappend(&id, s->reason_kind, strlen(s->reason_kind));
  }
  return id;
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static json_t *text(const char *s) { return json_pack("{s:s}", "text", s); }

/* The generic help, for a reason this version does not know. */
static const char generic_help[] =
    "The message names why the object must stay on the heap. Keep the "
    "pointer local (do not store it in globals or escaping objects, do not "
    "pass it to unknown functions) to let the compiler place it on the stack.";

/* The rules of unmet assertions, by kind; the last one is for a kind this
 * version does not know (from a newer plugin). */
static const struct {
  const char *kind, *name, *title, *help;
} assertion_rules[] = {
    {"stack", "UnmetAssertionStack",
     "ESCAPE_STACK not met: allocation on the heap",
     "ESCAPE_STACK(expr) (escape/escape.h) asserts that the allocation moves "
     "to the stack. The message says why it stays on the heap: keep the "
     "pointer local, or drop the assertion."},
    {"noescape", "UnmetAssertionNoEscape",
     "ESCAPE_NOESCAPE not met: parameter escapes",
     "ESCAPE_NOESCAPE (escape/escape.h) asserts that the parameter does not "
     "escape: no pointer to what it points to survives the call, and the "
     "function does not free it. The message says how it escapes."},
    {NULL, "UnmetAssertion", "Source assertion not met",
     "A source assertion of a newer Escape does not hold; the message says "
     "why."},
};

static json_t *assertion_rule(const struct site *example, const char *id) {
  size_t k = 0;
  while (assertion_rules[k].kind &&
         strcmp(assertion_rules[k].kind, example->assertion) != 0)
    k++;
  return json_pack(
      "{s:s, s:s, s:o, s:o, s:o, s:{s:s}, s:{s:[s,s], s:s}}", "id", id, "name",
      assertion_rules[k].name, "shortDescription",
      text(assertion_rules[k].title), "fullDescription",
      text("the source asserts what escape analysis (Go's model) must find, "
           "and the build does not meet it"),
      "help", text(assertion_rules[k].help), "defaultConfiguration", "level",
      "error", "properties", "tags", "correctness", "escape-analysis",
      "precision", "high");
}

static json_t *rule(const struct site *example, const char *id) {
  if (assertion_is_unmet(example))
    return assertion_rule(example, id);
  const char *what = example->verdict == VERDICT_ESCAPES_TO_HEAP
                         ? "Allocation escapes to heap"
                         : "Allocation does not escape, but stays on heap";
  const struct reason_kind *reason =
      example->reason_kind ? reason_kind_find(example->reason_kind) : NULL;
  char *title = xstrdup(what), *name = xstrdup(example->remark_name);
  if (example->reason_kind) {
    const char *phrase = reason ? reason->phrase : example->reason_kind;
    xstrappend(&title, ": ", 2);
    xstrappend(&title, phrase, strlen(phrase));
  }
  if (reason)
    xstrappend(&name, reason->name, strlen(reason->name));
  json_t *r = json_pack(
      "{s:s, s:s, s:o, s:o, s:o, s:{s:s}, s:{s:[s,s], s:s}}", "id", id, "name",
      name, "shortDescription", text(title), "fullDescription",
      text("escape analysis (Go's model) found that this malloc-family "
           "allocation cannot be moved to the stack"),
      "help", text(reason ? reason->help : generic_help),
      "defaultConfiguration", "level", "note", "properties", "tags",
      "performance", "escape-analysis", "precision", "high");
  free(title);
  free(name);
  return r;
}

static json_t *result(const struct site *s, const char *id, size_t rule_index,
                      const char *identity, const char *source_root) {
  /* A parameter remark is no allocation site; it has an identity of its
   * own. */
  char *parameter = identity ? NULL : site_identity_parameter_key(s);
  char fingerprint[17];
  snprintf(
      fingerprint, sizeof fingerprint, "%016llx",
      (unsigned long long)site_identity_hash(identity ? identity : parameter));
  free(parameter);
  int unmet = assertion_is_unmet(s);
  char *message = unmet ? assertion_unmet_text(s) : xstrdup(s->message);
  json_t *location = sarif_physical_location(s->file, s->line, s->column);
  json_object_set_new(location, "logicalLocations",
                      json_pack("[{s:s, s:s}]", "fullyQualifiedName",
                                s->function, "kind", "function"));
  json_t *r =
      json_pack("{s:s, s:I, s:s, s:o, s:[o], s:{s:s}}", "ruleId", id,
                "ruleIndex", (json_int_t)rule_index, "level",
                unmet ? "error" : "note", "message", text(message), "locations",
                location, "partialFingerprints", "escapeSite/v1", fingerprint);
  free(message);
  if (s->mode)
    json_object_set_new(r, "properties", json_pack("{s:s}", "mode", s->mode));
  json_t *flows = sarif_code_flows(s, source_root);
  if (flows)
    json_object_set_new(r, "codeFlows", flows);
  return r;
}

static json_t *source_root_base(const char *source_root) {
  char resolved[PATH_MAX];
  if (!source_root || !realpath(source_root, resolved))
    return json_object();
  char *uri = sarif_file_uri(resolved);
  if (uri[strlen(uri) - 1] != '/')
    xstrappend(&uri, "/", 1);
  json_t *bases = json_pack("{s:{s:s}}", "%SRCROOT%", "uri", uri);
  free(uri);
  return bases;
}

void report_sarif(FILE *out, const struct site_list *sites,
                  const char *source_root) {
  size_t n = sites->count, rule_count = 0;
  char **ids = xrealloc(NULL, (n + 1) * sizeof *ids);
  char **distinct = xrealloc(NULL, (n + 1) * sizeof *distinct);
  for (size_t i = 0; i < n; i++) {
    ids[i] = is_reported(&sites->items[i]) ? rule_id(&sites->items[i]) : NULL;
    if (ids[i])
      distinct[rule_count++] = ids[i];
  }
  /* Rules sorted by id, so that ruleIndex is as stable as the ids. */
  qsort(distinct, rule_count, sizeof *distinct, compare_strings);
  size_t kept = 0;
  for (size_t i = 0; i < rule_count; i++)
    if (kept == 0 || strcmp(distinct[kept - 1], distinct[i]) != 0)
      distinct[kept++] = distinct[i];
  rule_count = kept;

  char **identities = site_identity_keys(sites);
  json_t *rules = json_array(), *results = json_array();
  for (size_t r = 0; r < rule_count; r++)
    for (size_t i = 0; i < n; i++)
      if (ids[i] && strcmp(ids[i], distinct[r]) == 0) {
        json_array_append_new(rules, rule(&sites->items[i], distinct[r]));
        break;
      }
  for (size_t i = 0; i < n; i++) {
    if (!ids[i])
      continue;
    char **found = bsearch(&ids[i], distinct, rule_count, sizeof *distinct,
                           compare_strings);
    json_array_append_new(results, result(&sites->items[i], ids[i],
                                          (size_t)(found - distinct),
                                          identities[i], source_root));
  }
  json_t *run =
      json_pack("{s:{s:{s:s, s:s, s:o}}, s:o, s:{s:s}, s:o}", "tool", "driver",
                "name", "escape-report", "version", ESCAPE_VERSION, "rules",
                rules, "originalUriBaseIds", source_root_base(source_root),
                "automationDetails", "id", "escape/", "results", results);
  json_t *sarif =
      json_pack("{s:s, s:s, s:[o]}", "version", "2.1.0", "$schema",
                "https://json.schemastore.org/sarif-2.1.0.json", "runs", run);
  json_dumpf(sarif, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
  fputc('\n', out);
  json_decref(sarif);
  site_identity_free(identities, n);
  for (size_t i = 0; i < n; i++)
    free(ids[i]);
  free(ids);
  free(distinct);
}
