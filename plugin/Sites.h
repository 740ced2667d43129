//===-- Sites.h - Every allocation site gets a verdict --------------------===//
//
// LLVM deletes some allocations before the escape pass sees them (InstCombine
// removes a malloc whose memory is never observed). So that a report is
// complete at every -O level, `escape-record-sites` runs first (clang's
// PipelineStart) and lists every allocation call in the named metadata
// !escape.sites; the escape pass reports the listed sites it no longer
// finds as `Eliminated`, then drops the list (a second run has nothing to
// report twice).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_SITES_H
#define ESCAPE_SITES_H

#include "llvm/IR/PassManager.h"

namespace escape {

class RecordSitesPass : public llvm::PassInfoMixin<RecordSitesPass> {
public:
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
};

/// Emits `Eliminated` for recorded sites that no longer exist and removes the
/// record.
void reportEliminatedSites(llvm::Module &M,
                           llvm::FunctionAnalysisManager &FAM);

} // namespace escape

#endif
