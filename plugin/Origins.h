//===-- Origins.h - Where a value may come from ---------------------------===//
//
// The solved graph read backwards: from a location, every object whose
// address may reach it, and whether anything from outside the graph (a
// parameter, a call result, memory the graph does not track) may too. The
// rewrite needs it for the frees (which sites may a free receive?), the
// summaries for a result (is it made of the parameters alone?) and
// mode=precise for the objects each object may hold.
//
// It is an inclusion-based (Andersen-style) points-to set per location,
// solved once per batch for the locations asked about and what flows into
// them: an edge `dst = *^k src` puts into dst src itself (k = -1), what src
// holds (k = 0), or what the objects src holds hold, k levels down. A walk that
// keeps only the fewest dereferences per location (as the escape solver's may)
// is wrong here: an object reached as an address and again as contents holds
// origins that walk would skip.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ORIGINS_H
#define ESCAPE_ORIGINS_H

#include "Graph.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/SparseBitVector.h"
#include <vector>

namespace escape {

struct Origins {
  llvm::SmallVector<const Location *, 2> Objects;
  bool Other = false; // something from outside the graph may flow in
};

class OriginMap {
public:
  /// Solves the points-to sets of the locations in \p Asked, in their graph
  /// as the escape solver left it (the edges it adds for calls of the batch
  /// count too).
  explicit OriginMap(llvm::ArrayRef<const Location *> Asked);

  /// The origins of what \p Start, one of the asked locations, may hold.
  /// The parameters of \p ParamsOf count as known: that function's callers
  /// supply them.
  Origins of(const Location &Start,
             const llvm::Function *ParamsOf = nullptr) const;

private:
  using Set = llvm::SparseBitVector<>;
  struct EdgeRef {
    unsigned Src, Dst; // location ids
    const Edge *E;
  };

  void seed(unsigned Id);
  bool apply(unsigned EdgeId);
  void solve();

  std::vector<const Location *> Locs; // element id = location id
  llvm::DenseMap<const Location *, unsigned> Ids;
  std::vector<Set> PointsTo;  // contents, for an object
  std::vector<EdgeRef> Edges; // every edge of the graph, once
  std::vector<llvm::SmallVector<unsigned, 2>> From;      // edge ids by source
  std::vector<llvm::SmallVector<unsigned, 1>> Readers;   // loads of an object
  llvm::DenseSet<std::pair<unsigned, unsigned>> Reading; // (object, edge id)
  llvm::DenseMap<const llvm::Function *, unsigned> ParamMarks;
  unsigned Other = 0; // element: anything from outside the graph
};

} // namespace escape

#endif
