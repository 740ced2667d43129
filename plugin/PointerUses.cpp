//===-- PointerUses.cpp - What a function does with a pointer after a call ===//
#include "PointerUses.h"
#include "HeapCalls.h"
#include "IRFacts.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IntrinsicInst.h"
#include <functional>

using namespace llvm;

namespace escape {

namespace {

// The pointer a call received, as the code after the call names it.
class SamePointer {
public:
  SamePointer(const Value *Ptr, const TargetLibraryInfo &TLI)
      : Base(getUnderlyingObject(Ptr)), TLI(TLI) {
    // At -O0 a C local lives in a stack slot and each use reloads it: a load
    // of the same slot is the same pointer, until a store to the slot.
    if (const auto *Reload = dyn_cast<LoadInst>(Base))
      if (const auto *AI = dyn_cast<AllocaInst>(Reload->getPointerOperand()))
        if (onlyLoadedAndStored(*AI))
          Slot = AI;
  }

  bool names(const Value *P) const {
    const Value *B = getUnderlyingObject(P);
    if (B == Base)
      return true;
    const auto *Reload = dyn_cast<LoadInst>(B);
    return Slot && Reload && Reload->getPointerOperand() == Slot;
  }

  /// After \p I the name may stand for another object.
  bool changesAt(const Instruction &I) const {
    if (!Slot)
      return &I == Base;
    const auto *SI = dyn_cast<StoreInst>(&I);
    return SI && SI->getPointerOperand() == Slot;
  }

  bool usedBy(const Instruction &I) const {
    if (const auto *LI = dyn_cast<LoadInst>(&I))
      return names(LI->getPointerOperand());
    if (const auto *SI = dyn_cast<StoreInst>(&I))
      return names(SI->getPointerOperand());
    if (const auto *MT = dyn_cast<MemTransferInst>(&I))
      return names(MT->getRawDest()) || names(MT->getRawSource());
    if (const auto *MS = dyn_cast<MemSetInst>(&I))
      return names(MS->getRawDest());
    if (const auto *Call = dyn_cast<CallBase>(&I)) {
      HeapFn K = classifyHeapCall(*Call, TLI);
      return (K == HeapFn::Free || K == HeapFn::Resize) &&
             names(Call->getArgOperand(0));
    }
    return false;
  }

private:
  const Value *Base;
  const AllocaInst *Slot = nullptr;
  const TargetLibraryInfo &TLI;
};

} // namespace

bool usedOnEveryPathAfter(const CallBase &CB, const Value *Ptr,
                          const TargetLibraryInfo &TLI) {
  SamePointer P(Ptr, TLI);
  // Depth-first over the blocks: a block on the current path met again is
  // a cycle without a use; a finished block has a use on every path. The
  // call's own block, met again, is scanned from its start: it holds the
  // call.
  enum class State { OnPath, Covered };
  DenseMap<const BasicBlock *, State> Seen;
  unsigned Budget = 64;
  std::function<bool(const BasicBlock &, BasicBlock::const_iterator)> Covers =
      [&](const BasicBlock &BB, BasicBlock::const_iterator From) {
        for (auto It = From; It != BB.end(); ++It) {
          if (P.changesAt(*It))
            return false; // the pointer may now be another object
          if (&*It == &CB || P.usedBy(*It))
            return true;
        }
        const Instruction *Term = BB.getTerminator();
        if (!Term || Term->getNumSuccessors() == 0 || isa<InvokeInst>(Term))
          return false; // the function ends, or unwinds, without a use
        for (const BasicBlock *Succ : successors(&BB)) {
          auto [It, New] = Seen.try_emplace(Succ, State::OnPath);
          if (!New) {
            if (It->second == State::OnPath)
              return false;
            continue;
          }
          if (--Budget == 0 || !Covers(*Succ, Succ->begin()))
            return false;
          Seen[Succ] = State::Covered;
        }
        return true;
      };
  return Covers(*CB.getParent(), std::next(CB.getIterator()));
}

// The successor a branch on `Result == null` takes when \p Result is null,
// or null when the branch does not test it.
static const BasicBlock *failureSuccessor(const Instruction *Term,
                                          const Value *Result) {
  const auto *Br = dyn_cast<BranchInst>(Term);
  if (!Br || !Br->isConditional())
    return nullptr;
  const auto *Cmp = dyn_cast<ICmpInst>(Br->getCondition());
  if (!Cmp || !Cmp->isEquality())
    return nullptr;
  const Value *L = Cmp->getOperand(0), *R = Cmp->getOperand(1);
  if (!((L == Result && isa<ConstantPointerNull>(R)) ||
        (R == Result && isa<ConstantPointerNull>(L))))
    return nullptr;
  return Br->getSuccessor(Cmp->getPredicate() == CmpInst::ICMP_EQ ? 0 : 1);
}

const Instruction *useAfterRealloc(const CallBase &Realloc,
                                   const TargetLibraryInfo &TLI) {
  SamePointer P(Realloc.getArgOperand(0), TLI);
  SmallPtrSet<const BasicBlock *, 16> Seen;
  SmallVector<std::pair<const BasicBlock *, BasicBlock::const_iterator>, 8>
      Work{{Realloc.getParent(), std::next(Realloc.getIterator())}};
  while (!Work.empty()) {
    auto [BB, From] = Work.pop_back_val();
    bool Changed = false;
    for (auto It = From; It != BB->end() && !Changed; ++It) {
      if (&*It == &Realloc || P.changesAt(*It))
        Changed = true;
      else if (P.usedBy(*It))
        return &*It;
    }
    if (Changed)
      continue;
    const BasicBlock *Failed = failureSuccessor(BB->getTerminator(), &Realloc);
    for (const BasicBlock *Succ : successors(BB))
      if (Succ != Failed && Seen.insert(Succ).second)
        Work.push_back({Succ, Succ->begin()});
  }
  return nullptr;
}

} // namespace escape
