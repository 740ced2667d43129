//===-- SizeClassLowering.cpp - Heap calls to libescrt's size classes -----===//
#include "SizeClassLowering.h"
#include "HeapCalls.h"
#include "Options.h"
#include "Remarks.h"

#include "llvm/Analysis/BlockFrequencyInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace escape {

static const uint32_t ClassBytes[] = {
    0,
#define ESCRT_SIZE_CLASS(Class, ObjectSize, SpanPages) ObjectSize,
#include "escape/SizeClasses.def"
};
static constexpr unsigned NumClasses = std::size(ClassBytes);
// malloc(n) looks its class up in a table up to this size (Go's and
// libescrt's first lookup table ends there too).
static constexpr uint64_t VariableSizeLimit = 1024;
// The 24-byte class is only 8-aligned; malloc never picks it.
static constexpr unsigned Class24Align8 = 3;

unsigned sizeClassFor(uint64_t Bytes) {
  if (Bytes == 0)
    return 0;
  for (unsigned C = 1; C != NumClasses; ++C)
    if (C != Class24Align8 && ClassBytes[C] >= Bytes)
      return C;
  return 0;
}

uint64_t sizeClassBytes(unsigned Class) {
  return Class < NumClasses ? ClassBytes[Class] : 0;
}

namespace {

// libescrt's struct escrt_bin (escrt.h; runtime/src/api.c asserts it):
// a thread's free stack of one class.
enum BinField : uint64_t {
  BinTop = 0,      // void **: next free slot
  BinEmpty = 8,    // void **: top == empty: nothing to pop
  BinFull = 16,    // void **: top == full: no room to push
  BinNMalloc = 24, // uint32_t: pops since the last heartbeat
  BinBeat = 28,    // uint32_t: pushes until the heartbeat
  BinSize = 32,
};

// libescrt's escrt_region and escrt_class_slot (escrt.h; api.c asserts
// them): the page table free reads an object's class from.
enum RegionField : uint64_t {
  RegionBase = 0,  // uintptr_t: the region's first address
  RegionBytes = 8, // uintptr_t: its length, 0 before it is reserved
  RegionPages = 16, // uint32_t *: per page, its offset in its span plus
                    // BinSize times the span's class
};
static constexpr uint64_t PageShift = 13;
// The class's byte in a page's entry, at BinSize times the class.
static constexpr uint64_t PageClassMask = 0xff * BinSize;
// escrt_slot_test, BinSize bytes a class: its divisor and limit (then the
// object size and a pad, which the inline free does not read).
enum SlotTestField : uint64_t { SlotDivisor = 0, SlotLimit = 8 };

class Lowering {
public:
  Lowering(Module &M);
  /// False when the program uses libescrt's names for something else.
  bool ready() const {
    return Bins && MallocClass && FreeClass && Heartbeat && Region &&
           SlotTests;
  }
  /// True when it changed F.
  bool lowerFunction(Function &F, const TargetLibraryInfo &TLI,
                     function_ref<const DominatorTree &()> GetDT,
                     function_ref<const BlockFrequencyInfo &()> GetBFI,
                     RemarkSink &Out);

private:
  Value *binOf(IRBuilder<> &B, Value *Class);
  Value *binAt(IRBuilder<> &B, Value *Offset);
  Value *field(IRBuilder<> &B, Value *Base, uint64_t Offset);
  Value *popFrom(IRBuilder<> &B, Value *Bin, Value *Top);
  PHINode *joinResult(CallBase &CB, BasicBlock *Tail, Value *Popped,
                      BasicBlock *Pop, Value *FromSlowPath, BasicBlock *Slow);
  PHINode *lowerAllocation(CallBase &CB, HeapFn K, unsigned Class,
                           uint64_t Bytes);
  Value *callAllocation(CallBase &CB, HeapFn K, unsigned Class,
                        uint64_t Bytes);
  void lowerVariableMalloc(CallBase &CB);
  GlobalVariable *classBy8(Module &M);
  void emitPush(IRBuilder<> &B, Value *P, Value *BinOffset, Value *Fits,
                BasicBlock *Done, BasicBlock *Slow);
  void lowerFree(CallBase &Free, unsigned Class, bool MayBeNull);
  void lowerAnyFree(CallBase &Free);
  void callFree(CallBase &Free, unsigned Class);
  std::optional<unsigned> classOfOperand(Value *P) const;

