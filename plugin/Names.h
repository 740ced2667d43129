//===-- Names.h - Source names for IR values ------------------------------===//
//
// Diagnostics speak of C names: debug info first, then the IR name, then a
// position (#N for the N-th parameter).
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_NAMES_H
#define ESCAPE_NAMES_H

#include "llvm/IR/Argument.h"
#include "llvm/IR/Value.h"
#include <string>

namespace escape {

std::string paramName(const llvm::Argument &A);
/// A C-level name for a value, or "{temp}" when it has none.
std::string valueName(const llvm::Value &V);
/// The source text of an operand: a constant's value, else valueName.
std::string operandText(const llvm::Value &V);

} // namespace escape

#endif
