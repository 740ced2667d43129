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

// The reasons and their ids are listed once, in include/escape/Reasons.def,
// for the plugin and escape-report alike. Subject and Detail per kind:
//   StoredToGlobal: Subject the global. PassedToLeakingParam: Subject the
//   parameter, or the callee with Detail the parameter's name.
//   PassedToUnknownFunction, FreedInCallee: Subject the callee.
//   PassedToRealloc: Subject realloc, getline, ... UnmodelledUse: Detail the
//   instruction. TooLarge: Detail "N > L". FrameBudgetExceeded: Detail the
//   budget. RecursiveFunction: Subject the callee through which it may recur,
//   null for an indirect call. TransformDisabled: Detail why.
enum class ReasonKind {
  None,
#define ESCAPE_REASON(Name, Id, Phrase, Help) Name,
#include "escape/Reasons.def"
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