  LLVMContext &Ctx;
  Type *PtrTy, *SizeTy, *Int32Ty, *Int8Ty;
  GlobalVariable *Bins = nullptr;
  GlobalVariable *Region = nullptr, *SlotTests = nullptr;
  GlobalVariable *By8 = nullptr; // the class of n <= 1024 by (n + 7) / 8
  Function *MallocClass = nullptr, *FreeClass = nullptr, *Heartbeat = nullptr;
  MDNode *Likely;
  // The result of every lowered allocation, and its class.
  DenseMap<const Value *, unsigned> Lowered;
};

} // namespace

// libescrt's data the inline paths read: the program's own declaration of
// it (escrt.h's), else a new one; null when the program defines the name.
static GlobalVariable *declareData(Module &M, StringRef Name, Type *Ty) {
  if (GlobalVariable *G = M.getNamedGlobal(Name))
    return G->isDeclaration() && !G->isThreadLocal() ? G : nullptr;
  if (M.getNamedValue(Name))
    return nullptr;
  return new GlobalVariable(M, Ty, /*isConstant=*/false,
                            GlobalValue::ExternalLinkage, nullptr, Name);
}

// Splits CB's block at CB: CB starts the returned tail, and the head is
// left without a terminator, for the caller's branch into its new blocks.
static BasicBlock *splitBefore(CallBase &CB, const Twine &TailName) {
  BasicBlock *Head = CB.getParent();
  BasicBlock *Tail = Head->splitBasicBlock(&CB, TailName);
  Head->getTerminator()->eraseFromParent();
  return Tail;
}

// The slow paths are malloc-family functions to LLVM, as malloc and free
// are: what reasons about allocations keeps reasoning about these.
static Function *declareEntryPoint(Module &M, StringRef Name,
                                   FunctionType *Ty) {
  Function *F = M.getFunction(Name);
  if (F && (F->getFunctionType() != Ty || !F->isDeclaration()))
    return nullptr;
  if (!F)
    F = Function::Create(Ty, GlobalValue::ExternalLinkage, Name, M);
  F->addFnAttr(Attribute::NoUnwind);
  F->addFnAttr("alloc-family", "malloc");
  return F;
}

Lowering::Lowering(Module &M)
    : Ctx(M.getContext()), PtrTy(PointerType::getUnqual(Ctx)),
      SizeTy(M.getDataLayout().getIntPtrType(Ctx)),
      Int32Ty(Type::getInt32Ty(Ctx)), Int8Ty(Type::getInt8Ty(Ctx)),
      Likely(MDBuilder(Ctx).createBranchWeights(2000, 1)) {
  Bins = M.getNamedGlobal("escrt_thread_bins");
  if (!Bins)
    Bins = new GlobalVariable(M, PtrTy, /*isConstant=*/false,
                              GlobalValue::ExternalLinkage, nullptr,
                              "escrt_thread_bins", nullptr,
                              GlobalValue::InitialExecTLSModel);
  else if (!Bins->isThreadLocal() || Bins->getValueType() != PtrTy)
    Bins = nullptr;

  Region = declareData(M, "escrt_region",
                       StructType::get(SizeTy, SizeTy, PtrTy));
  Type *Int64Ty = Type::getInt64Ty(Ctx);
  SlotTests = declareData(
      M, "escrt_class_slot",
      ArrayType::get(StructType::get(Int64Ty, Int64Ty, Int64Ty, Int64Ty),
                     NumClasses));

  MallocClass = declareEntryPoint(
      M, "escrt_malloc_class",
      FunctionType::get(PtrTy, {SizeTy, Int32Ty}, false));
  if (MallocClass) {
    MallocClass->addFnAttrs(AttrBuilder(Ctx).addAllocKindAttr(
        AllocFnKind::Alloc | AllocFnKind::Uninitialized));
    MallocClass->addFnAttr(Attribute::getWithAllocSizeArgs(Ctx, 0, {}));
    MallocClass->addRetAttr(Attribute::NoAlias);
  }
  FreeClass = declareEntryPoint(
      M, "escrt_free_class",
      FunctionType::get(Type::getVoidTy(Ctx), {PtrTy, Int32Ty}, false));
  if (FreeClass) {
    FreeClass->addFnAttrs(AttrBuilder(Ctx).addAllocKindAttr(AllocFnKind::Free));
    FreeClass->addParamAttr(0, Attribute::AllocatedPointer);
  }
  auto *HeartbeatTy = FunctionType::get(Type::getVoidTy(Ctx), {Int32Ty}, false);
  Heartbeat = M.getFunction("escrt_class_heartbeat");
  if (!Heartbeat)
    Heartbeat = Function::Create(HeartbeatTy, GlobalValue::ExternalLinkage,
                                 "escrt_class_heartbeat", M);
  else if (Heartbeat->getFunctionType() != HeartbeatTy ||
           !Heartbeat->isDeclaration())
    Heartbeat = nullptr;
  if (Heartbeat)
    Heartbeat->addFnAttr(Attribute::NoUnwind);
}

