//===-- Rewrite.cpp - Heap to stack ---------------------------------------===//
#include "Rewrite.h"
#include "StackGuard.h"
#include "StackVersion.h"

#include "llvm/IR/Constants.h"
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
  /// Slots[I] is site I's slot (null for heap sites); each exists only
  /// while \p Room holds, or always when Room is null.
  bool run(Value *Room, const std::vector<Value *> &Slots);

private:
  void convert(SiteVerdict &S, const Decision &Dec, Value *Room, Value *Slot);
  void guardFree(FreeCall &Free, const std::vector<Value *> &Slots);
  void growFromSlot(FreeCall &Realloc, const std::vector<Value *> &Slots,
                    const std::vector<Value *> &FirstSizes, Value *Room);

  FunctionResult &FR;
  const std::vector<Decision> &D;
  LLVMContext &Ctx;
};

} // namespace

// Call's result becomes `Cond ? <what Then emits> : Call`: the call moves to
// the else branch, and a phi named \p Name takes its uses.
static void callUnless(CallBase *Call, Value *Cond, const Twine &Name,
                       function_ref<Value *(IRBuilder<> &)> Then) {
  Instruction *ThenTerm, *CallTerm;
  SplitBlockAndInsertIfThenElse(Cond, Call->getIterator(), &ThenTerm,
                                &CallTerm);
  BasicBlock *ThenBB = ThenTerm->getParent(), *CallBB = CallTerm->getParent();
  BasicBlock *Tail = Call->getParent();
  IRBuilder<> TB(ThenTerm);
  Value *Instead = Then(TB);
  Call->moveBefore(*CallBB, CallTerm->getIterator());
  IRBuilder<> PB(Tail, Tail->begin());
  PHINode *P = PB.CreatePHI(Call->getType(), 2, Name);
  Call->replaceAllUsesWith(P);
  P->addIncoming(Instead, ThenBB);
  P->addIncoming(Call, CallBB);
}

// p = room [&& n <= K] ? slot : <the original call>. The call stays as the
// heap fallback, marked so that a second run leaves it alone. Without a
// condition (a slot that always exists, a size that always fits), p = slot.
void Rewriter::convert(SiteVerdict &S, const Decision &Dec, Value *Room,
                       Value *Slot) {
  CallBase *Call = S.Call;
  S.Call = nullptr;
  auto Fill = [&](IRBuilder<> &SB) {
    if (S.Kind == HeapFn::Calloc)
      SB.CreateMemSet(Slot, SB.getInt8(0), Dec.Bytes, llvm::Align(Dec.Align));
    return Slot;
  };
  IRBuilder<> B(Call);
  Value *OnStack = Room;
  if (Dec.Where == Placement::StackDynamic) {
    Value *N = Call->getArgOperand(0);
    Value *Fits = B.CreateICmpULE(N, ConstantInt::get(N->getType(), Dec.Bytes));
    OnStack = Room ? B.CreateAnd(Room, Fits) : Fits;
    OnStack->setName("escape.fits");
  }
  if (!OnStack) {
    Call->replaceAllUsesWith(Fill(B));
    Call->eraseFromParent();
    return;
  }
  callUnless(Call, OnStack, "escape.p", Fill);
  Call->setMetadata(FallbackMD, MDNode::get(Ctx, {}));
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
  Value *P = Call->getArgOperand(0);
  if (is_contained(Mine, P)) { // the slot itself: nothing to free
    Call->eraseFromParent();
    return;
  }
  IRBuilder<> B(Call);
  Value *NotOurs = nullptr;
  for (Value *Slot : Mine) {
    Value *Ne = B.CreateICmpNE(P, Slot, "escape.notslot");
    NotOurs = NotOurs ? B.CreateAnd(NotOurs, Ne) : Ne;
  }
  Instruction *ThenTerm =
      SplitBlockAndInsertIfThen(NotOurs, Call->getIterator(), false);
  Call->moveBefore(*ThenTerm->getParent(), ThenTerm->getIterator());
}

