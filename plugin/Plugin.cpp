//===-- Plugin.cpp - Registration of the Escape pass plugin ---------------===//
//
// Registration only. Usage:
//   opt -load-pass-plugin=EscapePlugin.so -passes=escape in.ll
//   clang -O2 -fpass-plugin=EscapePlugin.so -fplugin=EscapePlugin.so ...
// (-fplugin is what lets clang 19-21 accept the plugin's -mllvm options.)
//
//===----------------------------------------------------------------------===//
#include "Compat.h"
#include "EscapePass.h"
#include "Options.h"
#include "RecordedSites.h"
#include "SizeClassLowering.h"

#include "llvm/Passes/PassBuilder.h"

using namespace llvm;
using namespace escape;

static bool parseModulePipeline(StringRef Name, ModulePassManager &MPM,
                                ArrayRef<PassBuilder::PipelineElement>) {
  if (Name == "escape-record-sites") {
    MPM.addPass(RecordSitesPass());
    return true;
  }
  if (Name == "escape-size-classes") {
    MPM.addPass(SizeClassLoweringPass("runtime=true"));
    return true;
  }
  if (Name == "print<escape>") {
    MPM.addPass(EscapePrinterPass(errs()));
    return true;
  }
  if (!PassBuilder::checkParametrizedPassName(Name, "escape"))
    return false;
  auto Params = PassBuilder::parsePassParameters(
      [](StringRef Text) -> Expected<std::pair<std::string, bool>> {
        EscapeOptions Probe;
        if (Error E = applyOptionList(Probe, Text, ";", "escape<...>"))
          return E;
        return std::make_pair(Text.str(), Probe.Runtime);
      },
      Name, "escape");
  if (!Params) {
    // The PassBuilder has no way to return our message from here, so print
    // it; the caller then reports the unknown pipeline element and fails.
    errs() << toString(Params.takeError()) << "\n";
    return false;
  }
  MPM.addPass(EscapePass(Params->first));
  // escape<runtime> is the whole of -escape-runtime in one element: the
  // rewrite, then the lowering clang runs at the end of the pipeline.
  if (Params->second)
    MPM.addPass(SizeClassLoweringPass(Params->first));
  return true;
}

// The compile before an LTO link, whose link runs the passes on the whole
// program. LLVM 20+ passes the phase to the callbacks; for 19 the compile
// says so with -escape-lto-prelink.
template <typename... PhaseT> static bool isLTOPreLink(PhaseT... Phase) {
#if LLVM_VERSION_MAJOR >= 20
  if (((Phase == ThinOrFullLTOPhase::ThinLTOPreLink ||
        Phase == ThinOrFullLTOPhase::FullLTOPreLink) ||
       ...))
    return true;
#endif
  return ltoPreLinkDeclared();
}

static void registerCallbacks(PassBuilder &PB) {
  PB.registerPipelineParsingCallback(parseModulePipeline);

  // Before any optimization can delete an allocation, so that every site of
  // the source gets a verdict (see RecordedSites.h).
  PB.registerPipelineStartEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(RecordSitesPass());
      });
  // After all inlining, before vectorization; not before an LTO link.
  PB.registerOptimizerEarlyEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel, auto... Phase) {
        if (!isLTOPreLink(Phase...))
          MPM.addPass(EscapePass());
      });
  PB.registerFullLinkTimeOptimizationEarlyEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(EscapePass());
      });
  // -escape-runtime: after every optimisation, which still sees malloc and
  // free as themselves. It does nothing unless the option is on.
  PB.registerOptimizerLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel, auto... Phase) {
        if (!isLTOPreLink(Phase...))
          MPM.addPass(SizeClassLoweringPass());
      });
  PB.registerFullLinkTimeOptimizationLastEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(SizeClassLoweringPass());
      });
}

extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "EscapePlugin", LLVM_VERSION_STRING,
          registerCallbacks};
}
