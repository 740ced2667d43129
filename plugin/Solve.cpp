//===-- Solve.cpp - Go's walkAll/walkOne over one batch -------------------===//
//
// walkOne(root) computes, backwards along the edges, the minimal number of
// dereferences from every location to root, clamping intermediate counts at
// zero ("root = &l; l = x": l's address reaches root, x's does not). A
// location whose address (derefs < 0) reaches a root that outlives it
// escapes, and is walked later as a root itself.
//
// Go walks every location as a root. Here the roots are the sinks, the
// objects that escape, and - for allocations inside cycles - the locations of
// a shallower loop level that the allocation reaches: only those can make
// anything escape, and it keeps the solver near-linear on large functions.
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
  void enqueue(Location &L) {
    if (Queued.insert(&L).second)
      Todo.push_back(&L);
  }
  void walkOne(Location &Root);
  bool outlives(const Location &Root, const Location &L) const;
  Reason reasonFor(const Location &Root, const Location &L) const;
  void recordLeak(const Location &Root, Location &Param, int Derefs);
  void enqueueShallowerRoots();

  Graph &G;
  bool Explain;
  unsigned WalkGen = 0;
  std::vector<Location *> Todo; // LIFO, as in Go
  DenseSet<Location *> Queued;
  DenseSet<Location *> DepthRootsDone;
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

Reason Solver::reasonFor(const Location &Root, const Location &L) const {
  if (Root.Kind == LocKind::Heap || Root.Kind == LocKind::Freer) {
    // The edge by which the path enters the root says why.
    const Location *X = &L;
    while (X->Dst && X->Dst != &Root)
      X = X->Dst;
    if (X->Dst == &Root && X->DstEdge >= 0)
      return Root.Edges[X->DstEdge].Why;
    return Reason{ReasonKind::MultiLevelIndirection, nullptr, ""};
  }
  if (Root.Kind == LocKind::Result)
    return Reason{ReasonKind::Returned, nullptr, ""};
  if (Root.Escapes)
    return Reason{ReasonKind::StoredIntoEscapingObject, nullptr, ""};
  return Reason{ReasonKind::OutlivesLoopIteration, nullptr, ""};
}

void Solver::recordLeak(const Location &Root, Location &Param, int Derefs) {
  if (Root.Kind == LocKind::Result && Root.Fn == Param.Fn && !Root.Escapes)
    addLeakSlot(Param.LeakResult, Derefs);
  else if (Root.Kind == LocKind::Free || Root.Kind == LocKind::Freer)
    addLeakSlot(Param.LeakFree, Derefs);
  else
    addLeakSlot(Param.LeakHeap, Derefs);
}

void Solver::walkOne(Location &Root) {
  ++WalkGen;
  Root.WalkGen = WalkGen;
  Root.Derefs = 0;
  Root.Dst = nullptr;
  Root.DstEdge = -1;
  std::deque<Location *> Work{&Root};
  while (!Work.empty()) {
    Location *L = Work.front();
    Work.pop_front();
    int Derefs = L->Derefs;
    bool NewlyEscapes = false;
    if (Derefs < 0) {
      Derefs = 0;
      if (L != &Root && !L->Escapes && L->Kind == LocKind::Object &&
          outlives(Root, *L)) {
        L->Escapes = true;
        L->EscapeReason = reasonFor(Root, *L);
        L->EscapeRoot = &Root;
        if (Explain && L->isAllocSite())
          L->Explanation = explainPath(Root, *L);
        NewlyEscapes = true;
      }
    }
    if (L->Kind == LocKind::Param &&
        (outlives(Root, *L) || Root.Kind == LocKind::Free))
      recordLeak(Root, *L, Derefs);
    if (NewlyEscapes) {
      enqueue(*L); // walked as a root of its own
      continue;
    }
    for (unsigned I = 0, E = L->Edges.size(); I != E; ++I) {
      Edge &Ed = L->Edges[I];
      Location *Src = Ed.Src;
      if (Src->Escapes && Src != &Root)
        continue; // its own walk covers what flows into it
      int D = Derefs + Ed.Derefs;
      if (Src->WalkGen != WalkGen || Src->Derefs > D) {
        Src->WalkGen = WalkGen;
        Src->Derefs = D;
        Src->Dst = L;
        Src->DstEdge = I;
        Work.push_back(Src);
      }
    }
  }
}

// An allocation inside a cycle must not reach a location of a shallower loop
// level: that location would still hold it when the next iteration creates
// the next instance in the same slot.
void Solver::enqueueShallowerRoots() {
  DenseMap<Location *, SmallVector<Location *, 2>> Users;
  for (Location &L : G.locations())
    for (Edge &E : L.Edges)
      Users[E.Src].push_back(&L);
  for (Location &Obj : G.locations()) {
    if (!Obj.isAllocSite() || Obj.Escapes || Obj.LoopDepth == 0)
      continue;
    SmallVector<Location *, 16> Work{&Obj};
    DenseSet<Location *> Seen{&Obj};
    while (!Work.empty()) {
      Location *L = Work.pop_back_val();
      if (L->Fn == Obj.Fn && L->LoopDepth < Obj.LoopDepth && !L->isSink() &&
          DepthRootsDone.insert(L).second)
        enqueue(*L);
      for (Location *U : Users.lookup(L))
        if (Seen.insert(U).second)
          Work.push_back(U);
    }
  }
}

void Solver::run() {
  for (Location &L : G.locations())
    if (L.isSink() && L.Kind != LocKind::Heap)
      enqueue(L);
  enqueue(G.heap()); // walked first
  for (bool DepthRoots = false;; DepthRoots = true) {
    while (!Todo.empty()) {
      Location *Root = Todo.back();
      Todo.pop_back();
      Queued.erase(Root);
      walkOne(*Root);
    }
    if (DepthRoots)
      break;
    enqueueShallowerRoots();
  }
}

void solve(Graph &G, bool Explain) { Solver(G, Explain).run(); }

} // namespace escape