static constexpr const char *GrowName = "__escape_grow_v1";

// void *__escape_grow_v1(void *buf, size_t size, size_t n): realloc(buf, n)
// for a buffer that started on the stack with size bytes. The copy never
// reads past the buffer; realloc(buf, 0) gets the C library's own answer
// for a heap block (glibc: NULL), and a failed malloc leaves buf as it is,
// as a failed realloc would.
static Function *growFunction(Module &M) {
  LLVMContext &Ctx = M.getContext();
  Type *Ptr = PointerType::getUnqual(Ctx);
  Type *Size = M.getDataLayout().getIntPtrType(Ctx);
  auto *Ty = FunctionType::get(Ptr, {Ptr, Size, Size}, false);
  bool Fresh;
  Function *F = moduleHelper(M, GrowName, Ty, Fresh);
  if (!Fresh)
    return F;
  Argument *Buf = F->getArg(0), *Old = F->getArg(1), *N = F->getArg(2);
  Buf->setName("buf");
  Old->setName("size");
  N->setName("n");
  FunctionCallee Malloc =
      M.getOrInsertFunction("malloc", FunctionType::get(Ptr, {Size}, false));
  FunctionCallee Realloc = M.getOrInsertFunction(
      "realloc", FunctionType::get(Ptr, {Ptr, Size}, false));

  auto *Entry = BasicBlock::Create(Ctx, "entry", F);
  auto *Empty = BasicBlock::Create(Ctx, "empty", F);
  auto *Grow = BasicBlock::Create(Ctx, "grow", F);
  auto *Copy = BasicBlock::Create(Ctx, "copy", F);
  auto *Done = BasicBlock::Create(Ctx, "done", F);
  IRBuilder<> B(Entry);
  B.CreateCondBr(B.CreateICmpEQ(N, ConstantInt::get(Size, 0)), Empty, Grow);
  B.SetInsertPoint(Empty);
  B.CreateRet(B.CreateCall(
      Realloc, {B.CreateCall(Malloc, {ConstantInt::get(Size, 1)}),
                ConstantInt::get(Size, 0)}));
  B.SetInsertPoint(Grow);
  Value *Heap = B.CreateCall(Malloc, {N}, "heap");
  B.CreateCondBr(B.CreateIsNull(Heap), Done, Copy);
  B.SetInsertPoint(Copy);
  B.CreateMemCpy(Heap, Align(1), Buf, Align(1),
                 B.CreateBinaryIntrinsic(Intrinsic::umin, Old, N));
  B.CreateBr(Done);
  B.SetInsertPoint(Done);
  B.CreateRet(Heap);
  return F;
}

// q = realloc(p, n) for a p that may be one of the slots:
//   q = room && p is a slot ? __escape_grow_v1(p, its first size, n)
//                           : realloc(p, n)
void Rewriter::growFromSlot(FreeCall &Realloc,
                            const std::vector<Value *> &Slots,
                            const std::vector<Value *> &FirstSizes,
                            Value *Room) {
  CallBase *Call = Realloc.Call;
  IRBuilder<> B(Call);
  Value *P = Call->getArgOperand(0), *N = Call->getArgOperand(1);
  Value *IsSlot = nullptr, *FirstSize = nullptr;
  for (unsigned I : Realloc.Sites) {
    if (!Slots[I])
      continue;
    Value *Eq = B.CreateICmpEQ(P, Slots[I], "escape.isslot");
    Value *Size = B.CreateZExtOrTrunc(FirstSizes[I], N->getType());
    IsSlot = IsSlot ? B.CreateOr(IsSlot, Eq) : Eq;
    FirstSize = FirstSize ? B.CreateSelect(Eq, Size, FirstSize) : Size;
  }
  if (!IsSlot)
    return;
  // Without room the slots are null, and so may p be: realloc(NULL, n).
  if (Room)
    IsSlot = B.CreateAnd(Room, IsSlot, "escape.grows");
  Function *Grow = growFunction(*FR.F->getParent());
  callUnless(Call, IsSlot, "escape.q", [&](IRBuilder<> &GB) {
    return GB.CreateCall(Grow, {P, FirstSize, N});
  });
}

