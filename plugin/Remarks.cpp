//===-- Remarks.cpp - Go -m style remarks ---------------------------------===//
//
// Message shapes (docs/remarks.md):
//   MovedToStack   malloc(16) does not escape: moved to stack while the
//                  stack has room
//   StaysOnHeap    malloc(65536) does not escape, but stays on heap: <reason>
//   EscapesToHeap  malloc(16) escapes to heap: <reason>
//   LeakingParam   leaking param: p | leaking param content: p |
//                  leaking param: p to result ~r0 level=0
//   ParamDoesNotEscape  p does not escape
//   EscapeFlow     one line of a Go -m=2 explanation
//   Eliminated     malloc(16) does not escape: removed by the optimizer
//   RedirectedToSizeClass  malloc(48) uses size class 5 (48 bytes) |
//                  free(p) uses size class 5 (48 bytes) |
//                  malloc(n) uses the size class of n when it is at most
//                  1024 bytes  (-escape-runtime)
// The arguments Callee, Size and Reason make the message; ReasonKind is an
// extra argument for tools.
//
//===----------------------------------------------------------------------===//
#include "Remarks.h"
#include "IRFacts.h"
#include "Names.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"

using namespace llvm;

namespace escape {

template <typename RemarkT>
static RemarkT &siteHead(RemarkT &R, const CallBase &CB) {
  const Function *Callee = CB.getCalledFunction();
  R << ore::NV("Callee", Callee ? Callee->getName() : StringRef("?")) << "("
    << ore::NV("Size", describeAllocationSize(CB)) << ")";
  return R;
}

template <typename RemarkT>
static RemarkT &withReason(RemarkT &R, const Reason &Why) {
  R << ore::NV("Reason", reasonText(Why));
  R << ore::setExtraArgs() << ore::NV("ReasonKind", reasonId(Why.Kind));
  return R;
}

static void emitSite(const SiteVerdict &S, const Decision &D,
                     RemarkSink &Out) {
  const CallBase &CB = *S.Call;
  if (S.Escapes) {
    Out.emit([&] {
      OptimizationRemarkMissed R(PassName, "EscapesToHeap", &CB);
      siteHead(R, CB) << " escapes to heap: ";
      return withReason(R, S.Why);
    });
    for (const std::string &Line : S.Explanation)
      Out.emit([&] {
        return OptimizationRemarkAnalysis(PassName, "EscapeFlow", &CB)
               << ore::NV("Flow", Line);
      });
    return;
  }
  switch (D.Where) {
  case Placement::Stack:
    Out.emit([&] {
      OptimizationRemark R(PassName, "MovedToStack", &CB);
      return siteHead(R, CB)
             << " does not escape: moved to stack while the stack has room";
    });
    return;
  case Placement::StackDynamic:
    Out.emit([&] {
      OptimizationRemark R(PassName, "MovedToStack", &CB);
      return siteHead(R, CB)
             << " does not escape: moved to stack when "
             << ore::NV("SizeOperand", operandText(*CB.getArgOperand(0)))
             << " <= " << ore::NV("Limit", D.Bytes)
             << " while the stack has room";
    });
    return;
  case Placement::Heap:
    Out.emit([&] {
      OptimizationRemarkMissed R(PassName, "StaysOnHeap", &CB);
      siteHead(R, CB) << " does not escape, but stays on heap: ";
      return withReason(R, D.Why);
    });
    return;
  }
}

// Go reports parameters at their declaration; without debug info for the
// parameter, at the function.
static DiagnosticLocation paramLocation(const Argument &A) {
  const Function &F = *A.getParent();
  const DISubprogram *SP = F.getSubprogram();
  if (!SP)
    return DiagnosticLocation();
  for (const DINode *N : SP->getRetainedNodes())
    if (const auto *Var = dyn_cast<DILocalVariable>(N))
      if (Var->getArg() == A.getArgNo() + 1)
        return DiagnosticLocation(DILocation::get(
            F.getContext(), Var->getLine(), 0, const_cast<DISubprogram *>(SP)));
  return DiagnosticLocation(SP);
}

static void emitParam(const Argument &A, ParamLeaks L,
                      RemarkSink &Out) {
  const Function &F = *A.getParent();
  // A function whose result is not a pointer reads an integer out of what p
  // points to all the time: the summary keeps that flow (the integer could
  // be a disguised pointer), the report shows only p itself returned.
  if (!carriesPointer(F.getReturnType()) && L.Result > 0)
    L.Result = -1;
  const BasicBlock *Entry = &F.getEntryBlock();
  if (!Out.wantsAnalysis())
    return; // parameter remarks are requested by nobody: skip the names
  std::string Name = paramName(A);
  if (L.none()) {
    Out.emit([&] {
      return OptimizationRemarkAnalysis(PassName, "ParamDoesNotEscape",
                                        paramLocation(A), Entry)
             << ore::NV("Param", Name) << " does not escape";
    });
    return;
  }
  if (L.Heap >= 0)
    Out.emit([&] {
      OptimizationRemarkAnalysis R(PassName, "LeakingParam", paramLocation(A),
                                   Entry);
      R << (L.Heap == 0 ? "leaking param: " : "leaking param content: ")
        << ore::NV("Param", Name);
      return R;
    });
  if (L.Result >= 0)
    Out.emit([&] {
      return OptimizationRemarkAnalysis(PassName, "LeakingParam",
                                        paramLocation(A), Entry)
             << "leaking param: " << ore::NV("Param", Name) << " to result "
             << ore::NV("Result", "~r0")
             << " level=" << ore::NV("Level", L.Result);
    });
  if (L.Free >= 0)
    Out.emit([&] {
      return OptimizationRemarkAnalysis(PassName, "LeakingParam",
                                        paramLocation(A), Entry)
             << "leaking param: " << ore::NV("Param", Name) << " to "
             << ore::NV("Result", "{free}")
             << " level=" << ore::NV("Level", L.Free);
    });
}

void emitSizeClassRemark(const CallBase &CB, unsigned Class,
                         uint64_t ClassBytes, RemarkSink &Out) {
  Out.emit([&] {
    OptimizationRemark R(PassName, "RedirectedToSizeClass", &CB);
    if (CB.getType()->isVoidTy()) // free(p): the operand, not a size
      R << ore::NV("Callee", CB.getCalledFunction()->getName()) << "("
        << ore::NV("Pointer", operandText(*CB.getArgOperand(0))) << ")";
    else
      siteHead(R, CB);
    return R << " uses size class " << ore::NV("Class", Class) << " ("
             << ore::NV("ClassSize", ClassBytes) << " bytes)";
  });
}

void emitVariableSizeClassRemark(const CallBase &CB, uint64_t Limit,
                                 RemarkSink &Out) {
  Out.emit([&] {
    OptimizationRemark R(PassName, "RedirectedToSizeClass", &CB);
    return siteHead(R, CB)
           << " uses the size class of "
           << ore::NV("SizeOperand", operandText(*CB.getArgOperand(0)))
           << " when it is at most " << ore::NV("Limit", Limit) << " bytes";
  });
}

void emitEliminatedRemark(const VanishedSite &S,
                          RemarkSink &Out) {
  Out.emit([&] {
    OptimizationRemark R(PassName, "Eliminated", DiagnosticLocation(S.Loc),
                         &S.F->getEntryBlock());
    R << ore::NV("Callee", S.Callee) << "(" << ore::NV("Size", S.Size)
      << ") does not escape: removed by the optimizer";
    if (S.F->getName() != S.FunctionName)
      R << ore::setExtraArgs() << ore::NV("InlinedFrom", S.FunctionName);
    return R;
  });
}

void emitFunctionRemarks(const FunctionResult &FR,
                         const std::vector<Decision> &D,
                         RemarkSink &Out) {
  for (const auto &[Arg, Leaks] : FR.Params)
    emitParam(*Arg, Leaks, Out);
  for (unsigned I = 0, E = FR.Sites.size(); I != E; ++I)
    emitSite(FR.Sites[I], D[I], Out);
}

} // namespace escape
