//===-- Compat.h - One source for LLVM 19 to 22 ---------------------------===//
//
// The few LLVM APIs that changed between the majors Escape supports, behind
// one spelling each. Everything else in the plugin is written against the
// common subset.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_COMPAT_H
#define ESCAPE_COMPAT_H

#include "llvm/Config/llvm-config.h"

#if __has_include("llvm/Plugins/PassPlugin.h") // LLVM >= 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugProgramInstruction.h"
#include "llvm/IR/IntrinsicInst.h"

namespace escape {

/// The source variables that debug records say hold \p V.
inline llvm::SmallVector<llvm::DILocalVariable *, 2>
debugVariablesOf(llvm::Value *V) {
  llvm::SmallVector<llvm::DbgVariableRecord *, 2> Records;
#if LLVM_VERSION_MAJOR >= 22
  llvm::findDbgValues(V, Records);
#else
  llvm::SmallVector<llvm::DbgValueInst *, 2> Intrinsics;
  llvm::findDbgValues(Intrinsics, V, &Records);
#endif
  llvm::SmallVector<llvm::DILocalVariable *, 2> Vars;
  for (llvm::DbgVariableRecord *R : Records)
    Vars.push_back(R->getVariable());
#if LLVM_VERSION_MAJOR < 22
  for (llvm::DbgValueInst *I : Intrinsics)
    Vars.push_back(I->getVariable());
#endif
  return Vars;
}

/// The variable of the debug record or intrinsic that describes parameter
/// number \p ArgNo (from 1) anywhere in \p F, or null. At -O0 a parameter
/// is described through its stack slot (dbg.declare), not as a value.
inline llvm::DILocalVariable *debugParameter(const llvm::Function &F,
                                             unsigned ArgNo) {
  for (const llvm::BasicBlock &BB : F)
    for (const llvm::Instruction &I : BB) {
      for (llvm::DbgVariableRecord &R :
           llvm::filterDbgVars(I.getDbgRecordRange()))
        if (R.getVariable()->getArg() == ArgNo)
          return R.getVariable();
#if LLVM_VERSION_MAJOR < 22
      if (const auto *DI = llvm::dyn_cast<llvm::DbgVariableIntrinsic>(&I))
        if (DI->getVariable()->getArg() == ArgNo)
          return DI->getVariable();
#endif
    }
  return nullptr;
}

} // namespace escape

#endif
