//===-- SizeClassLowering.h - Heap calls to libescrt's size classes -------===//
//
// -escape-runtime: after the heap-to-stack rewrite and every other
// optimisation (OptimizerLast, and the full-LTO link's last step), each
// remaining malloc/calloc/aligned_alloc of a constant size takes an object
// of its size class straight from the thread's free stack of that class
// (libescrt's escrt_malloc_class_inline, as IR), and each free whose
// operand can only be such an object goes back to that stack
// (escrt_free_class_inline). Their slow paths call libescrt's entry points
// escrt_malloc_class and escrt_free_class, declared as malloc-family
// functions. docs/runtime.md, "Which malloc frees what", says why a program
// built so stays correct whatever allocator its process ends up with.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_SIZECLASSLOWERING_H
#define ESCAPE_SIZECLASSLOWERING_H

#include "llvm/IR/PassManager.h"
#include <cstdint>
#include <string>

namespace escape {

class SizeClassLoweringPass
    : public llvm::PassInfoMixin<SizeClassLoweringPass> {
public:
  /// \p PipelineParams as for EscapePass; the pass acts when the resolved
  /// options say `runtime`.
  explicit SizeClassLoweringPass(std::string PipelineParams = "")
      : PipelineParams(std::move(PipelineParams)) {}
  llvm::PreservedAnalyses run(llvm::Module &M, llvm::ModuleAnalysisManager &);
  static bool isRequired() { return true; }

private:
  std::string PipelineParams;
};

/// The class libescrt's malloc uses for \p Bytes (1..32768), or 0 for a
/// large object: the smallest class that holds it, never the 8-aligned
/// 24-byte class.
unsigned sizeClassFor(uint64_t Bytes);
/// The object size of class \p Class (1..67).
uint64_t sizeClassBytes(unsigned Class);

} // namespace escape

#endif