// The calling thread's stack of Class (an intptr-sized value).
Value *Lowering::binOf(IRBuilder<> &B, Value *Class) {
  return binAt(B, B.CreateShl(Class, Log2_64(BinSize)));
}

// The calling thread's stack at byte Offset of its stacks (BinSize times
// the class).
Value *Lowering::binAt(IRBuilder<> &B, Value *Offset) {
  Value *Stacks = B.CreateLoad(PtrTy, B.CreateThreadLocalAddress(Bins),
                               "escrt.bins");
  return B.CreateInBoundsGEP(Int8Ty, Stacks, Offset, "escrt.bin");
}

Value *Lowering::field(IRBuilder<> &B, Value *Base, uint64_t Offset) {
  return Offset ? B.CreateConstInBoundsGEP1_64(Int8Ty, Base, Offset) : Base;
}

// *--top, counted as a pop of the stack.
Value *Lowering::popFrom(IRBuilder<> &B, Value *Bin, Value *Top) {
  Value *NewTop = B.CreateConstInBoundsGEP1_64(PtrTy, Top, -1);
  B.CreateStore(NewTop, Bin);
  Value *Pops = field(B, Bin, BinNMalloc);
  B.CreateStore(B.CreateAdd(B.CreateLoad(Int32Ty, Pops), B.getInt32(1)), Pops);
  return B.CreateLoad(PtrTy, NewTop, "escrt.object");
}

// The object at the start of \p Tail, from the pop or the slow path; it
// takes the allocation's uses and its name (what remarks and the IR call it).
PHINode *Lowering::joinResult(CallBase &CB, BasicBlock *Tail, Value *Popped,
                              BasicBlock *Pop, Value *FromSlowPath,
                              BasicBlock *Slow) {
  IRBuilder<> B(Tail, Tail->begin());
  PHINode *P = B.CreatePHI(PtrTy, 2);
  P->takeName(&CB);
  CB.replaceAllUsesWith(P);
  P->addIncoming(Popped, Pop);
  P->addIncoming(FromSlowPath, Slow);
  return P;
}

