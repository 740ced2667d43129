//===-- HeapCalls.h - Which calls allocate, free or need a heap pointer ---===//
//
// Allocation functions are recognised through TargetLibraryInfo (so
// -fno-builtin and -ffreestanding are honoured) and the call's prototype,
// not through attributes: at -O0 the declarations have no `allockind` yet
// because `inferattrs` has not run.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_HEAPCALLS_H
#define ESCAPE_HEAPCALLS_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include <cstdint>
#include <optional>
#include <string>

namespace escape {

/// Marks a call the rewrite itself made (the heap fallback of a variable-size
/// site), so that a second run of the pass leaves it alone.
inline constexpr const char *FallbackMD = "escape.fallback";

enum class HeapFn {
  None,
  Malloc,       // malloc(size)
  Calloc,       // calloc(count, size)
  AlignedAlloc, // aligned_alloc(align, size), memalign(align, size)
  Free,         // free(p)
  Resize,       // realloc(p, n): frees p as free does, and returns a new
                // object holding what p held (growable buffers start on the
                // stack: Rewrite.cpp)
  Realloc,      // reallocf, reallocarray, an invoked realloc: needs a heap
                // pointer
  UsableSize,   // malloc_usable_size(p): needs a heap pointer
};

HeapFn classifyHeapCall(const llvm::CallBase &CB,
                        const llvm::TargetLibraryInfo &TLI);

inline bool isAllocation(HeapFn K) {
  return K == HeapFn::Malloc || K == HeapFn::Calloc ||
         K == HeapFn::AlignedAlloc;
}

/// The functions of \p M with an allocation call, in module order.
llvm::SmallVector<llvm::Function *, 8>
functionsWithAllocations(llvm::Module &M, llvm::FunctionAnalysisManager &FAM);

/// The size in bytes when it is a constant (calloc: the product, if it does
/// not overflow).
std::optional<uint64_t> constantAllocSize(const llvm::CallBase &CB, HeapFn K);
/// The operand holding the byte count of a malloc/aligned_alloc; null for
/// calloc (two operands).
llvm::Value *allocSizeOperand(const llvm::CallBase &CB, HeapFn K);
/// Requested alignment (aligned_alloc's constant first operand), else 0.
uint64_t requestedAlignment(const llvm::CallBase &CB, HeapFn K);

/// Go's expression text for the site: `malloc(16)`, `calloc(n, 8)`.
std::string describeAllocation(const llvm::CallBase &CB);
/// The text of the size operands alone: `16`, `n, 8`.
std::string describeAllocationSize(const llvm::CallBase &CB);

} // namespace escape

#endif
