//===-- Options.h - The settings of one escape run ------------------------===//
//
// Settings come from four places, later ones overriding earlier ones:
//   1. built-in defaults (safe: a bare -fpass-plugin works),
//   2. the ESCAPE_OPTIONS environment variable ("mode=go max-object-size=256"),
//      because lld never accepts plugin -mllvm options,
//   3. -mllvm / opt command-line options (-escape-max-object-size=256),
//   4. pipeline parameters (-passes='escape<max-object-size=256>').
// A bad option or value is an error that names the option; it is never
// replaced by a default.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_OPTIONS_H
#define ESCAPE_OPTIONS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>

namespace escape {

enum class EscapeMode { Go, Precise };

struct EscapeOptions {
  EscapeMode Mode = EscapeMode::Go;
  uint64_t MaxObjectSize = 1024;   // bytes per converted object
  uint64_t MaxFrameSize = 4096;    // bytes of converted objects per function
  uint64_t DynamicStackSize = 256; // stack buffer for variable sizes; 0 = off
  uint64_t MaxVersionSize = 400;   // instructions of a two-body function
  bool Transform = true;           // false: diagnose only
  bool Explain = false;            // Go -m=2 flow explanations
  bool Runtime = false;            // lower remaining heap calls to libescrt
  bool RecordsSection = false;     // remarks also into the object's section
  bool AssertionsFail = true;      // an unmet source assertion is an error
};

llvm::raw_ostream &operator<<(llvm::raw_ostream &OS, const EscapeOptions &O);

/// Applies "key=value" settings separated by any of \p Separators; \p Origin
/// names where they came from in error messages.
llvm::Error applyOptionList(EscapeOptions &Opts, llvm::StringRef List,
                            llvm::StringRef Separators, llvm::StringRef Origin);

/// -escape-lto-prelink: the compile says it precedes an LTO link, which
/// LLVM 20+ tells the pipeline callbacks itself.
bool ltoPreLinkDeclared();

/// Defaults, then ESCAPE_OPTIONS, then command-line options, then
/// \p PipelineParams (already validated when the pipeline was parsed).
llvm::Expected<EscapeOptions> resolveOptions(llvm::StringRef PipelineParams);

} // namespace escape

#endif
