//===-- Recursion.h - Functions that may run again while they run ---------===//
//
// A moved object lives in its function's frame. A function that may call
// itself again, directly, through other functions or through code outside
// the module, would stack one object per level and overflow a stack that the
// original program did not (docs/design.md, "Stack safety"): its objects stay
// on the heap.
//
// The graph is the module's direct calls plus one node for the world outside
// it. An indirect call, a call to an unknown function, to a function the
// linker may replace or to a C library function that calls back (qsort) goes
// out; a declaration marked `nocallback` or `noreturn` does not. The outside
// comes back into every function it can name: one that is not local, or
// whose address is taken (`main` is named by the C runtime alone). A
// function may recur when it lies on a cycle of this graph.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_RECURSION_H
#define ESCAPE_RECURSION_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"

namespace escape {

/// For each function that may recur, its first call (in program order) that
/// may lead back into it.
using RecursionMap =
    llvm::DenseMap<const llvm::Function *, const llvm::CallBase *>;

RecursionMap findRecursion(
    llvm::Module &M,
    llvm::function_ref<const llvm::TargetLibraryInfo &(llvm::Function &)>
        GetTLI);

} // namespace escape

#endif
