//===-- Rewrite.cpp - Heap to stack ---------------------------------------===//
#include "Rewrite.h"
#include "StackGuard.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"

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
    if (!Opts.Transform) {
      Stay(ReasonKind::TransformDisabled, "-escape-transform=false");
      continue;
    }
    if (F.hasOptNone()) {
      Stay(ReasonKind::TransformDisabled, "optnone");
      continue;
    }
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
    D.Where = Where;
    D.Bytes = Slot;
    D.Align = Align;
  }
  return Out;
}

namespace {

class Rewriter {
public:
  Rewriter(FunctionResult &FR, const std::vector<Decision> &D)
      : FR(FR), D(D), Ctx(FR.F->getContext()) {}
  bool run();

private:
  void convert(SiteVerdict &S, const Decision &Dec, Value *Room, Value *Slot);
  void guardFree(FreeCall &Free, const std::vector<Value *> &Slots);

  FunctionResult &FR;
  const std::vector<Decision> &D;
  LLVMContext &Ctx;
};

} // namespace

// p = room [&& n <= K] ? slot : <the original call>. The call stays as the
// heap fallback, marked so that a second run leaves it alone.
void Rewriter::convert(SiteVerdict &S, const Decision &Dec, Value *Room,
                       Value *Slot) {
  CallBase *Call = S.Call;
  IRBuilder<> B(Call);
  Value *OnStack = Room;
  if (Dec.Where == Placement::StackDynamic) {
    Value *N = Call->getArgOperand(0);
    OnStack = B.CreateAnd(
        Room, B.CreateICmpULE(N, ConstantInt::get(N->getType(), Dec.Bytes)),
        "escape.fits");
  }
  Instruction *StackTerm, *HeapTerm;
  SplitBlockAndInsertIfThenElse(OnStack, Call->getIterator(), &StackTerm,
                                &HeapTerm);
  BasicBlock *StackBB = StackTerm->getParent(), *HeapBB = HeapTerm->getParent();
  BasicBlock *Tail = Call->getParent();
  if (S.Kind == HeapFn::Calloc) {
    IRBuilder<> SB(StackTerm);
    SB.CreateMemSet(Slot, SB.getInt8(0), Dec.Bytes, llvm::Align(Dec.Align));
  }
  Call->moveBefore(*HeapBB, HeapTerm->getIterator());
  Call->setMetadata(FallbackMD, MDNode::get(Ctx, {}));
  IRBuilder<> TB(Tail, Tail->begin());
  PHINode *P = TB.CreatePHI(Call->getType(), 2, "escape.p");
  Call->replaceAllUsesWith(P);
  P->addIncoming(Slot, StackBB);
  P->addIncoming(Call, HeapBB);
  S.Call = nullptr;
}

// Every free that may receive a moved object frees only what is not one of
// the slots: whether an object got its slot is known at run time only.
void Rewriter::guardFree(FreeCall &Free, const std::vector<Value *> &Slots) {
  SmallVector<Value *, 2> Mine;
  for (unsigned I : Free.Sites)
    if (Slots[I])
      Mine.push_back(Slots[I]);
  if (Mine.empty())
    return;
  CallBase *Call = Free.Call;
  IRBuilder<> B(Call);
  Value *P = Call->getArgOperand(0);
  Value *NotOurs = nullptr;
  for (Value *Slot : Mine) {
    Value *Ne = B.CreateICmpNE(P, Slot, "escape.notslot");
    NotOurs = NotOurs ? B.CreateAnd(NotOurs, Ne) : Ne;
  }
  Instruction *ThenTerm =
      SplitBlockAndInsertIfThen(NotOurs, Call->getIterator(), false);
  Call->moveBefore(*ThenTerm->getParent(), ThenTerm->getIterator());
}

bool Rewriter::run() {
  SmallVector<std::pair<uint64_t, uint64_t>, 4> Sizes;
  for (const Decision &Dec : D)
    if (Dec.Where != Placement::Heap)
      Sizes.push_back({Dec.Bytes, Dec.Align});
  if (Sizes.empty())
    return false;
  GuardedSlots G = emitGuardedSlots(*FR.F, Sizes);
  std::vector<Value *> Slots(FR.Sites.size(), nullptr);
  for (unsigned I = 0, N = 0, E = FR.Sites.size(); I != E; ++I)
    if (D[I].Where != Placement::Heap)
      Slots[I] = G.Slots[N++];
  for (unsigned I = 0, E = FR.Sites.size(); I != E; ++I)
    if (Slots[I])
      convert(FR.Sites[I], D[I], G.Room, Slots[I]);
  for (FreeCall &Free : FR.Frees)
    guardFree(Free, Slots);
  // A callee that receives a pointer into a stack slot must not be a tail
  // call (LLVM #58744); musttail functions were refused above.
  for (Instruction &I : instructions(*FR.F))
    if (auto *CI = dyn_cast<CallInst>(&I))
      if (CI->isTailCall() && !CI->isMustTailCall())
        CI->setTailCall(false);
  return true;
}

bool rewriteFunction(FunctionResult &FR, const std::vector<Decision> &D) {
  return Rewriter(FR, D).run();
}

} // namespace escape
