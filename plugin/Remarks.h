//===-- Remarks.h - Go -m style remarks -----------------------------------===//
#ifndef ESCAPE_REMARKS_H
#define ESCAPE_REMARKS_H

#include "Decide.h"
#include "RecordedSites.h"

#include "llvm/Analysis/OptimizationRemarkEmitter.h"

namespace escape {

/// The pass name remarks carry: -Rpass=escape, -pass-remarks=escape.
inline constexpr const char *PassName = "escape";

/// One verdict per allocation site, one per pointer parameter, and the flow
/// explanations when asked for. Call before the rewrite: remarks point at the
/// original calls.
void emitFunctionRemarks(const FunctionResult &FR,
                         const std::vector<Decision> &D,
                         llvm::OptimizationRemarkEmitter &ORE);

/// `RedirectedToSizeClass` for an allocation or a free that -escape-runtime
/// sends to libescrt's class \p Class.
void emitSizeClassRemark(const llvm::CallBase &CB, unsigned Class,
                         uint64_t ClassBytes,
                         llvm::OptimizationRemarkEmitter &ORE);

/// `RedirectedToSizeClass` for a malloc(n) whose class is looked up at run
/// time when n is at most \p Limit.
void emitVariableSizeClassRemark(const llvm::CallBase &CB, uint64_t Limit,
                                 llvm::OptimizationRemarkEmitter &ORE);

/// `Eliminated` for a site LLVM deleted before the escape pass saw it.
void emitEliminatedRemark(const VanishedSite &S,
                          llvm::OptimizationRemarkEmitter &ORE);

} // namespace escape

#endif
