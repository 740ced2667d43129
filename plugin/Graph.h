//===-- Graph.h - Locations and edges of the escape graph -----------------===//
//
// Go's model (cmd/compile/internal/escape/graph.go) on LLVM IR. Every object
// (an allocation site, an alloca) and every IR value that may carry a pointer
// is a *location*. An edge `dst = *^k src` says that src's value reaches dst
// after k dereferences: k = -1 is address-of, 0 a copy, +1 a load. Edges are
// stored on their destination, as in Go, because the solver walks backwards
// from each root.
//
// Sinks are pseudo-locations: {heap} (outlives everything), {freer} (the
// object must stay a heap object: freed in a callee, passed to realloc),
// {free} (the operand of a free() in this function: no escape, but it tells
// callers that a parameter is freed) and, in mode=precise, *p (what a
// parameter points to: memory of the caller, which resolves it).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_GRAPH_H
#define ESCAPE_GRAPH_H

#include "Leaks.h"
#include "Reasons.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace escape {

struct Location;

/// A walk's view of a location: minimal derefs to the walk's root and the
/// next hop towards it (for explanations and reasons).
struct Hop {
  unsigned Gen = 0; // the walk that set this; 0 = not reached
  int Derefs = 0;
  Location *Dst = nullptr;
  int DstEdge = -1; // index into Dst->Edges
};

struct Edge {
  Location *Src;
  int Derefs;                     // -1 address-of, 0 copy, k loads
  const llvm::Instruction *Where; // the instruction that makes the flow
  const char *Note;               // Go's "why" word: assign, load, call, ...
  Reason Why;                     // set on edges into sinks
};

enum class LocKind {
  Heap,   // {heap}
  Freer,  // must stay a heap object
  Free,   // free() operands of this function (for summaries only)
  Result, // ~r0 of a function
  ParamTarget, // *p: what parameter p points to (mode=precise)
  Param,  // a formal parameter
  Object, // storage of an allocation site or an alloca
  Value,  // an SSA value that may carry a pointer
};

struct Location {
  LocKind Kind;
  const llvm::Function *Fn = nullptr; // null for the module-wide sinks
  const llvm::Value *V = nullptr;     // the IR value (call, alloca, argument)
  unsigned LoopDepth = 0;
  // Its value may come from outside what the graph models (a parameter, a
  // call result, a load from memory the graph does not track).
  bool Opaque = false;
  llvm::SmallVector<Edge, 2> Edges; // incoming: this = *^k Src

  // Solver state.
  bool Escapes = false;
  Reason EscapeReason;
  std::vector<std::string> Explanation; // Go -m=2 lines, with -escape-explain
  Hop Walk;                             // the current walkOne
  Hop HeapWalk; // the incremental walk from {heap} and every escaping object

  // Parameter leaks (Go's leaks): minimal derefs to each sink, -1 = none.
  int LeakHeap = -1, LeakResult = -1, LeakFree = -1;
  llvm::SmallVector<ParamFlow, 1> LeakInto; // into *q of other params q
  // Where the parameter's own value (level 0) first left, and why: what a
  // broken noescape promise is reported at.
  const llvm::Instruction *LeakAt = nullptr;
  Reason LeakWhy;

  bool isSink() const {
    return Kind == LocKind::Heap || Kind == LocKind::Freer ||
           Kind == LocKind::Free || Kind == LocKind::Result ||
           Kind == LocKind::ParamTarget;
  }
  bool isAllocSite() const {
    return Kind == LocKind::Object && llvm::isa<llvm::CallBase>(V);
  }
};

/// Where a store through a pointer lands: objects of this frame (and *p of
/// its parameters), or, when Targets is empty, the heap for reason Why.
struct StoreTargets {
  llvm::SmallVector<Location *, 4> Targets;
  Reason Why;
};

/// A call to a function of the same batch. In go mode its arguments are
/// assigned straight to the callee's parameters and the solver replays only
/// the callee's frees; in mode=precise the solver replays the whole summary
/// of each parameter, iterating the batch to a fixed point.
struct BatchCall {
  const llvm::CallBase *Call;
  Location *Result; // the call's value; null if it carries no pointer
  struct Arg {
    Location *Param; // the callee's parameter
    Location *Value; // the argument
    int Shift;       // byval: the callee sees the contents
  };
  llvm::SmallVector<Arg, 4> Args;
  /// Per parameter: where a store through the argument lands (precise).
  llvm::SmallVector<StoreTargets, 4> Through;
};

/// All locations of one batch (a call-graph SCC) plus its sinks.
class Graph {
public:
  Graph();

  Location &heap() { return *HeapLoc; }
  Location &freer() { return *FreerLoc; }
  Location &freeSink(const llvm::Function &F);
  Location &result(const llvm::Function &F);
  Location &paramTarget(const llvm::Argument &A);

  /// The location of a pointer-carrying value; null for constants.
  Location *valueLoc(const llvm::Value *V) const;
  Location &newValue(const llvm::Function &F, const llvm::Value *V,
                     unsigned Depth, bool Opaque);
  Location &newObject(const llvm::Function &F, const llvm::Value *V,
                      unsigned Depth);
  Location *objectOf(const llvm::Value *V) const;

  void flow(Location &Dst, Location &Src, int Derefs,
            const llvm::Instruction *Where, const char *Note, Reason Why = {});

  std::vector<BatchCall> &batchCalls() { return BatchCalls; }
  const std::deque<Location> &locations() const { return All; }
  std::deque<Location> &locations() { return All; }

private:
  Location &make(LocKind K, const llvm::Function *F, const llvm::Value *V);

  std::deque<Location> All; // stable addresses
  std::vector<BatchCall> BatchCalls;
  Location *HeapLoc, *FreerLoc;
  llvm::DenseMap<const llvm::Value *, Location *> Values, Objects;
  llvm::DenseMap<const llvm::Function *, Location *> Results, Frees;
  llvm::DenseMap<const llvm::Argument *, Location *> ParamTargets;
};

} // namespace escape

#endif
