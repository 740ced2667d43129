//===-- Calls.cpp - How calls move pointers (Go's call.go) ----------------===//
//
// A call to a function of the same batch assigns arguments straight to the
// callee's parameters and takes its result; a call to an analysed function
// replays its summary; a C library function follows the model table; any
// other declaration is trusted only as far as its LLVM attributes go; an
// indirect call sends every pointer argument to the heap.
//
//===----------------------------------------------------------------------===//
#include "Build.h"
#include "LibcModel.h"
#include "Names.h"
#include "PointerUses.h"

#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/IntrinsicInst.h"

using namespace llvm;

namespace escape {

void FunctionBuilder::modelCall(const CallBase &CB) {
  Location *Result = loc(&CB);
  switch (classifyHeapCall(CB, TLI)) {
  case HeapFn::Malloc:
  case HeapFn::Calloc:
  case HeapFn::AlignedAlloc:
    G.flow(*Result, *G.objectOf(&CB), -1, &CB, "spill");
    return;
  case HeapFn::Free:
    FreeCalls.push_back(&CB);
    if (Location *P = loc(CB.getArgOperand(0)))
      G.flow(G.freeSink(F), *P, 0, &CB, "free");
    return;
  case HeapFn::Resize:
    // Frees its operand as free() does, and returns a new object that holds
    // what the old one held.
    FreeCalls.push_back(&CB);
    G.flow(*Result, *G.objectOf(&CB), -1, &CB, "spill");
    if (Location *P = loc(CB.getArgOperand(0))) {
      G.flow(G.freeSink(F), *P, 0, &CB, "realloc");
      G.flow(*G.objectOf(&CB), *P, 1, &CB, "copied memory");
    }
    return;
  case HeapFn::Realloc:
  case HeapFn::UsableSize:
    if (Location *P = loc(CB.getArgOperand(0)))
      G.flow(G.freer(), *P, 0, &CB, "call parameter",
             Reason{ReasonKind::PassedToRealloc, CB.getCalledFunction(), ""});
    return;
  case HeapFn::None:
    break;
  }

  if (CB.isInlineAsm()) {
    for (const Value *Arg : CB.args())
      toHeap(Arg, 0, CB, "call parameter",
             Reason{ReasonKind::CapturedByInlineAsm, nullptr, ""});
    return;
  }
  const Function *Callee = CB.getCalledFunction();
  if (!Callee) {
    for (const Value *Arg : CB.args())
      toHeap(Arg, 0, CB, "call parameter",
             Reason{ReasonKind::PassedToIndirectCall, nullptr, ""});
    return;
  }
  // A pointer disguised as an integer is beyond the callee's summary.
  for (const Value *Arg : CB.args())
    if (Disguised.contains(Arg))
      toHeap(Arg, 0, CB, "call parameter",
             Reason{ReasonKind::ConvertedToInteger, nullptr, ""});

  if (Callee->isIntrinsic()) {
    modelIntrinsic(CB, *Callee);
    return;
  }
  if (Batch.contains(Callee) && hasExactBody(*Callee)) {
    modelBatchCall(CB, *Callee);
    return;
  }
  auto It = Summaries.find(Callee);
  if (It != Summaries.end()) {
    replaySummary(CB, *Callee, It->second);
    return;
  }
  if (Callee->isDeclaration())
    if (const LibcFunction *Model = lookupLibc(Callee->getName())) {
      modelLibc(CB, *Callee, *Model);
      return;
    }
  modelDeclaration(CB, *Callee);
}

void FunctionBuilder::modelIntrinsic(const CallBase &CB,
                                     const Function &Callee) {
  switch (Callee.getIntrinsicID()) {
  case Intrinsic::memcpy:
  case Intrinsic::memcpy_inline:
  case Intrinsic::memmove:
  case Intrinsic::memcpy_element_unordered_atomic:
  case Intrinsic::memmove_element_unordered_atomic:
    // *dst = *src: the pointers stored in src are stored through dst.
    if (Location *Src = loc(CB.getArgOperand(1)))
      storeThrough(CB.getArgOperand(0), *Src, 1, CB, "copied memory");
    return;
  case Intrinsic::launder_invariant_group:
  case Intrinsic::strip_invariant_group:
  case Intrinsic::ptrmask:
  case Intrinsic::ssa_copy:
    if (Location *Dst = loc(&CB))
      if (Location *Src = loc(CB.getArgOperand(0)))
        G.flow(*Dst, *Src, 0, &CB, "copy");
    return;
  default:
    break;
  }
  // memset, lifetime and debug markers, assume, prefetch, objectsize, ...:
  // LLVM marks their pointer operands nocapture. Anything else escapes.
  for (unsigned I = 0, E = CB.arg_size(); I != E; ++I)
    if (!CB.doesNotCapture(I))
      toHeap(CB.getArgOperand(I), 0, CB, "call parameter",
             Reason{ReasonKind::PassedToUnknownFunction, &Callee, ""});
}

void FunctionBuilder::modelBatchCall(const CallBase &CB,
                                     const Function &Callee) {
  BatchCall Call{&CB, loc(&CB), {}, {}};
  bool Precise = Mode == EscapeMode::Precise;
  for (unsigned I = 0, E = CB.arg_size(); I != E; ++I) {
    Location *Arg = loc(CB.getArgOperand(I));
    if (I < Callee.arg_size() && Precise)
      Call.Through.push_back(CB.isByValArgument(I)
                                 ? StoreTargets{} // the callee's own copy
                                 : storeTargets(CB.getArgOperand(I)));
    if (!Arg)
      continue;
    if (I >= Callee.arg_size()) {
      G.flow(G.heap(), *Arg, 0, &CB, "call parameter",
             Reason{ReasonKind::PassedToLeakingParam, &Callee, "..."});
      continue;
    }
    int Shift = CB.isByValArgument(I) ? 1 : 0;
    if (Location *Param = G.valueLoc(Callee.getArg(I))) {
      if (!Precise)
        G.flow(*Param, *Arg, Shift, &CB, "call parameter");
      Call.Args.push_back({Param, Arg, Shift});
    }
  }
  if (!Precise)
    if (Location *Dst = loc(&CB))
      G.flow(*Dst, G.result(Callee), 0, &CB, "call");
  G.batchCalls().push_back(std::move(Call));
}

// Go's teeHole: the argument reaches each sink of the callee's parameter
// after the summary's number of dereferences (at least Shift). A direct call
// also stores it through the arguments the callee stores it through.
void FunctionBuilder::replayParam(const CallBase &CB, const Function &Callee,
                                  unsigned ParamNo, Location &Src,
                                  Location *Result, int Shift, bool Direct) {
  const ParamLeaks &Leaks = Summaries.find(&Callee)->second.Params[ParamNo];
  if (Leaks.Heap >= 0)
    G.flow(G.heap(), Src, std::max(Leaks.Heap, Shift), &CB, "call parameter",
           Reason{ReasonKind::PassedToLeakingParam, Callee.getArg(ParamNo),
                  ""});
  if (Leaks.Free >= 0)
    G.flow(G.freer(), Src, std::max(Leaks.Free, Shift), &CB, "call parameter",
           Reason{ReasonKind::FreedInCallee, &Callee, ""});
  if (Leaks.Result >= 0 && Result)
    G.flow(*Result, Src, std::max(Leaks.Result, Shift), &CB, "call");
  for (const ParamFlow &Into : Leaks.Into) {
    int Derefs = std::max(Into.Derefs, Shift);
    if (!Direct) // a callback: the pointers it gets are beyond our view
      G.flow(G.heap(), Src, Derefs, &CB, "call parameter",
             Reason{ReasonKind::PassedToLeakingParam, Callee.getArg(ParamNo),
                    ""});
    else if (Into.To < CB.arg_size() && !CB.isByValArgument(Into.To))
      storeThrough(CB.getArgOperand(Into.To), Src, Derefs, CB,
                   "call parameter");
  }
}

void FunctionBuilder::replaySummary(const CallBase &CB, const Function &Callee,
                                    const FunctionSummary &S) {
  for (unsigned I = 0, E = CB.arg_size(); I != E; ++I) {
    const Value *Arg = CB.getArgOperand(I);
    if (I >= S.Params.size()) {
      toHeap(Arg, 0, CB, "call parameter",
             Reason{ReasonKind::PassedToLeakingParam, &Callee, "..."});
      continue;
    }
    // A byval argument is copied: the callee sees the object's contents.
    if (Location *Src = loc(Arg))
      replayParam(CB, Callee, I, *Src, loc(&CB), CB.isByValArgument(I),
                  /*Direct=*/true);
  }
}

// qsort/bsearch hand pointers into `Arg` to each of `Callback`'s parameters.
void FunctionBuilder::modelCallback(const CallBase &CB, const Value *Callback,
                                    const Value *Arg) {
  Location *Src = loc(Arg);
  if (!Src)
    return;
  const auto *Fn = dyn_cast<Function>(Callback->stripPointerCasts());
  if (!Fn || !Summaries.count(Fn)) {
    // Unknown comparator, or one in this very batch: assume the worst.
    G.flow(G.heap(), *Src, 0, &CB, "call parameter",
           Reason{ReasonKind::PassedToIndirectCall, nullptr, ""});
    return;
  }
  for (unsigned I = 0, E = Fn->arg_size(); I != E; ++I)
    replayParam(CB, *Fn, I, *Src, /*Result=*/nullptr, 0, /*Direct=*/false);
}

void FunctionBuilder::modelLibc(const CallBase &CB, const Function &Callee,
                                const LibcFunction &Model) {
  for (unsigned I = 0, E = CB.arg_size(); I != E; ++I) {
    const Value *Arg = CB.getArgOperand(I);
    Location *Src = loc(Arg);
    if (!Src)
      continue;
    const LibcParam &P =
        I < Callee.arg_size() ? (I < 5 ? Model.Params[I] : LibcParam{}) : Model.Varargs;
    StringRef Effects = P.Effects ? P.Effects : "";
    SmallVector<StringRef, 4> Items;
    Effects.split(Items, ' ', -1, false);
    for (StringRef E : Items) {
      char Kind = E.front();
      unsigned K = 0;
      E.drop_front().getAsInteger(10, K);
      switch (Kind) {
      case 'r':
      case 'R':
        if (Location *Dst = loc(&CB))
          G.flow(*Dst, *Src, Kind == 'R' ? 1 : 0, &CB, "call");
        break;
      case 'h':
        G.flow(G.heap(), *Src, 0, &CB, "call parameter",
               Reason{ReasonKind::PassedToLeakingParam, &Callee,
                      P.Name ? P.Name : ""});
        break;
      case 'f':
        G.flow(G.freer(), *Src, K, &CB, "call parameter",
               Reason{ReasonKind::PassedToRealloc, &Callee, ""});
        break;
      case 's':
        if (K < CB.arg_size())
          storeThrough(CB.getArgOperand(K), *Src, 0, CB, "assign");
        break;
      case 'm':
        if (K < CB.arg_size())
          storeThrough(CB.getArgOperand(K), *Src, 1, CB, "copied memory");
        break;
      case 'c':
        if (K < CB.arg_size())
          modelCallback(CB, CB.getArgOperand(K), Arg);
        break;
      }
    }
  }
}

// An external function: LLVM's attributes say what it may do. `nocapture`
// alone is not enough to keep an object on the stack: the callee could still
// free it, and could still copy the pointers stored in it. It cannot have
// freed it when the caller goes on to use it (clang's `noescape`, which
// escape/escape.h spells ESCAPE_NOESCAPE, promises no more than nocapture).
void FunctionBuilder::modelDeclaration(const CallBase &CB,
                                       const Function &Callee) {
  for (unsigned I = 0, E = CB.arg_size(); I != E; ++I) {
    const Value *Arg = CB.getArgOperand(I);
    Location *Src = loc(Arg);
    if (!Src)
      continue;
    Reason Unknown{ReasonKind::PassedToUnknownFunction, &Callee, ""};
    if (I >= Callee.arg_size() || !CB.doesNotCapture(I)) {
      G.flow(G.heap(), *Src, 0, &CB, "call parameter", Unknown);
      continue;
    }
    bool MayFree = !Callee.hasFnAttribute(Attribute::NoFree) &&
                   !CB.onlyReadsMemory(I) &&
                   !usedOnEveryPathAfter(CB, Arg, TLI);
    if (MayFree) {
      G.flow(G.heap(), *Src, 0, &CB, "call parameter", Unknown);
      continue;
    }
    if (!CB.doesNotAccessMemory(I))
      G.flow(G.heap(), *Src, 1, &CB, "call parameter", Unknown);
    if (CB.paramHasAttr(I, Attribute::Returned))
      if (Location *Dst = loc(&CB))
        G.flow(*Dst, *Src, 0, &CB, "call");
  }
}

} // namespace escape
