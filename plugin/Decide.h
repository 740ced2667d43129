//===-- Decide.h - Which objects that do not escape go to the stack -------===//
//
// The policy of the rewrite, apart from the transform: for every allocation
// site that does not escape, whether it can live on the stack (size,
// alignment, frame budget, recursion, settings) and, if not, the reason. A
// site that reallocs may grow moves as a buffer that starts on the stack,
// unless the program uses the old pointer after a realloc or the first size
// of a variable-size site is not known where it grows.
// docs/design.md, "The rewrite" and "Stack safety".
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_DECIDE_H
#define ESCAPE_DECIDE_H

#include "Analysis.h"

namespace escape {

enum class Placement {
  Heap,         // escapes, or stays: see Why
  Stack,        // a slot, while the stack has room
  StackDynamic, // Go 1.25: a fixed buffer when the size fits (and the
                // stack has room), else malloc
};

struct Decision {
  Placement Where = Placement::Heap;
  Reason Why;          // for Heap sites that do not escape
  uint64_t Bytes = 0;  // slot size
  uint64_t Align = 16; // malloc's guarantee on x86-64, or aligned_alloc's
  bool WouldMove = false; // kept only by -escape-transform=false or optnone
  /// The reallocs that may grow it (a buffer that starts on the stack and
  /// grows on the heap: Rewrite.cpp), in program order.
  llvm::SmallVector<llvm::CallBase *, 2> Reallocs;
  /// -escape-explain: one line per realloc of a growable buffer.
  std::vector<std::string> Explanation;
};

std::vector<Decision> decideSites(const FunctionResult &FR,
                                  const EscapeOptions &Opts);

} // namespace escape

#endif
