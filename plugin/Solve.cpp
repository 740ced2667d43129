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
// other roots are walked one by one: {freer}, each function's result, {free}
// and *p of its parameters (they also produce parameter summaries) and, for
// allocations inside cycles, the locations of a shallower loop level that
// they reach.
//
//===----------------------------------------------------------------------===//
#include "Solve.h"
#include "Explain.h"
#include "InstanceReuse.h"
#include "Leaks.h"
#include "Names.h"

#include "llvm/ADT/DenseSet.h"

using namespace llvm;

namespace escape {

namespace {

class Solver {
public:
  Solver(Graph &G, bool Explain, bool Precise)
      : G(G), Explain(Explain), Precise(Precise) {}
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
  void walkSummaryRoots();
  bool replayCall(BatchCall &Call, std::vector<ParamLeaks> &Replayed);
  void replayBatchCalls();

  Graph &G;
  bool Explain;
  bool Precise;
  // mode=precise: allocation sites in cycles whose instances never overlap.
  DenseSet<const Location *> Reusable;
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
  if (Root.Kind == LocKind::Result || Root.Kind == LocKind::ParamTarget)
    return true; // callers may keep what a function returns or stores
  return Root.Fn == L.Fn && Root.LoopDepth < L.LoopDepth &&
         !Reusable.contains(&L);
}

// Why L's address reached Root: the edge by which the path enters a sink, or
// the escaping object the path went through.
Reason Solver::reasonFor(const Location &L, Hop Location::*Walk,
                         const Location &Root) const {
  if (Root.Kind == LocKind::Result)
    return Reason{ReasonKind::Returned, nullptr, ""};
  if (Root.Kind == LocKind::ParamTarget)
    return Reason{ReasonKind::MultiLevelIndirection, nullptr,
                  paramName(*cast<Argument>(Root.V))};
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
  else if (Root.Kind == LocKind::ParamTarget && Root.Fn == Param.Fn)
    addParamFlow(Param.LeakInto, cast<Argument>(Root.V)->getArgNo(), Derefs);
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
      // free(p) frees the object p points to, not what the object holds.
      if (Root.Kind == LocKind::Free && L->Kind == LocKind::Object)
        continue;
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

void Solver::walkSummaryRoots() {
  for (Location &L : G.locations())
    if (L.isSink() && L.Kind != LocKind::Heap) {
      walkOne(L);
      heapWalk();
    }
}

// Adds the flows of one batch call that the callee's summary, as solved so
// far, has beyond what \p Replayed (per argument) already added. Go mode
// assigns the arguments to the parameters directly and replays frees only:
// a function of the batch that frees its parameter frees what its callers in
// the batch pass to it ({free} of one function is {freer} for the others).
// mode=precise keeps the functions apart and replays every flow, so that a
// parameter that only reaches the result does not leak (Go's leakrecursive).
bool Solver::replayCall(BatchCall &Call, std::vector<ParamLeaks> &Replayed) {
  bool Changed = false;
  auto Flow = [&](Location &Dst, Location &Src, int Level, const char *Note,
                  Reason Why) {
    G.flow(Dst, Src, Level, Call.Call, Note, std::move(Why));
    if (Dst.HeapWalk.Gen == HeapGen) // already reached: go on through it
      HeapWork.push_back(&Dst);
    Changed = true;
  };
  // Adds the flow unless one at \p Level or lower was replayed before.
  auto Lower = [&](Location &Dst, Location &Src, int Level, int &Done,
                   const char *Note, Reason Why) {
    if (Level < 0 || (Done >= 0 && Done <= Level))
      return;
    Done = Level;
    Flow(Dst, Src, Level, Note, std::move(Why));
  };
  for (unsigned I = 0, E = Call.Args.size(); I != E; ++I) {
    BatchCall::Arg &A = Call.Args[I];
    ParamLeaks &Done = Replayed[I];
    const auto *Param = cast<Argument>(A.Param->V);
    auto Level = [&](int L) { return L < 0 ? L : std::max(L, A.Shift); };
    Lower(G.freer(), *A.Value, Level(A.Param->LeakFree), Done.Free,
          "call parameter",
          Reason{ReasonKind::FreedInCallee, Param->getParent(), ""});
    if (!Precise)
      continue;
    Lower(G.heap(), *A.Value, Level(A.Param->LeakHeap), Done.Heap,
          "call parameter",
          Reason{ReasonKind::PassedToLeakingParam, Param, ""});
    if (Call.Result)
      Lower(*Call.Result, *A.Value, Level(A.Param->LeakResult), Done.Result,
            "call", Reason{});
    for (const ParamFlow &Into : A.Param->LeakInto) {
      if (Into.To >= Call.Through.size() ||
          !addParamFlow(Done.Into, Into.To, Into.Derefs))
        continue;
      const StoreTargets &T = Call.Through[Into.To];
      if (T.Targets.empty() && T.Why.Kind == ReasonKind::None)
        continue; // stored into the callee's own byval copy
      if (T.Targets.empty())
        Flow(G.heap(), *A.Value, Level(Into.Derefs), "call parameter", T.Why);
      for (Location *Target : T.Targets)
        Flow(*Target, *A.Value, Level(Into.Derefs), "call parameter", {});
    }
  }
  return Changed;
}

// Summaries only exist once the batch is solved, so replay them until
// nothing changes. Levels only fall and flows are only added, so this ends;
// a batch that has not settled after many rounds sends every argument of
// its calls to the heap, which is always sound.
void Solver::replayBatchCalls() {
  std::vector<std::vector<ParamLeaks>> Replayed;
  for (BatchCall &Call : G.batchCalls())
    Replayed.emplace_back(Call.Args.size());
  constexpr unsigned MaxRounds = 32;
  for (unsigned Round = 0;; ++Round) {
    bool Changed = false;
    for (unsigned C = 0, E = G.batchCalls().size(); C != E; ++C)
      Changed |= replayCall(G.batchCalls()[C], Replayed[C]);
    if (!Changed)
      return;
    if (Round == MaxRounds) {
      for (BatchCall &Call : G.batchCalls())
        for (BatchCall::Arg &A : Call.Args)
          G.flow(G.heap(), *A.Value, 0, Call.Call, "call parameter",
                 Reason{ReasonKind::PassedToLeakingParam,
                        cast<Argument>(A.Param->V), ""});
      HeapWork.push_back(&G.heap());
      heapWalk();
      walkSummaryRoots();
      return;
    }
    heapWalk();
    walkSummaryRoots();
  }
}

// An allocation inside a cycle must not reach a location of a shallower loop
// level: that location would still hold it when the next iteration creates
// the next instance in the same slot. In mode=precise, unless no pointer to
// the previous instance is live by then (InstanceReuse.h).
std::vector<Location *> Solver::shallowerRoots() {
  std::vector<Location *> Roots;
  UserMap Users;
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
    if (Precise && earlierInstancesDead(Obj, Users)) {
      Reusable.insert(&Obj);
      continue;
    }
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
  walkSummaryRoots();
  replayBatchCalls();
  for (Location *R : shallowerRoots())
    if (!R->Escapes) {
      walkOne(*R);
      heapWalk();
    }
}

void solve(Graph &G, bool Explain, bool Precise) {
  Solver(G, Explain, Precise).run();
}

} // namespace escape
