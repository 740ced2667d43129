//===-- EscapePass.cpp - Analysis, rewrite and remarks for one module -----===//
#include "EscapePass.h"
#include "Options.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace escape {

PreservedAnalyses EscapePass::run(Module &M, ModuleAnalysisManager &MAM) {
  Expected<EscapeOptions> Opts = resolveOptions(PipelineParams);
  if (!Opts) {
    M.getContext().emitError(toString(Opts.takeError()));
    return PreservedAnalyses::all();
  }
  return PreservedAnalyses::all();
}

PreservedAnalyses EscapePrinterPass::run(Module &M,
                                         ModuleAnalysisManager &MAM) {
  Expected<EscapeOptions> Opts = resolveOptions("");
  if (!Opts) {
    M.getContext().emitError(toString(Opts.takeError()));
    return PreservedAnalyses::all();
  }
  OS << "escape options: " << *Opts << "\n";
  return PreservedAnalyses::all();
}

} // namespace escape
