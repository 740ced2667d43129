//===-- SourceAssertions.h - What the source asks the analysis to prove ---===//
//
// The public header escape/escape.h gives C two assertions:
//
//   ESCAPE_STACK(malloc(64))  this allocation must move to the stack. Clang
//       emits llvm.var.annotation("escape.stack") on a temporary that holds
//       the allocation; escape-record-sites, first in the pipeline, turns it
//       into the metadata !escape.stack on the call and deletes the
//       annotation, so the IR optimises as if the macro were not there.
//   ESCAPE_NOESCAPE  this parameter must not escape. It is clang's noescape
//       (`nocapture` in IR, which callers use: Calls.cpp) plus the annotation
//       "escape.noescape" on the parameter's slot, which escape-record-sites
//       turns into the parameter attribute "escape-noescape" and deletes.
//       A noescape of other code is clang's promise, not checked here.
//   The header emits the annotations only under -DESCAPE_ASSERTIONS.
//
// Remarks.h reports each asserted site and parameter with the assertion and
// whether it holds; an unmet one is an error (a warning with
// assertions=warn) at the line that breaks it.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_SOURCEASSERTIONS_H
#define ESCAPE_SOURCEASSERTIONS_H

#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include <string>

namespace escape {

/// Turns the module's source assertions into the marks below. An
/// ESCAPE_STACK around anything but an allocation call is an error.
void recordSourceAssertions(llvm::Module &M,
                            llvm::FunctionAnalysisManager &FAM);

/// ESCAPE_STACK was written around this allocation call.
bool hasStackAssertion(const llvm::CallBase &CB);

/// The parameter was declared noescape (ESCAPE_NOESCAPE).
bool hasNoEscapeAssertion(const llvm::Argument &A);

/// "file:line" of the ESCAPE_STACK macro around \p CB (clang records it
/// even without debug information), or "?".
std::string stackAssertionLine(const llvm::CallBase &CB);

} // namespace escape

#endif
