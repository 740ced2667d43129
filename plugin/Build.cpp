//===-- Build.cpp - Building the escape graph from LLVM IR ----------------===//
#include "Build.h"
#include "Names.h"

#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace escape {

FunctionBuilder::FunctionBuilder(Graph &G, const Function &F,
                                 const CycleInfo &CI,
                                 const TargetLibraryInfo &TLI,
                                 const SummaryMap &Summaries,
                                 const SmallPtrSetImpl<const Function *> &Batch,
                                 EscapeMode Mode)
    : G(G), F(F), CI(CI), TLI(TLI), Summaries(Summaries), Batch(Batch),
      Mode(Mode) {}

bool FunctionBuilder::tracked(const Value *V) const {
  return carriesPointer(V->getType()) || Disguised.contains(V);
}

unsigned FunctionBuilder::depthOf(const BasicBlock *BB) const {
  return CI.getCycleDepth(BB);
}

// A C local's slot sits in the entry block, but its lifetime starts where the
// variable is declared: a slot that starts inside a loop is per iteration.
unsigned FunctionBuilder::allocaDepth(const AllocaInst &AI) const {
  unsigned Depth = depthOf(AI.getParent());
  for (const User *U : AI.users())
    if (const auto *II = dyn_cast<IntrinsicInst>(U))
      if (II->getIntrinsicID() == Intrinsic::lifetime_start)
        Depth = std::max(Depth, depthOf(II->getParent()));
  return Depth;
}

// A phi at a cycle's entry that receives a value over the back edge carries
// it into the next iteration: it lives one level further out.
unsigned FunctionBuilder::phiDepth(const PHINode &Phi) const {
  const BasicBlock *BB = Phi.getParent();
  unsigned Depth = depthOf(BB);
  for (const CycleInfo::CycleT *C = CI.getCycle(BB); C;
       C = C->getParentCycle()) {
    if (!C->isEntry(BB))
      continue;
    for (const BasicBlock *In : Phi.blocks())
      if (C->contains(In))
        Depth = std::min(Depth, C->getDepth() - 1);
  }
  return Depth;
}

// A pointer does not need a pointer type to travel: an 8-byte struct is
// copied as an i64, a union puns it, (uintptr_t)p is arithmetic, a function
// returns it as an integer. So besides pointer-typed values, the graph tracks
// every value that may hold one in disguise: ptrtoint results, whatever is
// loaded from memory or returned by a call, and what is computed from those
// (Go follows unsafe.Pointer through uintptr arithmetic the same way). A
// disguised pointer that is stored, passed or returned escapes with
// "converted to integer"; its contents flow like any load's.
static bool fromPointer(const Value *V, unsigned Depth = 4) {
  if (isa<PtrToIntInst>(V))
    return true;
  const auto *I = dyn_cast<Instruction>(V);
  if (!I || Depth == 0 || !(isa<CastInst>(I) || isa<BinaryOperator>(I)))
    return false;
  return any_of(I->operands(),
                [&](const Value *Op) { return fromPointer(Op, Depth - 1); });
}

// Only a value at least as wide as a pointer can hold one (an int read
// through an int* carries none, as Go's type filtering says).
static bool wideEnough(const Instruction &I) {
  Type *T = I.getType();
  if (!T->isSized())
    return false;
  const DataLayout &DL = I.getModule()->getDataLayout();
  return DL.getTypeSizeInBits(T).getKnownMinValue() >=
         DL.getPointerSizeInBits();
}

static bool mayDisguisePointer(const Instruction &I) {
  if (!wideEnough(I))
    return false;
  if (isa<PtrToIntInst>(I) || isa<LoadInst>(I) || isa<AtomicRMWInst>(I) ||
      isa<AtomicCmpXchgInst>(I))
    return true;
  if (const auto *CB = dyn_cast<CallBase>(&I))
    return !isa<IntrinsicInst>(CB);
  return false;
}

void FunctionBuilder::findDisguisedPointers() {
  SmallVector<const Value *, 16> Work;
  for (const Instruction &I : instructions(F))
    if (!carriesPointer(I.getType()) && mayDisguisePointer(I) &&
        Disguised.insert(&I).second)
      Work.push_back(&I);
  while (!Work.empty()) {
    const Value *V = Work.pop_back_val();
    for (const User *U : V->users()) {
      const auto *I = dyn_cast<Instruction>(U);
      if (!I || carriesPointer(I->getType()) || !wideEnough(*I))
        continue;
      // p - q of two pointers is a distance, not a pointer.
      if (I->getOpcode() == Instruction::Sub && fromPointer(I->getOperand(0)) &&
          fromPointer(I->getOperand(1)))
        continue;
      if (forwardsOperands(*I) && Disguised.insert(I).second)
        Work.push_back(I);
    }
  }
}

