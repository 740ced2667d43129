//===-- Solve.cpp - Go's walkAll/walkOne over one batch -------------------===//
//
// A walk computes, backwards along the edges, the minimal number of
// dereferences from every location to its root, clamping intermediate counts
// at zero ("root = &l; l = x": l's address reaches root, x's does not). A
// location whose address (derefs < 0) reaches a root that outlives it
// escapes.
//
// Go walks every location as a root, and every escaping location again. Here
// every escaping object is, like the heap, a root that outlives everything,
// and clamping makes a walk from it identical to the heap's walk continuing
// through it. So {heap} and all escaping objects share one incremental walk
// that only ever lowers derefs: near-linear however many objects escape. The
// other roots are walked one by one: {freer}, each function's result and
// {free} (they also produce parameter summaries) and, for allocations inside
// cycles, the locations of a shallower loop level that they reach.
//
//===----------------------------------------------------------------------===//
#include "Solve.h"
#include "Explain.h"
#include "Leaks.h"

#include "llvm/ADT/DenseSet.h"

using namespace llvm;

namespace escape {

namespace {

class Solver {
public:
  Solver(Graph &G, bool Explain) : G(G), Explain(Explain) {}
  void run();

private:
  void escape(Location &L, Hop Location::*Walk, const Location &Root);
  void addHeapSource(Location &L);
  void heapWalk();
  void walkOne(Location &Root);
  bool outlives(const Location &Root, const Location &L) const;
  Reason reasonFor(const Location &L, Hop Location::*Walk,
                   const Location &Root) const;
  void recordLeak(const Location &Root, Location &Param, int Derefs);
  void recordLeakPoint(Location &Param, Hop Location::*Walk, int Derefs);
  std::vector<Location *> shallowerRoots();
  void replayBatchFrees();

  Graph &G;
  bool Explain;
  unsigned WalkGen = 1; // 1 is the heap walk's
  static constexpr unsigned HeapGen = 1;
  std::deque<Location *> HeapWork;
};

} // namespace

bool Solver::outlives(const Location &Root, const Location &L) const {
  if (Root.Escapes)
    return true; // the heap, {freer}, escaping objects
  if (Root.Kind == LocKind::Free)
    return false;
  if (Root.Kind == LocKind::Result)
    return true; // callers may keep what a function returns
  return Root.Fn == L.Fn && Root.LoopDepth < L.LoopDepth;
}

// Why L's address reached Root: the edge by which the path enters a sink, or
// the escaping object the path went through.
Reason Solver::reasonFor(const Location &L, Hop Location::*Walk,
                         const Location &Root) const {
  if (Root.Kind == LocKind::Result)
    return Reason{ReasonKind::Returned, nullptr, ""};
  if (!Root.Escapes)
    return Reason{ReasonKind::OutlivesLoopIteration, nullptr, ""};
  const Location *X = &L;
  for (unsigned Steps = 0; Steps < 100000; ++Steps) {
    const Hop &H = X->*Walk;
    const Location *Dst = H.Dst;
    if (!Dst)
      break; // X started the walk: an object that escaped before
    if (Dst->Kind == LocKind::Heap || Dst->Kind == LocKind::Freer)
      return Dst->Edges[H.DstEdge].Why;
    // Passing through an object whose own address escapes means being stored
    // into it; passing through one at derefs >= 0 is reading its contents.
    const Hop &D = Dst->*Walk;
    if (Dst->Kind == LocKind::Object && Dst != &L && (D.Derefs < 0 || !D.Dst))
      break;
    X = Dst;
  }
  return Reason{ReasonKind::StoredIntoEscapingObject, nullptr, ""};
}

// The last edge of the walk's path from the parameter: where its value
// enters the sink or the escaping object that takes it there.
void Solver::recordLeakPoint(Location &Param, Hop Location::*Walk,
                             int Derefs) {
  if (Derefs > 0 || Param.LeakAt)
    return;
  const Edge *Last = nullptr;
  const Location *X = &Param;
  for (unsigned Steps = 0; Steps < 100000 && (X->*Walk).Dst; ++Steps) {
    const Hop &H = X->*Walk;
    if (H.DstEdge < 0)
      break;
    Last = &H.Dst->Edges[H.DstEdge];
    X = H.Dst;
  }
  if (!Last)
    return;
  Param.LeakAt = Last->Where;
  if (X->Kind == LocKind::Result)
    Param.LeakWhy = Reason{ReasonKind::Returned, nullptr, ""};
  else if (X->Kind == LocKind::Object)
    Param.LeakWhy = Reason{ReasonKind::StoredIntoEscapingObject, nullptr, ""};
  else
    Param.LeakWhy = Last->Why;
}

void Solver::recordLeak(const Location &Root, Location &Param, int Derefs) {
  recordLeakPoint(Param, &Location::Walk, Derefs);
  if (Root.Kind == LocKind::Result && Root.Fn == Param.Fn && !Root.Escapes)
    addLeakSlot(Param.LeakResult, Derefs);
  else if (Root.Kind == LocKind::Free || Root.Kind == LocKind::Freer)
    addLeakSlot(Param.LeakFree, Derefs);
  else
    addLeakSlot(Param.LeakHeap, Derefs);
}

void Solver::escape(Location &L, Hop Location::*Walk, const Location &Root) {
  L.Escapes = true;
  L.EscapeReason = reasonFor(L, Walk, Root);
  if (Explain && L.isAllocSite())
    L.Explanation = explainPath(L, Walk);
  addHeapSource(L);
}

void Solver::addHeapSource(Location &L) {
  Hop &H = L.HeapWalk;
  if (H.Gen == HeapGen && H.Derefs <= 0)
    return; // already walked with derefs clamped to 0
  if (H.Gen != HeapGen) {
    H.Dst = nullptr;
    H.DstEdge = -1;
  }
  H.Gen = HeapGen;
  H.Derefs = 0;
  HeapWork.push_back(&L);
}

void Solver::heapWalk() {
  while (!HeapWork.empty()) {
    Location *L = HeapWork.front();
    HeapWork.pop_front();
    int Derefs = L->HeapWalk.Derefs;
    if (Derefs < 0) {
      Derefs = 0;
      if (!L->Escapes && L->Kind == LocKind::Object)
        escape(*L, &Location::HeapWalk, G.heap());
    }
    if (L->Kind == LocKind::Param) {
      addLeakSlot(L->LeakHeap, Derefs);
      recordLeakPoint(*L, &Location::HeapWalk, Derefs);
    }
    for (unsigned I = 0, E = L->Edges.size(); I != E; ++I) {
      Edge &Ed = L->Edges[I];
      Hop &S = Ed.Src->HeapWalk;
      int D = Derefs + Ed.Derefs;
      if (S.Gen != HeapGen || S.Derefs > D) {
        S = Hop{HeapGen, D, L, int(I)};
        HeapWork.push_back(Ed.Src);
      }
    }
  }
}

void Solver::walkOne(Location &Root) {
  unsigned Gen = ++WalkGen;
  Root.Walk = Hop{Gen, 0, nullptr, -1};
  std::deque<Location *> Work{&Root};
  while (!Work.empty()) {
    Location *L = Work.front();
    Work.pop_front();
    int Derefs = L->Walk.Derefs;
    if (Derefs < 0) {
      Derefs = 0;
      if (L != &Root && !L->Escapes && L->Kind == LocKind::Object &&
          outlives(Root, *L)) {
        escape(*L, &Location::Walk, Root);
        continue; // the heap walk goes on from here
      }
    }
    if (L->Kind == LocKind::Param &&
        (outlives(Root, *L) || Root.Kind == LocKind::Free))
      recordLeak(Root, *L, Derefs);
    for (unsigned I = 0, E = L->Edges.size(); I != E; ++I) {
      Edge &Ed = L->Edges[I];
      Location *Src = Ed.Src;
      if (Src->Escapes && Src != &Root)
        continue; // the heap walk covers what flows into it
      int D = Derefs + Ed.Derefs;
      if (Src->Walk.Gen != Gen || Src->Walk.Derefs > D) {
        Src->Walk = Hop{Gen, D, L, int(I)};
        Work.push_back(Src);
      }
    }
  }
}

// A function of the batch that frees its parameter frees what its callers in
// the batch pass to it: {free} of one function is {freer} for the others
// (and for other activations of itself). Summaries only exist once the batch
// is solved, so replay the frees until nothing changes.
void Solver::replayBatchFrees() {
  std::vector<int> Replayed(G.batchArgs().size(), -1);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (unsigned I = 0, E = G.batchArgs().size(); I != E; ++I) {
      BatchArg &BA = G.batchArgs()[I];
      int Level = BA.Param->LeakFree;
      if (Level < 0 || (Replayed[I] >= 0 && Replayed[I] <= Level))
        continue;
      Replayed[I] = Level;
      G.flow(G.freer(), *BA.Arg, std::max(Level, BA.Shift), BA.Call,
             "call parameter",
             Reason{ReasonKind::FreedInCallee,
                    BA.Param->V ? cast<Argument>(BA.Param->V)->getParent()
                                : nullptr,
                    ""});
      Changed = true;
    }
    if (Changed) {
      walkOne(G.freer());
      heapWalk();
    }
  }
}

