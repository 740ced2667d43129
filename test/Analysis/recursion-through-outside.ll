; Which functions may recur (Recursion.h): cycles of the call graph extended
; with one node for the world outside the module. A function on such a cycle
; keeps every object on the heap; one off every cycle moves them.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not=' site malloc'

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr nocapture readonly) nofree
declare void @leaf(ptr nocapture readonly) nofree nocallback
declare void @die() noreturn
declare void @qsort(ptr, i64, i64, ptr)
declare i64 @strlen(ptr nocapture readonly)

; An external function calling an unknown one: the unknown one may call it
; back.
; CHECK-LABEL: function visible (recursive){{$}}
; CHECK-NEXT:    site malloc(16): stays on heap: recursive function (through `use`)
define void @visible() {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; A callee that says it never calls back (nocallback), a C library function,
; a noreturn one: no way back.
; CHECK-LABEL: function visible_leaf{{$}}
; CHECK-NEXT:    site malloc(16): moved to stack
define void @visible_leaf(i1 %c) {
  %p = call ptr @malloc(i64 16)
  call void @leaf(ptr %p)
  %n = call i64 @strlen(ptr %p)
  br i1 %c, label %bad, label %ok
bad:
  call void @die()
  unreachable
ok:
  call void @free(ptr %p)
  ret void
}

; Internal and named only by main: the outside cannot call it.
; CHECK-LABEL: function hidden{{$}}
; CHECK-NEXT:    site malloc(16): moved to stack
define internal void @hidden() {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; main is called by the C runtime alone.
; CHECK-LABEL: function main{{$}}
; CHECK-NEXT:    site malloc(16): moved to stack
define i32 @main() {
  %p = call ptr @malloc(i64 16)
  call void @hidden()
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret i32 0
}

; Internal, but its address reaches the outside.
@handler = global ptr @taken
; CHECK-LABEL: function taken (recursive){{$}}
; CHECK-NEXT:    site malloc(16): stays on heap: recursive function (through `use`)
define internal void @taken() {
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; An indirect call from a function the outside can name.
; CHECK-LABEL: function indirect (recursive){{$}}
; CHECK-NEXT:    param fn:
; CHECK-NEXT:    site malloc(16): stays on heap: recursive function (through indirect call)
define void @indirect(ptr %fn) {
  %p = call ptr @malloc(i64 16)
  call void %fn()
  call void @leaf(ptr %p)
  call void @free(ptr %p)
  ret void
}

; qsort calls back the comparator it is given, nothing else: a comparator
; that stays inside, and one that calls back into the sorter.
; CHECK-LABEL: function cmp{{$}}
define internal i32 @cmp(ptr %a, ptr %b) {
  ret i32 0
}
; CHECK-LABEL: function sort_plain{{$}}
; CHECK:         site malloc(64): moved to stack
define internal void @sort_plain() {
  %p = call ptr @malloc(i64 64)
  call void @qsort(ptr %p, i64 4, i64 16, ptr @cmp)
  call void @free(ptr %p)
  ret void
}
; CHECK-LABEL: function cmp_back (recursive){{$}}
define internal i32 @cmp_back(ptr %a, ptr %b) {
  call void @sort_back()
  ret i32 0
}
; CHECK-LABEL: function sort_back (recursive){{$}}
; CHECK-NEXT:    site malloc(32): stays on heap: recursive function (through `qsort`)
; CHECK-NEXT:    site malloc(64): escapes to heap: passed to indirect call
define internal void @sort_back() {
  %t = call ptr @malloc(i64 32)
  call void @leaf(ptr %t)
  %p = call ptr @malloc(i64 64)
  call void @qsort(ptr %p, i64 4, i64 16, ptr @cmp_back)
  call void @free(ptr %p)
  call void @free(ptr %t)
  ret void
}

define i32 @sorters() {
  call void @sort_plain()
  call void @sort_back()
  ret i32 0
}

; A second run (ThinLTO on LLVM 19 runs the pass twice) sees the stack check
; it emitted as a call that cannot come back: nothing turns recursive.
; RUN: %opt_escape -passes=escape -S %s | %opt_escape -passes='print<escape>' -disable-output 2>&1 | FileCheck --check-prefix=SECOND %s
; SECOND-DAG: function visible_leaf{{$}}
; SECOND-DAG: function hidden{{$}}
; SECOND-DAG: function main{{$}}
; SECOND-DAG: function sort_plain{{$}}
; SECOND-DAG: function __escape_stack_room_slow{{$}}
