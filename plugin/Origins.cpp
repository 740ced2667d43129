//===-- Origins.cpp - Where a value may come from -------------------------===//
#include "Origins.h"

#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace escape {

// A C local whose every write the graph sees: its address is only loaded
// from and stored to (and marked for lifetime and debug info).
static bool contentIsModelled(const Location &Obj) {
  const auto *AI = dyn_cast<AllocaInst>(Obj.V);
  if (!AI)
    return false; // in go mode, stores into heap objects go to {heap}
  SmallVector<const Value *, 8> Work{AI};
  SmallPtrSet<const Value *, 8> Seen{AI};
  while (!Work.empty()) {
    const Value *V = Work.pop_back_val();
    for (const Use &U : V->uses()) {
      const auto *I = cast<Instruction>(U.getUser());
      if (isa<LoadInst>(I))
        continue;
      if (isa<StoreInst>(I)) {
        if (U.getOperandNo() == StoreInst::getPointerOperandIndex())
          continue;
        return false;
      }
      if (isa<GetElementPtrInst>(I) || isa<BitCastInst>(I)) {
        if (Seen.insert(I).second)
          Work.push_back(I);
        continue;
      }
      if (const auto *II = dyn_cast<IntrinsicInst>(I))
        if (II->isLifetimeStartOrEnd() || isa<DbgInfoIntrinsic>(II))
          continue;
      return false;
    }
  }
  return true;
}

Origins probeOrigins(const Location &Start, const Function *ParamsOf) {
  Origins O;
  DenseMap<const Location *, int> Best{{&Start, 0}};
  SmallVector<const Location *, 16> Work{&Start};
  while (!Work.empty()) {
    const Location *L = Work.pop_back_val();
    int D = Best[L];
    if (D < 0) {
      if (!is_contained(O.Objects, L))
        O.Objects.push_back(L);
      continue; // an object: its address, not its contents
    }
    if (L->Kind == LocKind::Param && L->Fn == ParamsOf)
      continue; // the caller's argument: the caller knows it
    // Something from outside may flow in here; keep walking all the same:
    // our objects may flow in too (a call result can be an argument, a
    // local array passed to qsort still holds what was stored in it).
    if (L->Opaque || (L->Kind == LocKind::Result && L != &Start) ||
        (L->Kind == LocKind::Object && !contentIsModelled(*L)))
      O.Other = true;
    for (const Edge &E : L->Edges) {
      int ND = std::max(D, 0) + E.Derefs;
      auto [It, New] = Best.try_emplace(E.Src, ND);
      if (!New && It->second <= ND)
        continue;
      It->second = ND;
      Work.push_back(E.Src);
    }
  }
  return O;
}

} // namespace escape
