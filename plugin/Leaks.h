//===-- Leaks.h - Parameter summaries (Go's leaks) ------------------------===//
//
// For every parameter of an analysed function: the minimal number of
// dereferences after which its value reaches the heap, the function's
// result, or a deallocation ({free} in the function or {freer} below it),
// and (mode=precise) what another parameter points to: `a->next = b` is
// `*a = b`, Go's param2 flow. Callers replay the summary instead of looking
// into the callee again.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_LEAKS_H
#define ESCAPE_LEAKS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Function.h"

namespace escape {

inline void addLeakSlot(int &Slot, int Derefs) {
  if (Derefs < 0)
    Derefs = 0;
  if (Slot < 0 || Derefs < Slot)
    Slot = Derefs;
}

/// `*param To = *^Derefs this parameter`.
struct ParamFlow {
  unsigned To;
  int Derefs;
};

/// Lowers the level of the flow into parameter \p To; true if it changed.
inline bool addParamFlow(llvm::SmallVectorImpl<ParamFlow> &Into, unsigned To,
                         int Derefs) {
  Derefs = Derefs < 0 ? 0 : Derefs;
  for (ParamFlow &F : Into)
    if (F.To == To) {
      if (F.Derefs <= Derefs)
        return false;
      F.Derefs = Derefs;
      return true;
    }
  Into.push_back({To, Derefs});
  return true;
}

struct ParamLeaks {
  int Heap = -1;   // -1: never reaches the heap
  int Result = -1; // level of the flow to ~r0
  int Free = -1;   // level at which the callee frees or reallocs it
  llvm::SmallVector<ParamFlow, 1> Into; // stored through other parameters

  bool none() const {
    return Heap < 0 && Result < 0 && Free < 0 && Into.empty();
  }
  /// Go's Optimize: a heap flow at level k subsumes the others at >= k.
  void optimize() {
    if (Heap < 0)
      return;
    if (Result >= Heap)
      Result = -1;
    if (Free >= Heap)
      Free = -1;
    llvm::erase_if(Into, [&](const ParamFlow &F) { return F.Derefs >= Heap; });
  }
};

struct FunctionSummary {
  llvm::SmallVector<ParamLeaks, 4> Params;
  // The result is always one of the parameters or reached from them (like
  // strchr): callers then know everything it can point to.
  bool ResultFromParamsOnly = false;
};

using SummaryMap = llvm::DenseMap<const llvm::Function *, FunctionSummary>;

} // namespace escape

#endif
