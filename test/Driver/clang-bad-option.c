// clang reports a bad plugin setting as an error naming the option and fails.
// RUN: not %clang_escape -O2 -mllvm -escape-max-object-size=abc -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=CL %s
// RUN: env ESCAPE_OPTIONS="max-object-size=zz" not %clang_escape -O2 -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=ENV %s
// RUN: env ESCAPE_OPTIONS="max-object-size=zz" not %clang_escape -O0 -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=ENV %s

// CL: for the --escape-max-object-size option: 'abc' value invalid
// ENV: error: escape: invalid value 'zz' for option 'max-object-size' in ESCAPE_OPTIONS

int f(void) { return 0; }
