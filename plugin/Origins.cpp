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

// Every element of a set comes through a chain of edges into its location:
// an object's address by an address-of edge from the object, its contents
// by the edges into the object. So the locations from which an asked one
// can be reached backwards decide its set, and they are solved alone (in a
// large function, most locations flow into no free and no result).
OriginMap::OriginMap(ArrayRef<const Location *> Asked) {
  auto Enter = [&](const Location *L) {
    if (Ids.try_emplace(L, Locs.size()).second)
      Locs.push_back(L);
  };
  for (const Location *L : Asked)
    Enter(L);
  for (unsigned Id = 0; Id != Locs.size(); ++Id)
    for (const Edge &Ed : Locs[Id]->Edges)
      Enter(Ed.Src);
  Other = Locs.size();
  for (const Location *L : Locs)
    if (L->Kind == LocKind::Param)
      ParamMarks.try_emplace(L->Fn, Other + 1 + ParamMarks.size());
  PointsTo.resize(Locs.size());
  From.resize(Locs.size());
  Readers.resize(Locs.size());
  for (unsigned Id = 0, E = Locs.size(); Id != E; ++Id) {
    seed(Id);
    for (const Edge &Ed : Locs[Id]->Edges) {
      unsigned Src = Ids.lookup(Ed.Src);
      From[Src].push_back(Edges.size());
      Edges.push_back(EdgeRef{Src, Id, &Ed});
    }
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

// Puts into the edge's destination what it carries; whether that grew.
// A load through an object makes the edge a reader of that object: when the
// object's contents grow, the edge is applied again.
bool OriginMap::apply(unsigned EdgeId) {
  const EdgeRef R = Edges[EdgeId];
  Set &Into = PointsTo[R.Dst];
  if (R.E->Derefs < 0)
    return Into.test_and_set(R.E->Src->Kind == LocKind::Object ? R.Src : Other);
  // Another function's result (a call of the batch): what the callee
  // returns, and whatever its summary does not show.
  bool Grew = R.E->Src->Kind == LocKind::Result && Into.test_and_set(Other);
  if (R.E->Derefs == 0) {
    if (R.Src != R.Dst && (Into |= PointsTo[R.Src]))
      Grew = true;
    return Grew;
  }
  Set Level = PointsTo[R.Src];
  for (int K = 0; K < R.E->Derefs; ++K) {
    Set Next;
    for (unsigned Elem : Level) {
      if (Elem >= Other) {
        Next.set(Other); // what a caller's or unknown pointer points to
        continue;
      }
      if (Reading.insert({Elem, EdgeId}).second)
        Readers[Elem].push_back(EdgeId);
      Next |= PointsTo[Elem];
    }
    Level = std::move(Next);
  }
  if (Into |= Level)
    Grew = true;
  return Grew;
}

// A worklist of edges, each waiting at most once: an application reads the
// sets as they are then, so a second copy in the queue would add nothing.
void OriginMap::solve() {
  std::deque<unsigned> Work;
  for (const auto &Out : From)
    Work.insert(Work.end(), Out.begin(), Out.end());
  std::vector<bool> Waiting(Edges.size(), true);
  auto Wake = [&](ArrayRef<unsigned> EdgeIds) {
    for (unsigned Id : EdgeIds)
      if (!Waiting[Id]) {
        Waiting[Id] = true;
        Work.push_back(Id);
      }
  };
  while (!Work.empty()) {
    unsigned Id = Work.front();
    Work.pop_front();
    Waiting[Id] = false;
    if (!apply(Id))
      continue;
    Wake(From[Edges[Id].Dst]);
    Wake(Readers[Edges[Id].Dst]);
  }
}

Origins OriginMap::of(const Location &Start, const Function *ParamsOf) const {
  Origins O;
  assert(Ids.count(&Start) && "the origins of a location not asked for");
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
