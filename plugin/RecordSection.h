//===-- RecordSection.h - Verdicts that travel inside the object ----------===//
//
// With records-section=true (-escape-records-section, escape<records-section>,
// and always through escape-cc) every remark of the pass is also written into
// the object being compiled, so that whatever carries the object (ccache,
// sccache, distcc, icecream, a remote-execution cache) carries the verdicts:
// an .opt.yaml file beside the object is what those systems lose.
//
// The section (docs/ci.md, "Records inside objects"; format version 1):
//   ELF section .escape.records, SHT_PROGBITS, no flags: never loaded, and
//   concatenated by linkers, so executables and shared libraries keep the
//   records of every object they were linked from until they are stripped
//   (objcopy --remove-section=.escape.records).
//   Content: blobs, each a header line and n bytes of payload:
//     "ESCAPE-RECORDS 1 <n>\n"            the YAML itself
//     "ESCAPE-RECORDS 1 <n> zlib <m>\n"   a zlib stream (RFC 1950) of the
//                                         m bytes of YAML
//   The YAML is the documents -fsave-optimization-record writes for pass
//   escape. "ESCAPE-RECORDS 1 0\n" (no payload) marks a translation unit
//   that was analysed and has nothing to report, so that a report over a
//   build tells "no allocations" from "records lost". Readers skip NUL
//   bytes between blobs (a linker's padding).
// Other object formats get no section.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_RECORDSECTION_H
#define ESCAPE_RECORDSECTION_H

#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/Module.h"
#include "llvm/Remarks/RemarkSerializer.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <string>

namespace escape {

class RecordSection {
public:
  /// Serializes \p Remark as the YAML document LLVM's remark streamer
  /// would write for it.
  void add(const llvm::DiagnosticInfoOptimizationBase &Remark);
  /// Appends one blob of everything added to \p M's section, as module
  /// assembly (it reaches the object through LTO as well); with nothing
  /// added, the empty blob when \p MarkIfEmpty.
  void writeInto(llvm::Module &M, bool MarkIfEmpty);

private:
  std::string Yaml;
  llvm::raw_string_ostream YamlOut{Yaml};
  std::unique_ptr<llvm::remarks::RemarkSerializer> Serializer;
};

} // namespace escape

#endif
