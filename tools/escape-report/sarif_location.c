#include "sarif_location.h"

#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* RFC 3986: keep unreserved characters and '/', escape the rest. */
static char *uri_escape(const char *path) {
  char *uri = xstrdup("");
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    char buf[4];
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
        (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
      buf[0] = (char)*p, buf[1] = '\0';
    else
      snprintf(buf, sizeof buf, "%%%02X", *p);
    xstrappend(&uri, buf, strlen(buf));
  }
  return uri;
}

char *sarif_file_uri(const char *absolute_path) {
  char *escaped = uri_escape(absolute_path);
  char *uri = xstrdup("file://");
  xstrappend(&uri, escaped, strlen(escaped));
  free(escaped);
  return uri;
}

static json_t *artifact_location(const char *file) {
  if (file[0] == '/') {
    char *uri = sarif_file_uri(file);
    json_t *loc = json_pack("{s:s}", "uri", uri);
    free(uri);
    return loc;
  }
  char *escaped = uri_escape(file);
  json_t *loc =
      json_pack("{s:s, s:s}", "uri", escaped, "uriBaseId", "%SRCROOT%");
  free(escaped);
  return loc;
}

json_t *sarif_physical_location(const char *file, unsigned line,
                                unsigned column) {
  return json_pack("{s:{s:o, s:{s:I, s:I}}}", "physicalLocation",
                   "artifactLocation", artifact_location(file), "region",
                   "startLine", (json_int_t)(line ? line : 1), "startColumn",
                   (json_int_t)(column ? column : 1));
}
