// Source assertions (escape/escape.h): ESCAPE_STACK around an allocation
// and ESCAPE_NOESCAPE (clang's noescape) on a parameter. Met ones are silent;
// an unmet one fails the compile at its line with the remark's words; a
// noescape definition that lets the parameter go fails at the line where it
// goes.
// RUN: not %clang_escape -DESCAPE_ASSERTIONS -I%src_root/include -O2 -g -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// At -O0 (optnone) nothing moves, but a site that would move meets
// ESCAPE_STACK: the same errors, and only those.
// RUN: not %clang_escape -DESCAPE_ASSERTIONS -I%src_root/include -O0 -g -c %s -o %t.o 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// Without debug information the macro's own line is known.
// RUN: not %clang_escape -DESCAPE_ASSERTIONS -I%src_root/include -O2 -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NODEBUG
// assertions=warn: warnings, an object, and records that say which failed.
// RUN: rm -rf %t.d && mkdir %t.d
// RUN: env ESCAPE_OPTIONS=assertions=warn %clang_escape -DESCAPE_ASSERTIONS -I%src_root/include -O2 -g -c %s -o %t.d/a.o -fsave-optimization-record -foptimization-record-file=%t.d/a.opt.yaml 2>&1 | FileCheck %s --check-prefix=WARN
// RUN: FileCheck %s --check-prefix=YAML < %t.d/a.opt.yaml
// RUN: not escape-report %t.d/a.opt.yaml 2> %t.d/report.err | FileCheck %s --check-prefix=REPORT
// RUN: FileCheck %s --check-prefix=REPORT-ERR < %t.d/report.err
// RUN: %clang_escape -DESCAPE_ASSERTIONS -I%src_root/include -O2 -mllvm -escape-assertions-fail=false -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=WARN-CL
// ESCAPE_STACK around something else than an allocation call.
// RUN: not %clang_escape -DESCAPE_ASSERTIONS -DNOT_AN_ALLOCATION -I%src_root/include -O2 -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=NOTALLOC
// A bad value names the option.
// RUN: env ESCAPE_OPTIONS=assertions=maybe not %clang_escape -DESCAPE_ASSERTIONS -I%src_root/include -O2 -c %s -o %t.o 2>&1 | FileCheck %s --check-prefix=BAD
// The plugin deletes ESCAPE_STACK's annotation: the code is the code
// without the macro.
// RUN: env ESCAPE_OPTIONS=assertions=warn %clang_escape -DESCAPE_ASSERTIONS -I%src_root/include -O2 -c %s -o %t.asserted.o 2>/dev/null
// RUN: %clang_escape -I%src_root/include -O2 -c %s -o %t.unasserted.o '-DESCAPE_STACK(e)=(e)'
// RUN: llvm-objdump -d --no-show-raw-insn -j .text %t.asserted.o | tail -n +4 > %t.asserted.s
// RUN: llvm-objdump -d --no-show-raw-insn -j .text %t.unasserted.o | tail -n +4 > %t.unasserted.s
// RUN: cmp %t.asserted.s %t.unasserted.s
// Without ESCAPE_ASSERTIONS the header adds nothing: plain clang builds the
// object it builds without the macro, the plugin checks nothing, and gcc
// compiles it, pedantic and with warnings as errors.
// RUN: %clang -I%src_root/include -O2 -c %s -o %t.plain.o
// RUN: %clang -I%src_root/include -O2 -c %s -o %t.nomacro.o '-DESCAPE_STACK(e)=(e)'
// RUN: cmp %t.plain.o %t.nomacro.o
// RUN: %clang_escape -I%src_root/include -O2 -c %s -o %t.unchecked.o
// RUN: gcc -std=c11 -Wall -Wextra -pedantic -Werror -Wno-unused-parameter -DESCAPE_ASSERTIONS -I%src_root/include -O2 -c %s -o %t.gcc.o
// RUN: %clang -std=c11 -Wall -Wextra -pedantic -Werror -DESCAPE_ASSERTIONS -I%src_root/include -O2 -c %s -o %t.pedantic.o
// RUN: gcc -std=c11 -Wall -Wextra -pedantic -Werror -Wno-unused-parameter -I%src_root/include -O2 -c %s -o %t.gcc.o
// RUN: %clang -std=c11 -Wall -Wextra -pedantic -Werror -I%src_root/include -O2 -c %s -o %t.pedantic.o
#include <escape/escape.h>
#include <stdlib.h>
#include <string.h>

char *g;
extern void fill(ESCAPE_NOESCAPE char *p, size_t n) __attribute__((leaf));

