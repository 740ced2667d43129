//===-- SourceAssertions.cpp - What the source asks the analysis to prove -===//
#include "SourceAssertions.h"
#include "HeapCalls.h"
#include "IRFacts.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Metadata.h"

using namespace llvm;

namespace escape {

static constexpr const char *StackMD = "escape.stack";
static constexpr const char *StackAnnotation = "escape.stack";
static constexpr const char *NoEscapeAnnotation = "escape.noescape";
static constexpr const char *NoEscapeAttr = "escape-noescape";

static StringRef constantString(const Value *V) {
  StringRef S;
  if (!getConstantStringInfo(V, S))
    return "";
  return S;
}

// ESCAPE_STACK(e) is `({ __attribute__((annotate("escape.stack")))
// __typeof__(e) tmp = (e); tmp; })`: the allocation is what is stored into
// the annotated temporary.
static void recordStackAssertion(IntrinsicInst &Annotation,
                                 const TargetLibraryInfo &TLI) {
  LLVMContext &Ctx = Annotation.getContext();
  StringRef File = constantString(Annotation.getArgOperand(2));
  uint64_t Line = 0;
  if (auto *L = dyn_cast<ConstantInt>(Annotation.getArgOperand(3)))
    Line = L->getZExtValue();
  MDNode *Mark = MDTuple::get(
      Ctx, {MDString::get(Ctx, File),
            ConstantAsMetadata::get(ConstantInt::get(Type::getInt32Ty(Ctx),
                                                     Line))});
  Value *Slot = Annotation.getArgOperand(0)->stripPointerCasts();
  bool Found = false;
  for (User *U : Slot->users()) {
    auto *Store = dyn_cast<StoreInst>(U);
    if (!Store || Store->getPointerOperand() != Slot)
      continue;
    auto *CB = dyn_cast<CallBase>(Store->getValueOperand()->stripPointerCasts());
    if (!CB || !isAllocation(classifyHeapCall(*CB, TLI)))
      continue;
    CB->setMetadata(StackMD, Mark);
    Found = true;
  }
  if (!Found)
    Ctx.emitError(File + ":" + Twine(Line) +
                  ": ESCAPE_STACK needs a direct call to malloc, calloc or "
                  "aligned_alloc");
}

// ESCAPE_NOESCAPE annotates the parameter, which clang stores into a slot at
// the function's entry.
static void recordNoEscapeAssertion(IntrinsicInst &Annotation) {
  Value *Slot = Annotation.getArgOperand(0)->stripPointerCasts();
  for (User *U : Slot->users())
    if (auto *Store = dyn_cast<StoreInst>(U))
      if (Store->getPointerOperand() == Slot)
        if (auto *A = dyn_cast<Argument>(Store->getValueOperand()))
          A->addAttr(Attribute::get(A->getContext(), NoEscapeAttr));
}

static bool isOurAnnotation(const CallBase &CB) {
  if (CB.getIntrinsicID() != Intrinsic::var_annotation)
    return false;
  StringRef Text = constantString(CB.getArgOperand(1));
  return Text == StackAnnotation || Text == NoEscapeAnnotation;
}

void recordSourceAssertions(Module &M, FunctionAnalysisManager &FAM) {
  for (Function *F : functionsCalling(M, isOurAnnotation)) {
    SmallVector<IntrinsicInst *, 4> Annotations;
    for (Instruction &I : instructions(*F))
      if (auto *II = dyn_cast<IntrinsicInst>(&I))
        if (isOurAnnotation(*II))
          Annotations.push_back(II);
    for (IntrinsicInst *II : Annotations) {
      if (constantString(II->getArgOperand(1)) == StackAnnotation)
        recordStackAssertion(*II, FAM.getResult<TargetLibraryAnalysis>(*F));
      else
        recordNoEscapeAssertion(*II);
      II->eraseFromParent();
    }
  }
}

bool hasStackAssertion(const CallBase &CB) {
  return CB.hasMetadata(StackMD);
}

bool hasNoEscapeAssertion(const Argument &A) {
  return A.getParent()->getAttributes().hasParamAttr(A.getArgNo(),
                                                     NoEscapeAttr);
}

std::string stackAssertionLine(const CallBase &CB) {
  const MDNode *Mark = CB.getMetadata(StackMD);
  if (!Mark || Mark->getNumOperands() != 2)
    return "?";
  auto *File = dyn_cast<MDString>(Mark->getOperand(0));
  auto *Line = mdconst::dyn_extract<ConstantInt>(Mark->getOperand(1));
  if (!File || !Line)
    return "?";
  return (File->getString() + ":" + Twine(Line->getZExtValue())).str();
}

} // namespace escape
