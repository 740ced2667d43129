//===-- IRFacts.h - Facts about LLVM IR the analysis relies on ------------===//
//
// Small questions about types, instructions and functions that several
// layers ask (the graph builder, the remarks, the module driver), answered
// once here so that none of them reaches into another for them.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_IRFACTS_H
#define ESCAPE_IRFACTS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Type.h"

namespace escape {

/// Whether values of this type can hold a pointer.
bool carriesPointer(const llvm::Type *T);

/// A stack slot whose address only loads and stores use (-O0's C locals):
/// a load of it yields what the stores put there, and nothing else can.
bool onlyLoadedAndStored(const llvm::AllocaInst &Slot);

/// A function whose body the analysis may trust for its callers.
bool hasExactBody(const llvm::Function &F);

/// Whether the instruction's result is made of its operands alone, so that
/// a pointer in an operand may be in the result: address arithmetic, casts,
/// freeze, phi, select, aggregate and vector element operations, integer
/// and floating-point arithmetic. Inline: the graph builder asks it of every
/// instruction.
inline bool forwardsOperands(const llvm::Instruction &I) {
  using namespace llvm;
  return isa<GetElementPtrInst>(I) || isa<CastInst>(I) || isa<FreezeInst>(I) ||
         isa<PHINode>(I) || isa<SelectInst>(I) || isa<ExtractValueInst>(I) ||
         isa<InsertValueInst>(I) || isa<ExtractElementInst>(I) ||
         isa<InsertElementInst>(I) || isa<ShuffleVectorInst>(I) ||
         isa<BinaryOperator>(I) || isa<UnaryOperator>(I);
}

/// The functions of \p M, in module order, with a direct call for which
/// \p Wanted holds. Found from the uses of the module's declarations, so
/// that a pass after a few calls (allocations, annotations) does not walk
/// every instruction of a large module.
llvm::SmallVector<llvm::Function *, 8>
functionsCalling(llvm::Module &M,
                 llvm::function_ref<bool(llvm::CallBase &)> Wanted);

} // namespace escape

#endif
