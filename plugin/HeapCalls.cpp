//===-- HeapCalls.cpp - Which calls allocate, free or need the heap -------===//
#include "HeapCalls.h"
#include "IRFacts.h"
#include "Names.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/MathExtras.h"

using namespace llvm;

namespace escape {

HeapFn classifyHeapCall(const CallBase &CB, const TargetLibraryInfo &TLI) {
  const Function *Callee = CB.getCalledFunction();
  if (!Callee || !Callee->isDeclaration() || CB.isNoBuiltin())
    return HeapFn::None;
  // The heap fallback of a site the rewrite already handled.
  if (CB.hasMetadata(FallbackMD))
    return HeapFn::None;
  LibFunc LF;
  if (TLI.getLibFunc(*Callee, LF) && TLI.has(LF)) {
    bool Call = isa<CallInst>(CB); // an invoke'd allocation stays as it is
    switch (LF) {
    case LibFunc_malloc:
      return Call ? HeapFn::Malloc : HeapFn::None;
    case LibFunc_calloc:
      return Call ? HeapFn::Calloc : HeapFn::None;
    case LibFunc_aligned_alloc:
      return Call ? HeapFn::AlignedAlloc : HeapFn::None;
    case LibFunc_free:
      return HeapFn::Free;
    case LibFunc_realloc:
      return Call && CB.arg_size() == 2 ? HeapFn::Resize : HeapFn::Realloc;
    case LibFunc_reallocf:
      return HeapFn::Realloc;
    default:
      break; // memalign, reallocarray, ...: by name below
    }
  }
  // Functions TargetLibraryInfo does not know in every supported major.
  StringRef N = Callee->getName();
  unsigned Args = CB.arg_size();
  bool PtrResult = CB.getType()->isPointerTy();
  if (N == "memalign" && Args == 2 && PtrResult && isa<CallInst>(CB))
    return HeapFn::AlignedAlloc;
  if (N == "reallocarray" && Args == 3 && PtrResult)
    return HeapFn::Realloc;
  if (N == "malloc_usable_size" && Args == 1)
    return HeapFn::UsableSize;
  return HeapFn::None;
}

SmallVector<Function *, 8>
functionsWithAllocations(Module &M, FunctionAnalysisManager &FAM) {
  return functionsCalling(M, [&](CallBase &CB) {
    return isAllocation(classifyHeapCall(
        CB, FAM.getResult<TargetLibraryAnalysis>(*CB.getFunction())));
  });
}

static std::optional<uint64_t> constantOperand(const CallBase &CB, unsigned I) {
  if (const auto *C = dyn_cast<ConstantInt>(CB.getArgOperand(I)))
    if (C->getValue().getActiveBits() <= 64)
      return C->getZExtValue();
  return std::nullopt;
}

std::optional<uint64_t> constantAllocSize(const CallBase &CB, HeapFn K) {
  switch (K) {
  case HeapFn::Malloc:
    return constantOperand(CB, 0);
  case HeapFn::AlignedAlloc:
    return constantOperand(CB, 1);
  case HeapFn::Calloc: {
    auto N = constantOperand(CB, 0), S = constantOperand(CB, 1);
    if (!N || !S)
      return std::nullopt;
    bool Overflow = false;
    uint64_t Bytes = SaturatingMultiply(*N, *S, &Overflow);
    if (Overflow)
      return std::nullopt;
    return Bytes;
  }
  default:
    return std::nullopt;
  }
}

Value *allocSizeOperand(const CallBase &CB, HeapFn K) {
  if (K == HeapFn::Malloc)
    return CB.getArgOperand(0);
  if (K == HeapFn::AlignedAlloc)
    return CB.getArgOperand(1);
  return nullptr;
}

uint64_t requestedAlignment(const CallBase &CB, HeapFn K) {
  if (K != HeapFn::AlignedAlloc)
    return 0;
  auto A = constantOperand(CB, 0);
  return A ? *A : 0;
}

std::string describeAllocationSize(const CallBase &CB) {
  std::string S;
  for (unsigned I = 0, E = CB.arg_size(); I != E; ++I) {
    if (I)
      S += ", ";
    S += operandText(*CB.getArgOperand(I));
  }
  return S;
}

std::string describeAllocation(const CallBase &CB) {
  const Function *Callee = CB.getCalledFunction();
  std::string Name = Callee ? Callee->getName().str() : "?";
  return Name + "(" + describeAllocationSize(CB) + ")";
}

} // namespace escape