// p = top != empty ? *--top : <slow>, where slow is escrt_malloc_class(n,
// class), or for calloc the call itself (it picks the same class and
// zeroes); a popped calloc object is zeroed here.
PHINode *Lowering::lowerAllocation(CallBase &CB, HeapFn K, unsigned Class,
                                   uint64_t Bytes) {
  BasicBlock *Head = CB.getParent();
  Function &F = *Head->getParent();
  BasicBlock *Tail = splitBefore(CB, "escrt.join");
  auto *Pop = BasicBlock::Create(Ctx, "escrt.pop", &F, Tail);
  auto *Slow = BasicBlock::Create(Ctx, "escrt.malloc.slow", &F, Tail);

  IRBuilder<> B(Head);
  B.SetCurrentDebugLocation(CB.getDebugLoc());
  Value *Bin = binOf(B, ConstantInt::get(SizeTy, Class));
  Value *Top = B.CreateLoad(PtrTy, Bin, "escrt.top");
  Value *Empty = B.CreateLoad(PtrTy, field(B, Bin, BinEmpty), "escrt.empty");
  B.CreateCondBr(B.CreateICmpNE(Top, Empty), Pop, Slow, Likely);

  B.SetInsertPoint(Pop);
  Value *Object = popFrom(B, Bin, Top);
  if (K == HeapFn::Calloc) // class 1 (8 bytes) is the one 8-aligned class
    B.CreateMemSet(Object, B.getInt8(0), Bytes, Align(Class == 1 ? 8 : 16));
  B.CreateBr(Tail);

  B.SetInsertPoint(Slow);
  Value *FromSlowPath;
  if (K == HeapFn::Calloc) {
    FromSlowPath = &CB;
    CB.moveBefore(*Slow, Slow->end());
  } else {
    FromSlowPath = B.CreateCall(
        MallocClass, {ConstantInt::get(SizeTy, Bytes), B.getInt32(Class)});
  }
  B.CreateBr(Tail);

  PHINode *P = joinResult(CB, Tail, Object, Pop, FromSlowPath, Slow);
  if (K != HeapFn::Calloc)
    CB.eraseFromParent();
  return P;
}

// if (Fits && top != full && top[-1] != p) { *top++ = p; if (--beat == 0)
// escrt_class_heartbeat(class); goto Done; } else goto Slow; at the end of
// B's block, its blocks placed before Slow. The stack is the one at byte
// BinOffset of the thread's stacks, BinSize times the class; Fits is the
// caller's own test (null: none). Every stack has a readable slot below its
// top, the empty cache's too (escrt.h), so the tests are one block and one
// branch: blocks are what the compile time of a lowered free is spent on.
// The count down is escrt.h's inline free: a decrement and a branch after
// the push (one instruction on memory and a jump), the heartbeat (and the
// class it needs) out of line.
void Lowering::emitPush(IRBuilder<> &B, Value *P, Value *BinOffset,
                        Value *Fits, BasicBlock *Done, BasicBlock *Slow) {
  Function &F = *B.GetInsertBlock()->getParent();
  auto *Push = BasicBlock::Create(Ctx, "escrt.push", &F, Slow);
  auto *Beat = BasicBlock::Create(Ctx, "escrt.heartbeat", &F, Slow);

  Value *Bin = binAt(B, BinOffset);
  Value *Top = B.CreateLoad(PtrTy, Bin, "escrt.top");
  Value *Full = B.CreateLoad(PtrTy, field(B, Bin, BinFull), "escrt.full");
  // The object freed last again is a double free: the slow path reports it.
  Value *Last = B.CreateLoad(PtrTy, B.CreateConstInBoundsGEP1_64(PtrTy, Top, -1),
                             "escrt.last");
  Value *Room = B.CreateAnd(B.CreateICmpNE(Top, Full), B.CreateICmpNE(Last, P));
  if (Fits)
    Room = B.CreateAnd(Fits, Room);
  B.CreateCondBr(Room, Push, Slow, Likely);

  B.SetInsertPoint(Push);
  B.CreateStore(P, Top);
  B.CreateStore(B.CreateConstInBoundsGEP1_64(PtrTy, Top, 1), Bin);
  Value *BeatAddr = field(B, Bin, BinBeat);
  Value *Left = B.CreateSub(B.CreateLoad(Int32Ty, BeatAddr, "escrt.beat"),
                            B.getInt32(1));
  B.CreateStore(Left, BeatAddr);
  B.CreateCondBr(B.CreateICmpNE(Left, B.getInt32(0)), Done, Beat, Likely);

  B.SetInsertPoint(Beat);
  B.CreateCall(Heartbeat, {B.CreateTrunc(
                              B.CreateLShr(BinOffset, Log2_64(BinSize)),
                              Int32Ty)});
  B.CreateBr(Done);
}

