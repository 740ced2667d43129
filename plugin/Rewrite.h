//===-- Rewrite.h - Heap to stack -----------------------------------------===//
//
// Decides, for every allocation site that does not escape, whether it can
// live on the stack (size, frame budget, recursion, settings), then rewrites
// the function: slots taken while the stack has room (StackGuard.h), each
// site `room ? slot : the original call`, every free that may receive a slot
// guarded, `tail` cleared. docs/design.md, "The rewrite".
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_REWRITE_H
#define ESCAPE_REWRITE_H

#include "Analysis.h"


namespace escape {

enum class Placement {
  Heap,         // escapes, or stays: see Why
  Stack,        // a slot, while the stack has room
  StackDynamic, // Go 1.25: a fixed buffer when the size fits (and the
                // stack has room), else malloc
};

struct Decision {
  Placement Where = Placement::Heap;
  Reason Why;          // for Heap sites that do not escape
  uint64_t Bytes = 0;  // slot size
  uint64_t Align = 16; // malloc's guarantee on x86-64, or aligned_alloc's
};

std::vector<Decision> decideSites(const FunctionResult &FR,
                                  const EscapeOptions &Opts);

/// Applies the decisions; returns whether the function changed.
bool rewriteFunction(FunctionResult &FR, const std::vector<Decision> &D);

} // namespace escape

#endif