bool Rewriter::run(Value *Room, const std::vector<Value *> &Slots) {
  std::vector<Value *> FirstSizes(FR.Sites.size(), nullptr);
  for (unsigned I = 0, E = FR.Sites.size(); I != E; ++I) {
    if (!Slots[I])
      continue;
    // What a realloc copies out of the slot: the size the program asked for.
    const SiteVerdict &S = FR.Sites[I];
    Value *Operand = allocSizeOperand(*S.Call, S.Kind);
    FirstSizes[I] = D[I].Where == Placement::StackDynamic
                        ? Operand
                        : ConstantInt::get(
                              Type::getInt64Ty(Ctx),
                              *constantAllocSize(*S.Call, S.Kind));
  }
  for (unsigned I = 0, E = FR.Sites.size(); I != E; ++I)
    if (Slots[I])
      convert(FR.Sites[I], D[I], Room, Slots[I]);
  for (FreeCall &Free : FR.Frees) {
    if (Free.Resizes)
      growFromSlot(Free, Slots, FirstSizes, Room);
    else
      guardFree(Free, Slots);
  }
  // A callee that receives a pointer into a stack slot must not be a tail
  // call (LLVM #58744); musttail functions were refused above.
  for (Instruction &I : instructions(*FR.F))
    if (auto *CI = dyn_cast<CallInst>(&I))
      if (CI->isTailCall() && !CI->isMustTailCall())
        CI->setTailCall(false);
  return true;
}

bool rewriteFunction(FunctionResult &FR, const std::vector<Decision> &D,
                     uint64_t MaxVersionSize) {
  SmallVector<std::pair<uint64_t, uint64_t>, 4> Sizes;
  SmallVector<const Instruction *, 4> Moved;
  for (unsigned I = 0, E = FR.Sites.size(); I != E; ++I)
    if (D[I].Where != Placement::Heap) {
      Sizes.push_back({D[I].Bytes, D[I].Align});
      Moved.push_back(FR.Sites[I].Call);
    }
  if (Sizes.empty())
    return false;
  // Each moved site's slot, in site order (null for heap sites).
  auto BySite = [&](auto &&Made) {
    std::vector<Value *> Slots(FR.Sites.size(), nullptr);
    for (unsigned I = 0, N = 0, E = FR.Sites.size(); I != E; ++I)
      if (D[I].Where != Placement::Heap)
        Slots[I] = Made[N++];
    return Slots;
  };
  if (!canVersionForStack(*FR.F, MaxVersionSize, Moved)) {
    GuardedSlots G = emitGuardedSlots(*FR.F, Sizes);
    return Rewriter(FR, D).run(G.Room, BySite(G.Slots));
  }
  ValueToValueMapTy VMap;
  StackVersions V = versionForStack(*FR.F, slotBytesNeeded(Sizes), VMap);
  // The heap body keeps every call: for the moved sites, the fallback.
  for (unsigned I = 0, E = FR.Sites.size(); I != E; ++I)
    if (D[I].Where != Placement::Heap)
      FR.Sites[I].Call->setMetadata(FallbackMD,
                                    MDNode::get(FR.F->getContext(), {}));
  // The stack body gets the slots.
  FR.F = V.Stack;
  for (SiteVerdict &S : FR.Sites)
    S.Call = cast_or_null<CallBase>(S.Call ? VMap[S.Call] : nullptr);
  for (FreeCall &Free : FR.Frees)
    Free.Call = cast<CallBase>(VMap[Free.Call]);
  // The stack body's slots: allocas at the top of its entry, its frame.
  BasicBlock &Entry = V.Stack->getEntryBlock();
  IRBuilder<> B(&Entry, Entry.begin());
  return Rewriter(FR, D).run(nullptr, BySite(emitSlotAllocas(B, Sizes)));
}

} // namespace escape
