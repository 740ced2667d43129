//===-- MainStackBounds.h - The main thread's stack, read without malloc --===//
//
// The stack check's slow path (StackGuard.cpp) learns a thread's stack once.
// pthread_getattr_np answers for every thread, but for the main thread glibc
// reads /proc/self/maps through fopen and getdelim: 13 calls of the allocator
// (test/Exec/stack-check-main-thread-no-heap.c counts them) in the middle of
// the program. They moved every later object of glibc's heap
// (bench/e2e/format: 5% slower, its oracle as slow given the same calls), and
// an allocator built with Escape whose malloc reached a stack check before
// the stack was known would have re-entered itself.
//
// So on Linux x86-64 and AArch64 the slow path reads the main thread's
// bounds itself, as glibc computes them, with system calls made by inline
// assembly (no libc function a program could define, no errno, no
// cancellation point) and 128 bytes of its own frame as the read buffer:
//
//   hi   = the page above __libc_stack_end (glibc's, a weak reference)
//   size = (RLIMIT_STACK - (end of its mapping - hi)) rounded down to 4 KiB,
//          at most hi - the end of the mapping below
//
// for a stack pointer within RLIMIT_STACK below hi and inside [hi - size, hi).
// Anything else (another thread, a coroutine, no glibc, no /proc) goes on to
// pthread_getattr_np, which for a thread allocates only its CPU set.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_MAINSTACKBOUNDS_H
#define ESCAPE_MAINSTACKBOUNDS_H

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"

namespace escape {

/// Where the reader keeps its bytes: \p Buffer (\p BufferBytes, any
/// alignment) and \p RLimit (two words), allocas of the slow path.
struct MainStackScratch {
  llvm::Value *Buffer = nullptr;
  uint64_t BufferBytes = 0;
  llvm::Value *RLimit = nullptr;
};

/// Ends \p B's block with the reader: a stack pointer \p SP on the main
/// thread's stack branches to \p Found, adding the stack's lowest address
/// and size (words) to \p Lo and \p Bytes; every other case branches to
/// \p Otherwise. On other targets that is all the block does.
void emitMainStackBounds(llvm::IRBuilder<> &B, const MainStackScratch &S,
                         llvm::Value *SP, llvm::BasicBlock *Found,
                         llvm::PHINode *Lo, llvm::PHINode *Bytes,
                         llvm::BasicBlock *Otherwise);

} // namespace escape

#endif
