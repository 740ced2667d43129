//===-- Solve.h - Go's walkAll/walkOne over one batch ---------------------===//
#ifndef ESCAPE_SOLVE_H
#define ESCAPE_SOLVE_H

#include "Graph.h"

namespace escape {

/// Marks every location whose address reaches a location that outlives it
/// (the heap, {freer}, a result, an escaping object, a shallower loop level)
/// as escaping, with the reason, and records parameter leaks. \p Precise:
/// the batch's calls replay summaries (Graph.h, BatchCall).
void solve(Graph &G, bool Explain, bool Precise);

} // namespace escape

#endif
