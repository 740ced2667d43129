//===-- IRFacts.cpp - Facts about LLVM IR the analysis relies on ----------===//
#include "IRFacts.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace escape {

bool carriesPointer(const Type *T) {
  if (T->isPtrOrPtrVectorTy())
    return true;
  if (const auto *ST = dyn_cast<StructType>(T))
    return any_of(ST->elements(), carriesPointer);
  if (const auto *AT = dyn_cast<ArrayType>(T))
    return carriesPointer(AT->getElementType());
  if (const auto *VT = dyn_cast<VectorType>(T))
    return carriesPointer(VT->getElementType());
  return false;
}

bool onlyLoadedAndStored(const AllocaInst &Slot) {
  return all_of(Slot.users(), [&](const User *U) {
    if (const auto *SI = dyn_cast<StoreInst>(U))
      return SI->getPointerOperand() == &Slot &&
             SI->getValueOperand() != &Slot;
    return isa<LoadInst>(U) || U->isDroppable() || isa<LifetimeIntrinsic>(U);
  });
}

bool hasExactBody(const Function &F) {
  return !F.isDeclaration() && F.isDefinitionExact();
}

SmallVector<Function *, 8>
functionsCalling(Module &M, function_ref<bool(CallBase &)> Wanted) {
  SmallPtrSet<const Function *, 8> Callers;
  for (Function &Callee : M) {
    if (!Callee.isDeclaration())
      continue;
    for (User *U : Callee.users())
      if (auto *CB = dyn_cast<CallBase>(U))
        if (CB->getCalledFunction() == &Callee && Wanted(*CB))
          Callers.insert(CB->getFunction());
  }
  SmallVector<Function *, 8> InOrder;
  if (!Callers.empty())
    for (Function &F : M)
      if (Callers.contains(&F))
        InOrder.push_back(&F);
  return InOrder;
}

} // namespace escape
