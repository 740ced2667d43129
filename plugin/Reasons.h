//===-- Reasons.h - The fixed vocabulary of verdict reasons ---------------===//
//
// Every refusal names one of these (docs/remarks.md is the catalogue). The
// kebab-case id is stable: escape-report keys SARIF rules and baselines on it.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_REASONS_H
#define ESCAPE_REASONS_H

#include "llvm/IR/Value.h"
#include <string>

namespace escape {

enum class ReasonKind {
  None,
  // Why an object escapes (EscapesToHeap).
  Returned,
  StoredToGlobal,           // Subject: the global
  MultiLevelIndirection,
  StoredIntoEscapingObject,
  PassedToLeakingParam,     // Subject: the parameter, or the callee and
                            // Detail: the parameter's name
  PassedToUnknownFunction,  // Subject: the callee
  PassedToIndirectCall,
  PassedToRealloc,          // Subject: realloc, reallocarray, getline, ...
  FreedInCallee,            // Subject: the callee
  ConvertedToInteger,
  CapturedByInlineAsm,
  OutlivesLoopIteration,
  UnmodelledUse,            // Detail: the instruction
  // Why an object that does not escape stays on the heap (StaysOnHeap).
  TooLarge,                 // Detail: "N > L"
  NonConstantSize,
  BadAlignment,             // aligned_alloc with an unknown or invalid alignment
  FrameBudgetExceeded,      // Detail: the budget
  RecursiveFunction,        // Subject: the callee through which it may
                            // recur; null for an indirect call
  TransformDisabled,        // Detail: why (option, optnone)
  ZeroSize,
  MustTailCall,
};

struct Reason {
  ReasonKind Kind = ReasonKind::None;
  const llvm::Value *Subject = nullptr;
  std::string Detail;
};

/// The phrase: "stored to global `g`", "too large for stack (65536 > 1024)".
std::string reasonText(const Reason &R);
/// The stable id: "stored-to-global", "too-large".
const char *reasonId(ReasonKind K);

} // namespace escape

#endif
