//===-- Reasons.cpp - The fixed vocabulary of verdict reasons -------------===//
#include "Reasons.h"
#include "Names.h"

#include "llvm/IR/Function.h"

using namespace llvm;

namespace escape {

static std::string subjectName(const Reason &R) {
  if (!R.Subject)
    return "?";
  return R.Subject->getName().str();
}

std::string reasonText(const Reason &R) {
  switch (R.Kind) {
  case ReasonKind::None:
    return "";
  case ReasonKind::Returned:
    return "returned";
  case ReasonKind::StoredToGlobal:
    return "stored to global `" + subjectName(R) + "`";
  case ReasonKind::MultiLevelIndirection:
    if (!R.Detail.empty()) // mode=precise names the target it gave up on
      return "stored through pointer `" + R.Detail +
             "`, which may point outside this function";
    return "stored through pointer (multi-level indirection)";
  case ReasonKind::StoredIntoEscapingObject:
    return "stored into escaping object";
  case ReasonKind::PassedToLeakingParam:
    // The parameter itself, named only now (debug info is searched), or a
    // callee and a name from the C library table or "..." for varargs.
    if (const auto *A = dyn_cast_or_null<Argument>(R.Subject))
      return "passed to `" + A->getParent()->getName().str() +
             "` (leaking param `" + paramName(*A) + "`)";
    return "passed to `" + subjectName(R) + "` (leaking param `" + R.Detail +
           "`)";
  case ReasonKind::PassedToUnknownFunction:
    return "passed to unknown function `" + subjectName(R) + "`";
  case ReasonKind::PassedToIndirectCall:
    return "passed to indirect call";
  case ReasonKind::PassedToRealloc:
    return "passed to " + subjectName(R);
  case ReasonKind::FreedInCallee:
    return "freed in callee `" + subjectName(R) + "`";
  case ReasonKind::ConvertedToInteger:
    return "converted to integer";
  case ReasonKind::CapturedByInlineAsm:
    return "captured by inline asm";
  case ReasonKind::OutlivesLoopIteration:
    return "outlives loop iteration";
  case ReasonKind::UnmodelledUse:
    return "used by `" + R.Detail + "`";
  case ReasonKind::TooLarge:
    return "too large for stack (" + R.Detail + ")";
  case ReasonKind::NonConstantSize:
    return "non-constant size";
  case ReasonKind::BadAlignment:
    return "alignment not a constant power of two";
  case ReasonKind::FrameBudgetExceeded:
    return "frame budget exceeded (" + R.Detail + ")";
  case ReasonKind::RecursiveFunction:
    if (!R.Subject)
      return "recursive function (through indirect call)";
    return "recursive function (through `" + subjectName(R) + "`)";
  case ReasonKind::TransformDisabled:
    return "transform disabled" +
           (R.Detail.empty() ? "" : " (" + R.Detail + ")");
  case ReasonKind::ZeroSize:
    return "zero size";
  case ReasonKind::MustTailCall:
    return "function has a musttail call";
  case ReasonKind::UsedAfterRealloc:
    return "used after realloc" + R.Detail;
  case ReasonKind::GrownBufferEscapes:
    return "realloc result escapes: " + R.Detail;
  case ReasonKind::HeldByHeapObject:
    return "held by " + R.Detail + ", which stays on heap";
  case ReasonKind::GrowSizeUnknown:
    return "realloc" + R.Detail + " where the first size is unknown";
  }
  return "";
}

const char *reasonId(ReasonKind K) {
  switch (K) {
  case ReasonKind::None:
    return "";
#define ESCAPE_REASON(Name, Id, Phrase, Help)                                  \
  case ReasonKind::Name:                                                       \
    return Id;
#include "escape/Reasons.def"
  }
  return "";
}

} // namespace escape
