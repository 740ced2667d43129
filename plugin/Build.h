//===-- Build.h - Building the escape graph from LLVM IR ------------------===//
//
// Go's expr.go/stmt.go/assign.go for IR: every instruction that moves a
// pointer becomes edges. Building is two-phase over a batch: first every
// function's locations (so calls inside an SCC can name the callee's
// parameters), then the edges.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_BUILD_H
#define ESCAPE_BUILD_H

#include "Graph.h"
#include "HeapCalls.h"
#include "IRFacts.h"
#include "Leaks.h"
#include "Options.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Analysis/CycleAnalysis.h"

namespace escape {

struct LibcFunction;

class FunctionBuilder {
public:
  FunctionBuilder(Graph &G, const llvm::Function &F, const llvm::CycleInfo &CI,
                  const llvm::TargetLibraryInfo &TLI,
                  const SummaryMap &Summaries,
                  const llvm::SmallPtrSetImpl<const llvm::Function *> &Batch,
                  EscapeMode Mode);

  void createLocations();
  void buildEdges();

  /// Allocation sites (malloc, calloc, aligned_alloc) in program order.
  llvm::SmallVector<const llvm::CallBase *, 4> AllocSites;
  /// free() calls of this function.
  llvm::SmallVector<const llvm::CallBase *, 4> FreeCalls;

private:
  // Build.cpp
  bool tracked(const llvm::Value *V) const;
  Location *loc(const llvm::Value *V) const { return G.valueLoc(V); }
  unsigned depthOf(const llvm::BasicBlock *BB) const;
  unsigned allocaDepth(const llvm::AllocaInst &AI) const;
  unsigned phiDepth(const llvm::PHINode &Phi) const;
  void findDisguisedPointers();
  bool opaqueResult(const llvm::Instruction &I) const;
  void buildInstruction(const llvm::Instruction &I);
  void copyOperands(const llvm::Instruction &I, const char *Note);
  /// `*Ptr = *^Derefs Src`: Go's rule for a store through a pointer.
  void storeThrough(const llvm::Value *Ptr, Location &Src, int Derefs,
                    const llvm::Instruction &Where, const char *Note);
  /// Where `*Ptr = ...` lands.
  StoreTargets storeTargets(const llvm::Value *Ptr) const;
  /// mode=precise: the objects of this function (allocas, allocation sites,
  /// realloc results) and the parameters' targets that \p Ptr can only
  /// point into; false when it may point anywhere else.
  bool localTargets(const llvm::Value *Ptr,
                    llvm::SmallVectorImpl<Location *> &Targets) const;
  void toHeap(const llvm::Value *V, int Derefs, const llvm::Instruction &Where,
              const char *Note, Reason Why);

  // Calls.cpp
  void modelCall(const llvm::CallBase &CB);
  void modelIntrinsic(const llvm::CallBase &CB, const llvm::Function &Callee);
  void modelBatchCall(const llvm::CallBase &CB, const llvm::Function &Callee);
  void replaySummary(const llvm::CallBase &CB, const llvm::Function &Callee,
                     const FunctionSummary &S);
  void replayParam(const llvm::CallBase &CB, const llvm::Function &Callee,
                   unsigned ParamNo, Location &Src, Location *Result,
                   int Shift, bool Direct);
  void modelLibc(const llvm::CallBase &CB, const llvm::Function &Callee,
                 const LibcFunction &Model);
  void modelDeclaration(const llvm::CallBase &CB, const llvm::Function &Callee);
  void modelCallback(const llvm::CallBase &CB, const llvm::Value *Callback,
                     const llvm::Value *Arg);

  Graph &G;
  const llvm::Function &F;
  const llvm::CycleInfo &CI;
  const llvm::TargetLibraryInfo &TLI;
  const SummaryMap &Summaries;
  const llvm::SmallPtrSetImpl<const llvm::Function *> &Batch;
  EscapeMode Mode;
  // Non-pointer values that may hold a pointer (see findDisguisedPointers).
  llvm::DenseSet<const llvm::Value *> Disguised;
};

} // namespace escape

#endif