// if (p) <push on the stack of Class, else escrt_free_class(p, class)>,
// without the test of p when the program has shown it is not null (it wrote
// through it, or tested it).
void Lowering::lowerFree(CallBase &Free, unsigned Class, bool MayBeNull) {
  BasicBlock *Head = Free.getParent();
  Function &F = *Head->getParent();
  Value *P = Free.getArgOperand(0);
  BasicBlock *Tail = splitBefore(Free, "escrt.freed");
  auto *HasRoom = BasicBlock::Create(Ctx, "escrt.free", &F, Tail);
  auto *Slow = BasicBlock::Create(Ctx, "escrt.free.slow", &F, Tail);

  IRBuilder<> B(Head);
  B.SetCurrentDebugLocation(Free.getDebugLoc());
  if (MayBeNull)
    B.CreateCondBr(B.CreateIsNotNull(P), HasRoom, Tail, Likely);
  else
    B.CreateBr(HasRoom);

  B.SetInsertPoint(HasRoom);
  Value *BinOffset = ConstantInt::get(SizeTy, Class * BinSize);
  emitPush(B, P, BinOffset, /*Fits=*/nullptr, Tail, Slow);

  B.SetInsertPoint(Slow);
  B.CreateCall(FreeClass, {P, B.getInt32(Class)});
  B.CreateBr(Tail);
  Free.eraseFromParent();
}

// free(p) of an object whose class the compiler does not know: libescrt's
// own fast path, inline. The region's page table gives the class of p's
// page and p's offset in its span, the slot test checks that p starts an
// object, then p goes on the stack of that class as above. Everything else
// calls free itself, which finishes it or reports it: an address outside
// the region (another allocator's object, a large one, any address before
// libescrt reserved the region), an address that does not start an object,
// a full stack (the static empty one of a thread without a cache, or of a
// process whose malloc is not libescrt), the object freed last. NULL lands
// outside the region and is tested only there (programs free NULL often:
// half a million times in bench/e2e's json), so freeing an object pays
// nothing for it.
void Lowering::lowerAnyFree(CallBase &Free) {
  BasicBlock *Head = Free.getParent();
  Function &F = *Head->getParent();
  Value *P = Free.getArgOperand(0);
  BasicBlock *Tail = splitBefore(Free, "escrt.freed");
  auto *Page = BasicBlock::Create(Ctx, "escrt.page", &F, Tail);
  auto *Slow = BasicBlock::Create(Ctx, "escrt.free.slow", &F, Tail);
  auto *Outside = BasicBlock::Create(Ctx, "escrt.outside"); // after the push

  IRBuilder<> B(Head);
  B.SetCurrentDebugLocation(Free.getDebugLoc());
  Value *Base = B.CreateLoad(SizeTy, field(B, Region, RegionBase));
  Value *Off = B.CreateSub(B.CreatePtrToInt(P, SizeTy), Base, "escrt.off");
  Value *Bytes = B.CreateLoad(SizeTy, field(B, Region, RegionBytes));
  B.CreateCondBr(B.CreateICmpULT(Off, Bytes), Page, Outside, Likely);

  B.SetInsertPoint(Page);
  Value *Pages = B.CreateLoad(PtrTy, field(B, Region, RegionPages));
  Value *Info = B.CreateZExt(
      B.CreateLoad(Int32Ty,
                   B.CreateInBoundsGEP(Int32Ty, Pages,
                                       B.CreateLShr(Off, PageShift)),
                   "escrt.page.info"),
      SizeTy);
  // BinSize times the class: the offset of its slot test and of its stack.
  Value *At = B.CreateAnd(Info, PageClassMask, "escrt.cls.at");
  Value *InSpan = B.CreateAdd(B.CreateAnd(Off, (1 << PageShift) - 1),
                              B.CreateXor(Info, At), "escrt.in.span");
  Value *Test = B.CreateInBoundsGEP(Int8Ty, SlotTests, At);
  Type *Int64Ty = B.getInt64Ty();
  Value *Divisor = B.CreateLoad(Int64Ty, field(B, Test, SlotDivisor));
  Value *Limit = B.CreateLoad(Int64Ty, field(B, Test, SlotLimit));
  Value *IsSlot =
      B.CreateICmpULT(B.CreateMul(InSpan, Divisor), Limit, "escrt.is.slot");
  emitPush(B, P, At, IsSlot, Tail, Slow);

  Outside->insertInto(&F, Slow);
  B.SetInsertPoint(Outside);
  B.CreateCondBr(B.CreateIsNull(P), Tail, Slow);

  Free.moveBefore(*Slow, Slow->end());
  B.SetInsertPoint(Slow);
  B.CreateBr(Tail);
}

