//===-- LibcModel.h - What C library functions do with pointers -----------===//
//
// A library function is non-capturing only where its specification says it
// keeps no pointer after it returns. Each parameter gets a list of effects:
//   r     the result may point into this argument       (strchr, memcpy)
//   R     the result may be what this argument points to (strtok_r saveptr)
//   h     the callee retains the pointer                 (pthread_create arg)
//   f1    the callee may realloc *arg                    (getline)
//   sK    the callee stores this pointer into *argK      (strtol's endptr)
//   mK    the callee copies *this into *argK             (memcpy src)
//   cK    the callee passes pointers into this object to the callback argK
//         (qsort, bsearch)
// No effect means: read or written during the call, then forgotten.
// docs/remarks.md lists the table in prose.
//
//===----------------------------------------------------------------------===//
#ifndef ESCAPE_LIBCMODEL_H
#define ESCAPE_LIBCMODEL_H

#include "llvm/ADT/StringRef.h"

namespace escape {

struct LibcParam {
  const char *Name;    // for "leaking param" wording
  const char *Effects; // see above; "" = no effect
};

struct LibcFunction {
  const char *Name;
  LibcParam Params[5];
  LibcParam Varargs; // effect on every variadic argument
};

/// The model of a C library function, or null when the table has none.
const LibcFunction *lookupLibc(llvm::StringRef Name);

} // namespace escape

#endif