// An allocation inside a cycle must not reach a location of a shallower loop
// level: that location would still hold it when the next iteration creates
// the next instance in the same slot.
std::vector<Location *> Solver::shallowerRoots() {
  std::vector<Location *> Roots;
  DenseMap<Location *, SmallVector<Location *, 2>> Users;
  bool Any = false;
  for (Location &L : G.locations())
    Any |= L.isAllocSite() && L.LoopDepth > 0;
  if (!Any)
    return Roots;
  for (Location &L : G.locations())
    for (Edge &E : L.Edges)
      Users[E.Src].push_back(&L);
  DenseSet<Location *> Chosen;
  for (Location &Obj : G.locations()) {
    if (!Obj.isAllocSite() || Obj.Escapes || Obj.LoopDepth == 0)
      continue;
    SmallVector<Location *, 16> Work{&Obj};
    DenseSet<Location *> Seen{&Obj};
    while (!Work.empty()) {
      Location *L = Work.pop_back_val();
      if (L->Fn == Obj.Fn && L->LoopDepth < Obj.LoopDepth && !L->isSink() &&
          Chosen.insert(L).second)
        Roots.push_back(L);
      for (Location *U : Users.lookup(L))
        if (Seen.insert(U).second)
          Work.push_back(U);
    }
  }
  return Roots;
}

void Solver::run() {
  addHeapSource(G.heap());
  heapWalk();
  std::vector<Location *> Roots;
  for (Location &L : G.locations())
    if (L.isSink() && L.Kind != LocKind::Heap)
      Roots.push_back(&L);
  for (Location *R : Roots) {
    walkOne(*R);
    heapWalk();
  }
  replayBatchFrees();
  for (Location *R : shallowerRoots())
    if (!R->Escapes) {
      walkOne(*R);
      heapWalk();
    }
}

void solve(Graph &G, bool Explain) { Solver(G, Explain).run(); }

} // namespace escape
