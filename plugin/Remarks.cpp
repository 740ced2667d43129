//===-- Remarks.cpp - Go -m style remarks ---------------------------------===//
//
// Message shapes (docs/remarks.md):
//   MovedToStack   malloc(16) does not escape: moved to stack while the
//                  stack has room
//   StaysOnHeap    malloc(65536) does not escape, but stays on heap: <reason>
//   EscapesToHeap  malloc(16) escapes to heap: <reason>
//   LeakingParam   leaking param: p | leaking param content: p |
//                  leaking param: p to result ~r0 level=0 |
//                  leaking param: p to *q level=0  (mode=precise)
//   ParamDoesNotEscape  p does not escape
//   EscapeFlow     one line of a Go -m=2 explanation
//   StartsOnStack  malloc(16) does not escape: starts on stack, grows on
//                  heap (realloc at a.c:12:9)
//   Eliminated     malloc(16) does not escape: removed by the optimizer
//   RedirectedToSizeClass  malloc(48) uses size class 5 (48 bytes) |
//                  free(p) uses size class 5 (48 bytes) |
//                  malloc(n) uses the size class of n when it is at most
//                  1024 bytes  (-escape-runtime)
// The arguments Callee, Size and Reason make the message; ReasonKind,
// InlinedFrom, Assertion and AssertionMet are extra arguments for tools.
//
//===----------------------------------------------------------------------===//
#include "Remarks.h"
#include "Explain.h"
#include "IRFacts.h"
#include "Names.h"
#include "SourceAssertions.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"

using namespace llvm;

