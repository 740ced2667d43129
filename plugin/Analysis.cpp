//===-- Analysis.cpp - Escape analysis of a whole module ------------------===//
#include "Analysis.h"
#include "Build.h"
#include "Recursion.h"
#include "Solve.h"

#include "llvm/Analysis/LazyCallGraph.h"
#include "llvm/Analysis/CycleAnalysis.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace escape {

// Where a value may come from: walk back from its location. Objects whose
// address reaches it are origins; any value from outside the graph (a
// parameter, a call result, memory the graph does not track) is "other".
struct Origins {
  SmallVector<const Location *, 2> Objects;
  bool Other = false;
};

static bool contentIsModelled(const Location &Obj);

static Origins probeOrigins(const Location &Start,
                            const Function *ParamsOf = nullptr) {
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

static void probeFree(FreeCall &Free, Graph &G, const FunctionResult &FR) {
  Location *Operand = G.valueLoc(Free.Call->getArgOperand(0));
  if (!Operand)
    return; // free(NULL) or of a global: nothing of ours
  Origins O = probeOrigins(*Operand);
  Free.OtherOrigins = O.Other;
  for (unsigned I = 0, E = FR.Sites.size(); I != E; ++I)
    if (is_contained(O.Objects, G.objectOf(FR.Sites[I].Call)))
      Free.Sites.push_back(I);
}

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

static void analyzeBatch(ArrayRef<Function *> Batch, ModuleResult &MR,
                         DenseMap<const Function *, unsigned> &Index,
                         FunctionAnalysisManager &FAM,
                         const EscapeOptions &Opts) {
  Graph G;
  SmallPtrSet<const Function *, 4> Members(Batch.begin(), Batch.end());
  std::vector<std::unique_ptr<FunctionBuilder>> Builders;
  for (Function *F : Batch)
    Builders.push_back(std::make_unique<FunctionBuilder>(
        G, *F, FAM.getResult<CycleAnalysis>(*F),
        FAM.getResult<TargetLibraryAnalysis>(*F), MR.Summaries, Members,
        Opts.Mode));
  for (auto &B : Builders)
    B->createLocations();
  for (auto &B : Builders)
    B->buildEdges();
  solve(G, Opts.Explain);

  for (unsigned B = 0; B != Batch.size(); ++B) {
    Function *F = Batch[B];
    FunctionResult &FR = MR.Functions[Index.lookup(F)];
    FunctionSummary &Summary = MR.Summaries[F];
    for (const Argument &A : F->args()) {
      ParamLeaks Leaks;
      if (Location *P = G.valueLoc(&A)) {
        Leaks = ParamLeaks{P->LeakHeap, P->LeakResult, P->LeakFree};
        Leaks.optimize();
        FR.Params.push_back({&A, Leaks});
      }
      Summary.Params.push_back(Leaks);
    }
    if (!F->getReturnType()->isVoidTy()) {
      Origins O = probeOrigins(G.result(*F), F);
      Summary.ResultFromParamsOnly = !O.Other && O.Objects.empty();
    }
    for (const CallBase *CB : Builders[B]->AllocSites) {
      const Location *Obj = G.objectOf(CB);
      SiteVerdict V;
      V.Call = const_cast<CallBase *>(CB);
      V.Kind = classifyHeapCall(*CB, FAM.getResult<TargetLibraryAnalysis>(*F));
      V.Escapes = Obj->Escapes;
      V.Why = Obj->EscapeReason;
      V.Explanation = Obj->Explanation;
      FR.Sites.push_back(std::move(V));
    }
    for (const CallBase *CB : Builders[B]->FreeCalls) {
      FreeCall Free;
      Free.Call = const_cast<CallBase *>(CB);
      probeFree(Free, G, FR);
      FR.Frees.push_back(std::move(Free));
    }
  }
  // A function that LLVM may replace at link time has no summary callers
  // can rely on.
  for (Function *F : Batch)
    if (!hasExactBody(*F))
      MR.Summaries.erase(F);
}

ModuleResult analyzeModule(Module &M, ModuleAnalysisManager &MAM,
                           const EscapeOptions &Opts) {
  ModuleResult MR;
  DenseMap<const Function *, unsigned> Index;
  for (Function &F : M)
    if (!F.isDeclaration()) {
      Index[&F] = MR.Functions.size();
      MR.Functions.push_back(FunctionResult{&F, nullptr, {}, {}, {}});
    }
  FunctionAnalysisManager &FAM =
      MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  // Bottom-up as Go's VisitFuncsBottomUp: a function is analysed after
  // everything it calls *or refers to*, so a comparator passed to qsort has
  // its summary before its caller is analysed.
  LazyCallGraph &LCG = MAM.getResult<LazyCallGraphAnalysis>(M);
  LCG.buildRefSCCs();
  for (LazyCallGraph::RefSCC &RC : LCG.postorder_ref_sccs())
    for (LazyCallGraph::SCC &C : RC) {
      SmallVector<Function *, 4> Batch;
      for (LazyCallGraph::Node &N : C)
        if (!N.getFunction().isDeclaration())
          Batch.push_back(&N.getFunction());
      if (Batch.empty())
        continue;
      // Deterministic order within an SCC: module order.
      llvm::sort(Batch, [&](Function *A, Function *B) {
        return Index.lookup(A) < Index.lookup(B);
      });
      analyzeBatch(Batch, MR, Index, FAM, Opts);
    }
  RecursionMap Recursion = findRecursion(M, [&](Function &F) -> auto & {
    return FAM.getResult<TargetLibraryAnalysis>(F);
  });
  for (FunctionResult &FR : MR.Functions)
    FR.RecursiveVia = Recursion.lookup(FR.F);
  return MR;
}

} // namespace escape
