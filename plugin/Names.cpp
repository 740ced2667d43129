//===-- Names.cpp - Source names for IR values ----------------------------===//
#include "Names.h"
#include "Compat.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Function.h"

using namespace llvm;

namespace escape {

std::string paramName(const Argument &A) {
  const Function &F = *A.getParent();
  if (const DISubprogram *SP = F.getSubprogram())
    for (const DINode *N : SP->getRetainedNodes())
      if (const auto *Var = dyn_cast<DILocalVariable>(N))
        if (Var->getArg() == A.getArgNo() + 1 && !Var->getName().empty())
          return Var->getName().str();
  if (const DILocalVariable *Var = debugParameter(F, A.getArgNo() + 1))
    if (!Var->getName().empty())
      return Var->getName().str();
  if (A.hasName())
    return A.getName().str();
  return "#" + std::to_string(A.getArgNo());
}

std::string valueName(const Value &V) {
  if (const auto *A = dyn_cast<Argument>(&V))
    return paramName(*A);
  for (DILocalVariable *Var : debugVariablesOf(const_cast<Value *>(&V)))
    if (!Var->getName().empty())
      return Var->getName().str();
  if (V.hasName()) {
    // clang names the slot of local `p` "p.addr" or "p"; drop the suffix.
    StringRef N = V.getName();
    N.consume_back(".addr");
    return N.str();
  }
  if (const auto *GV = dyn_cast<GlobalValue>(&V))
    return GV->getName().str();
  return "{temp}";
}

std::string operandText(const Value &V) {
  if (const auto *C = dyn_cast<ConstantInt>(&V))
    return std::to_string(C->getZExtValue());
  std::string N = valueName(V);
  return N == "{temp}" ? "?" : N;
}

} // namespace escape
