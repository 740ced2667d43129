//===-- StackVersion.h - Two bodies: the slots in a frame of their own ----===//
//
// The guarded slots of StackGuard.h are dynamic allocas: they cost a frame
// pointer, a branch on `room` at every site and a compare with the slot at
// every free, on every call. A small function instead gets two bodies, and
// the check chooses between them before either has a frame:
//
//   f(args)             the check; musttail f.escape.stack or f.escape.heap
//   f.escape.stack      a copy of f whose slots are fixed allocas of its frame
//   f.escape.heap       f's own body, its allocations calls as before; it
//                       makes a thread's first check, and jumps to the stack
//                       body when that finds room
//
// Both bodies are internal and noinline: no pass may merge the slots into a
// frame that exists without room. The calls are musttail, so that f's frame
// is gone before the chosen body's exists, and the stack holds one frame of
// f as before. docs/design.md, "Two bodies".
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_STACKVERSION_H
#define ESCAPE_STACKVERSION_H

#include "llvm/IR/Function.h"
#include "llvm/Transforms/Utils/ValueMapper.h"

namespace escape {

/// A function one of whose moved sites is inside a loop may have this many
/// times max-version-size instructions and still get two bodies: there the
/// guarded slots cost their branch and compare on every iteration, not once
/// per call.
constexpr uint64_t LoopVersionFactor = 8;

/// Whether \p F may get two bodies under a limit of \p MaxInstructions
/// (0: never; LoopVersionFactor times as many when one of \p MovedSites is
/// inside a cycle of F): not variadic, not optimized for size, no block whose
/// address is taken, a target whose musttail calls are guaranteed.
bool canVersionForStack(llvm::Function &F, uint64_t MaxInstructions,
                        llvm::ArrayRef<const llvm::Instruction *> MovedSites);

struct StackVersions {
  llvm::Function *Stack = nullptr; // the copy: VMap maps F's values into it
  llvm::Function *Heap = nullptr;  // F's body, moved
};

/// Turns \p F into the check between two bodies that need \p Need bytes of
/// room for their slots. \p VMap maps F's instructions to the stack body's;
/// F's own instructions now live in the heap body.
StackVersions versionForStack(llvm::Function &F, uint64_t Need,
                              llvm::ValueToValueMapTy &VMap);

} // namespace escape

#endif
