//===-- RecordSection.cpp - Verdicts that travel inside the object --------===//
#include "RecordSection.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Compression.h"
#include "llvm/Remarks/Remark.h"
#include "llvm/TargetParser/Triple.h"

using namespace llvm;

namespace escape {

static remarks::Type remarkType(const DiagnosticInfoOptimizationBase &D) {
  switch (D.getKind()) {
  case DK_OptimizationRemark:
    return remarks::Type::Passed;
  case DK_OptimizationRemarkMissed:
    return remarks::Type::Missed;
  case DK_OptimizationRemarkAnalysis:
    return remarks::Type::Analysis;
  default:
    return remarks::Type::Unknown;
  }
}

static std::optional<remarks::RemarkLocation>
remarkLocation(const DiagnosticLocation &Loc) {
  if (!Loc.isValid())
    return std::nullopt;
  return remarks::RemarkLocation{Loc.getRelativePath(), Loc.getLine(),
                                 Loc.getColumn()};
}

// The fields LLVM's remark streamer fills from a diagnostic, so that a
// record read from the object equals one read from the .opt.yaml file.
void RecordSection::add(const DiagnosticInfoOptimizationBase &D) {
  remarks::Remark R;
  R.RemarkType = remarkType(D);
  R.PassName = D.getPassName();
  R.RemarkName = D.getRemarkName();
  R.FunctionName = GlobalValue::dropLLVMManglingEscape(D.getFunction().getName());
  if (D.isLocationAvailable())
    R.Loc = remarkLocation(D.getLocation());
  for (const DiagnosticInfoOptimizationBase::Argument &Arg : D.getArgs()) {
    R.Args.emplace_back();
    R.Args.back().Key = Arg.Key;
    R.Args.back().Val = Arg.Val;
    R.Args.back().Loc = remarkLocation(Arg.Loc);
  }
  if (!Serializer) {
#if LLVM_VERSION_MAJOR >= 22
    auto Made = remarks::createRemarkSerializer(remarks::Format::YAML, YamlOut);
#else
    auto Made = remarks::createRemarkSerializer(
        remarks::Format::YAML, remarks::SerializerMode::Standalone, YamlOut);
#endif
    if (!Made) { // YAML is always built into LLVM
      consumeError(Made.takeError());
      return;
    }
    Serializer = std::move(*Made);
  }
  Serializer->emit(R);
}

// .ascii with every byte the assembler could misread escaped.
static void appendAscii(std::string &Asm, StringRef Bytes) {
  Asm += ".ascii \"";
  for (unsigned char C : Bytes) {
    if (C == '"' || C == '\\') {
      Asm += '\\';
      Asm += C;
    } else if (C == '\n') {
      Asm += "\\n";
    } else if (C >= 0x20 && C < 0x7f) {
      Asm += C;
    } else {
      Asm += '\\';
      Asm += char('0' + (C >> 6));
      Asm += char('0' + ((C >> 3) & 7));
      Asm += char('0' + (C & 7));
    }
  }
  Asm += "\"\n";
}

// The YAML is zlib-compressed when LLVM has zlib (it shrinks about 30
// times: SQLite's 960 KB of records take 30 KB), else written as it is.
void RecordSection::writeInto(Module &M, bool MarkIfEmpty) {
  if ((Yaml.empty() && !MarkIfEmpty) ||
      !Triple(M.getTargetTriple()).isOSBinFormatELF())
    return;
  std::string Header = "ESCAPE-RECORDS 1 ";
  SmallVector<uint8_t, 0> Packed;
  StringRef Payload = Yaml;
  if (Yaml.empty()) {
    Header += "0\n";
  } else if (compression::zlib::isAvailable()) {
    compression::zlib::compress(arrayRefFromStringRef(Yaml), Packed,
                                compression::zlib::BestSizeCompression);
    Payload = toStringRef(Packed);
    Header += utostr(Payload.size()) + " zlib " + utostr(Yaml.size()) + "\n";
  } else {
    Header += utostr(Payload.size()) + "\n";
  }
  std::string Asm = ".pushsection .escape.records,\"\",@progbits\n";
  appendAscii(Asm, Header);
  // A directive per line (per 64 bytes of compressed data) keeps the
  // assembly readable (-S) and its lines short.
  for (StringRef Rest = Payload; !Rest.empty();) {
    size_t End = Packed.empty() ? Rest.find('\n') : 63;
    End = End >= Rest.size() ? Rest.size() : End + 1;
    appendAscii(Asm, Rest.take_front(End));
    Rest = Rest.drop_front(End);
  }
  Asm += ".popsection";
  M.appendModuleInlineAsm(Asm);
  Yaml.clear();
}

} // namespace escape
