#include "reasons.h"

#include <string.h>

static const struct reason_kind reasons[] = {
#define ESCAPE_REASON(Name, Id, Phrase, Help) {Id, #Name, Phrase, Help},
#include "escape/Reasons.def"
};

const struct reason_kind *reason_kind_find(const char *id) {
  for (size_t i = 0; i < sizeof reasons / sizeof *reasons; i++)
    if (strcmp(reasons[i].id, id) == 0)
      return &reasons[i];
  return NULL;
}

const char *reason_kind_phrase(const char *id) {
  const struct reason_kind *r = reason_kind_find(id);
  return r ? r->phrase : id;
}

void reason_kinds_print(FILE *out) {
  for (size_t i = 0; i < sizeof reasons / sizeof *reasons; i++)
    fprintf(out, "%s\t%s\n", reasons[i].id, reasons[i].phrase);
}