// The class of n bytes for n <= 1024, by (n + 7) / 8: every class boundary
// up to 1024 is a multiple of 8, so the class of 8 * i is the class of every
// n that rounds up to it. Private to the module, 129 bytes.
GlobalVariable *Lowering::classBy8(Module &M) {
  if (By8)
    return By8;
  SmallVector<uint8_t, 129> Table;
  for (uint64_t I = 0; I <= VariableSizeLimit / 8; ++I)
    Table.push_back(sizeClassFor(std::max<uint64_t>(1, I * 8)));
  Constant *Init = ConstantDataArray::get(Ctx, Table);
  By8 = new GlobalVariable(M, Init->getType(), /*isConstant=*/true,
                           GlobalValue::PrivateLinkage, Init,
                           "escrt.class_by8");
  By8->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
  return By8;
}

// malloc(n) of a size only known at run time: when 1 <= n <= 1024, the pop
// of n's class; else, or when that stack is empty, the call itself. The
// class is the one malloc(n) would use, so any free may get the object.
// Larger sizes look up entry 0 (class 1), whose stack is read but not
// popped: one block of tests and one branch, as for the free.
void Lowering::lowerVariableMalloc(CallBase &CB) {
  BasicBlock *Head = CB.getParent();
  Function &F = *Head->getParent();
  Value *N = CB.getArgOperand(0);
  BasicBlock *Tail = splitBefore(CB, "escrt.join");
  auto *Pop = BasicBlock::Create(Ctx, "escrt.pop", &F, Tail);
  auto *Slow = BasicBlock::Create(Ctx, "escrt.malloc.slow", &F, Tail);

  IRBuilder<> B(Head);
  B.SetCurrentDebugLocation(CB.getDebugLoc());
  Value *Small = B.CreateICmpULE(B.CreateSub(N, ConstantInt::get(SizeTy, 1)),
                                 ConstantInt::get(SizeTy, VariableSizeLimit - 1),
                                 "escrt.small");
  Value *Index = B.CreateSelect(
      Small, B.CreateLShr(B.CreateAdd(N, ConstantInt::get(SizeTy, 7)), 3),
      ConstantInt::get(SizeTy, 0));
  Value *Class = B.CreateZExt(
      B.CreateLoad(Int8Ty, B.CreateInBoundsGEP(Int8Ty, classBy8(*F.getParent()),
                                               Index)),
      SizeTy, "escrt.cls");
  Value *Bin = binOf(B, Class);
  Value *Top = B.CreateLoad(PtrTy, Bin, "escrt.top");
  Value *Empty = B.CreateLoad(PtrTy, field(B, Bin, BinEmpty), "escrt.empty");
  B.CreateCondBr(B.CreateAnd(Small, B.CreateICmpNE(Top, Empty)), Pop, Slow,
                 Likely);

  B.SetInsertPoint(Pop);
  Value *Object = popFrom(B, Bin, Top);
  B.CreateBr(Tail);

  CB.moveBefore(*Slow, Slow->end());
  B.SetInsertPoint(Slow);
  B.CreateBr(Tail);
  joinResult(CB, Tail, Object, Pop, &CB, Slow);
}

