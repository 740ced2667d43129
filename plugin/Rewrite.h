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
/// \p GuardEveryFree: every free and realloc of the function is guarded
/// against every slot, not only those its operand's origins name (mode=precise, whose
/// origins through loads out of moved objects are not yet trusted).
bool rewriteFunction(FunctionResult &FR, const std::vector<Decision> &D,
                     bool GuardEveryFree);

} // namespace escape

#endif
