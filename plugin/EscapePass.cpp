//===-- EscapePass.cpp - Analyze, decide, report, rewrite one module ------===//
#include "EscapePass.h"
#include "Names.h"
#include "Options.h"
#include "RecordedSites.h"
#include "Remarks.h"
#include "Rewrite.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace escape {

static FunctionAnalysisManager &functionAnalyses(Module &M,
                                                 ModuleAnalysisManager &MAM) {
  return MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
}

// Whether anyone takes the remarks: -Rpass & co., a record file, the
// object's section.
static bool remarksWanted(const Module &M, const EscapeOptions &Opts) {
  const LLVMContext &Ctx = M.getContext();
  return Opts.RecordsSection || Ctx.getLLVMRemarkStreamer() ||
         Ctx.getDiagHandlerPtr()->isAnyRemarkEnabled(PassName);
}

// mode=precise reports what it bought (when anyone reads it): the sites Go's rule makes escape,
// from the same IR analysed again in mode=go (same functions, same order).
static void markWhatGoKeeps(Module &M, ModuleAnalysisManager &MAM,
                            const EscapeOptions &Opts, ModuleResult &MR) {
  EscapeOptions GoOpts = Opts;
  GoOpts.Mode = EscapeMode::Go;
  GoOpts.Explain = false;
  ModuleResult Go = analyzeModule(M, MAM, GoOpts, AnalysisScope::EveryFunction);
  for (unsigned F = 0, E = MR.Functions.size(); F != E; ++F)
    for (unsigned I = 0, N = MR.Functions[F].Sites.size(); I != N; ++I)
      MR.Functions[F].Sites[I].GoEscapes = Go.Functions[F].Sites[I].Escapes;
}

PreservedAnalyses EscapePass::run(Module &M, ModuleAnalysisManager &MAM) {
  Expected<EscapeOptions> Opts = resolveOptions(PipelineParams);
  if (!Opts) {
    M.getContext().emitError(toString(Opts.takeError()));
    return PreservedAnalyses::all();
  }
  FunctionAnalysisManager &FAM = functionAnalyses(M, MAM);
  // Analyze the module, bottom-up over the call graph: all of it when
  // someone reads the remarks, else what the rewrite needs.
  bool Remarks = remarksWanted(M, *Opts);
  ModuleResult MR = analyzeModule(M, MAM, *Opts,
                                  Remarks ? AnalysisScope::EveryFunction
                                          : AnalysisScope::Decisions);
  if (Opts->Mode == EscapeMode::Precise && Remarks)
    markWhatGoKeeps(M, MAM, *Opts, MR);
  // Decide, for each site that does not escape, whether it moves.
  std::vector<std::vector<Decision>> Decisions;
  for (const FunctionResult &FR : MR.Functions)
    Decisions.push_back(decideSites(FR, *Opts));
  // Report, while the calls are where the program wrote them.
  RecordSection Records;
  RecordSection *InObject = Opts->RecordsSection ? &Records : nullptr;
  auto SinkOf = [&](Function &F) {
    return RemarkSink(FAM.getResult<OptimizationRemarkEmitterAnalysis>(F),
                      InObject, Opts->AssertionsFail, Opts->Mode);
  };
  for (unsigned I = 0, E = MR.Functions.size(); I != E; ++I) {
    const FunctionResult &FR = MR.Functions[I];
    if (FR.Sites.empty() && FR.Params.empty())
      continue; // nothing to say (most functions, when the scope skips them)
    RemarkSink Out = SinkOf(*FR.F);
    emitFunctionRemarks(FR, Decisions[I], Out);
  }
  for (const VanishedSite &S : takeVanishedSites(M, FAM)) {
    RemarkSink Out = SinkOf(*S.F);
    emitEliminatedRemark(S, Out);
  }
  Records.writeInto(M, /*MarkIfEmpty=*/InObject != nullptr);
  // Rewrite.
  bool Changed = false;
  for (unsigned I = 0, E = MR.Functions.size(); I != E; ++I) {
    FunctionResult &FR = MR.Functions[I];
    Function &F = *FR.F; // FR may describe its stack body afterwards
    if (rewriteFunction(FR, Decisions[I], Opts->MaxVersionSize)) {
      FAM.invalidate(F, PreservedAnalyses::none());
      Changed = true;
    }
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

static const char *placementName(const SiteVerdict &S, const Decision &D) {
  if (S.Escapes)
    return "escapes to heap";
  if (!D.Reallocs.empty())
    return "starts on stack, grows on heap";
  switch (D.Where) {
  case Placement::Stack:
    return "moved to stack";
  case Placement::StackDynamic:
    return "moved to stack (dynamic)";
  case Placement::Heap:
    return "stays on heap";
  }
  return "?";
}

PreservedAnalyses EscapePrinterPass::run(Module &M,
                                         ModuleAnalysisManager &MAM) {
  Expected<EscapeOptions> Opts = resolveOptions("");
  if (!Opts) {
    M.getContext().emitError(toString(Opts.takeError()));
    return PreservedAnalyses::all();
  }
  OS << "escape options: " << *Opts << "\n";
  ModuleResult MR =
      analyzeModule(M, MAM, *Opts, AnalysisScope::EveryFunction);
  for (const FunctionResult &FR : MR.Functions) {
    OS << "function " << FR.F->getName()
       << (FR.RecursiveVia ? " (recursive)" : "") << "\n";
    for (const ParamResult &P : FR.Params) {
      OS << "  param " << paramName(*P.Arg) << ": heap=" << P.Leaks.Heap
         << " result=" << P.Leaks.Result << " free=" << P.Leaks.Free;
      for (const ParamFlow &Into : P.Leaks.Into)
        OS << " *" << paramName(*FR.F->getArg(Into.To)) << "=" << Into.Derefs;
      OS << "\n";
    }
    std::vector<Decision> D = decideSites(FR, *Opts);
    for (unsigned I = 0, E = FR.Sites.size(); I != E; ++I) {
      const SiteVerdict &S = FR.Sites[I];
      const Reason &Why = S.Escapes ? S.Why : D[I].Why;
      OS << "  site " << describeAllocation(*S.Call) << ": "
         << placementName(S, D[I]);
      if (Why.Kind != ReasonKind::None)
        OS << ": " << reasonText(Why);
      OS << "\n";
    }
    for (const FreeCall &Free : FR.Frees) {
      OS << (Free.Resizes ? "  realloc of " : "  free of ")
         << valueName(*Free.Call->getArgOperand(0))
         << ": sites {";
      for (unsigned I = 0; I != Free.Sites.size(); ++I)
        OS << (I ? ", " : "") << Free.Sites[I];
      OS << "}" << (Free.OtherOrigins ? " and other origins" : "") << "\n";
    }
  }
  return PreservedAnalyses::all();
}

} // namespace escape
