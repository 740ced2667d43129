//===-- Diagnostics.h - Go -m style remarks -------------------------------===//
#ifndef ESCAPE_DIAGNOSTICS_H
#define ESCAPE_DIAGNOSTICS_H

#include "Analysis.h"
#include "Rewrite.h"

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

} // namespace escape

#endif
