//===-- Solve.h - Go's walkAll/walkOne over one batch ---------------------===//
#ifndef ESCAPE_SOLVE_H
#define ESCAPE_SOLVE_H

#include "Graph.h"

namespace escape {

/// Marks every location whose address reaches a location that outlives it
/// (the heap, {freer}, a result, an escaping object, a shallower loop level)
/// as escaping, with the reason, and records parameter leaks.
void solve(Graph &G, bool Explain);

} // namespace escape

#endif
