//===-- MainStackBounds.cpp - The main thread's stack, read without malloc ===//
#include "MainStackBounds.h"

#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/Module.h"
#include "llvm/TargetParser/Triple.h"

#include <array>

using namespace llvm;

namespace escape {

namespace {
// The system calls the reader makes, by architecture.
struct Syscalls {
  unsigned OpenAt, Read, Close, PRLimit64;
  const char *Asm;
  // The answer comes back in the register of the number (x86-64) or of the
  // first argument (AArch64): tied to that input.
  const char *Constraints;
};

// Where the maps' parser is: the start and end of the current line's
// mapping, the end of the one before, the field (0 the start, 1 the end, 2
// the rest of the line).
struct ParseState {
  PHINode *Start, *End, *Prev, *Field;

  static ParseState phis(IRBuilder<> &B, const Twine &Suffix) {
    Type *Word = B.getInt64Ty();
    return {B.CreatePHI(Word, 2, "start" + Suffix),
            B.CreatePHI(Word, 2, "end" + Suffix),
            B.CreatePHI(Word, 2, "prev" + Suffix),
            B.CreatePHI(B.getInt32Ty(), 2, "field" + Suffix)};
  }

  void addIncoming(std::array<Value *, 4> Values, BasicBlock *From) {
    Start->addIncoming(Values[0], From);
    End->addIncoming(Values[1], From);
    Prev->addIncoming(Values[2], From);
    Field->addIncoming(Values[3], From);
  }
};
} // namespace

static const Syscalls X86_64 = {
    257, 0, 3, 302, "syscall",
    "={rax},0,{rdi},{rsi},{rdx},{r10},~{rcx},~{r11},~{memory},~{dirflag},"
    "~{fpsr},~{flags}"};
static const Syscalls AArch64 = {56, 63, 57, 261, "svc #0",
                                 "={x0},{x8},0,{x1},{x2},{x3},~{memory},~{cc}"};

// The generic Linux ABI's values, the same on both.
static constexpr int64_t AtFdCwd = -100;
static constexpr uint64_t OpenReadOnlyCloseOnExec = 0x80000;
static constexpr uint64_t RLimitStack = 3;
static constexpr uint64_t PageMask = ~uint64_t(4095);

static const Syscalls *syscallsOf(const Module &M) {
  Triple T(M.getTargetTriple());
  if (!T.isOSLinux() || M.getDataLayout().getPointerSizeInBits() != 64)
    return nullptr;
  if (T.getArch() == Triple::x86_64)
    return &X86_64;
  if (T.getArch() == Triple::aarch64)
    return &AArch64;
  return nullptr;
}

// Up to four word arguments; the kernel's answer, -errno on failure.
static Value *syscall(IRBuilder<> &B, const Syscalls &S, unsigned Number,
                      ArrayRef<Value *> Args, const Twine &Name) {
  Type *Word = B.getInt64Ty();
  SmallVector<Value *, 5> Operands{B.getInt64(Number)};
  for (unsigned I = 0; I < 4; ++I)
    Operands.push_back(I < Args.size() ? Args[I] : B.getInt64(0));
  SmallVector<Type *, 5> Params(Operands.size(), Word);
  auto *Asm = InlineAsm::get(FunctionType::get(Word, Params, false), S.Asm,
                             S.Constraints, /*hasSideEffects=*/true);
  return B.CreateCall(Asm, Operands, Name);
}

// glibc's own marker of the main stack; null without glibc.
static GlobalVariable *libcStackEnd(Module &M) {
  static constexpr const char *Name = "__libc_stack_end";
  if (GlobalVariable *GV = M.getNamedGlobal(Name))
    return GV->isDeclaration() ? GV : nullptr;
  return new GlobalVariable(M, PointerType::getUnqual(M.getContext()),
                            /*isConstant=*/false,
                            GlobalValue::ExternalWeakLinkage, nullptr, Name);
}

void emitMainStackBounds(IRBuilder<> &B, const MainStackScratch &S, Value *SP,
                         BasicBlock *Found, PHINode *Lo, PHINode *Bytes,
                         BasicBlock *Otherwise) {
  Function *F = B.GetInsertBlock()->getParent();
  Module &M = *F->getParent();
  const Syscalls *Sys = syscallsOf(M);
  GlobalVariable *StackEnd = Sys ? libcStackEnd(M) : nullptr;
  if (!StackEnd) {
    B.CreateBr(Otherwise);
    return;
  }
  LLVMContext &Ctx = M.getContext();
  Type *Word = B.getInt64Ty();
  Type *I32 = B.getInt32Ty();
  auto Block = [&](const char *Name) {
    return BasicBlock::Create(Ctx, Name, F, Otherwise);
  };
  BasicBlock *Limit = Block("main.limit"), *Near = Block("main.near"),
             *Open = Block("main.open"), *Read = Block("main.read"),
             *Scan = Block("main.scan"), *Next = Block("main.next"),
             *Hit = Block("main.hit"), *Miss = Block("main.miss");
  Value *Zero = B.getInt64(0);

  B.CreateCondBr(B.CreateIsNull(StackEnd), Otherwise, Limit);

  // A stack pointer more than RLIMIT_STACK below glibc's marker is another
  // thread's: the maps are not read for it.
  B.SetInsertPoint(Limit);
  Value *Marker = B.CreatePtrToInt(
      B.CreateLoad(PointerType::getUnqual(Ctx), StackEnd), Word, "marker");
  Value *Hi = B.CreateAdd(B.CreateAnd(Marker, PageMask), B.getInt64(4096),
                          "main.hi");
  Value *LimitRc =
      syscall(B, *Sys, Sys->PRLimit64,
              {Zero, B.getInt64(RLimitStack), Zero,
               B.CreatePtrToInt(S.RLimit, Word)},
              "prlimit");
  B.CreateCondBr(B.CreateICmpEQ(LimitRc, Zero), Near, Otherwise);

  B.SetInsertPoint(Near);
  Value *RLim = B.CreateLoad(Word, S.RLimit, "rlimit");
  B.CreateCondBr(
      B.CreateICmpULT(B.CreateSub(B.CreateSub(Hi, B.getInt64(1)), SP), RLim),
      Open, Otherwise);

  B.SetInsertPoint(Open);
  Value *Path = B.CreateGlobalString("/proc/self/maps", "escape.maps");
  Value *FD = syscall(B, *Sys, Sys->OpenAt,
                      {B.getInt64(AtFdCwd), B.CreatePtrToInt(Path, Word),
                       B.getInt64(OpenReadOnlyCloseOnExec)},
                      "fd");
  B.CreateCondBr(B.CreateICmpSLT(FD, Zero), Otherwise, Read);

  // "start-end perms ...\n" per mapping, in address order, parsed a byte at
  // a time across the reads.
  B.SetInsertPoint(Read);
  ParseState AtRead = ParseState::phis(B, ".r");
  AtRead.addIncoming({Zero, Zero, Zero, B.getInt32(0)}, Open);
  Value *N = syscall(B, *Sys, Sys->Read,
                     {FD, B.CreatePtrToInt(S.Buffer, Word),
                      B.getInt64(S.BufferBytes)},
                     "n");
  B.CreateCondBr(B.CreateICmpSGT(N, Zero), Scan, Miss);

  B.SetInsertPoint(Scan);
  PHINode *I = B.CreatePHI(Word, 2, "i");
  I->addIncoming(Zero, Read);
  ParseState AtScan = ParseState::phis(B, "");
  AtScan.addIncoming({AtRead.Start, AtRead.End, AtRead.Prev, AtRead.Field},
                     Read);
  PHINode *Start = AtScan.Start, *End = AtScan.End, *Prev = AtScan.Prev,
          *Field = AtScan.Field;
  Value *C = B.CreateZExt(
      B.CreateLoad(B.getInt8Ty(), B.CreateGEP(B.getInt8Ty(), S.Buffer, I)),
      Word, "c");
  Value *InStart = B.CreateICmpEQ(Field, B.getInt32(0));
  Value *InEnd = B.CreateICmpEQ(Field, B.getInt32(1));
  Value *Dash = B.CreateICmpEQ(C, B.getInt64('-'));
  Value *Space = B.CreateICmpEQ(C, B.getInt64(' '));
  Value *Newline = B.CreateICmpEQ(C, B.getInt64('\n'));
  // A mapping is known at the space after its end: the one that holds the
  // marker ends the scan.
  Value *EndRead = B.CreateAnd(InEnd, Space, "end.read");
  Value *Contains = B.CreateAnd(B.CreateICmpULE(Start, Marker),
                                B.CreateICmpULT(Marker, End));
  B.CreateCondBr(B.CreateAnd(EndRead, Contains), Hit, Next);

  B.SetInsertPoint(Next);
  Value *Digit = B.CreateSelect(B.CreateICmpULE(C, B.getInt64('9')),
                                B.CreateSub(C, B.getInt64('0')),
                                B.CreateSub(C, B.getInt64('a' - 10)));
  auto Append = [&](Value *V) {
    return B.CreateAdd(B.CreateShl(V, 4), Digit);
  };
  Value *LineDone =
      B.CreateAnd(B.CreateICmpEQ(Field, B.getInt32(2)), Newline, "line.done");
  Value *NStart =
      B.CreateSelect(B.CreateAnd(InStart, B.CreateNot(Dash)), Append(Start),
                     B.CreateSelect(LineDone, Zero, Start), "start.n");
  Value *NEnd =
      B.CreateSelect(B.CreateAnd(InEnd, B.CreateNot(Space)), Append(End),
                     B.CreateSelect(LineDone, Zero, End), "end.n");
  Value *NPrev = B.CreateSelect(LineDone, End, Prev, "prev.n");
  Value *NField = B.CreateSelect(
      InStart, B.CreateZExt(Dash, I32),
      B.CreateSelect(InEnd, B.CreateAdd(B.getInt32(1), B.CreateZExt(Space, I32)),
                     B.CreateSelect(Newline, B.getInt32(0), B.getInt32(2))),
      "field.n");
  Value *NI = B.CreateAdd(I, B.getInt64(1), "i.n");
  B.CreateCondBr(B.CreateICmpSLT(NI, N), Scan, Read);
  I->addIncoming(NI, Next);
  AtScan.addIncoming({NStart, NEnd, NPrev, NField}, Next);
  AtRead.addIncoming({NStart, NEnd, NPrev, NField}, Next);

  // glibc's arithmetic: what the limit leaves below hi, at most what lies
  // between hi and the mapping below.
  B.SetInsertPoint(Hit);
  syscall(B, *Sys, Sys->Close, {FD}, "");
  Value *Size = B.CreateAnd(B.CreateSub(RLim, B.CreateSub(End, Hi)), PageMask);
  Value *Gap = B.CreateSub(Hi, Prev);
  Size = B.CreateSelect(B.CreateICmpULT(Size, Gap), Size, Gap, "main.size");
  Value *Low = B.CreateSub(Hi, Size, "main.lo");
  B.CreateCondBr(B.CreateICmpULT(B.CreateSub(SP, Low), Size), Found,
                 Otherwise);
  Lo->addIncoming(Low, Hit);
  Bytes->addIncoming(Size, Hit);

  B.SetInsertPoint(Miss);
  syscall(B, *Sys, Sys->Close, {FD}, "");
  B.CreateBr(Otherwise);
}

} // namespace escape
