// The optimization record (YAML) of EscapesToHeap: kind !Missed, the
// arguments Callee, Size and Reason that make the message, and ReasonKind,
// the stable id tools key on - one site per reason of the vocabulary.
// Compiled as a short relative path, so that YAML never wraps DebugLoc.
// RUN: rm -rf %t && mkdir %t && cp %s %t/y.c && cd %t
// RUN: %clang_escape -O2 -g -fsave-optimization-record -foptimization-record-passes=escape -foptimization-record-file=y.yaml -c y.c -o /dev/null
// RUN: FileCheck --check-prefix=YAML %s --implicit-check-not=Name: < y.yaml
#include <stdint.h>
#include <stdlib.h>
#define NOINLINE __attribute__((noinline))

int *g;
int **gpp;
uintptr_t gkey;
extern void ext(int *);

// YAML:      --- !Analysis
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            LeakingParam
// YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+5]], Column: 0 }
// YAML-NEXT: Function:        keep
// YAML-NEXT: Args:
// YAML-NEXT:   - String:          'leaking param: '
// YAML-NEXT:   - Param:           p
NOINLINE void keep(int *p) { g = p; }
// YAML:      --- !Analysis
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            LeakingParam
// YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+9]], Column: 0 }
// YAML-NEXT: Function:        release
// YAML-NEXT: Args:
// YAML-NEXT:   - String:          'leaking param: '
// YAML-NEXT:   - Param:           p
// YAML-NEXT:   - String:          ' to '
// YAML-NEXT:   - Result:          '{free}'
// YAML-NEXT:   - String:          ' level='
// YAML-NEXT:   - Level:           '0'
NOINLINE void release(int *p) { free(p); }

// YAML:      --- !Missed
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            EscapesToHeap
// YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+10]], Column: 30 }
// YAML-NEXT: Function:        returned
// YAML-NEXT: Args:
// YAML-NEXT:   - Callee:          malloc
// YAML-NEXT:   - String:          '('
// YAML-NEXT:   - Size:            '4'
// YAML-NEXT:   - String:          ')'
// YAML-NEXT:   - String:          ' escapes to heap: '
// YAML-NEXT:   - Reason:          returned
// YAML-NEXT:   - ReasonKind:      returned
int *returned(void) { return malloc(4); }

// YAML:      --- !Missed
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            EscapesToHeap
// YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+10]], Column: 25 }
// YAML-NEXT: Function:        global
// YAML-NEXT: Args:
// YAML-NEXT:   - Callee:          malloc
// YAML-NEXT:   - String:          '('
// YAML-NEXT:   - Size:            '8'
// YAML-NEXT:   - String:          ')'
// YAML-NEXT:   - String:          ' escapes to heap: '
// YAML-NEXT:   - Reason:          'stored to global `g`'
// YAML-NEXT:   - ReasonKind:      stored-to-global
void global(void) { g = malloc(8); }

// YAML:      --- !Missed
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            EscapesToHeap
// YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+10]], Column: 37 }
// YAML-NEXT: Function:        through_pointer
// YAML-NEXT: Args:
// YAML-NEXT:   - Callee:          malloc
// YAML-NEXT:   - String:          '('
// YAML-NEXT:   - Size:            '12'
// YAML-NEXT:   - String:          ')'
// YAML-NEXT:   - String:          ' escapes to heap: '
// YAML-NEXT:   - Reason:          'stored through pointer (multi-level indirection)'
// YAML-NEXT:   - ReasonKind:      multi-level-indirection
void through_pointer(void) { *gpp = malloc(12); }

// YAML:      --- !Missed
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            EscapesToHeap
// YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+10]], Column: 33 }
// YAML-NEXT: Function:        leaking_param
// YAML-NEXT: Args:
// YAML-NEXT:   - Callee:          malloc
// YAML-NEXT:   - String:          '('
// YAML-NEXT:   - Size:            '16'
// YAML-NEXT:   - String:          ')'
// YAML-NEXT:   - String:          ' escapes to heap: '
// YAML-NEXT:   - Reason:          'passed to `keep` (leaking param `p`)'
// YAML-NEXT:   - ReasonKind:      passed-to-leaking-param
void leaking_param(void) { keep(malloc(16)); }

// YAML:      --- !Missed
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            EscapesToHeap
// YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+10]], Column: 26 }
// YAML-NEXT: Function:        unknown
// YAML-NEXT: Args:
// YAML-NEXT:   - Callee:          malloc
// YAML-NEXT:   - String:          '('
// YAML-NEXT:   - Size:            '20'
// YAML-NEXT:   - String:          ')'
// YAML-NEXT:   - String:          ' escapes to heap: '
// YAML-NEXT:   - Reason:          'passed to unknown function `ext`'
// YAML-NEXT:   - ReasonKind:      passed-to-unknown-function
void unknown(void) { ext(malloc(20)); }