namespace escape {

template <typename RemarkT>
static RemarkT &siteHead(RemarkT &R, const CallBase &CB) {
  const Function *Callee = CB.getCalledFunction();
  R << ore::NV("Callee", Callee ? Callee->getName() : StringRef("?")) << "("
    << ore::NV("Size", describeAllocationSize(CB)) << ")";
  return R;
}

/// What a remark says for tools only: a source assertion on what it is
/// about and whether it holds, and the mode when it is not go.
struct AssertionMark {
  const char *Kind = nullptr; // "stack", "noescape"; null: none
  bool Met = false;
  const char *Mode = nullptr; // "precise"; null: go
};

/// The arguments only tools read, after the message's: ReasonKind,
/// InlinedFrom, Assertion, AssertionMet and Mode.
template <typename RemarkT>
static RemarkT &extraArgs(RemarkT &R, const Reason *Why, AssertionMark A,
                          StringRef InlinedFrom = "") {
  if (!Why && !A.Kind && !A.Mode && InlinedFrom.empty())
    return R;
  R << ore::setExtraArgs();
  if (Why)
    R << ore::NV("ReasonKind", reasonId(Why->Kind));
  if (!InlinedFrom.empty())
    R << ore::NV("InlinedFrom", InlinedFrom);
  if (A.Kind)
    R << ore::NV("Assertion", A.Kind)
      << ore::NV("AssertionMet", A.Met ? "true" : "false");
  if (A.Mode)
    R << ore::NV("Mode", A.Mode);
  return R;
}

template <typename RemarkT>
static RemarkT &withReason(RemarkT &R, const Reason &Why, AssertionMark A) {
  R << ore::NV("Reason", reasonText(Why));
  return extraArgs(R, &Why, A);
}

// mode=precise: what the mode bought.
static void goWouldKeep(OptimizationRemark &R, const SiteVerdict &S) {
  if (S.GoEscapes)
    R << " (Go's rule would keep it on the heap)";
}

namespace {
// An unmet source assertion, printed as clang prints a plugin's diagnostic:
// "error: a.c:7:13: ESCAPE_STACK not met: malloc(64) escapes to heap: ...".
class UnmetAssertion : public DiagnosticInfo {
public:
  UnmetAssertion(std::string Text, DiagnosticSeverity Severity)
      : DiagnosticInfo(kind(), Severity), Text(std::move(Text)) {}
  void print(DiagnosticPrinter &DP) const override { DP << Text; }

private:
  static int kind() {
    static const int Kind = getNextAvailablePluginDiagnosticKind();
    return Kind;
  }
  std::string Text;
};
} // namespace

void RemarkSink::failAssertion(const Function &F, const std::string &Position,
                               const std::string &Message) {
  F.getContext().diagnose(UnmetAssertion(
      Position != "?" ? Position + ": " + Message : Message,
      AssertionsFail ? DS_Error : DS_Warning));
}

// Emits the remark \p Build makes; when it is about an ESCAPE_STACK that does
// not hold, the same words fail the compile.
template <typename BuildT>
static void emitSiteRemark(const CallBase &CB, AssertionMark A, BuildT Build,
                           RemarkSink &Out) {
  if (A.Kind && !A.Met) {
    std::string Position = sourcePosition(&CB);
    Out.failAssertion(*CB.getFunction(),
                      Position != "?" ? Position : stackAssertionLine(CB),
                      "ESCAPE_STACK not met: " + Build().getMsg());
  }
  Out.emit(Build);
}

static void emitSite(const SiteVerdict &S, const Decision &D,
                     RemarkSink &Out) {
  const CallBase &CB = *S.Call;
  AssertionMark A;
  A.Mode = Out.modeName();
  if (hasStackAssertion(CB)) {
    A.Kind = "stack";
    A.Met = !S.Escapes && (D.Where != Placement::Heap || D.WouldMove);
  }
  if (S.Escapes) {
    emitSiteRemark(CB, A, [&] {
      OptimizationRemarkMissed R(PassName, "EscapesToHeap", &CB);
      siteHead(R, CB) << " escapes to heap: ";
      return withReason(R, S.Why, A);
    }, Out);
    for (const std::string &Line : S.Explanation)
      Out.emit([&] {
        return OptimizationRemarkAnalysis(PassName, "EscapeFlow", &CB)
               << ore::NV("Flow", Line);
      });
    return;
  }
  if (!D.Reallocs.empty()) {
    emitSiteRemark(CB, A, [&] {
      OptimizationRemark R(PassName, "StartsOnStack", &CB);
      siteHead(R, CB) << " does not escape: starts on stack";
      if (D.Where == Placement::StackDynamic)
        R << " when "
          << ore::NV("SizeOperand", operandText(*CB.getArgOperand(0)))
          << " <= " << ore::NV("Limit", D.Bytes);
      std::string Positions;
      for (const CallBase *Realloc : D.Reallocs)
        Positions += (Positions.empty() ? "" : ", ") + sourcePosition(Realloc);
      R << ", grows on heap (realloc at " << ore::NV("Reallocs", Positions)
        << ")";
      goWouldKeep(R, S);
      return extraArgs(R, nullptr, A);
    }, Out);
    for (const std::string &Line : D.Explanation)
      Out.emit([&] {
        return OptimizationRemarkAnalysis(PassName, "EscapeFlow", &CB)
               << ore::NV("Flow", Line);
      });
    return;
  }
  switch (D.Where) {
  case Placement::Stack:
    emitSiteRemark(CB, A, [&] {
      OptimizationRemark R(PassName, "MovedToStack", &CB);
      siteHead(R, CB)
          << " does not escape: moved to stack while the stack has room";
      goWouldKeep(R, S);
      return extraArgs(R, nullptr, A);
    }, Out);
    return;
  case Placement::StackDynamic:
    emitSiteRemark(CB, A, [&] {
      OptimizationRemark R(PassName, "MovedToStack", &CB);
      siteHead(R, CB) << " does not escape: moved to stack when "
                      << ore::NV("SizeOperand",
                                 operandText(*CB.getArgOperand(0)))
                      << " <= " << ore::NV("Limit", D.Bytes)
                      << " while the stack has room";
      goWouldKeep(R, S);
      return extraArgs(R, nullptr, A);
    }, Out);
    return;
  case Placement::Heap:
    emitSiteRemark(CB, A, [&] {
      OptimizationRemarkMissed R(PassName, "StaysOnHeap", &CB);
      siteHead(R, CB) << " does not escape, but stays on heap: ";
      return withReason(R, D.Why, A);
    }, Out);
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

// A noescape parameter (SourceAssertions.h) keeps its promise when its own
// value reaches neither the heap, the result nor another parameter's
// target, and the function does not free it: callers go on using the
// object after the call.
static bool keepsNoEscape(const ParamLeaks &L) {
  return L.Heap != 0 && L.Result != 0 && L.Free != 0 &&
         none_of(L.Into, [](const ParamFlow &F) { return F.Derefs == 0; });
}

static void emitParam(const ParamResult &P, RemarkSink &Out) {
  const Argument &A = *P.Arg;
  ParamLeaks L = P.Leaks;
  const Function &F = *A.getParent();
  // A function whose result is not a pointer reads an integer out of what p
  // points to all the time: the summary keeps that flow (the integer could
  // be a disguised pointer), the report shows only p itself returned.
  if (!carriesPointer(F.getReturnType()) && L.Result > 0)
    L.Result = -1;
  AssertionMark Mark;
  Mark.Mode = Out.modeName();
  if (hasNoEscapeAssertion(A)) {
    Mark.Kind = "noescape";
    Mark.Met = keepsNoEscape(L);
  }
  if (Mark.Kind && !Mark.Met) {
    std::string Leak = "leaking param: " + paramName(A);
    if (L.Heap != 0) {
      auto Into = find_if(L.Into, [](const ParamFlow &F) { return !F.Derefs; });
      Leak += L.Result == 0 ? " to result ~r0 level=0"
              : L.Free == 0 ? " to {free} level=0"
                            : " to *" + paramName(*F.getArg(Into->To)) +
                                  " level=0";
    }
    if (P.LeakWhy.Kind != ReasonKind::None)
      Leak += " (" + reasonText(P.LeakWhy) + ")";
    Out.failAssertion(F, sourcePosition(P.LeakAt),
                      "noescape not met in " + F.getName().str() + ": " + Leak);
  }
  const BasicBlock *Entry = &F.getEntryBlock();
  if (!Out.wantsAnalysis())
    return; // parameter remarks are requested by nobody: skip the names
  std::string Name = paramName(A);
  if (L.none()) {
    Out.emit([&] {
      OptimizationRemarkAnalysis R(PassName, "ParamDoesNotEscape",
                                   paramLocation(A), Entry);
      R << ore::NV("Param", Name) << " does not escape";
      return extraArgs(R, nullptr, Mark);
    });
    return;
  }
  if (L.Heap >= 0)
    Out.emit([&] {
      OptimizationRemarkAnalysis R(PassName, "LeakingParam", paramLocation(A),
                                   Entry);
      R << (L.Heap == 0 ? "leaking param: " : "leaking param content: ")
        << ore::NV("Param", Name);
      return extraArgs(R, nullptr, Mark);
    });
  if (L.Result >= 0)
    Out.emit([&] {
      OptimizationRemarkAnalysis R(PassName, "LeakingParam", paramLocation(A),
                                   Entry);
      R << "leaking param: " << ore::NV("Param", Name) << " to result "
        << ore::NV("Result", "~r0") << " level=" << ore::NV("Level", L.Result);
      return extraArgs(R, nullptr, Mark);
    });
  if (L.Free >= 0)
    Out.emit([&] {
      OptimizationRemarkAnalysis R(PassName, "LeakingParam", paramLocation(A),
                                   Entry);
      R << "leaking param: " << ore::NV("Param", Name) << " to "
        << ore::NV("Result", "{free}") << " level=" << ore::NV("Level", L.Free);
      return extraArgs(R, nullptr, Mark);
    });
  for (const ParamFlow &Into : L.Into)
    Out.emit([&] {
      OptimizationRemarkAnalysis R(PassName, "LeakingParam", paramLocation(A),
                                   Entry);
      R << "leaking param: " << ore::NV("Param", Name) << " to "
        << ore::NV("Result", "*" + paramName(*F.getArg(Into.To)))
        << " level=" << ore::NV("Level", Into.Derefs);
      return extraArgs(R, nullptr, Mark);
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
    AssertionMark A;
    A.Mode = Out.modeName();
    if (S.StackAsserted) {
      A.Kind = "stack";
      A.Met = true;
    }
    return extraArgs(R, nullptr, A,
                     S.F->getName() != S.FunctionName ? S.FunctionName : "");
  });
}

void emitFunctionRemarks(const FunctionResult &FR,
                         const std::vector<Decision> &D,
                         RemarkSink &Out) {
  for (const ParamResult &P : FR.Params)
    emitParam(P, Out);
  for (unsigned I = 0, E = FR.Sites.size(); I != E; ++I)
    emitSite(FR.Sites[I], D[I], Out);
}

} // namespace escape
