//===-- Options.cpp - Command line, environment and pipeline settings -----===//
#include "Options.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include <cstdlib>

using namespace llvm;

namespace escape {

static cl::OptionCategory EscapeCategory("Escape analysis options");

static cl::opt<EscapeMode> ModeOpt(
    "escape-mode", cl::desc("Escape analysis model"), cl::cat(EscapeCategory),
    cl::values(clEnumValN(EscapeMode::Go, "go",
                          "Go's rules: a store through a pointer escapes"),
               clEnumValN(EscapeMode::Precise, "precise",
                          "resolve store targets with points-to")));
static cl::opt<uint64_t> MaxObjectSizeOpt(
    "escape-max-object-size", cl::cat(EscapeCategory),
    cl::desc("Largest allocation moved to the stack, in bytes (default 1024)"));
static cl::opt<uint64_t> MaxFrameSizeOpt(
    "escape-max-frame-size", cl::cat(EscapeCategory),
    cl::desc("Bytes of converted objects per function (default 4096; "
             "functions that may recur convert none)"));
static cl::opt<uint64_t> DynamicStackSizeOpt(
    "escape-dynamic-stack-size", cl::cat(EscapeCategory),
    cl::desc("Stack buffer for variable-size allocations, in bytes "
             "(default 256, 0 disables)"));
static cl::opt<uint64_t> MaxVersionSizeOpt(
    "escape-max-version-size", cl::cat(EscapeCategory),
    cl::desc("A function of at most this many IR instructions (8 times as "
             "many with a moved site in a loop) gets a second body whose "
             "moved objects live in its frame (default 400, 0 = guarded "
             "slots only)"));
static cl::opt<bool> TransformOpt(
    "escape-transform", cl::cat(EscapeCategory),
    cl::desc("Move provably local allocations to the stack (default true; "
             "false = diagnose only)"));
static cl::opt<bool> ExplainOpt(
    "escape-explain", cl::cat(EscapeCategory),
    cl::desc("Explain each escape with Go -m=2 style flow remarks"));
static cl::opt<bool> RuntimeOpt(
    "escape-runtime", cl::cat(EscapeCategory),
    cl::desc("Lower remaining heap calls to libescrt size-class entry points"));
static cl::opt<bool> RecordsSectionOpt(
    "escape-records-section", cl::cat(EscapeCategory),
    cl::desc("Write the pass's remarks into the object's .escape.records "
             "section, where build caches and distributed compiles carry "
             "them"));

static cl::opt<bool> AssertionsFailOpt(
    "escape-assertions-fail", cl::cat(EscapeCategory),
    cl::desc("An unmet source assertion (escape/escape.h) fails the compile "
             "(default true; false = a warning, and escape-report gates)"));

static cl::opt<bool> LTOPreLinkOpt(
    "escape-lto-prelink", cl::cat(EscapeCategory), cl::Hidden,
    cl::desc("This compile is the first half of an LTO build: the passes "
             "wait for the link (LLVM 19 does not tell plugins; escape-cc "
             "says it)"));

bool ltoPreLinkDeclared() { return LTOPreLinkOpt; }

static Error invalid(StringRef Origin, StringRef Key, StringRef Value,
                     StringRef Expected) {
  return createStringError(
      inconvertibleErrorCode(),
      formatv("escape: invalid value '{0}' for option '{1}' in {2}: expected {3}",
              Value, Key, Origin, Expected)
          .str());
}

// A number of \p Unit (bytes, instructions).
static Error parseNumber(StringRef Origin, StringRef Key, StringRef Value,
                         StringRef Unit, uint64_t &Out) {
  if (Value.getAsInteger(10, Out))
    return invalid(Origin, Key, Value, ("a number of " + Unit).str());
  return Error::success();
}

static Error parseBool(StringRef Origin, StringRef Key, StringRef Value,
                       bool &Out) {
  if (Value.empty() || Value == "true" || Value == "1") {
    Out = true;
    return Error::success();
  }
  if (Value == "false" || Value == "0") {
    Out = false;
    return Error::success();
  }
  return invalid(Origin, Key, Value, "true or false");
}

static Error applyOne(EscapeOptions &Opts, StringRef Key, StringRef Value,
                      StringRef Origin) {
  if (Key == "mode") {
    if (Value == "go")
      Opts.Mode = EscapeMode::Go;
    else if (Value == "precise")
      Opts.Mode = EscapeMode::Precise;
    else
      return invalid(Origin, Key, Value, "go or precise");
    return Error::success();
  }
  if (Key == "max-object-size")
    return parseNumber(Origin, Key, Value, "bytes", Opts.MaxObjectSize);
  if (Key == "max-frame-size")
    return parseNumber(Origin, Key, Value, "bytes", Opts.MaxFrameSize);
  if (Key == "dynamic-stack-size")
    return parseNumber(Origin, Key, Value, "bytes", Opts.DynamicStackSize);
  if (Key == "max-version-size")
    return parseNumber(Origin, Key, Value, "instructions",
                       Opts.MaxVersionSize);
  if (Key == "transform")
    return parseBool(Origin, Key, Value, Opts.Transform);
  if (Key == "explain")
    return parseBool(Origin, Key, Value, Opts.Explain);
  if (Key == "runtime")
    return parseBool(Origin, Key, Value, Opts.Runtime);
  if (Key == "records-section")
    return parseBool(Origin, Key, Value, Opts.RecordsSection);
  if (Key == "assertions") {
    if (Value == "error")
      Opts.AssertionsFail = true;
    else if (Value == "warn")
      Opts.AssertionsFail = false;
    else
      return invalid(Origin, Key, Value, "error or warn");
    return Error::success();
  }
  return createStringError(
      inconvertibleErrorCode(),
      formatv("escape: unknown option '{0}' in {1}; known options: mode, "
              "max-object-size, max-frame-size, dynamic-stack-size, "
              "max-version-size, transform, explain, runtime, records-section, "
              "assertions",
              Key, Origin)
          .str());
}

raw_ostream &operator<<(raw_ostream &OS, const EscapeOptions &O) {
  return OS << "mode=" << (O.Mode == EscapeMode::Go ? "go" : "precise")
            << " max-object-size=" << O.MaxObjectSize
            << " max-frame-size=" << O.MaxFrameSize
            << " dynamic-stack-size=" << O.DynamicStackSize
            << " transform=" << (O.Transform ? "true" : "false")
            << " explain=" << (O.Explain ? "true" : "false")
            << " runtime=" << (O.Runtime ? "true" : "false")
            << " records-section=" << (O.RecordsSection ? "true" : "false")
            << " assertions=" << (O.AssertionsFail ? "error" : "warn")
            << " max-version-size=" << O.MaxVersionSize;
}

Error applyOptionList(EscapeOptions &Opts, StringRef List,
                      StringRef Separators, StringRef Origin) {
  SmallVector<StringRef, 8> Items;
  SplitString(List, Items, Separators);
  for (StringRef Item : Items) {
    auto [Key, Value] = Item.trim().split('=');
    if (Error E = applyOne(Opts, Key.trim(), Value.trim(), Origin))
      return E;
  }
  return Error::success();
}

Expected<EscapeOptions> resolveOptions(StringRef PipelineParams) {
  EscapeOptions Opts;
  if (const char *Env = std::getenv("ESCAPE_OPTIONS"))
    if (Error E = applyOptionList(Opts, Env, " \t,", "ESCAPE_OPTIONS"))
      return E;

  if (ModeOpt.getNumOccurrences())
    Opts.Mode = ModeOpt;
  if (MaxObjectSizeOpt.getNumOccurrences())
    Opts.MaxObjectSize = MaxObjectSizeOpt;
  if (MaxFrameSizeOpt.getNumOccurrences())
    Opts.MaxFrameSize = MaxFrameSizeOpt;
  if (DynamicStackSizeOpt.getNumOccurrences())
    Opts.DynamicStackSize = DynamicStackSizeOpt;
  if (MaxVersionSizeOpt.getNumOccurrences())
    Opts.MaxVersionSize = MaxVersionSizeOpt;
  if (TransformOpt.getNumOccurrences())
    Opts.Transform = TransformOpt;
  if (ExplainOpt.getNumOccurrences())
    Opts.Explain = ExplainOpt;
  if (RuntimeOpt.getNumOccurrences())
    Opts.Runtime = RuntimeOpt;
  if (RecordsSectionOpt.getNumOccurrences())
    Opts.RecordsSection = RecordsSectionOpt;
  if (AssertionsFailOpt.getNumOccurrences())
    Opts.AssertionsFail = AssertionsFailOpt;

  if (Error E = applyOptionList(Opts, PipelineParams, ";", "escape<...>"))
    return E;
  return Opts;
}

} // namespace escape
