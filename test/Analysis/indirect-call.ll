; An indirect call sends every pointer argument to the heap: passed to
; indirect call (C45, C47). A call whose callee is a known function (after
; the cast is stripped by LLVM) uses the callee's summary (C46). An indirect
; call may also lead back into any function the outside can name: a caller
; that is external may recur through it, and keeps even its objects that do
; not escape on the heap.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)

define void @nop(ptr %p) {
  ret void
}

define void @app(ptr %fn) {
  %m = call ptr @malloc(i64 4)
  call void %fn(ptr %m)
  call void @free(ptr %m)
  ret void
}

; obj->ops->write(obj, buf)
define void @vtable(ptr %obj) {
  %buf = call ptr @malloc(i64 64)
  %ops = load ptr, ptr %obj
  %write = load ptr, ptr %ops
  call void %write(ptr %obj, ptr %buf)
  call void @free(ptr %buf)
  ret void
}

define void @direct_known() {
  %m = call ptr @malloc(i64 4)
  call void @nop(ptr %m)
  call void @free(ptr %m)
  ret void
}

; The function pointer itself is not an argument of anything: the object
; does not escape, but the call may come back here.
define void @select_target(i1 %c, ptr %f) {
  %m = call ptr @malloc(i64 4)
  %fn = select i1 %c, ptr @nop, ptr %f
  call void %fn(ptr null)
  call void @free(ptr %m)
  ret void
}

; CHECK-LABEL: function nop{{$}}
; CHECK-NEXT:   param p: heap=-1 result=-1 free=-1
; CHECK-LABEL: function app (recursive){{$}}
; CHECK-NEXT:   param fn: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(4): escapes to heap: passed to indirect call
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function vtable (recursive){{$}}
; CHECK-NEXT:   param obj: heap=0 result=-1 free=-1
; CHECK-NEXT:   site malloc(64): escapes to heap: passed to indirect call
; CHECK-NEXT:   free of buf: sites {0}
; CHECK-LABEL: function direct_known{{$}}
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function select_target (recursive){{$}}
; CHECK-NEXT:   param f: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(4): stays on heap: recursive function (through indirect call)
; CHECK-NEXT:   free of m: sites {0}
