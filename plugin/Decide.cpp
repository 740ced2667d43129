//===-- Decide.cpp - Which objects that do not escape go to the stack -----===//
#include "Decide.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"

using namespace llvm;

namespace escape {

static bool hasMustTail(const Function &F) {
  for (const Instruction &I : instructions(F))
    if (const auto *CI = dyn_cast<CallInst>(&I))
      if (CI->isMustTailCall())
        return true;
  return false;
}

std::vector<Decision> decideSites(const FunctionResult &FR,
                                  const EscapeOptions &Opts) {
  std::vector<Decision> Out(FR.Sites.size());
  const Function &F = *FR.F;
  bool MustTail = hasMustTail(F);
  uint64_t Used = 0;
  for (unsigned I = 0, E = FR.Sites.size(); I != E; ++I) {
    const SiteVerdict &S = FR.Sites[I];
    Decision &D = Out[I];
    if (S.Escapes)
      continue;
    auto Stay = [&](ReasonKind K, std::string Detail = "") {
      D.Where = Placement::Heap;
      D.Why = Reason{K, nullptr, std::move(Detail)};
    };
    if (MustTail) {
      Stay(ReasonKind::MustTailCall);
      continue;
    }
    uint64_t Requested = requestedAlignment(*S.Call, S.Kind);
    uint64_t Align = std::max<uint64_t>(16, Requested);
    // An alignment the compiler cannot see, or not a power of two (which
    // aligned_alloc rejects at run time), keeps the call.
    if (S.Kind == HeapFn::AlignedAlloc &&
        (!isPowerOf2_64(Requested) || Align > (uint64_t(1) << 16))) {
      Stay(ReasonKind::BadAlignment);
      continue;
    }
    std::optional<uint64_t> Bytes = constantAllocSize(*S.Call, S.Kind);
    if (!Bytes && S.Kind == HeapFn::Calloc &&
        isa<ConstantInt>(S.Call->getArgOperand(0)) &&
        isa<ConstantInt>(S.Call->getArgOperand(1))) {
      Stay(ReasonKind::TooLarge, "count * size overflows");
      continue;
    }
    uint64_t Slot;
    Placement Where = Placement::Stack;
    if (Bytes) {
      if (*Bytes == 0) {
        Stay(ReasonKind::ZeroSize);
        continue;
      }
      if (*Bytes > Opts.MaxObjectSize) {
        Stay(ReasonKind::TooLarge, std::to_string(*Bytes) + " > " +
                                       std::to_string(Opts.MaxObjectSize));
        continue;
      }
      Slot = *Bytes;
    } else {
      // Only malloc(n) gets the Go 1.25 treatment: one size operand, and the
      // heap fallback is the original call itself.
      if (S.Kind != HeapFn::Malloc || Opts.DynamicStackSize == 0) {
        Stay(ReasonKind::NonConstantSize);
        continue;
      }
      Slot = Opts.DynamicStackSize;
      Where = Placement::StackDynamic;
    }
    // One object per level of a recursion would outgrow any stack.
    if (FR.RecursiveVia) {
      const Value *Via =
          FR.RecursiveVia->getCalledOperand()->stripPointerCasts();
      D.Why = Reason{ReasonKind::RecursiveFunction,
                     isa<Function>(Via) ? Via : nullptr, ""};
      continue;
    }
    if (Used + Slot > Opts.MaxFrameSize) {
      Stay(ReasonKind::FrameBudgetExceeded, std::to_string(Opts.MaxFrameSize));
      continue;
    }
    Used += Slot;
    // The switches come last: a site they keep would move otherwise, which
    // is what a source assertion asks (Remarks.cpp).
    if (!Opts.Transform || F.hasOptNone()) {
      Stay(ReasonKind::TransformDisabled,
           Opts.Transform ? "optnone" : "-escape-transform=false");
      D.WouldMove = true;
      continue;
    }
    D.Where = Where;
    D.Bytes = Slot;
    D.Align = Align;
  }
  return Out;
}

} // namespace escape
