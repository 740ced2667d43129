//===-- PointerUses.h - What a function does with a pointer after a call --===//
//
// Two questions about the object a call's pointer argument points to, asked
// along the control flow after the call, up to where the pointer may change
// (its definition runs again; at -O0, its variable's slot is stored to):
//
//  - Is it used on every path? Then a callee that freed it would make that
//    use a use after free: a `nocapture` callee cannot have freed it
//    (Calls.cpp).
//  - Is it read or written on some path after a realloc that may have moved
//    it? Then the program relies on realloc growing in place, which a buffer
//    that starts on the stack never does (Decide.cpp).
//
// A use is a load or store through the pointer (or an offset of it), a
// memcpy/memmove/memset on it, or its free.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_POINTERUSES_H
#define ESCAPE_POINTERUSES_H

#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/InstrTypes.h"

namespace escape {

/// On every path after \p CB the object \p Ptr points to is used, or passed
/// to \p CB again (C makes any use of a pointer to a freed object
/// undefined), before \p Ptr can change and before the function returns,
/// unwinds or reaches a noreturn call.
bool usedOnEveryPathAfter(const llvm::CallBase &CB, const llvm::Value *Ptr,
                          const llvm::TargetLibraryInfo &TLI);

/// The first use found of \p Realloc's old pointer on a path after it where
/// the realloc did not fail (a branch on its result being null is followed
/// only the other way), or null.
const llvm::Instruction *useAfterRealloc(const llvm::CallBase &Realloc,
                                         const llvm::TargetLibraryInfo &TLI);

} // namespace escape

#endif
