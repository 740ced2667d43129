//===-- Compat.h - One source for LLVM 19 to 22 ---------------------------===//
//
// The few LLVM APIs that changed between the majors Escape supports, behind
// one spelling each. Everything else in the plugin is written against the
// common subset.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_COMPAT_H
#define ESCAPE_COMPAT_H

#include "llvm/Config/llvm-config.h"

#if __has_include("llvm/Plugins/PassPlugin.h") // LLVM >= 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

#endif
