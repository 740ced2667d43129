//===-- InstanceReuse.h - One slot for every iteration's object -----------===//
//
// An allocation inside a loop makes a new object every iteration, and a
// converted site gives them all the same slot. Go keeps such an object on the
// heap as soon as its address reaches a variable that outlives the iteration
// (`last = new(int)` in a loop: "escapes its scope"). The slot is still
// correct when no pointer to the previous instance is live where the next
// one is allocated: then the instances never overlap (mode=precise).
//
// The address must only travel in SSA values (never stored to memory, never
// returned or passed where it may stay), and none of those values may be
// live at the allocation call.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_INSTANCEREUSE_H
#define ESCAPE_INSTANCEREUSE_H

#include "Graph.h"

namespace escape {

/// Users[L]: the locations with an edge from L (the graph's edges reversed).
using UserMap =
    llvm::DenseMap<const Location *, llvm::SmallVector<Location *, 2>>;

/// Whether every earlier instance of allocation site \p Obj is unreachable
/// from live values whenever the site runs again.
bool earlierInstancesDead(const Location &Obj, const UserMap &Users);

} // namespace escape

#endif
