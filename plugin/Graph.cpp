//===-- Graph.cpp - Locations and edges of the escape graph ---------------===//
#include "Graph.h"

using namespace llvm;

namespace escape {

Graph::Graph() {
  HeapLoc = &make(LocKind::Heap, nullptr, nullptr);
  HeapLoc->Escapes = true; // the heap outlives everything
  FreerLoc = &make(LocKind::Freer, nullptr, nullptr);
  FreerLoc->Escapes = true;
}

Location &Graph::make(LocKind K, const Function *F, const Value *V) {
  All.push_back(Location());
  Location &L = All.back();
  L.Kind = K;
  L.Fn = F;
  L.V = V;
  return L;
}

Location &Graph::freeSink(const Function &F) {
  Location *&L = Frees[&F];
  if (!L)
    L = &make(LocKind::Free, &F, nullptr);
  return *L;
}

Location &Graph::result(const Function &F) {
  Location *&L = Results[&F];
  if (!L)
    L = &make(LocKind::Result, &F, nullptr);
  return *L;
}

Location &Graph::paramTarget(const Argument &A) {
  Location *&L = ParamTargets[&A];
  if (!L)
    L = &make(LocKind::ParamTarget, A.getParent(), &A);
  return *L;
}

Location *Graph::valueLoc(const Value *V) const { return Values.lookup(V); }

Location &Graph::newValue(const Function &F, const Value *V, unsigned Depth,
                          bool Opaque) {
  Location *&L = Values[V];
  if (!L) {
    L = &make(isa<Argument>(V) ? LocKind::Param : LocKind::Value, &F, V);
    L->LoopDepth = Depth;
    L->Opaque = Opaque;
  }
  return *L;
}

Location &Graph::newObject(const Function &F, const Value *V, unsigned Depth) {
  Location *&L = Objects[V];
  if (!L) {
    L = &make(LocKind::Object, &F, V);
    L->LoopDepth = Depth;
  }
  return *L;
}

Location *Graph::objectOf(const Value *V) const { return Objects.lookup(V); }

void Graph::flow(Location &Dst, Location &Src, int Derefs,
                 const Instruction *Where, const char *Note, Reason Why) {
  if (&Dst == &Src && Derefs >= 0)
    return; // x = x and x = *x add nothing (Go drops them too)
  Dst.Edges.push_back(Edge{&Src, Derefs, Where, Note, std::move(Why)});
}

} // namespace escape
