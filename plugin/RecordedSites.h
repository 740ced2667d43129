//===-- RecordedSites.h - Sites recorded before LLVM optimises ------------===//
//
// LLVM deletes some allocations before the escape pass sees them (InstCombine
// removes a malloc whose memory is never observed). So that a report is
// complete at every -O level, `escape-record-sites` runs first (clang's
// PipelineStart) and lists every allocation call in the named metadata
// !escape.sites; the escape pass takes the listed sites it no longer finds
// (Remarks.h reports them as `Eliminated`) and drops the list, so a second
// run has nothing to report twice.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_RECORDEDSITES_H
#define ESCAPE_RECORDEDSITES_H

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/PassManager.h"
#include <string>
#include <vector>

namespace escape {

class RecordSitesPass : public llvm::PassInfoMixin<RecordSitesPass> {
public:
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }
};

/// A recorded site that LLVM deleted before the escape pass ran.
struct VanishedSite {
  const llvm::DILocation *Loc;
  llvm::Function *F; // where to report it: its function, or any function
                     // when that was inlined away too
  std::string FunctionName, Callee, Size;
  bool StackAsserted; // ESCAPE_STACK: removed is better than on the stack
};

/// The recorded sites that no longer exist, once each; removes the record.
std::vector<VanishedSite> takeVanishedSites(llvm::Module &M,
                                            llvm::FunctionAnalysisManager &FAM);

} // namespace escape

#endif
