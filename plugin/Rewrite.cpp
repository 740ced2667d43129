//===-- Rewrite.cpp - Heap to stack ---------------------------------------===//
#include "Rewrite.h"
#include "StackGuard.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"

using namespace llvm;

namespace escape {

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
