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

/// Applies the decisions; returns whether the function changed. A function
/// of at most \p MaxVersionSize instructions gets two bodies
/// (StackVersion.h; FR then describes the stack body), a larger one guarded
/// slots (StackGuard.h).
bool rewriteFunction(FunctionResult &FR, const std::vector<Decision> &D,
                     uint64_t MaxVersionSize);

} // namespace escape

#endif
