//===-- EscapePass.h - The escape pass and its printer --------------------===//
//
// `escape`        analyses the module, moves provably local allocations to the
//                 stack and explains every decision with remarks.
// `print<escape>` runs the analysis alone and prints each function's
//                 locations and verdicts (for tests).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_ESCAPEPASS_H
#define ESCAPE_ESCAPEPASS_H

#include "llvm/IR/PassManager.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace escape {

class EscapePass : public llvm::PassInfoMixin<EscapePass> {
public:
  /// \p PipelineParams is the text between the brackets of `escape<...>`,
  /// validated when the pipeline was parsed.
  explicit EscapePass(std::string PipelineParams = "")
      : PipelineParams(std::move(PipelineParams)) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  // Runs at -O0 too (for diagnostics); the rewrite itself skips optnone code.
  static bool isRequired() { return true; }

private:
  std::string PipelineParams;
};

class EscapePrinterPass : public llvm::PassInfoMixin<EscapePrinterPass> {
public:
  explicit EscapePrinterPass(llvm::raw_ostream &OS) : OS(OS) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }

private:
  llvm::raw_ostream &OS;
};

} // namespace escape

#endif