// Whether a value may come from outside what the graph models: then a free()
// that receives it cannot be deleted, only guarded.
bool FunctionBuilder::opaqueResult(const Instruction &I) const {
  if (const auto *CB = dyn_cast<CallBase>(&I)) {
    HeapFn K = classifyHeapCall(*CB, TLI);
    if (isAllocation(K) || K == HeapFn::Resize)
      return false;
    // A callee whose result can only be one of its arguments (or what they
    // point to) returns nothing new: the edges from the arguments say it all.
    auto It = Summaries.find(CB->getCalledFunction());
    return It == Summaries.end() || !It->second.ResultFromParamsOnly;
  }
  if (const auto *LI = dyn_cast<LoadInst>(&I))
    return !loc(LI->getPointerOperand());
  if (isa<AtomicRMWInst>(I) || isa<AtomicCmpXchgInst>(I))
    return !loc(I.getOperand(0)); // the pointer operand
  if (const auto *ITP = dyn_cast<IntToPtrInst>(&I))
    return !Disguised.contains(ITP->getOperand(0));
  if (forwardsOperands(I) || isa<AllocaInst>(I))
    return false;
  return true; // va_arg, landingpad, ...
}

void FunctionBuilder::createLocations() {
  findDisguisedPointers();
  for (const Argument &A : F.args())
    if (tracked(&A))
      G.newValue(F, &A, 0, /*Opaque=*/true);

  // Loads decide opacity by their pointer operand, so create in two rounds:
  // everything but loads first.
  for (const Instruction &I : instructions(F)) {
    if (isa<LoadInst>(I) || !tracked(&I))
      continue;
    unsigned Depth = depthOf(I.getParent());
    if (const auto *Phi = dyn_cast<PHINode>(&I))
      Depth = phiDepth(*Phi);
    if (const auto *AI = dyn_cast<AllocaInst>(&I)) {
      // The address of a per-iteration slot is per iteration too.
      Depth = allocaDepth(*AI);
      G.newObject(F, AI, Depth);
    } else if (const auto *CB = dyn_cast<CallBase>(&I)) {
      HeapFn K = classifyHeapCall(*CB, TLI);
      if (isAllocation(K)) {
        G.newObject(F, CB, Depth);
        AllocSites.push_back(CB);
      } else if (K == HeapFn::Resize) {
        // The object realloc returns: always on the heap, so it lives as
        // long as the function (loop depth 0); whether it escapes decides
        // whether what it grew from may start on the stack.
        G.newObject(F, CB, 0);
      }
    }
    G.newValue(F, &I, Depth, opaqueResult(I));
  }
  for (const Instruction &I : instructions(F))
    if (isa<LoadInst>(I) && tracked(&I))
      G.newValue(F, &I, depthOf(I.getParent()), opaqueResult(I));
}

void FunctionBuilder::buildEdges() {
  for (const Instruction &I : instructions(F))
    buildInstruction(I);
}

void FunctionBuilder::toHeap(const Value *V, int Derefs,
                             const Instruction &Where, const char *Note,
                             Reason Why) {
  if (Location *L = loc(V))
    G.flow(G.heap(), *L, Derefs, &Where, Note, std::move(Why));
}

void FunctionBuilder::copyOperands(const Instruction &I, const char *Note) {
  Location *Dst = loc(&I);
  if (!Dst)
    return;
  for (const Value *Op : I.operands())
    if (Location *Src = loc(Op))
      G.flow(*Dst, *Src, 0, &I, Note);
}

bool FunctionBuilder::localTargets(const Value *Ptr,
                                   SmallVectorImpl<Location *> &Targets) const {
  SmallVector<const Value *, 8> Work{Ptr};
  SmallPtrSet<const Value *, 16> Seen;
  while (!Work.empty()) {
    const Value *V = Work.pop_back_val()->stripPointerCasts();
    if (!Seen.insert(V).second || isa<ConstantPointerNull>(V) ||
        isa<UndefValue>(V))
      continue; // a null or undefined target is undefined behaviour
    if (Seen.size() > 64)
      return false;
    if (const auto *GEP = dyn_cast<GetElementPtrInst>(V)) {
      Work.push_back(GEP->getPointerOperand());
    } else if (const auto *Phi = dyn_cast<PHINode>(V)) {
      append_range(Work, Phi->incoming_values());
    } else if (const auto *Sel = dyn_cast<SelectInst>(V)) {
      Work.push_back(Sel->getTrueValue());
      Work.push_back(Sel->getFalseValue());
    } else if (const auto *Fr = dyn_cast<FreezeInst>(V)) {
      Work.push_back(Fr->getOperand(0));
    } else if (const auto *LI = dyn_cast<LoadInst>(V)) {
      // A local variable holding the pointer (-O0): what was stored there.
      const auto *Slot = dyn_cast<AllocaInst>(LI->getPointerOperand());
      if (!Slot || !onlyLoadedAndStored(*Slot))
        return false;
      for (const User *U : Slot->users())
        if (const auto *SI = dyn_cast<StoreInst>(U))
          Work.push_back(SI->getValueOperand());
    } else if (Location *Obj = G.objectOf(V); Obj && Obj->Fn == &F) {
      Targets.push_back(Obj); // an alloca, an allocation, a realloc result
    } else if (const auto *A = dyn_cast<Argument>(V);
               A && A->getParent() == &F && !A->hasByValAttr() &&
               G.valueLoc(A)) {
      // The caller's memory: the summary tells each caller what went in.
      Targets.push_back(&G.paramTarget(*A));
    } else {
      return false; // a global, a call result, an integer...
    }
  }
  return true;
}

