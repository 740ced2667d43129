//===-- Explain.h - Go -m=2 flow explanations -----------------------------===//
#ifndef ESCAPE_EXPLAIN_H
#define ESCAPE_EXPLAIN_H

#include "Graph.h"
#include <string>
#include <vector>

namespace escape {

/// The path by which \p L's address reached the root of \p Walk, as Go prints
/// it with -m=2:
///   flow: {heap} = &{storage for malloc(16)}:
///     from g = p (assign) at a.c:12:5
/// Unnamed temporaries are folded into the flow line around them.
std::vector<std::string> explainPath(const Location &L, Hop Location::*Walk);

/// "file:line:col" of an instruction, or "?" without debug info.
std::string sourcePosition(const llvm::Instruction *I);

} // namespace escape

#endif
