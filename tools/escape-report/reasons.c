#include "reasons.h"

#include <string.h>

static const struct {
  const char *kind, *phrase;
} reasons[] = {
    {"returned", "returned"},
    {"stored-to-global", "stored to a global"},
    {"multi-level-indirection",
     "stored through pointer (multi-level indirection)"},
    {"stored-into-escaping-object", "stored into escaping object"},
    {"passed-to-leaking-param", "passed to a leaking parameter"},
    {"passed-to-unknown-function", "passed to an unknown function"},
    {"passed-to-indirect-call", "passed to indirect call"},
    {"passed-to-realloc", "passed to realloc"},
    {"freed-in-callee", "freed in a callee"},
    {"converted-to-integer", "converted to integer"},
    {"captured-by-inline-asm", "captured by inline asm"},
    {"outlives-loop-iteration", "outlives loop iteration"},
    {"too-large", "too large for stack"},
    {"non-constant-size", "non-constant size"},
    {"frame-budget-exceeded", "frame budget exceeded"},
    {"recursive-function", "recursive function"},
    {"transform-disabled", "transform disabled"},
};

const char *reason_kind_phrase(const char *kind) {
  for (size_t i = 0; i < sizeof reasons / sizeof *reasons; i++)
    if (strcmp(reasons[i].kind, kind) == 0)
      return reasons[i].phrase;
  return kind;
}
