//===-- Recursion.cpp - Functions that may run again while they run -------===//
#include "Recursion.h"
#include "HeapCalls.h"
#include "LibcModel.h"

#include "llvm/IR/InstIterator.h"

#include <algorithm>
#include <iterator>

using namespace llvm;

namespace escape {

static bool inSortedList(ArrayRef<const char *> Sorted, StringRef Name) {
  return std::binary_search(Sorted.begin(), Sorted.end(), Name,
                            [](StringRef A, StringRef B) { return A < B; });
}

// C library functions that call a function argument before they return. The
// ones that keep it for later (atexit, signal, pthread_create) are not here:
// what they keep runs at exit, asynchronously or on another stack.
static bool callsBack(StringRef Name) {
  static const char *const Sorted[] = {
      "bsearch", "dl_iterate_phdr", "ftw",   "glob",    "lfind",   "lsearch",
      "nftw",    "pthread_once",    "qsort", "qsort_r", "scandir", "tdelete",
      "tfind",   "tsearch",         "twalk", "twalk_r"};
  return inSortedList(Sorted, Name);
}

// C library functions that neither TargetLibraryInfo nor the model table
// know, and that never run code of the program: among them the ones the stack
// check itself calls, so that a second run of the pass sees no cycle.
static bool isPlainLibraryCall(StringRef Name) {
  static const char *const Sorted[] = {"__errno_location",
                                       "__sigsetjmp",
                                       "_setjmp",
                                       "getpid",
                                       "getppid",
                                       "gettid",
                                       "nanosleep",
                                       "pthread_attr_destroy",
                                       "pthread_attr_getstack",
                                       "pthread_attr_init",
                                       "pthread_attr_setstacksize",
                                       "pthread_getattr_np",
                                       "pthread_self",
                                       "sched_yield",
                                       "setjmp",
                                       "sigsetjmp",
                                       "sleep",
                                       "usleep"};
  return inSortedList(Sorted, Name);
}

// A declaration that cannot come back into the module while the caller
// waits: it says so (`__attribute__((leaf))` is `nocallback`), it never
// returns (exit, abort, longjmp: nothing of the caller runs again), or it is
// a C library function that takes no callback.
static bool isLeafCall(const CallBase &CB, const Function &Callee,
                       const TargetLibraryInfo &TLI) {
  if (Callee.hasFnAttribute(Attribute::NoCallback) ||
      Callee.hasFnAttribute(Attribute::NoReturn))
    return true;
  if (callsBack(Callee.getName()))
    return false;
  LibFunc LF;
  return (TLI.getLibFunc(Callee, LF) && TLI.has(LF)) ||
         lookupLibc(Callee.getName()) || isPlainLibraryCall(Callee.getName()) ||
         classifyHeapCall(CB, TLI) != HeapFn::None;
}

namespace {

// Nodes 0..N-1 are the module's defined functions, node N the outside.
class ExtendedCallGraph {
public:
  ExtendedCallGraph(Module &M,
                    function_ref<const TargetLibraryInfo &(Function &)> GetTLI);
  RecursionMap recursiveFunctions();

private:
  SmallVector<unsigned, 2> targetsOf(const CallBase &CB,
                                     const TargetLibraryInfo &TLI) const;
  void findComponents();

