//===-- Origins.cpp - Where a value may come from -------------------------===//
#include "Origins.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/IntrinsicInst.h"
#include <deque>

using namespace llvm;

namespace escape {

// A C local whose every write the graph sees: its address is only loaded
// from and stored to (and marked for lifetime and debug info).
static bool contentIsModelled(const Location &Obj) {
  const auto *AI = dyn_cast<AllocaInst>(Obj.V);
  if (!AI)
    return false; // stores into heap objects may come from anywhere
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

OriginMap::OriginMap(const Graph &G) {
  for (const Location &L : G.locations()) {
    Ids[&L] = Locs.size();
    Locs.push_back(&L);
  }
  Other = Locs.size();
  for (const Location *L : Locs)
    if (L->Kind == LocKind::Param)
      ParamMarks.try_emplace(L->Fn, Other + 1 + ParamMarks.size());
  PointsTo.resize(Locs.size());
  From.resize(Locs.size());
  Readers.resize(Locs.size());
  for (unsigned Id = 0, E = Locs.size(); Id != E; ++Id) {
    seed(Id);
    for (const Edge &Ed : Locs[Id]->Edges)
      From[Ids.lookup(Ed.Src)].push_back(EdgeRef{Id, &Ed});
  }
  solve();
}

// What a location holds before any edge: a parameter holds its caller's
// argument; anything else the graph cannot see into holds "other".
void OriginMap::seed(unsigned Id) {
  const Location &L = *Locs[Id];
  if (L.Kind == LocKind::Param)
    PointsTo[Id].set(ParamMarks.lookup(L.Fn));
  else if (L.Opaque || L.isSink() ||
           (L.Kind == LocKind::Object && !contentIsModelled(L)))
    PointsTo[Id].set(Other);
}

// What edge R puts into its destination. A load through an object makes
// the edge a reader of that object: when the object's contents grow, the
// edge is evaluated again.
OriginMap::Set OriginMap::evaluate(const EdgeRef &R) {
  unsigned Src = Ids.lookup(R.E->Src);
  Set Out;
  if (R.E->Derefs < 0) {
    Out.set(R.E->Src->Kind == LocKind::Object ? Src : Other);
    return Out;
  }
  Out = PointsTo[Src];
  for (int Level = 0; Level < R.E->Derefs; ++Level) {
    Set Next;
    for (unsigned Elem : Out) {
      if (Elem >= Other) {
        Next.set(Other); // what a caller's or unknown pointer points to
        continue;
      }
      if (none_of(Readers[Elem], [&](const EdgeRef &X) { return X.E == R.E; }))
        Readers[Elem].push_back(R);
      Next |= PointsTo[Elem];
    }
    Out = std::move(Next);
  }
  // Another function's result (a call of the batch): what the callee
  // returns, and whatever its summary does not show.
  if (R.E->Src->Kind == LocKind::Result)
    Out.set(Other);
  return Out;
}

void OriginMap::solve() {
  std::deque<EdgeRef> Work;
  for (const auto &Edges : From)
    Work.insert(Work.end(), Edges.begin(), Edges.end());
  while (!Work.empty()) {
    EdgeRef R = Work.front();
    Work.pop_front();
    Set Add = evaluate(R);
    if (!(PointsTo[R.Dst] |= Add))
      continue;
    Work.insert(Work.end(), From[R.Dst].begin(), From[R.Dst].end());
    Work.insert(Work.end(), Readers[R.Dst].begin(), Readers[R.Dst].end());
  }
}

Origins OriginMap::of(const Location &Start, const Function *ParamsOf) const {
  Origins O;
  auto Known = ParamMarks.find(ParamsOf);
  for (unsigned Elem : PointsTo[Ids.lookup(&Start)]) {
    if (Elem < Other)
      O.Objects.push_back(Locs[Elem]);
    else if (Known == ParamMarks.end() || Elem != Known->second)
      O.Other = true;
  }
  return O;
}

} // namespace escape
