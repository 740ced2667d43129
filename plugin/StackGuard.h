//===-- StackGuard.h - Moved objects only while the stack has room --------===//
//
// C stacks do not grow, and a thread's stack may be far smaller than the main
// thread's (pthread_attr_setstacksize, coroutines). So the objects of a
// function are one check at its entry: they get stack bytes (dynamic allocas,
// so that a function that takes the heap does not grow its frame) only when
// the stack pointer lies in the thread's stack and a reserve of that stack
// stays free below them; otherwise every site calls the allocator as before.
//
//   room = (sp - need - base) <u span     base = lo + reserve, span = hi - base
//   reserve = max(stack size / 4, 64 KiB)
//
// base and span are two thread-local words, zero until the thread's first
// check, which computes them in a function the plugin emits into the module
// (hidden, linkonce_odr): no runtime library is needed. It reads the main
// thread's stack without a heap call (MainStackBounds.h) and asks
// pthread_getattr_np for any other.
// A stack the thread library does not know (makecontext, sigaltstack) puts
// sp outside [base, hi), and the objects go to the heap.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_STACKGUARD_H
#define ESCAPE_STACKGUARD_H

#include "llvm/IR/Function.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include <vector>

namespace escape {

/// A function the plugin emits into the modules that need it: the module's
/// definition when it has one (\p Fresh false), else a new empty one to
/// fill, noinline and nounwind, one definition per program (linkonce_odr;
/// per shared object: hidden) whichever module brings it.
llvm::Function *moduleHelper(llvm::Module &M, llvm::StringRef Name,
                             llvm::FunctionType *Ty, bool &Fresh);

/// The reserve's floor: a stack smaller than this plus the objects never
/// takes them.
inline constexpr uint64_t MinStackReserve = 64 * 1024;

/// The stack bytes that slots of these (bytes, alignment) take at most.
uint64_t slotBytesNeeded(llvm::ArrayRef<std::pair<uint64_t, uint64_t>> Slots);

/// Moves the fixed-size allocas of \p F's entry block to its top, splits the
/// block after them and leaves the entry without a terminator; returns the
/// rest, named \p RestName.
llvm::BasicBlock *splitAfterStaticAllocas(llvm::Function &F,
                                          const llvm::Twine &RestName);

/// The stack pointer at \p B's insertion point, as a word.
llvm::Value *emitStackPointer(llvm::IRBuilder<> &B);

struct RoomCheck {
  llvm::Value *SP = nullptr;   // the stack pointer, as a word
  llvm::Value *Need = nullptr; // the bytes asked for, as a word
  llvm::Value *Fast = nullptr; // (sp - need - base) <u span
};

/// The fast check at \p B's insertion point: false also before the
/// thread's first check, which emitRoomSlowCall makes.
RoomCheck emitRoomCheck(llvm::IRBuilder<> &B, uint64_t Need);

/// Whether the running thread's limits are still unknown (zero).
llvm::Value *emitLimitsUnknown(llvm::IRBuilder<> &B);

/// __escape_stack_room_slow(sp, need): computes the thread's limits when
/// they are unknown, then answers the check.
llvm::Value *emitRoomSlowCall(llvm::IRBuilder<> &B, llvm::Value *SP,
                              llvm::Value *Need);

/// Branch weights of a check that almost always finds room.
llvm::MDNode *roomIsLikely(llvm::LLVMContext &Ctx);

/// One alloca of i8 per (bytes, alignment) of \p Slots, named escape.slot,
/// at \p B's insertion point.
std::vector<llvm::AllocaInst *>
emitSlotAllocas(llvm::IRBuilder<> &B,
                llvm::ArrayRef<std::pair<uint64_t, uint64_t>> Slots);

struct GuardedSlots {
  llvm::PHINode *Room = nullptr;      // true when the slots exist
  std::vector<llvm::PHINode *> Slots; // each slot, or null without room
};

/// Emits the check after the static allocas of \p F's entry block and, when
/// it passes, one alloca per (bytes, alignment) of \p Slots. Their block is
/// entered once per call of \p F, outside every cycle.
GuardedSlots
emitGuardedSlots(llvm::Function &F,
                 llvm::ArrayRef<std::pair<uint64_t, uint64_t>> Slots);

} // namespace escape

#endif