StoreTargets FunctionBuilder::storeTargets(const Value *Ptr) const {
  StoreTargets T;
  const Value *Base = getUnderlyingObject(Ptr, /*MaxLookup=*/0);
  // A C local (an alloca) is a known slot, as a Go variable is. Anything else
  // reached through a pointer is the heap: Go's multi-level indirection rule.
  if (const auto *AI = dyn_cast<AllocaInst>(Base))
    if (Location *Slot = G.objectOf(AI)) {
      T.Targets.push_back(Slot);
      return T;
    }
  if (Mode == EscapeMode::Precise && localTargets(Ptr, T.Targets))
    return T;
  T.Targets.clear();
  T.Why = Reason{ReasonKind::MultiLevelIndirection, nullptr, ""};
  if (Mode == EscapeMode::Precise)
    T.Why.Detail = valueName(*Base); // the target precise mode gave up on
  if (const auto *GV = dyn_cast<GlobalVariable>(Base))
    T.Why = Reason{ReasonKind::StoredToGlobal, GV, ""};
  return T;
}

void FunctionBuilder::storeThrough(const Value *Ptr, Location &Src, int Derefs,
                                   const Instruction &Where, const char *Note) {
  StoreTargets T = storeTargets(Ptr);
  for (Location *Target : T.Targets)
    G.flow(*Target, Src, Derefs, &Where, Note);
  if (!T.Targets.empty())
    return;
  if (Src.V && Disguised.contains(Src.V))
    T.Why = Reason{ReasonKind::ConvertedToInteger, nullptr, ""};
  G.flow(G.heap(), Src, Derefs, &Where, Note, std::move(T.Why));
}

void FunctionBuilder::buildInstruction(const Instruction &I) {
  if (const auto *AI = dyn_cast<AllocaInst>(&I)) {
    G.flow(*loc(AI), *G.objectOf(AI), -1, &I, "address-of");
    return;
  }
  if (const auto *LI = dyn_cast<LoadInst>(&I)) {
    if (Location *Dst = loc(LI))
      if (Location *Src = loc(LI->getPointerOperand()))
        G.flow(*Dst, *Src, 1, &I, "indirection");
    return;
  }
  if (const auto *SI = dyn_cast<StoreInst>(&I)) {
    if (Location *Src = loc(SI->getValueOperand()))
      storeThrough(SI->getPointerOperand(), *Src, 0, I, "assign");
    return;
  }
  if (const auto *RMW = dyn_cast<AtomicRMWInst>(&I)) {
    if (Location *Src = loc(RMW->getValOperand()))
      storeThrough(RMW->getPointerOperand(), *Src, 0, I, "assign");
    if (Location *Dst = loc(RMW))
      if (Location *Ptr = loc(RMW->getPointerOperand()))
        G.flow(*Dst, *Ptr, 1, &I, "indirection");
    return;
  }
  if (const auto *CX = dyn_cast<AtomicCmpXchgInst>(&I)) {
    if (Location *Src = loc(CX->getNewValOperand()))
      storeThrough(CX->getPointerOperand(), *Src, 0, I, "assign");
    if (Location *Dst = loc(CX))
      if (Location *Ptr = loc(CX->getPointerOperand()))
        G.flow(*Dst, *Ptr, 1, &I, "indirection");
    return;
  }
  if (const auto *RI = dyn_cast<ReturnInst>(&I)) {
    if (const Value *V = RI->getReturnValue())
      if (Location *Src = loc(V))
        G.flow(G.result(F), *Src, 0, &I, "return",
               Reason{ReasonKind::Returned, nullptr, ""});
    return;
  }
  if (const auto *CB = dyn_cast<CallBase>(&I)) {
    modelCall(*CB);
    return;
  }
  if (forwardsOperands(I)) {
    // A merge is Go's assignment; anything else computes a copy.
    copyOperands(I, isa<PHINode>(I) || isa<SelectInst>(I) ? "assign" : "copy");
    return;
  }
  // icmp and friends: a comparison leaks nothing. Anything else that
  // consumes a pointer without being modelled sends it to the heap.
  if (isa<CmpInst>(I) || isa<BranchInst>(I) || isa<SwitchInst>(I) ||
      isa<UnreachableInst>(I) || isa<FenceInst>(I))
    return;
  for (const Value *Op : I.operands())
    toHeap(Op, 0, I, "use",
           Reason{ReasonKind::UnmodelledUse, nullptr, I.getOpcodeName()});
}

} // namespace escape