// The class of every object the pointer can be, when they are all lowered
// allocations of one class reaching it through phis, selects and casts;
// anything else (a load, an argument, a call, a stack slot) may be from
// elsewhere, and the free stays plain.
std::optional<unsigned> Lowering::classOfOperand(Value *P) const {
  std::optional<unsigned> Class;
  SmallVector<Value *, 4> Work{P};
  SmallPtrSet<Value *, 8> Seen;
  while (!Work.empty()) {
    Value *V = Work.pop_back_val()->stripPointerCasts();
    if (!Seen.insert(V).second)
      continue;
    auto It = Lowered.find(V);
    if (It != Lowered.end()) {
      if (Class && *Class != It->second)
        return std::nullopt;
      Class = It->second;
    } else if (auto *Phi = dyn_cast<PHINode>(V)) {
      append_range(Work, Phi->incoming_values());
    } else if (auto *Sel = dyn_cast<SelectInst>(V)) {
      Work.push_back(Sel->getTrueValue());
      Work.push_back(Sel->getFalseValue());
    } else {
      return std::nullopt;
    }
  }
  return Class;
}

// The class a constant-size allocation gets, or 0 to leave it alone.
static unsigned classOfAllocation(const CallBase &CB, HeapFn K,
                                  uint64_t &Bytes) {
  std::optional<uint64_t> Size = constantAllocSize(CB, K);
  if (!Size || *Size == 0)
    return 0;
  Bytes = *Size;
  if (K != HeapFn::AlignedAlloc)
    return sizeClassFor(Bytes);
  // Every class from 16 bytes on (but the 24-byte one) is 16-aligned.
  uint64_t Align = requestedAlignment(CB, K);
  if (!isPowerOf2_64(Align) || Align > 16)
    return 0;
  return sizeClassFor(std::max<uint64_t>(Bytes, Align == 16 ? 16 : 1));
}

// Whether the inline paths go at \p I: LLVM's static estimate (loops count
// their trips, error and cleanup paths their branches' odds) runs its block
// at least 7/8 as often as the function is entered. Each inline path is
// some thirty instructions that the code generator pays for, a few million
// of its own instructions each: at every site of lmdb's mdb.c, most of them
// in paths that run once, the compile took 1.063x clang's instructions; with
// this test 1.019x (1.006x without -escape-runtime). Elsewhere the call to
// the entry point (or to malloc and free) keeps the class.
static bool isHot(const Instruction &I, const BlockFrequencyInfo &BFI) {
  double Block = BFI.getBlockFreq(I.getParent()).getFrequency();
  return Block >= BFI.getEntryFreq().getFrequency() * (7.0 / 8);
}

// A constant-size allocation of Class where the inline pop is not worth its
// code: malloc and aligned_alloc call escrt_malloc_class, calloc stays (it
// picks the same class and zeroes).
Value *Lowering::callAllocation(CallBase &CB, HeapFn K, unsigned Class,
                                uint64_t Bytes) {
  if (K == HeapFn::Calloc)
    return &CB;
  IRBuilder<> B(&CB);
  CallInst *Call = B.CreateCall(
      MallocClass, {ConstantInt::get(SizeTy, Bytes), B.getInt32(Class)});
  Call->takeName(&CB);
  CB.replaceAllUsesWith(Call);
  CB.eraseFromParent();
  return Call;
}

void Lowering::callFree(CallBase &Free, unsigned Class) {
  IRBuilder<> B(&Free);
  B.CreateCall(FreeClass, {Free.getArgOperand(0), B.getInt32(Class)});
  Free.eraseFromParent();
}

