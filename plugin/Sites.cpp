//===-- Sites.cpp - Every allocation site gets a verdict ------------------===//
#include "Sites.h"
#include "AllocSites.h"
#include "Diagnostics.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include <set>
#include <tuple>

using namespace llvm;

namespace escape {

static constexpr const char *SitesMD = "escape.sites";

// A site is known by its source position; inlined copies share it.
using SiteKey = std::tuple<std::string, unsigned, unsigned>;

static SiteKey keyOf(const DILocation *L) {
  return {L->getFilename().str(), L->getLine(), L->getColumn()};
}

PreservedAnalyses RecordSitesPass::run(Module &M, ModuleAnalysisManager &MAM) {
  FunctionAnalysisManager &FAM =
      MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  NamedMDNode *Sites = M.getOrInsertNamedMetadata(SitesMD);
  LLVMContext &Ctx = M.getContext();
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    auto &TLI = FAM.getResult<TargetLibraryAnalysis>(F);
    for (Instruction &I : instructions(F)) {
      auto *CB = dyn_cast<CallBase>(&I);
      if (!CB || !isAllocation(classifyHeapCall(*CB, TLI)))
        continue;
      const DILocation *Loc = CB->getDebugLoc().get();
      if (!Loc)
        continue; // without a position a vanished site cannot be named
      Sites->addOperand(MDTuple::get(
          Ctx, {const_cast<DILocation *>(Loc),
                MDString::get(Ctx, F.getName()),
                MDString::get(Ctx, CB->getCalledFunction()->getName()),
                MDString::get(Ctx, describeAllocationSize(*CB))}));
    }
  }
  return PreservedAnalyses::all();
}

void reportEliminatedSites(Module &M, FunctionAnalysisManager &FAM) {
  NamedMDNode *Sites = M.getNamedMetadata(SitesMD);
  if (!Sites)
    return;
  std::set<SiteKey> Present;
  Function *Any = nullptr;
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    if (!Any)
      Any = &F;
    auto &TLI = FAM.getResult<TargetLibraryAnalysis>(F);
    for (Instruction &I : instructions(F))
      if (auto *CB = dyn_cast<CallBase>(&I))
        if (const DILocation *L = CB->getDebugLoc().get())
          if (isAllocation(classifyHeapCall(*CB, TLI)))
            Present.insert(keyOf(L));
  }
  std::set<SiteKey> Reported;
  for (MDNode *N : Sites->operands()) {
    auto *Loc = N->getNumOperands() == 4
                    ? dyn_cast_or_null<DILocation>(N->getOperand(0))
                    : nullptr;
    if (!Loc || !Any)
      continue;
    SiteKey K = keyOf(Loc);
    if (Present.count(K) || !Reported.insert(K).second)
      continue;
    auto Str = [&](unsigned I) {
      auto *S = dyn_cast_or_null<MDString>(N->getOperand(I));
      return S ? S->getString() : StringRef("?");
    };
    Function *F = M.getFunction(Str(1));
    if (!F || F->isDeclaration())
      F = Any; // the function itself was inlined away
    auto &ORE = FAM.getResult<OptimizationRemarkEmitterAnalysis>(*F);
    ORE.emit([&] {
      OptimizationRemark R(PassName, "Eliminated", DiagnosticLocation(Loc),
                           &F->getEntryBlock());
      R << ore::NV("Callee", Str(2)) << "(" << ore::NV("Size", Str(3))
        << ") does not escape: removed by the optimizer";
      if (F->getName() != Str(1))
        R << ore::setExtraArgs() << ore::NV("InlinedFrom", Str(1));
      return R;
    });
  }
  Sites->eraseFromParent();
}

} // namespace escape
