//===-- Explain.cpp - Go -m=2 flow explanations ---------------------------===//
#include "Explain.h"
#include "HeapCalls.h"
#include "Names.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace escape {

// Go's display names: `{heap}`, `~r0`, `{storage for malloc(16)}`, `p`.
static std::string locationName(const Location &L) {
  switch (L.Kind) {
  case LocKind::Heap:
    return "{heap}";
  case LocKind::Freer:
    return "{freer}";
  case LocKind::Free:
    return "{free}";
  case LocKind::Result:
    return "~r0";
  case LocKind::ParamTarget:
    return "*" + paramName(*cast<Argument>(L.V));
  case LocKind::Param:
    return paramName(*cast<Argument>(L.V));
  case LocKind::Object:
    if (const auto *CB = dyn_cast<CallBase>(L.V))
      return "{storage for " + describeAllocation(*CB) + "}";
    return valueName(*L.V);
  case LocKind::Value:
    return valueName(*L.V);
  }
  return "?";
}

std::string sourcePosition(const Instruction *I) {
  if (!I)
    return "?";
  const DebugLoc &DL = I->getDebugLoc();
  if (!DL)
    return "?";
  return (DL->getFilename() + ":" + Twine(DL.getLine()) + ":" +
          Twine(DL.getCol()))
      .str();
}

// A short source-like rendering of the instruction behind an edge.
static std::string describeWhere(const Instruction *I) {
  if (!I)
    return "?";
  if (const auto *SI = dyn_cast<StoreInst>(I)) {
    // A C local or a global is assigned by name; anything else through `*`.
    const Value *Base = getUnderlyingObject(SI->getPointerOperand(), 0);
    bool Named = isa<AllocaInst>(Base) || isa<GlobalVariable>(Base);
    return (Named ? "" : "*") + valueName(*SI->getPointerOperand()) + " = " +
           valueName(*SI->getValueOperand());
  }
  if (const auto *RI = dyn_cast<ReturnInst>(I))
    return RI->getReturnValue() ? "return " + valueName(*RI->getReturnValue())
                                : std::string("return");
  if (const auto *CB = dyn_cast<CallBase>(I)) {
    const Function *Callee = CB->getCalledFunction();
    std::string S = Callee ? Callee->getName().str() : std::string("(*fn)");
    S += "(";
    for (unsigned A = 0, E = CB->arg_size(); A != E; ++A)
      S += (A ? ", " : "") + operandText(*CB->getArgOperand(A));
    return S + ")";
  }
  if (const auto *LI = dyn_cast<LoadInst>(I))
    return "*" + valueName(*LI->getPointerOperand());
  return valueName(*I);
}

static std::string ops(int Derefs) {
  return Derefs < 0 ? "&" : std::string(Derefs, '*');
}

std::vector<std::string> explainPath(const Location &L, Hop Location::*Walk) {
  std::vector<std::string> Lines;
  std::vector<std::string> Notes;
  const Location *From = &L;
  int Derefs = 0;
  SmallPtrSet<const Location *, 16> Visited;
  for (const Location *X = &L; (X->*Walk).Dst;) {
    const Hop &H = X->*Walk;
    if (H.DstEdge < 0 || !Visited.insert(X).second) {
      Lines.push_back("warning: truncated explanation due to assignment cycle");
      break;
    }
    const Location *Dst = H.Dst;
    const Edge &E = Dst->Edges[H.DstEdge];
    Derefs = std::max(Derefs + E.Derefs, -1);
    Notes.push_back("  from " + describeWhere(E.Where) + " (" + E.Note +
                    ") at " + sourcePosition(E.Where));
    X = Dst;
    if ((X->*Walk).Dst && locationName(*X) == "{temp}")
      continue; // fold unnamed temporaries into the next flow line
    Lines.push_back("flow: " + locationName(*X) + " = " + ops(Derefs) +
                    locationName(*From) + ":");
    Lines.insert(Lines.end(), Notes.begin(), Notes.end());
    Notes.clear();
    From = X;
    Derefs = 0;
  }
  return Lines;
}

} // namespace escape
