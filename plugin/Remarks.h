//===-- Remarks.h - Go -m style remarks -----------------------------------===//
#ifndef ESCAPE_REMARKS_H
#define ESCAPE_REMARKS_H

#include "Decide.h"
#include "RecordSection.h"
#include "RecordedSites.h"

#include "llvm/Analysis/OptimizationRemarkEmitter.h"

namespace escape {

/// The pass name remarks carry: -Rpass=escape, -pass-remarks=escape.
inline constexpr const char *PassName = "escape";

/// Where remarks go: LLVM's remark machinery (-Rpass, -fsave-optimization-
/// record), and the object's record section when one is asked for.
class RemarkSink {
public:
  RemarkSink(llvm::OptimizationRemarkEmitter &ORE, RecordSection *Records,
             bool AssertionsFail = true, EscapeMode Mode = EscapeMode::Go)
      : ORE(ORE), Records(Records), AssertionsFail(AssertionsFail),
        Mode(Mode) {}
  /// The Mode argument of the verdicts: "precise", or null for go.
  const char *modeName() const {
    return Mode == EscapeMode::Precise ? "precise" : nullptr;
  }
  /// Whether anyone takes analysis remarks (they cost names to build).
  bool wantsAnalysis() const {
    return Records || ORE.allowExtraAnalysis(PassName);
  }
  /// \p Build makes the remark; it runs only when someone takes it.
  template <typename BuildT> void emit(BuildT Build) {
    if (!Records) {
      ORE.emit(Build);
      return;
    }
    auto Remark = Build();
    Records->add(Remark);
    ORE.emit(Remark);
  }
  /// An unmet source assertion (SourceAssertions.h): an error, or a warning
  /// with assertions=warn, at \p Position ("file:line:col", or "?" when
  /// unknown: \p Message then names the function).
  void failAssertion(const llvm::Function &F, const std::string &Position,
                     const std::string &Message);

private:
  llvm::OptimizationRemarkEmitter &ORE;
  RecordSection *Records;
  bool AssertionsFail;
  EscapeMode Mode;
};

/// One verdict per allocation site, one per pointer parameter, and the flow
/// explanations when asked for. Call before the rewrite: remarks point at the
/// original calls.
void emitFunctionRemarks(const FunctionResult &FR,
                         const std::vector<Decision> &D,
                         RemarkSink &Out);

/// `RedirectedToSizeClass` for an allocation or a free that -escape-runtime
/// sends to libescrt's class \p Class.
void emitSizeClassRemark(const llvm::CallBase &CB, unsigned Class,
                         uint64_t ClassBytes,
                         RemarkSink &Out);

/// `RedirectedToSizeClass` for a malloc(n) whose class is looked up at run
/// time when n is at most \p Limit.
void emitVariableSizeClassRemark(const llvm::CallBase &CB, uint64_t Limit,
                                 RemarkSink &Out);

/// `Eliminated` for a site LLVM deleted before the escape pass saw it.
void emitEliminatedRemark(const VanishedSite &S,
                          RemarkSink &Out);

} // namespace escape

#endif