bool Lowering::lowerFunction(Function &F, const TargetLibraryInfo &TLI,
                             function_ref<const DominatorTree &()> GetDT,
                             function_ref<const BlockFrequencyInfo &()> GetBFI,
                             RemarkSink &Out) {
  SmallVector<std::pair<CallBase *, HeapFn>, 8> Allocations;
  SmallVector<CallBase *, 8> Frees;
  for (Instruction &I : instructions(F))
    if (auto *CB = dyn_cast<CallInst>(&I)) {
      HeapFn K = classifyHeapCall(*CB, TLI);
      if (isAllocation(K))
        Allocations.push_back({CB, K});
      else if (K == HeapFn::Free && CB->arg_size() == 1)
        Frees.push_back(CB);
    }
  if (Allocations.empty() && Frees.empty())
    return false;
  // Asked before the lowering changes the control flow the analyses
  // describe; what is known of a free's operand stays true of the lowered
  // one.
  const DataLayout &DL = F.getDataLayout();
  const DominatorTree &DT = GetDT();
  const BlockFrequencyInfo &BFI = GetBFI();
  // The inline paths are code where a call was: not where the program asks
  // for small code. The free of an unknown class reads a 64-bit layout.
  bool InlineAny = !F.hasOptSize();
  bool InlineAnyFree = InlineAny && DL.getPointerSizeInBits() == 64;
  SmallPtrSet<const CallBase *, 8> Hot, MayBeNull;
  for (auto [CB, K] : Allocations)
    if (InlineAny && isHot(*CB, BFI))
      Hot.insert(CB);
  for (CallBase *Free : Frees) {
    if (InlineAny && isHot(*Free, BFI))
      Hot.insert(Free);
    if (!isKnownNonZero(Free->getArgOperand(0),
                        SimplifyQuery(DL, &DT, nullptr, Free)))
      MayBeNull.insert(Free);
  }
  bool Changed = false;
  for (auto [CB, K] : Allocations) {
    uint64_t Bytes = 0;
    unsigned Class = classOfAllocation(*CB, K, Bytes);
    if (!Class && K == HeapFn::Malloc && !constantAllocSize(*CB, K) &&
        Hot.contains(CB)) {
      emitVariableSizeClassRemark(*CB, VariableSizeLimit, Out);
      lowerVariableMalloc(*CB);
      Changed = true;
      continue;
    }
    if (!Class)
      continue;
    emitSizeClassRemark(*CB, Class, sizeClassBytes(Class), Out);
    Lowered[Hot.contains(CB) ? lowerAllocation(*CB, K, Class, Bytes)
                             : callAllocation(*CB, K, Class, Bytes)] = Class;
    Changed = true;
  }
  for (CallBase *Free : Frees) {
    if (std::optional<unsigned> Class = classOfOperand(Free->getArgOperand(0))) {
      emitSizeClassRemark(*Free, *Class, sizeClassBytes(*Class), Out);
      if (Hot.contains(Free))
        lowerFree(*Free, *Class, MayBeNull.contains(Free));
      else
        callFree(*Free, *Class);
      Changed = true;
    } else if (InlineAnyFree && Hot.contains(Free) && !Free->isMustTailCall()) {
      lowerAnyFree(*Free);
      Changed = true;
    }
  }
  return Changed;
}

PreservedAnalyses SizeClassLoweringPass::run(Module &M,
                                             ModuleAnalysisManager &MAM) {
  Expected<EscapeOptions> Opts = resolveOptions(PipelineParams);
  if (!Opts) {
    M.getContext().emitError(toString(Opts.takeError()));
    return PreservedAnalyses::all();
  }
  if (!Opts->Runtime)
    return PreservedAnalyses::all();
  FunctionAnalysisManager &FAM =
      MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
  Lowering L(M);
  if (!L.ready()) {
    M.getContext().emitError("escape: -escape-runtime: the program defines "
                             "escrt_thread_bins, escrt_malloc_class, "
                             "escrt_free_class, escrt_class_heartbeat, "
                             "escrt_region or escrt_class_slot "
                             "differently from libescrt");
    return PreservedAnalyses::all();
  }
  bool Changed = false;
  RecordSection Records;
  for (Function &F : M) {
    if (F.isDeclaration() || F.hasOptNone())
      continue;
    auto &TLI = FAM.getResult<TargetLibraryAnalysis>(F);
    RemarkSink Out(FAM.getResult<OptimizationRemarkEmitterAnalysis>(F),
                   Opts->RecordsSection ? &Records : nullptr);
    auto GetDT = [&]() -> const DominatorTree & {
      return FAM.getResult<DominatorTreeAnalysis>(F);
    };
    auto GetBFI = [&]() -> const BlockFrequencyInfo & {
      return FAM.getResult<BlockFrequencyAnalysis>(F);
    };
    if (L.lowerFunction(F, TLI, GetDT, GetBFI, Out)) {
      FAM.invalidate(F, PreservedAnalyses::none());
      Changed = true;
    }
  }
  Records.writeInto(M, /*MarkIfEmpty=*/false);
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace escape
