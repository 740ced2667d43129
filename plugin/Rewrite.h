//===-- Rewrite.h - Heap to stack -----------------------------------------===//
//
// Carries out the decisions of Decide.h: slots taken while the stack has
// room (StackGuard.h), each site `room ? slot : the original call`, every
// free that may receive a slot guarded, `tail` cleared. docs/design.md, "The
// rewrite".
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_REWRITE_H
#define ESCAPE_REWRITE_H

#include "Decide.h"

namespace escape {

/// Applies the decisions; returns whether the function changed.
bool rewriteFunction(FunctionResult &FR, const std::vector<Decision> &D);

} // namespace escape

#endif
