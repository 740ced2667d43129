// The YAML records of objects that do not escape: MovedToStack (!Passed;
// the variable-size form adds SizeOperand and Limit; both end with the
// run-time condition) and StaysOnHeap (!Missed, with Reason and ReasonKind).
// Compiled as a short relative path, so that YAML never wraps DebugLoc.
// RUN: rm -rf %t && mkdir %t && cp %s %t/y.c && cd %t
// RUN: %clang_escape -O2 -g -fsave-optimization-record -foptimization-record-passes=escape -foptimization-record-file=y.yaml -c y.c -o /dev/null
// RUN: FileCheck --check-prefix=YAML %s --implicit-check-not=Name: < y.yaml
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

// YAML:      --- !Analysis
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            ParamDoesNotEscape
// YAML-NEXT: DebugLoc:        { File: {{.*}}.c, Line: [[#@LINE+5]], Column: 0 }
// YAML-NEXT: Function:        peek
// YAML-NEXT: Args:
// YAML-NEXT:   - Param:           p
// YAML-NEXT:   - String:          ' does not escape'
NOINLINE int peek(const char *p) { return *p; }
// YAML:      --- !Analysis
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            ParamDoesNotEscape
// YAML-NEXT: DebugLoc:        { File: {{.*}}.c, Line: [[#@LINE+5]], Column: 0 }
// YAML-NEXT: Function:        is_null
// YAML-NEXT: Args:
// YAML-NEXT:   - Param:           p
// YAML-NEXT:   - String:          ' does not escape'
NOINLINE int is_null(const char *p) { return p == 0; }

int fixed(void) {
  // YAML:      --- !Passed
  // YAML-NEXT: Pass:            escape
  // YAML-NEXT: Name:            MovedToStack
  // YAML-NEXT: DebugLoc:        { File: {{.*}}.c, Line: [[#@LINE+8]], Column: 13 }
  // YAML-NEXT: Function:        fixed
  // YAML-NEXT: Args:
  // YAML-NEXT:   - Callee:          malloc
  // YAML-NEXT:   - String:          '('
  // YAML-NEXT:   - Size:            '48'
  // YAML-NEXT:   - String:          ')'
  // YAML-NEXT:   - String:          ' does not escape: moved to stack while the stack has room'
  char *p = malloc(48);
  p[0] = 1;
  int r = peek(p);
  free(p);
  return r;
}

int variable(size_t n) {
  // YAML:      --- !Passed
  // YAML-NEXT: Pass:            escape
  // YAML-NEXT: Name:            MovedToStack
  // YAML-NEXT: DebugLoc:        { File: {{.*}}.c, Line: [[#@LINE+12]], Column: 13 }
  // YAML-NEXT: Function:        variable
  // YAML-NEXT: Args:
  // YAML-NEXT:   - Callee:          malloc
  // YAML-NEXT:   - String:          '('
  // YAML-NEXT:   - Size:            n
  // YAML-NEXT:   - String:          ')'
  // YAML-NEXT:   - String:          ' does not escape: moved to stack when '
  // YAML-NEXT:   - SizeOperand:     n
  // YAML-NEXT:   - String:          ' <= '
  // YAML-NEXT:   - Limit:           '256'
  // YAML-NEXT:   - String:          ' while the stack has room'
  char *p = malloc(n);
  p[0] = 1;
  int r = peek(p);
  free(p);
  return r;
}

int large(void) {
  // YAML:      --- !Missed
  // YAML-NEXT: Pass:            escape
  // YAML-NEXT: Name:            StaysOnHeap
  // YAML-NEXT: DebugLoc:        { File: {{.*}}.c, Line: [[#@LINE+10]], Column: 13 }
  // YAML-NEXT: Function:        large
  // YAML-NEXT: Args:
  // YAML-NEXT:   - Callee:          malloc
  // YAML-NEXT:   - String:          '('
  // YAML-NEXT:   - Size:            '4096'
  // YAML-NEXT:   - String:          ')'
  // YAML-NEXT:   - String:          ' does not escape, but stays on heap: '
  // YAML-NEXT:   - Reason:          'too large for stack (4096 > 1024)'
  // YAML-NEXT:   - ReasonKind:      too-large
  char *p = malloc(4096);
  p[0] = 1;
  int r = peek(p);
  free(p);
  return r;
}

int zero(void) {
  // YAML:      --- !Missed
  // YAML-NEXT: Pass:            escape
  // YAML-NEXT: Name:            StaysOnHeap
  // YAML-NEXT: DebugLoc:        { File: {{.*}}.c, Line: [[#@LINE+10]], Column: 13 }
  // YAML-NEXT: Function:        zero
  // YAML-NEXT: Args:
  // YAML-NEXT:   - Callee:          malloc
  // YAML-NEXT:   - String:          '('
  // YAML-NEXT:   - Size:            '0'
  // YAML-NEXT:   - String:          ')'
  // YAML-NEXT:   - String:          ' does not escape, but stays on heap: '
  // YAML-NEXT:   - Reason:          zero size
  // YAML-NEXT:   - ReasonKind:      zero-size
  char *p = malloc(0);
  int r = is_null(p);
  free(p);
  return r;
}

int recursive(int d) {
  // YAML:      --- !Missed
  // YAML-NEXT: Pass:            escape
  // YAML-NEXT: Name:            StaysOnHeap
  // YAML-NEXT: DebugLoc:        { File: {{.*}}.c, Line: [[#@LINE+10]], Column: 13 }
  // YAML-NEXT: Function:        recursive
  // YAML-NEXT: Args:
  // YAML-NEXT:   - Callee:          malloc
  // YAML-NEXT:   - String:          '('
  // YAML-NEXT:   - Size:            '16'
  // YAML-NEXT:   - String:          ')'
  // YAML-NEXT:   - String:          ' does not escape, but stays on heap: '
  // YAML-NEXT:   - Reason:          'recursive function (through `recursive`)'
  // YAML-NEXT:   - ReasonKind:      recursive-function
  char *p = malloc(16);
  p[0] = (char)d;
  int r = peek(p);
  if (d > 0)
    r += recursive(d - 1);
  free(p);
  return r;
}
