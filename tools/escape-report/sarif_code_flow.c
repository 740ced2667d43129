#include "sarif_code_flow.h"

#include "sarif_location.h"
#include "source_path.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *step(const char *file, unsigned line, unsigned column,
                    const char *message, size_t message_len) {
  json_t *location = sarif_physical_location(file, line, column);
  json_object_set_new(location, "message",
                      json_pack("{s:s%}", "text", message, message_len));
  return json_pack("{s:o}", "location", location);
}

/* A step reads "from last_name = copy (assign) at src/t.c:10:13": the text
 * before " at " is the message, the rest the position. */
static json_t *parse_step(const char *line, size_t n, const char *root) {
  const char *at = NULL;
  for (const char *p = line; p + 4 <= line + n; p++)
    if (memcmp(p, " at ", 4) == 0)
      at = p;
  if (strncmp(line, "from ", 5) != 0 || !at)
    return NULL;
  char *position = xstrndup(at + 4, (size_t)(line + n - at - 4));
  char *column_colon = strrchr(position, ':');
  unsigned row = 0, column = 0;
  json_t *result = NULL;
  if (column_colon && column_colon > position) {
    *column_colon = '\0';
    char *line_colon = strrchr(position, ':');
    if (line_colon && sscanf(line_colon + 1, "%u", &row) == 1 &&
        sscanf(column_colon + 1, "%u", &column) == 1) {
      *line_colon = '\0';
      char *file = source_path_relative(position, root);
      result = step(file, row, column, line, (size_t)(at - line));
      free(file);
    }
  }
  free(position);
  return result;
}

json_t *sarif_code_flows(const struct site *s, const char *source_root) {
  json_t *steps = json_array();
  json_array_append_new(
      steps, step(s->file, s->line, s->column, s->message, strlen(s->message)));
  for (const char *line = s->flow; line && *line;) {
    size_t n = strcspn(line, "\n");
    json_t *next = parse_step(line, n, source_root);
    if (next)
      json_array_append_new(steps, next);
    line += n + (line[n] == '\n');
  }
  if (json_array_size(steps) < 2) {
    json_decref(steps);
    return NULL;
  }
  return json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", steps);
}
