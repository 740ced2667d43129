//===-- Rewrite.cpp - Heap to stack ---------------------------------------===//
#include "Rewrite.h"
#include "Compat.h"

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
  uint64_t Budget = FR.Recursive ? Opts.MaxFrameSize / 4 : Opts.MaxFrameSize;
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
    if (Used + Slot > Budget) {
      if (FR.Recursive && Used + Slot <= Opts.MaxFrameSize)
        Stay(ReasonKind::RecursiveFunction, std::to_string(Budget));
      else
        Stay(ReasonKind::FrameBudgetExceeded, std::to_string(Budget));
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

struct Converted {
  AllocaInst *Slot = nullptr;
  bool Dynamic = false;
};

class Rewriter {
public:
  Rewriter(FunctionResult &FR, const std::vector<Decision> &D)
      : FR(FR), D(D), Ctx(FR.F->getContext()),
        Entry(FR.F->getEntryBlock()) {}
  bool run();

private:
  AllocaInst *makeSlot(uint64_t Bytes, uint64_t Align, const Twine &Name);
  void convertFixed(SiteVerdict &S, const Decision &D, Converted &C);
  void convertDynamic(SiteVerdict &S, const Decision &D, Converted &C);
  void rewriteFree(FreeCall &Free, const std::vector<Converted> &Conv);

  FunctionResult &FR;
  const std::vector<Decision> &D;
  LLVMContext &Ctx;
  BasicBlock &Entry;
};

} // namespace

AllocaInst *Rewriter::makeSlot(uint64_t Bytes, uint64_t Align,
                               const Twine &Name) {
  const DataLayout &DL = FR.F->getParent()->getDataLayout();
  auto *Ty = ArrayType::get(Type::getInt8Ty(Ctx), Bytes);
  auto *AI = new AllocaInst(Ty, DL.getAllocaAddrSpace(), nullptr,
                            llvm::Align(Align), Name, Entry.begin());
  return AI;
}

void Rewriter::convertFixed(SiteVerdict &S, const Decision &Dec,
                            Converted &C) {
  CallBase *Call = S.Call;
  C.Slot = makeSlot(Dec.Bytes, Dec.Align, "escape.slot");
  IRBuilder<> B(Call);
  createLifetimeStart(B, C.Slot);
  if (S.Kind == HeapFn::Calloc)
    B.CreateMemSet(C.Slot, B.getInt8(0), Dec.Bytes, llvm::Align(Dec.Align));
  C.Slot->setDebugLoc(DebugLoc());
  Call->replaceAllUsesWith(C.Slot);
  Call->eraseFromParent();
  S.Call = nullptr;
}

// p = n <= K ? buf : malloc(n), with the original call as the fallback.
void Rewriter::convertDynamic(SiteVerdict &S, const Decision &Dec,
                              Converted &C) {
  CallBase *Call = S.Call;
  C.Slot = makeSlot(Dec.Bytes, Dec.Align, "escape.buf");
  C.Dynamic = true;
  Value *N = Call->getArgOperand(0);
  IRBuilder<> B(Call);
  Value *TooBig = B.CreateICmpUGT(
      N, ConstantInt::get(N->getType(), Dec.Bytes), "escape.toobig");
  BasicBlock *Head = Call->getParent();
  Instruction *ThenTerm =
      SplitBlockAndInsertIfThen(TooBig, Call->getIterator(), false);
  BasicBlock *HeapBB = ThenTerm->getParent();
  BasicBlock *Tail = Call->getParent();
  Call->moveBefore(*ThenTerm->getParent(), ThenTerm->getIterator());
  Call->setMetadata(FallbackMD, MDNode::get(Ctx, {}));
  IRBuilder<> TB(Tail, Tail->begin());
  PHINode *P = TB.CreatePHI(Call->getType(), 2, "escape.p");
  Call->replaceAllUsesWith(P);
  P->addIncoming(C.Slot, Head);
  P->addIncoming(Call, HeapBB);
  IRBuilder<> HB(Head->getTerminator());
  createLifetimeStart(HB, C.Slot);
}

void Rewriter::rewriteFree(FreeCall &Free, const std::vector<Converted> &Conv) {
  SmallVector<const Converted *, 2> Mine;
  bool OnlyFixed = !Free.OtherOrigins;
  for (unsigned I : Free.Sites) {
    if (!Conv[I].Slot) {
      OnlyFixed = false; // a site of ours that stays on the heap
      continue;
    }
    Mine.push_back(&Conv[I]);
    if (Conv[I].Dynamic)
      OnlyFixed = false;
  }
  if (Mine.empty())
    return;
  CallBase *Call = Free.Call;
  if (OnlyFixed) {
    // Everything this free can receive now lives on the stack. The slot's
    // lifetime ends here only if this free must receive it: a free that may
    // get NULL on some path (free(c ? p : NULL)) must not end a slot that
    // another pointer still uses on that path.
    if (Mine.size() == 1 &&
        Call->getArgOperand(0)->stripPointerCasts() == Mine.front()->Slot) {
      IRBuilder<> B(Call);
      createLifetimeEnd(B, Mine.front()->Slot);
    }
    Call->eraseFromParent();
    Free.Call = nullptr;
    return;
  }
  // Mixed origins: free only what is not one of our slots.
  IRBuilder<> B(Call);
  Value *P = Call->getArgOperand(0);
  Value *NotOurs = nullptr;
  for (const Converted *C : Mine) {
    Value *Ne = B.CreateICmpNE(P, C->Slot, "escape.notslot");
    NotOurs = NotOurs ? B.CreateAnd(NotOurs, Ne) : Ne;
  }
  Instruction *ThenTerm =
      SplitBlockAndInsertIfThen(NotOurs, Call->getIterator(), false);
  Call->moveBefore(*ThenTerm->getParent(), ThenTerm->getIterator());
}

bool Rewriter::run() {
  std::vector<Converted> Conv(FR.Sites.size());
  bool Changed = false;
  for (unsigned I = 0, E = FR.Sites.size(); I != E; ++I) {
    if (D[I].Where == Placement::Stack)
      convertFixed(FR.Sites[I], D[I], Conv[I]);
    else if (D[I].Where == Placement::StackDynamic)
      convertDynamic(FR.Sites[I], D[I], Conv[I]);
    else
      continue;
    Changed = true;
  }
  if (!Changed)
    return false;
  for (FreeCall &Free : FR.Frees)
    rewriteFree(Free, Conv);
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
