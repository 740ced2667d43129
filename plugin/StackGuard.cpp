//===-- StackGuard.cpp - Moved objects only while the stack has room ------===//
#include "StackGuard.h"
#include "MainStackBounds.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/TargetParser/Triple.h"

using namespace llvm;

namespace escape {

static constexpr const char *LimitsName = "__escape_stack_limits";
static constexpr const char *SlowPathName = "__escape_stack_room_slow";

// One definition per program (per shared object: hidden), whichever module
// brings it.
static void shareAcrossModules(GlobalObject &GO) {
  Module &M = *GO.getParent();
  GO.setVisibility(GlobalValue::HiddenVisibility);
  GO.setDSOLocal(true);
  if (Triple(M.getTargetTriple()).supportsCOMDAT())
    GO.setComdat(M.getOrInsertComdat(GO.getName()));
}

Function *moduleHelper(Module &M, StringRef Name, FunctionType *Ty,
                       bool &Fresh) {
  Function *F = M.getFunction(Name);
  Fresh = !F || F->isDeclaration();
  if (!Fresh)
    return F;
  if (F && F->getFunctionType() == Ty) { // the program calls it (tests)
    F->setLinkage(GlobalValue::LinkOnceODRLinkage);
    F->setSubprogram(nullptr); // clang's -g describes the declaration only
  } else { // a name of the same spelling with another type gets renamed
    F = Function::Create(Ty, GlobalValue::LinkOnceODRLinkage, Name, M);
  }
  shareAcrossModules(*F);
  F->addFnAttr(Attribute::NoInline);
  F->addFnAttr(Attribute::NoUnwind);
  return F;
}

// [base, span] of the running thread; zero before its first check.
static GlobalVariable *stackLimits(Module &M) {
  Type *Word = M.getDataLayout().getIntPtrType(M.getContext());
  auto *Ty = ArrayType::get(Word, 2);
  if (GlobalVariable *GV = M.getNamedGlobal(LimitsName)) {
    if (GV->isDeclaration() && GV->getValueType() == Ty &&
        GV->isThreadLocal()) { // the program reads them (tests, debuggers)
      GV->setInitializer(Constant::getNullValue(Ty));
      GV->setLinkage(GlobalValue::LinkOnceODRLinkage);
      shareAcrossModules(*GV);
    }
    return GV;
  }
  auto *GV = new GlobalVariable(M, Ty, /*isConstant=*/false,
                                GlobalValue::LinkOnceODRLinkage,
                                Constant::getNullValue(Ty), LimitsName, nullptr,
                                GlobalValue::GeneralDynamicTLSModel);
  shareAcrossModules(*GV);
  return GV;
}

// (sp - need - base) <u span: the stack has room for need bytes below sp,
// and sp lies in the thread's stack.
static Value *roomBelow(IRBuilder<> &B, GlobalVariable *LimitsVar,
                        Value *Limits, Value *SP, Value *Need,
                        const Twine &Prefix, const Twine &Name) {
  Type *Word = SP->getType();
  Value *Base = B.CreateLoad(Word, Limits, Prefix + "base");
  Value *Span = B.CreateLoad(
      Word, B.CreateConstGEP2_32(LimitsVar->getValueType(), Limits, 0, 1),
      Prefix + "span");
  return B.CreateICmpULT(B.CreateSub(B.CreateSub(SP, Need), Base), Span, Name);
}

// bool __escape_stack_room_slow(uintptr_t sp, uintptr_t need): the first
// check of a thread computes its limits; later ones land here only when the
// fast check failed, and repeat it.
static Function *slowPath(Module &M) {
  LLVMContext &Ctx = M.getContext();
  Type *Word = M.getDataLayout().getIntPtrType(Ctx);
  Type *I32 = Type::getInt32Ty(Ctx);
  Type *Ptr = PointerType::getUnqual(Ctx);
  auto *Ty = FunctionType::get(Type::getInt1Ty(Ctx), {Word, Word}, false);
  bool Fresh;
  Function *F = moduleHelper(M, SlowPathName, Ty, Fresh);
  if (!Fresh)
    return F;
  F->addFnAttr(Attribute::Cold);
  // Its system calls write the read buffer behind a sanitizer's back.
  F->addFnAttr(Attribute::DisableSanitizerInstrumentation);
  Argument *SP = F->getArg(0), *Need = F->getArg(1);
  SP->setName("sp");
  Need->setName("need");

  auto *Entry = BasicBlock::Create(Ctx, "entry", F);
  auto *Init = BasicBlock::Create(Ctx, "init", F);
  auto *Thread = BasicBlock::Create(Ctx, "thread", F);
  auto *Known = BasicBlock::Create(Ctx, "known", F);
  auto *Bounds = BasicBlock::Create(Ctx, "bounds", F);
  auto *Store = BasicBlock::Create(Ctx, "store", F);
  auto *Unknown = BasicBlock::Create(Ctx, "unknown", F);
  auto *Check = BasicBlock::Create(Ctx, "check", F);

  IRBuilder<> B(Entry);
  // pthread_attr_t is 56 bytes on x86-64 glibc, 64 on AArch64; the main
  // thread's reader reads /proc/self/maps into the same bytes.
  AllocaInst *Attr =
      B.CreateAlloca(ArrayType::get(B.getInt8Ty(), 128), nullptr, "attr");
  Attr->setAlignment(Align(16));
  AllocaInst *Lo = B.CreateAlloca(Ptr, nullptr, "lo");
  AllocaInst *Size = B.CreateAlloca(Word, nullptr, "size");
  AllocaInst *RLimit =
      B.CreateAlloca(ArrayType::get(Word, 2), nullptr, "rlimit.buf");
  GlobalVariable *LimitsVar = stackLimits(M);
  Value *Limits = B.CreateThreadLocalAddress(LimitsVar);
  Value *SpanAddr = B.CreateConstGEP2_32(LimitsVar->getValueType(), Limits, 0,
                                         1, "span.addr");
  Value *Base = B.CreateLoad(Word, Limits, "base");
  B.CreateCondBr(B.CreateICmpEQ(Base, ConstantInt::get(Word, 0)), Init, Check);

  B.SetInsertPoint(Bounds);
  PHINode *LoInt = B.CreatePHI(Word, 2, "lo.int");
  PHINode *Bytes = B.CreatePHI(Word, 2, "bytes");

  // The main thread's bounds without a heap allocation (MainStackBounds.h),
  // anything else from the thread library.
  B.SetInsertPoint(Init);
  emitMainStackBounds(B, {Attr, 128, RLimit}, SP, Bounds, LoInt, Bytes,
                      Thread);

  B.SetInsertPoint(Thread);
  FunctionCallee Self =
      M.getOrInsertFunction("pthread_self", FunctionType::get(Word, false));
  FunctionCallee GetAttr = M.getOrInsertFunction(
      "pthread_getattr_np", FunctionType::get(I32, {Word, Ptr}, false));
  Value *Rc = B.CreateCall(GetAttr, {B.CreateCall(Self), Attr});
  B.CreateCondBr(B.CreateICmpEQ(Rc, B.getInt32(0)), Known, Unknown);

  B.SetInsertPoint(Known);
  FunctionCallee GetStack = M.getOrInsertFunction(
      "pthread_attr_getstack", FunctionType::get(I32, {Ptr, Ptr, Ptr}, false));
  FunctionCallee Destroy = M.getOrInsertFunction(
      "pthread_attr_destroy", FunctionType::get(I32, {Ptr}, false));
  B.CreateStore(ConstantInt::get(Word, 0), Size);
  B.CreateCall(GetStack, {Attr, Lo, Size});
  B.CreateCall(Destroy, {Attr});
  LoInt->addIncoming(B.CreatePtrToInt(B.CreateLoad(Ptr, Lo), Word), Known);
  Bytes->addIncoming(B.CreateLoad(Word, Size), Known);
  B.CreateBr(Bounds);

  B.SetInsertPoint(Bounds);
  Value *Quarter = B.CreateLShr(Bytes, 2);
  Value *Floor = ConstantInt::get(Word, MinStackReserve);
  Value *Reserve = B.CreateSelect(B.CreateICmpUGT(Quarter, Floor), Quarter,
                                  Floor, "reserve");
  B.CreateCondBr(B.CreateICmpUGT(Bytes, Reserve), Store, Unknown);

  B.SetInsertPoint(Store);
  B.CreateStore(B.CreateAdd(LoInt, Reserve), Limits);
  B.CreateStore(B.CreateSub(Bytes, Reserve), SpanAddr);
  B.CreateBr(Check);

  // No usable bounds: a base that is not zero (no second try) and an empty
  // span (never room).
  B.SetInsertPoint(Unknown);
  B.CreateStore(Constant::getAllOnesValue(Word), Limits);
  B.CreateStore(ConstantInt::get(Word, 0), SpanAddr);
  B.CreateBr(Check);

  B.SetInsertPoint(Check);
  B.CreateRet(roomBelow(B, LimitsVar, Limits, SP, Need, "", "room"));
  return F;
}

uint64_t slotBytesNeeded(ArrayRef<std::pair<uint64_t, uint64_t>> Slots) {
  uint64_t Need = 0, MaxAlign = 1;
  for (auto [Bytes, Alignment] : Slots) {
    Need += alignTo(Bytes, Alignment);
    MaxAlign = std::max(MaxAlign, Alignment);
  }
  return Need + MaxAlign; // the realignment of the first one
}

BasicBlock *splitAfterStaticAllocas(Function &F, const Twine &RestName) {
  BasicBlock &Entry = F.getEntryBlock();
  Instruction *At = &*Entry.getFirstNonPHIOrDbgOrAlloca();
  // Fixed-size allocas further down stay in the entry block, static.
  for (Instruction &I :
       make_early_inc_range(make_range(At->getIterator(), Entry.end())))
    if (auto *AI = dyn_cast<AllocaInst>(&I))
      if (isa<Constant>(AI->getArraySize()))
        AI->moveBefore(Entry, At->getIterator());
  BasicBlock *Rest = Entry.splitBasicBlock(At->getIterator(), RestName);
  Entry.getTerminator()->eraseFromParent();
  return Rest;
}

Value *emitStackPointer(IRBuilder<> &B) {
  const DataLayout &DL = B.GetInsertBlock()->getModule()->getDataLayout();
  return B.CreatePtrToInt(B.CreateStackSave("escape.sp"),
                          DL.getIntPtrType(B.getContext()));
}

RoomCheck emitRoomCheck(IRBuilder<> &B, uint64_t Need) {
  Module &M = *B.GetInsertBlock()->getModule();
  GlobalVariable *LimitsVar = stackLimits(M);
  RoomCheck C;
  C.SP = emitStackPointer(B);
  Value *Limits = B.CreateThreadLocalAddress(LimitsVar);
  C.Need = ConstantInt::get(C.SP->getType(), Need);
  C.Fast = roomBelow(B, LimitsVar, Limits, C.SP, C.Need, "escape.",
                     "escape.room.fast");
  return C;
}

Value *emitLimitsUnknown(IRBuilder<> &B) {
  Module &M = *B.GetInsertBlock()->getModule();
  Type *Word = M.getDataLayout().getIntPtrType(M.getContext());
  Value *Limits = B.CreateThreadLocalAddress(stackLimits(M));
  Value *Base = B.CreateLoad(Word, Limits, "escape.base");
  return B.CreateICmpEQ(Base, ConstantInt::get(Word, 0), "escape.unknown");
}

Value *emitRoomSlowCall(IRBuilder<> &B, Value *SP, Value *Need) {
  return B.CreateCall(slowPath(*B.GetInsertBlock()->getModule()), {SP, Need});
}

MDNode *roomIsLikely(LLVMContext &Ctx) {
  return MDBuilder(Ctx).createBranchWeights(1 << 20, 1);
}

std::vector<AllocaInst *>
emitSlotAllocas(IRBuilder<> &B,
                ArrayRef<std::pair<uint64_t, uint64_t>> Slots) {
  std::vector<AllocaInst *> Allocas;
  for (auto [Bytes, Alignment] : Slots) {
    AllocaInst *AI = B.CreateAlloca(ArrayType::get(B.getInt8Ty(), Bytes),
                                    nullptr, "escape.slot");
    AI->setAlignment(Align(Alignment));
    Allocas.push_back(AI);
  }
  return Allocas;
}

GuardedSlots emitGuardedSlots(Function &F,
                              ArrayRef<std::pair<uint64_t, uint64_t>> Slots) {
  LLVMContext &Ctx = F.getContext();
  BasicBlock &Entry = F.getEntryBlock();
  // entry:  br (sp - need - base) <u span, slots, slow
  // slow:   br slow_path(sp, need), slots, join
  // slots:  the allocas; br join
  // join:   room and each slot (null without room)
  BasicBlock *Join = splitAfterStaticAllocas(F, "escape.join");
  auto *Slow = BasicBlock::Create(Ctx, "escape.slow", &F, Join);
  auto *SlotBB = BasicBlock::Create(Ctx, "escape.slots", &F, Join);
  IRBuilder<> B(&Entry);
  RoomCheck Check = emitRoomCheck(B, slotBytesNeeded(Slots));
  B.CreateCondBr(Check.Fast, SlotBB, Slow, roomIsLikely(Ctx));

  B.SetInsertPoint(Slow);
  B.CreateCondBr(emitRoomSlowCall(B, Check.SP, Check.Need), SlotBB, Join);

  GuardedSlots G;
  B.SetInsertPoint(SlotBB);
  std::vector<AllocaInst *> Allocas = emitSlotAllocas(B, Slots);
  B.CreateBr(Join);

  B.SetInsertPoint(Join, Join->begin());
  G.Room = B.CreatePHI(B.getInt1Ty(), 2, "escape.room");
  G.Room->addIncoming(B.getTrue(), SlotBB);
  G.Room->addIncoming(B.getFalse(), Slow);
  auto *Null = ConstantPointerNull::get(PointerType::getUnqual(Ctx));
  for (AllocaInst *AI : Allocas) {
    PHINode *P = B.CreatePHI(AI->getType(), 2, "escape.slot.p");
    P->addIncoming(AI, SlotBB);
    P->addIncoming(Null, Slow);
    G.Slots.push_back(P);
  }
  return G;
}

} // namespace escape
