//===-- InstanceReuse.cpp - One slot for every iteration's object ---------===//
#include "InstanceReuse.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/IR/CFG.h"

using namespace llvm;

namespace escape {

// Whether \p Def's value is live just before \p At: some path from At reaches
// a use of it without running Def again. Walks backwards from each use; a
// block is entered at its end once.
static bool liveBefore(const Instruction &Def, const Instruction &At) {
  constexpr unsigned MaxBlocks = 4096;
  for (const Use &U : Def.uses()) {
    const auto *User = cast<Instruction>(U.getUser());
    // A phi reads its operand at the end of the incoming block.
    const BasicBlock *BB = User->getParent();
    const Instruction *Before = User;
    if (const auto *Phi = dyn_cast<PHINode>(User)) {
      BB = Phi->getIncomingBlock(U);
      Before = nullptr;
    }
    SmallVector<std::pair<const BasicBlock *, const Instruction *>, 16> Work{
        {BB, Before}};
    DenseSet<const BasicBlock *> Entered;
    while (!Work.empty()) {
      auto [B, End] = Work.pop_back_val();
      auto InSegment = [&](const Instruction &I) {
        return I.getParent() == B && (!End || I.comesBefore(End));
      };
      bool HasAt = InSegment(At), HasDef = InSegment(Def);
      if (HasAt && !(HasDef && (&Def == &At || At.comesBefore(&Def))))
        return true; // At, then the use, without Def in between
      if (HasDef)
        continue;
      for (const BasicBlock *Pred : predecessors(B))
        if (Entered.insert(Pred).second) {
          if (Entered.size() > MaxBlocks)
            return true; // too far to tell: assume the worst
          Work.push_back({Pred, nullptr});
        }
    }
  }
  return false;
}

bool earlierInstancesDead(const Location &Obj, const UserMap &Users) {
  const auto *Site = dyn_cast<Instruction>(Obj.V);
  if (!Site)
    return false;
  // The values that hold the object's address (derefs -1 from it).
  SmallVector<const Location *, 16> Work{&Obj};
  DenseSet<const Location *> Carriers;
  while (!Work.empty()) {
    const Location *L = Work.pop_back_val();
    auto It = Users.find(L);
    if (It == Users.end())
      continue;
    for (const Location *U : It->second)
      for (const Edge &E : U->Edges) {
        if (E.Src != L)
          continue;
        int Level = (L == &Obj ? 0 : -1) + E.Derefs;
        if (Level >= 0)
          continue; // reads the object's contents, not its address
        if (Level < -1)
          return false;
        if (U->Kind == LocKind::Free)
          continue; // freeing an instance keeps no pointer to it
        if (U->Kind != LocKind::Value || U->Fn != Obj.Fn)
          return false; // kept in memory, returned, passed on
        if (Carriers.insert(U).second)
          Work.push_back(U);
      }
  }
  for (const Location *C : Carriers) {
    const auto *Def = dyn_cast<Instruction>(C->V);
    if (!Def || liveBefore(*Def, *Site))
      return false;
  }
  return true;
}

} // namespace escape
