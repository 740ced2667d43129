//===-- Analysis.cpp - Escape analysis of a whole module ------------------===//
#include "Analysis.h"
#include "Build.h"
#include "Origins.h"
#include "PointerUses.h"
#include "Recursion.h"
#include "Solve.h"
#include "SourceAssertions.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/Analysis/CycleAnalysis.h"
#include "llvm/Analysis/LazyCallGraph.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Module.h"
#include <optional>

using namespace llvm;

namespace escape {

static void probeFree(FreeCall &Free, Graph &G, const OriginMap &Origin,
                      const FunctionResult &FR) {
  Location *Operand = G.valueLoc(Free.Call->getArgOperand(0));
  if (!Operand)
    return; // free(NULL) or of a global: nothing of ours
  Origins O = Origin.of(*Operand);
  Free.OtherOrigins = O.Other;
  for (const Location *Obj : O.Objects) {
    auto It = find_if(FR.Sites, [&](const SiteVerdict &S) {
      return G.objectOf(S.Call) == Obj;
    });
    if (It != FR.Sites.end()) {
      Free.Sites.push_back(It - FR.Sites.begin());
      continue;
    }
    Free.OtherOrigins = true;
    if (const auto *CB = dyn_cast<CallBase>(Obj->V))
      Free.GrownFrom.push_back(CB); // what a realloc returned
  }
  llvm::sort(Free.Sites);
}

// The locations whose origins the batch's results need: what each free
// receives, what each function returns, and in mode=precise what each
// object may hold.
static std::vector<const Location *>
askedOrigins(Graph &G, ArrayRef<Function *> Batch,
             ArrayRef<std::unique_ptr<FunctionBuilder>> Builders,
             const EscapeOptions &Opts) {
  std::vector<const Location *> Asked;
  for (unsigned B = 0; B != Batch.size(); ++B) {
    if (!Batch[B]->getReturnType()->isVoidTy())
      Asked.push_back(&G.result(*Batch[B]));
    for (const CallBase *CB : Builders[B]->FreeCalls)
      if (const Location *Operand = G.valueLoc(CB->getArgOperand(0)))
        Asked.push_back(Operand);
    if (Opts.Mode == EscapeMode::Precise)
      for (const CallBase *CB : Builders[B]->AllocSites)
        Asked.push_back(G.objectOf(CB));
  }
  return Asked;
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
  solve(G, Opts.Explain, Opts.Mode == EscapeMode::Precise);
  OriginMap Origin(askedOrigins(G, Batch, Builders, Opts));

  for (unsigned B = 0; B != Batch.size(); ++B) {
    Function *F = Batch[B];
    FunctionResult &FR = MR.Functions[Index.lookup(F)];
    FunctionSummary &Summary = MR.Summaries[F];
    for (const Argument &A : F->args()) {
      ParamLeaks Leaks;
      if (Location *P = G.valueLoc(&A)) {
        Leaks =
            ParamLeaks{P->LeakHeap, P->LeakResult, P->LeakFree, P->LeakInto};
        Leaks.optimize();
        FR.Params.push_back({&A, Leaks, P->LeakAt, P->LeakWhy});
      }
      Summary.Params.push_back(Leaks);
    }
    if (!F->getReturnType()->isVoidTy()) {
      Origins O = Origin.of(G.result(*F), F);
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
    // mode=precise: objects of the function may hold each other's
    // addresses; which do is what keeps a held one off the stack (Decide).
    if (Opts.Mode == EscapeMode::Precise)
      for (unsigned I = 0, E = FR.Sites.size(); I != E; ++I)
        for (const Location *Held :
             Origin.of(*G.objectOf(FR.Sites[I].Call)).Objects)
          for (unsigned J = 0; J != E; ++J)
            if (G.objectOf(FR.Sites[J].Call) == Held)
              FR.Sites[J].HeldBy.push_back(I);
    auto &TLI = FAM.getResult<TargetLibraryAnalysis>(*F);
    for (const CallBase *CB : Builders[B]->FreeCalls) {
      FreeCall Free;
      Free.Call = const_cast<CallBase *>(CB);
      Free.Resizes = classifyHeapCall(*CB, TLI) == HeapFn::Resize;
      if (Free.Resizes) {
        Free.UsedAfter = useAfterRealloc(*CB, TLI);
        const Location *Grown = G.objectOf(CB);
        Free.GrownEscapes = Grown->Escapes;
        Free.GrownWhy = Grown->EscapeReason;
      }
      probeFree(Free, G, Origin, FR);
      FR.Frees.push_back(std::move(Free));
    }
  }
  // A function that LLVM may replace at link time has no summary callers
  // can rely on.
  for (Function *F : Batch)
    if (!hasExactBody(*F))
      MR.Summaries.erase(F);
}

// The functions whose results decide a rewrite or an assertion: those with
// an allocation site or an asserted parameter, and every function they call
// or name, transitively (their summaries are what a caller's graph replays;
// a comparator given to qsort is named, not called).
static DenseSet<const Function *>
functionsThatDecide(Module &M, FunctionAnalysisManager &FAM) {
  SmallVector<const Function *, 16> Work;
  DenseSet<const Function *> Decide;
  auto Enter = [&](const Function *F) {
    if (!F->isDeclaration() && Decide.insert(F).second)
      Work.push_back(F);
  };
  for (Function *F : functionsWithAllocations(M, FAM))
    Enter(F);
  for (Function &F : M)
    if (any_of(F.args(), hasNoEscapeAssertion))
      Enter(&F);
  while (!Work.empty()) {
    const Function *F = Work.pop_back_val();
    for (const Instruction &I : instructions(*F))
      for (const Value *Op : I.operands())
        if (const auto *Named = dyn_cast<Function>(Op->stripPointerCasts()))
          Enter(Named);
  }
  return Decide;
}

ModuleResult analyzeModule(Module &M, ModuleAnalysisManager &MAM,
                           const EscapeOptions &Opts, AnalysisScope Scope) {
  ModuleResult MR;
  DenseMap<const Function *, unsigned> Index;
  for (Function &F : M)
    if (!F.isDeclaration()) {
      Index[&F] = MR.Functions.size();
      MR.Functions.push_back(FunctionResult{&F, nullptr, {}, {}, {}});
    }
  FunctionAnalysisManager &FAM =
      MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  std::optional<DenseSet<const Function *>> Decide;
  if (Scope == AnalysisScope::Decisions)
    Decide = functionsThatDecide(M, FAM);
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
      if (Batch.empty() || (Decide && none_of(Batch, [&](Function *F) {
                              return Decide->contains(F);
                            })))
        continue;
      // Deterministic order within an SCC: module order.
      llvm::sort(Batch, [&](Function *A, Function *B) {
        return Index.lookup(A) < Index.lookup(B);
      });
      analyzeBatch(Batch, MR, Index, FAM, Opts);
    }
  // Only a site that does not escape asks whether its function may recur
  // (Decide.cpp); the printer shows it for every function.
  if (Scope == AnalysisScope::Decisions &&
      none_of(MR.Functions, [](const FunctionResult &FR) {
        return any_of(FR.Sites,
                      [](const SiteVerdict &S) { return !S.Escapes; });
      }))
    return MR;
  RecursionMap Recursion = findRecursion(
      M, [&](Function & F) -> auto & {
        return FAM.getResult<TargetLibraryAnalysis>(F);
      });
  for (FunctionResult &FR : MR.Functions)
    FR.RecursiveVia = Recursion.lookup(FR.F);
  return MR;
}

} // namespace escape
