//===-- Origins.h - Where a value may come from ---------------------------===//
//
// The solved graph read backwards: from a location, every object whose
// address may reach it, and whether anything from outside the graph (a
// parameter, a call result, memory the graph does not track) may too. The
// rewrite needs it for the frees (which sites may a free receive?) and the
// summaries for a result (is it made of the parameters alone?).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ORIGINS_H
#define ESCAPE_ORIGINS_H

#include "Graph.h"

#include "llvm/ADT/SmallVector.h"

namespace escape {

struct Origins {
  llvm::SmallVector<const Location *, 2> Objects;
  bool Other = false; // something from outside the graph may flow in
};

/// The origins of what \p Start may hold. The parameters of \p ParamsOf
/// count as known: that function's callers supply them.
Origins probeOrigins(const Location &Start,
                     const llvm::Function *ParamsOf = nullptr);

} // namespace escape

#endif