  std::vector<Function *> Funcs;
  DenseMap<const Function *, unsigned> Id;
  unsigned Outside = 0;
  std::vector<SmallVector<unsigned, 8>> Succ;
  std::vector<unsigned> Component, ComponentSize;
  function_ref<const TargetLibraryInfo &(Function &)> GetTLI;
};

} // namespace

SmallVector<unsigned, 2>
ExtendedCallGraph::targetsOf(const CallBase &CB,
                             const TargetLibraryInfo &TLI) const {
  if (CB.isInlineAsm())
    return {};
  const auto *Callee =
      dyn_cast<Function>(CB.getCalledOperand()->stripPointerCasts());
  if (!Callee)
    return {Outside}; // indirect
  if (Callee->isIntrinsic())
    return {};
  if (!Callee->isDeclaration()) {
    unsigned Node = Id.lookup(Callee);
    if (!GlobalValue::isInterposableLinkage(Callee->getLinkage()))
      return {Node};        // this body, or an equivalent one (ODR)
    return {Node, Outside}; // the linker may pick another body
  }
  if (isLeafCall(CB, *Callee, TLI))
    return {};
  // qsort(base, n, size, cmp) calls back what it is given.
  if (callsBack(Callee->getName())) {
    SmallVector<unsigned, 2> Callbacks;
    for (const Value *Arg : CB.args())
      if (const auto *Fn = dyn_cast<Function>(Arg->stripPointerCasts()))
        Callbacks.push_back(Fn->isDeclaration() ? Outside : Id.lookup(Fn));
    if (!Callbacks.empty())
      return Callbacks;
  }
  return {Outside};
}

ExtendedCallGraph::ExtendedCallGraph(
    Module &M, function_ref<const TargetLibraryInfo &(Function &)> GetTLI)
    : GetTLI(GetTLI) {
  for (Function &F : M)
    if (!F.isDeclaration()) {
      Id[&F] = Funcs.size();
      Funcs.push_back(&F);
    }
  Outside = Funcs.size();
  Succ.resize(Funcs.size() + 1);
  for (unsigned N = 0; N != Outside; ++N) {
    Function &F = *Funcs[N];
    const TargetLibraryInfo &TLI = GetTLI(F);
    for (Instruction &I : instructions(F))
      if (const auto *CB = dyn_cast<CallBase>(&I))
        for (unsigned T : targetsOf(*CB, TLI))
          Succ[N].push_back(T);
    bool NamedOutside =
        F.hasAddressTaken() || (!F.hasLocalLinkage() && F.getName() != "main");
    if (NamedOutside)
      Succ[Outside].push_back(N);
  }
  for (auto &S : Succ) {
    llvm::sort(S);
    S.erase(std::unique(S.begin(), S.end()), S.end());
  }
}

// Tarjan's strongly connected components, iteratively (call chains in real
// code are deeper than the plugin's own stack should be).
void ExtendedCallGraph::findComponents() {
  const unsigned N = Succ.size(), None = ~0u;
  std::vector<unsigned> Index(N, None), Low(N, 0), Open;
  std::vector<bool> OnStack(N, false);
  Component.assign(N, None);
  ComponentSize.clear();
  unsigned Next = 0;
  struct Visit {
    unsigned Node, Edge;
  };
  std::vector<Visit> Path;
  for (unsigned Root = 0; Root != N; ++Root) {
    if (Index[Root] != None)
      continue;
    auto Enter = [&](unsigned V) {
      Index[V] = Low[V] = Next++;
      Open.push_back(V);
      OnStack[V] = true;
      Path.push_back({V, 0});
    };
    Enter(Root);
    while (!Path.empty()) {
      Visit &Top = Path.back();
      unsigned V = Top.Node;
      if (Top.Edge < Succ[V].size()) {
        unsigned W = Succ[V][Top.Edge++];
        if (Index[W] == None)
          Enter(W);
        else if (OnStack[W])
          Low[V] = std::min(Low[V], Index[W]);
        continue;
      }
      if (Low[V] == Index[V]) {
        unsigned C = ComponentSize.size(), Size = 0, W;
        do {
          W = Open.back();
          Open.pop_back();
          OnStack[W] = false;
          Component[W] = C;
          ++Size;
        } while (W != V);
        ComponentSize.push_back(Size);
      }
      Path.pop_back();
      if (!Path.empty())
        Low[Path.back().Node] = std::min(Low[Path.back().Node], Low[V]);
    }
  }
}

RecursionMap ExtendedCallGraph::recursiveFunctions() {
  findComponents();
  RecursionMap Result;
  for (unsigned N = 0; N != Outside; ++N) {
    unsigned C = Component[N];
    bool SelfLoop = is_contained(Succ[N], N);
    if (ComponentSize[C] == 1 && !SelfLoop)
      continue;
    Function &F = *Funcs[N];
    const TargetLibraryInfo &TLI = GetTLI(F);
    for (Instruction &I : instructions(F)) {
      const auto *CB = dyn_cast<CallBase>(&I);
      if (!CB)
        continue;
      auto Targets = targetsOf(*CB, TLI);
      if (any_of(Targets, [&](unsigned T) { return Component[T] == C; })) {
        Result[&F] = CB;
        break;
      }
    }
  }
  return Result;
}

RecursionMap
findRecursion(Module &M,
              function_ref<const TargetLibraryInfo &(Function &)> GetTLI) {
  return ExtendedCallGraph(M, GetTLI).recursiveFunctions();
}

} // namespace escape