// YAML:      --- !Analysis
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            ParamDoesNotEscape
// YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+18]], Column: 0 }
// YAML-NEXT: Function:        indirect
// YAML-NEXT: Args:
// YAML-NEXT:   - Param:           fn
// YAML-NEXT:   - String:          ' does not escape'
// YAML:      --- !Missed
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            EscapesToHeap
// YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+10]], Column: 39 }
// YAML-NEXT: Function:        indirect
// YAML-NEXT: Args:
// YAML-NEXT:   - Callee:          malloc
// YAML-NEXT:   - String:          '('
// YAML-NEXT:   - Size:            '24'
// YAML-NEXT:   - String:          ')'
// YAML-NEXT:   - String:          ' escapes to heap: '
// YAML-NEXT:   - Reason:          passed to indirect call
// YAML-NEXT:   - ReasonKind:      passed-to-indirect-call
void indirect(void (*fn)(int *)) { fn(malloc(24)); }

// YAML:      --- !Missed
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            EscapesToHeap
// YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+10]], Column: 35 }
// YAML-NEXT: Function:        callee_frees
// YAML-NEXT: Args:
// YAML-NEXT:   - Callee:          malloc
// YAML-NEXT:   - String:          '('
// YAML-NEXT:   - Size:            '28'
// YAML-NEXT:   - String:          ')'
// YAML-NEXT:   - String:          ' escapes to heap: '
// YAML-NEXT:   - Reason:          'freed in callee `release`'
// YAML-NEXT:   - ReasonKind:      freed-in-callee
void callee_frees(void) { release(malloc(28)); }

// YAML:      --- !Missed
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            EscapesToHeap
// YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+10]], Column: 40 }
// YAML-NEXT: Function:        integer
// YAML-NEXT: Args:
// YAML-NEXT:   - Callee:          malloc
// YAML-NEXT:   - String:          '('
// YAML-NEXT:   - Size:            '32'
// YAML-NEXT:   - String:          ')'
// YAML-NEXT:   - String:          ' escapes to heap: '
// YAML-NEXT:   - Reason:          converted to integer
// YAML-NEXT:   - ReasonKind:      converted-to-integer
void integer(void) { gkey = (uintptr_t)malloc(32); }

// YAML:      --- !Missed
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            EscapesToHeap
// YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+10]], Column: 53 }
// YAML-NEXT: Function:        inline_asm
// YAML-NEXT: Args:
// YAML-NEXT:   - Callee:          malloc
// YAML-NEXT:   - String:          '('
// YAML-NEXT:   - Size:            '36'
// YAML-NEXT:   - String:          ')'
// YAML-NEXT:   - String:          ' escapes to heap: '
// YAML-NEXT:   - Reason:          captured by inline asm
// YAML-NEXT:   - ReasonKind:      captured-by-inline-asm
void inline_asm(void) { __asm__ volatile("" : : "r"(malloc(36)) : "memory"); }

// YAML:      --- !Missed
// YAML-NEXT: Pass:            escape
// YAML-NEXT: Name:            EscapesToHeap
// YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+10]], Column: 43 }
// YAML-NEXT: Function:        reallocated
// YAML-NEXT: Args:
// YAML-NEXT:   - Callee:          malloc
// YAML-NEXT:   - String:          '('
// YAML-NEXT:   - Size:            '40'
// YAML-NEXT:   - String:          ')'
// YAML-NEXT:   - String:          ' escapes to heap: '
// YAML-NEXT:   - Reason:          passed to reallocarray
// YAML-NEXT:   - ReasonKind:      passed-to-realloc
void reallocated(void) { g = reallocarray(malloc(40), 2, 40); }

int loop_carried(int n) {
  int *prev = 0, s = 0;
  for (int i = 0; i < n; i++) {
    // YAML:      --- !Missed
    // YAML-NEXT: Pass:            escape
    // YAML-NEXT: Name:            EscapesToHeap
    // YAML-NEXT: DebugLoc:        { File: y.c, Line: [[#@LINE+10]], Column: 14 }
    // YAML-NEXT: Function:        loop_carried
    // YAML-NEXT: Args:
    // YAML-NEXT:   - Callee:          malloc
    // YAML-NEXT:   - String:          '('
    // YAML-NEXT:   - Size:            '44'
    // YAML-NEXT:   - String:          ')'
    // YAML-NEXT:   - String:          ' escapes to heap: '
    // YAML-NEXT:   - Reason:          outlives loop iteration
    // YAML-NEXT:   - ReasonKind:      outlives-loop-iteration
    int *x = malloc(44);
    *x = i;
    if (prev)
      s += *prev;
    prev = x;
  }
  return s;
}
