//===-- Analysis.h - Escape analysis of a whole module --------------------===//
//
// Bottom-up over the call graph's SCCs, as Go's escape.Funcs: each SCC is
// one batch, built into one graph, solved, and summarised for its callers.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ANALYSIS_H
#define ESCAPE_ANALYSIS_H

#include "Graph.h"
#include "HeapCalls.h"
#include "Leaks.h"
#include "Options.h"

#include "llvm/IR/PassManager.h"
#include <vector>

namespace escape {

struct SiteVerdict {
  llvm::CallBase *Call = nullptr;
  HeapFn Kind = HeapFn::None;
  bool Escapes = false;
  Reason Why;
  std::vector<std::string> Explanation;
  /// mode=precise: the sites of the function whose objects may hold this
  /// one's address.
  llvm::SmallVector<unsigned, 2> HeldBy;
  /// mode=precise: Go's rule (mode=go) makes it escape.
  bool GoEscapes = false;
};

/// A free() or realloc() of the function and the allocation sites of the
/// same function whose objects may reach it.
struct FreeCall {
  llvm::CallBase *Call = nullptr;
  llvm::SmallVector<unsigned, 2> Sites; // indices into FunctionResult::Sites
  bool OtherOrigins = false;            // may also free something else
  bool Resizes = false;                 // realloc(p, n): the site grows
  /// realloc: a use of the old pointer after it succeeded (PointerUses.h).
  const llvm::Instruction *UsedAfter = nullptr;
  /// realloc: whether the object it returns escapes, and why.
  bool GrownEscapes = false;
  Reason GrownWhy;
  /// The reallocs of this function whose objects it may receive.
  llvm::SmallVector<const llvm::CallBase *, 2> GrownFrom;
};

/// A pointer parameter: its summary, and where its own value first left the
/// function (for a broken noescape promise).
struct ParamResult {
  const llvm::Argument *Arg = nullptr;
  ParamLeaks Leaks;
  const llvm::Instruction *LeakAt = nullptr;
  Reason LeakWhy;
};

struct FunctionResult {
  llvm::Function *F = nullptr;
  /// Set when the function may run again while it runs (Recursion.h): the
  /// first call that may lead back into it.
  const llvm::CallBase *RecursiveVia = nullptr;
  std::vector<SiteVerdict> Sites; // program order
  std::vector<FreeCall> Frees;
  llvm::SmallVector<ParamResult, 4> Params;
};

struct ModuleResult {
  std::vector<FunctionResult> Functions; // module order
  SummaryMap Summaries;
};

/// What analyzeModule covers: every function (for the remarks and the
/// printer), or only the functions the rewrite's decisions and the source
/// assertions depend on (when nobody reads the remarks); the others get an
/// empty result.
enum class AnalysisScope { EveryFunction, Decisions };

ModuleResult analyzeModule(llvm::Module &M, llvm::ModuleAnalysisManager &MAM,
                           const EscapeOptions &Opts, AnalysisScope Scope);

} // namespace escape

#endif
