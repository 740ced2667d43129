//===-- IRFacts.cpp - Facts about LLVM IR the analysis relies on ----------===//
#include "IRFacts.h"

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

} // namespace escape
