//===-- StackVersion.cpp - Two bodies: the slots in a frame of their own --===//
#include "StackVersion.h"
#include "StackGuard.h"

#include "llvm/Analysis/CycleAnalysis.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/Transforms/Utils/Cloning.h"

using namespace llvm;

namespace escape {

// Whether one of Sites is inside a cycle of F (a loop, reducible or not).
static bool anyInCycle(Function &F, ArrayRef<const Instruction *> Sites) {
  CycleInfo Cycles;
  Cycles.compute(F);
  return any_of(Sites, [&](const Instruction *I) {
    return Cycles.getCycle(I->getParent()) != nullptr;
  });
}

bool canVersionForStack(Function &F, uint64_t MaxInstructions,
                        ArrayRef<const Instruction *> MovedSites) {
  if (MaxInstructions == 0 || F.isDeclaration() || F.isVarArg() ||
      F.hasOptSize() || F.hasAvailableExternallyLinkage() ||
      F.hasFnAttribute(Attribute::Naked) || F.hasPrefixData() ||
      F.hasPrologueData())
    return false;
  // Stack layouts of their own, whose passes run after this one: the
  // guarded slots they already handle.
  if (F.hasFnAttribute(Attribute::SafeStack) ||
      F.hasFnAttribute(Attribute::SanitizeHWAddress) ||
      F.hasFnAttribute(Attribute::SanitizeMemTag))
    return false;
  // Backends that always honour musttail between equal prototypes; ELF,
  // where an internal body may share its caller's comdat.
  Triple T(F.getParent()->getTargetTriple());
  if ((T.getArch() != Triple::x86_64 && !T.isAArch64()) ||
      !T.isOSBinFormatELF())
    return false;
  if (F.getCallingConv() != CallingConv::C &&
      F.getCallingConv() != CallingConv::Fast)
    return false;
  if (F.getAttributes().hasAttrSomewhere(Attribute::InAlloca) ||
      F.getAttributes().hasAttrSomewhere(Attribute::Preallocated) ||
      F.getAttributes().hasAttrSomewhere(Attribute::SwiftError))
    return false;
  unsigned Size = F.getInstructionCount();
  if (Size > SaturatingMultiply(MaxInstructions, LoopVersionFactor))
    return false;
  for (const BasicBlock &BB : F)
    if (BB.hasAddressTaken()) // a blockaddress names this body
      return false;
  return Size <= MaxInstructions || anyInCycle(F, MovedSites);
}

// A body only its check calls: never inlined, so that its slots stay in its
// own frame, and in the comdat of the function it belongs to.
static void makeBody(Function &Body, Function &Of) {
  Body.setLinkage(GlobalValue::InternalLinkage);
  Body.setComdat(Of.getComdat());
  Body.removeFnAttr(Attribute::AlwaysInline);
  Body.addFnAttr(Attribute::NoInline);
}

// return Body(From's arguments), as a musttail call: From's frame is gone
// before Body's exists.
static void returnThrough(IRBuilder<> &B, Function &From, Function &Body) {
  SmallVector<Value *, 8> Args;
  SmallVector<AttributeSet, 8> ArgAttrs;
  AttributeList Attrs = From.getAttributes();
  for (Argument &A : From.args()) {
    Args.push_back(&A);
    ArgAttrs.push_back(Attrs.getParamAttrs(A.getArgNo()));
  }
  CallInst *Call = B.CreateCall(&Body, Args);
  Call->setTailCallKind(CallInst::TCK_MustTail);
  Call->setCallingConv(From.getCallingConv());
  // musttail: the ABI attributes of each argument as the caller got them.
  Call->setAttributes(AttributeList::get(B.getContext(), AttributeSet(),
                                         Attrs.getRetAttrs(), ArgAttrs));
  if (Call->getType()->isVoidTy())
    B.CreateRetVoid();
  else
    B.CreateRet(Call);
}

// F's blocks and arguments move into a new function; its debug description
// goes with them, so a debugger names the heap body as it named F.
static Function *moveBody(Function &F) {
  Function *Heap =
      Function::Create(F.getFunctionType(), GlobalValue::InternalLinkage,
                       F.getAddressSpace(), F.getName() + ".escape.heap",
                       F.getParent());
  Heap->copyAttributesFrom(&F);
  makeBody(*Heap, F);
  Heap->splice(Heap->end(), &F);
  for (auto [From, To] : zip(F.args(), Heap->args())) {
    To.setName(From.getName());
    From.replaceAllUsesWith(&To);
  }
  Heap->setSubprogram(F.getSubprogram());
  F.setSubprogram(nullptr);
  return Heap;
}

StackVersions versionForStack(Function &F, uint64_t Need,
                              ValueToValueMapTy &VMap) {
  LLVMContext &Ctx = F.getContext();
  StackVersions V;
  V.Stack = CloneFunction(&F, VMap);
  V.Stack->setName(F.getName() + ".escape.stack");
  makeBody(*V.Stack, F);
  V.Heap = moveBody(F);

  // The heap body makes a thread's first check (the fast one fails while
  // the limits are unknown) and takes the stack body when it finds room:
  //   entry:  static allocas; br limits unknown, first, body
  //   first:  br slow_path(sp, need), tostack, body
  //   tostack: musttail stack body
  BasicBlock *Body = splitAfterStaticAllocas(*V.Heap, "escape.body");
  auto *First = BasicBlock::Create(Ctx, "escape.first", V.Heap, Body);
  auto *ToStack = BasicBlock::Create(Ctx, "escape.tostack", V.Heap, Body);
  IRBuilder<> B(&V.Heap->getEntryBlock());
  // The heap body has F's debug description: its calls need a location.
  if (DISubprogram *SP = V.Heap->getSubprogram())
    B.SetCurrentDebugLocation(
        DILocation::get(Ctx, SP->getScopeLine(), 0, SP));
  B.CreateCondBr(emitLimitsUnknown(B), First, Body,
                 MDBuilder(Ctx).createUnlikelyBranchWeights());
  B.SetInsertPoint(First);
  Value *SP = emitStackPointer(B);
  B.CreateCondBr(
      emitRoomSlowCall(B, SP, ConstantInt::get(SP->getType(), Need)),
      ToStack, Body);
  B.SetInsertPoint(ToStack);
  returnThrough(B, *V.Heap, *V.Stack);

  // F is the check: no frame, two jumps.
  auto *Entry = BasicBlock::Create(Ctx, "entry", &F);
  auto *Stack = BasicBlock::Create(Ctx, "escape.stack", &F);
  auto *Heap = BasicBlock::Create(Ctx, "escape.heap", &F);
  B.SetInsertPoint(Entry);
  B.SetCurrentDebugLocation(DebugLoc()); // F has no debug description now
  RoomCheck Check = emitRoomCheck(B, Need);
  B.CreateCondBr(Check.Fast, Stack, Heap, roomIsLikely(Ctx));
  B.SetInsertPoint(Stack);
  returnThrough(B, F, *V.Stack);
  B.SetInsertPoint(Heap);
  returnThrough(B, F, *V.Heap);
  return V;
}

} // namespace escape
