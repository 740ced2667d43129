//===-- Decide.cpp - Which objects that do not escape go to the stack -----===//
#include "Decide.h"
#include "Explain.h"
#include "Names.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/InstIterator.h"
#include <optional>

using namespace llvm;

namespace escape {

static bool hasMustTail(const Function &F) {
  for (const Instruction &I : instructions(F))
    if (const auto *CI = dyn_cast<CallInst>(&I))
      if (CI->isMustTailCall())
        return true;
  return false;
}

// " at file:line:col", or nothing without debug information.
static std::string at(const Instruction *I) {
  std::string Position = sourcePosition(I);
  return Position == "?" ? "" : " at " + Position;
}

// Why site \p Site cannot grow through the reallocs that may receive it
// or what they return (None: it can), and those reallocs, in program order,
// into \p Reallocs. None may be followed by a use of its old pointer, and
// no object of the chain may escape. \p Size is the operand of a variable
// size, which the rewrite copies from at each realloc that may receive the
// site itself.
static Reason checkGrowth(const FunctionResult &FR, unsigned Site,
                          const Value *Size,
                          std::optional<DominatorTree> &DT,
                          SmallVectorImpl<CallBase *> &Reallocs) {
  SmallPtrSet<const CallBase *, 4> Chain;
  SmallVector<const CallBase *, 2> Direct;
  for (const FreeCall &Free : FR.Frees)
    if (Free.Resizes && is_contained(Free.Sites, Site)) {
      Chain.insert(Free.Call);
      Direct.push_back(Free.Call);
    }
  for (bool Grew = true; Grew;) {
    Grew = false;
    for (const FreeCall &Free : FR.Frees)
      if (Free.Resizes && !Chain.count(Free.Call) &&
          any_of(Free.GrownFrom,
                 [&](const CallBase *R) { return Chain.count(R); }))
        Grew = Chain.insert(Free.Call).second;
  }
  for (const FreeCall &Free : FR.Frees) {
    if (!Chain.count(Free.Call))
      continue;
    Reallocs.push_back(Free.Call);
    if (Free.UsedAfter)
      return Reason{ReasonKind::UsedAfterRealloc, nullptr,
                    at(Free.UsedAfter)};
    if (Free.GrownEscapes)
      return Reason{ReasonKind::GrownBufferEscapes, nullptr,
                    reasonText(Free.GrownWhy) + " (realloc" + at(Free.Call) +
                        ")"};
  }
  if (const auto *SizeDef = dyn_cast_or_null<Instruction>(Size))
    for (const CallBase *Realloc : Direct) {
      if (!DT)
        DT.emplace(*FR.F);
      if (!DT->dominates(SizeDef, Realloc))
        return Reason{ReasonKind::GrowSizeUnknown, nullptr, at(Realloc)};
    }
  return Reason{};
}

// mode=precise: a site whose address an object staying on the heap may
// hold stays as well, and so on: a stack object must never be reachable
// from a heap object that could outlive the frame.
static void keepHeldOnHeap(const FunctionResult &FR,
                           std::vector<Decision> &Out) {
  auto Moves = [&](const Decision &D) {
    return D.Where != Placement::Heap || D.WouldMove;
  };
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (unsigned I = 0, E = FR.Sites.size(); I != E; ++I) {
      if (!Moves(Out[I]))
        continue;
      for (unsigned Holder : FR.Sites[I].HeldBy) {
        if (Moves(Out[Holder]) || FR.Sites[Holder].Escapes)
          continue; // an escaping holder makes the site escape already
        const CallBase *Call = FR.Sites[Holder].Call;
        Out[I] = Decision();
        Out[I].Why = Reason{ReasonKind::HeldByHeapObject, nullptr,
                            describeAllocation(*Call) + at(Call)};
        Changed = true;
        break;
      }
    }
  }
}

std::vector<Decision> decideSites(const FunctionResult &FR,
                                  const EscapeOptions &Opts) {
  std::vector<Decision> Out(FR.Sites.size());
  if (Out.empty())
    return Out;
  const Function &F = *FR.F;
  bool MustTail = hasMustTail(F);
  std::optional<DominatorTree> DT;
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
    SmallVector<CallBase *, 2> Reallocs;
    Reason Growth = checkGrowth(
        FR, I, Bytes ? nullptr : allocSizeOperand(*S.Call, S.Kind), DT,
        Reallocs);
    if (Growth.Kind != ReasonKind::None) {
      D.Where = Placement::Heap;
      D.Why = Growth;
      continue;
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
    if (Opts.Explain)
      for (const CallBase *Realloc : Reallocs)
        D.Explanation.push_back(
            "grows on heap at " + sourcePosition(Realloc) + ": realloc(" +
            operandText(*Realloc->getArgOperand(0)) + ", " +
            operandText(*Realloc->getArgOperand(1)) + ")");
    D.Reallocs = std::move(Reallocs);
    D.Where = Where;
    D.Bytes = Slot;
    D.Align = Align;
  }
  keepHeldOnHeap(FR, Out);
  return Out;
}

} // namespace escape