int met_constant(int n) {
  char *b = ESCAPE_STACK(malloc(64));
  memset(b, n, 64);
  fill(b, 64);
  int r = b[n & 63];
  free(b);
  return r;
}

int met_calloc(int n) {
  int *v = ESCAPE_STACK(calloc(8, sizeof(int)));
  fill((char *)v, 8 * sizeof(int));
  int r = v[n & 7];
  free(v);
  return r;
}

int met_eliminated(int n) {
  char *b = ESCAPE_STACK(malloc(8));
  b[0] = (char)n;
  int r = b[0];
  free(b);
  return r;
}

int unmet_global(int n) {
  // CHECK: error: {{.*}}source-assertions.c:[[@LINE+3]]:{{13|26}}: ESCAPE_STACK not met: malloc(64) escapes to heap: stored to global `g`
  // NODEBUG-DAG: error: {{.*}}source-assertions.c:[[@LINE+2]]: ESCAPE_STACK not met: malloc(64) escapes to heap: stored to global `g`
  // WARN-DAG: warning: {{.*}}source-assertions.c:[[@LINE+1]]:{{13|26}}: ESCAPE_STACK not met: malloc(64) escapes to heap: stored to global `g`
  char *b = ESCAPE_STACK(malloc(64));
  g = b;
  return n;
}

int unmet_too_large(int n) {
  // CHECK: error: {{.*}}source-assertions.c:[[@LINE+1]]:{{13|26}}: ESCAPE_STACK not met: malloc(4096) does not escape, but stays on heap: too large for stack (4096 > 1024)
  char *b = ESCAPE_STACK(malloc(4096));
  fill(b, 4096);
  int r = b[n & 4095];
  free(b);
  return r;
}

void kept(ESCAPE_NOESCAPE char *p, size_t n) { memset(p, 0, n); }

void broken(ESCAPE_NOESCAPE char *p) {
  // CHECK: error: {{.*}}source-assertions.c:[[@LINE+3]]:5: noescape not met in broken: leaking param: p (stored to global `g`)
  // NODEBUG-DAG: error: noescape not met in broken: leaking param: #0 (stored to global `g`)
  // WARN-DAG: warning: {{.*}}source-assertions.c:[[@LINE+1]]:5: noescape not met in broken: leaking param: p (stored to global `g`)
  g = p;
}

char *returns(ESCAPE_NOESCAPE char *p) {
  // CHECK: error: {{.*}}source-assertions.c:[[@LINE+1]]:3: noescape not met in returns: leaking param: p to result ~r0 level=0 (returned)
  return p;
}

void frees(ESCAPE_NOESCAPE char *p) {
  // CHECK: error: {{.*}}source-assertions.c:[[@LINE+1]]:3: noescape not met in frees: leaking param: p to {free} level=0
  free(p);
}

#ifdef NOT_AN_ALLOCATION
char *not_an_allocation(char *p) {
  // NOTALLOC: error: {{.*}}source-assertions.c:[[@LINE+1]]: ESCAPE_STACK needs a direct call to malloc, calloc or aligned_alloc
  return ESCAPE_STACK(p + 1);
}
#endif

// REPORT:      unmet assertions:
// REPORT-NEXT: source-assertions.c:{{[0-9]+}}:{{[0-9]+}}: malloc(64) must be on the stack, but it escapes to heap: stored to global `g`
// REPORT-NEXT: source-assertions.c:{{[0-9]+}}:{{[0-9]+}}: malloc(4096) must be on the stack, but it stays on heap: too large for stack (4096 > 1024)
// REPORT-NEXT: source-assertions.c:{{[0-9]+}}:0: parameter p must not escape, but: leaking param: p
// REPORT-NEXT: source-assertions.c:{{[0-9]+}}:0: parameter p must not escape, but: leaking param: p to result ~r0 level=0
// REPORT-NEXT: source-assertions.c:{{[0-9]+}}:0: parameter p must not escape, but: leaking param: p to {free} level=0
// REPORT-ERR:  escape-report: 5 unmet assertions in source

// WARN-CL: warning: {{.*}}ESCAPE_STACK not met: malloc(64) escapes to heap
// BAD: escape: invalid value 'maybe' for option 'assertions' in ESCAPE_OPTIONS: expected error or warn

// YAML:      Name: EscapesToHeap
// YAML:      - Assertion: stack
// YAML-NEXT: - AssertionMet: 'false'
// YAML:      Name: ParamDoesNotEscape
// YAML:      - Param: p
// YAML:      - Assertion: noescape
// YAML-NEXT: - AssertionMet: 'true'
