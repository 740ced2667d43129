//===-- RecordedSites.cpp - Sites recorded before LLVM optimises ----------===//
#include "RecordedSites.h"
#include "HeapCalls.h"
#include "SourceAssertions.h"

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
  recordSourceAssertions(M, FAM);
  NamedMDNode *Sites = M.getOrInsertNamedMetadata(SitesMD);
  LLVMContext &Ctx = M.getContext();
  for (Function *F : functionsWithAllocations(M, FAM)) {
    auto &TLI = FAM.getResult<TargetLibraryAnalysis>(*F);
    for (Instruction &I : instructions(*F)) {
      auto *CB = dyn_cast<CallBase>(&I);
      if (!CB || !isAllocation(classifyHeapCall(*CB, TLI)))
        continue;
      const DILocation *Loc = CB->getDebugLoc().get();
      if (!Loc)
        continue; // without a position a vanished site cannot be named
      Sites->addOperand(MDTuple::get(
          Ctx, {const_cast<DILocation *>(Loc), MDString::get(Ctx, F->getName()),
                MDString::get(Ctx, CB->getCalledFunction()->getName()),
                MDString::get(Ctx, describeAllocationSize(*CB)),
                MDString::get(Ctx, hasStackAssertion(*CB) ? "stack" : "")}));
    }
  }
  return PreservedAnalyses::all();
}

std::vector<VanishedSite> takeVanishedSites(Module &M,
                                            FunctionAnalysisManager &FAM) {
  std::vector<VanishedSite> Vanished;
  NamedMDNode *Sites = M.getNamedMetadata(SitesMD);
  if (!Sites)
    return Vanished;
  std::set<SiteKey> Present;
  for (Function *F : functionsWithAllocations(M, FAM)) {
    auto &TLI = FAM.getResult<TargetLibraryAnalysis>(*F);
    for (Instruction &I : instructions(*F))
      if (auto *CB = dyn_cast<CallBase>(&I))
        if (const DILocation *L = CB->getDebugLoc().get())
          if (isAllocation(classifyHeapCall(*CB, TLI)))
            Present.insert(keyOf(L));
  }
  Function *Any = nullptr;
  for (Function &F : M)
    if (!F.isDeclaration()) {
      Any = &F;
      break;
    }
  std::set<SiteKey> Reported;
  for (MDNode *N : Sites->operands()) {
    auto *Loc = N->getNumOperands() == 5
                    ? dyn_cast_or_null<DILocation>(N->getOperand(0))
                    : nullptr;
    if (!Loc || !Any)
      continue;
    SiteKey K = keyOf(Loc);
    if (Present.count(K) || !Reported.insert(K).second)
      continue;
    auto Str = [&](unsigned I) {
      auto *S = dyn_cast_or_null<MDString>(N->getOperand(I));
      return S ? S->getString().str() : std::string("?");
    };
    VanishedSite V{Loc, nullptr, Str(1), Str(2), Str(3), Str(4) == "stack"};
    V.F = M.getFunction(V.FunctionName);
    if (!V.F || V.F->isDeclaration())
      V.F = Any; // the function itself was inlined away
    Vanished.push_back(std::move(V));
  }
  Sites->eraseFromParent();
  return Vanished;
}

} // namespace escape
