// The plugin registers itself at OptimizerEarly, so a bare -fpass-plugin runs
// the escape pass at -O0 (diagnostics only) and at -O2.
// RUN: %clang_escape -O0 -Xclang -fdebug-pass-manager -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang_escape -O2 -Xclang -fdebug-pass-manager -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -O2 -fpass-plugin=%plugin -Xclang -fdebug-pass-manager -c %s -o /dev/null 2>&1 | FileCheck %s
// Without the plugin the pass does not run.
// RUN: %clang -O2 -Xclang -fdebug-pass-manager -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=NOPLUGIN %s

// CHECK: Running pass: escape::EscapePass on [module]
// NOPLUGIN-NOT: EscapePass

int add1(int x) { return x + 1; }
