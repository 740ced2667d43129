; A callee whose parameter is nocapture (clang's noescape) could still free
; the object, unless the caller uses the object after the call on every path:
; freeing it would make that use a use after free. A load, a store, a memory
; intrinsic, a free of the same object, or the same call again (a loop)
; counts as a use; it must come before the pointer's definition runs again
; and before the function returns or unwinds.
; The functions are internal and called only from main, so none of them may
; recur through the declarations.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @ext(ptr nocapture)
declare void @stop() noreturn
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

; CHECK-LABEL: function freed_after{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of m: sites {0}
define internal void @freed_after() {
  %m = call ptr @malloc(i64 16)
  call void @ext(ptr %m)
  call void @free(ptr %m)
  ret void
}

; A store into the object through an offset is a use.
; CHECK-LABEL: function stored_after{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
define internal void @stored_after() {
  %m = call ptr @malloc(i64 16)
  call void @ext(ptr %m)
  %f = getelementptr inbounds i8, ptr %m, i64 8
  store i8 1, ptr %f
  ret void
}

; CHECK-LABEL: function memset_after{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
define internal void @memset_after() {
  %m = call ptr @malloc(i64 16)
  call void @ext(ptr %m)
  call void @llvm.memset.p0.i64(ptr %m, i8 0, i64 16, i1 false)
  ret void
}

; Both arms of a diamond read it.
; CHECK-LABEL: function both_arms{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
define internal i8 @both_arms(i1 %c) {
  %m = call ptr @malloc(i64 16)
  call void @ext(ptr %m)
  br i1 %c, label %a, label %b
a:
  %x = load i8, ptr %m
  br label %join
b:
  %y = load i8, ptr %m
  br label %join
join:
  %r = phi i8 [ %x, %a ], [ %y, %b ]
  ret i8 %r
}

; The call runs once per iteration on the same object, freed after the loop.
; CHECK-LABEL: function loop_then_free{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of m: sites {0}
define internal void @loop_then_free(i32 %n) {
entry:
  %m = call ptr @malloc(i64 16)
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  call void @ext(ptr %m)
  %i1 = add i32 %i, 1
  %c = icmp ult i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  call void @free(ptr %m)
  ret void
}

; Negative: nothing after the call.
; CHECK-LABEL: function last_use{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to unknown function `ext`
define internal void @last_use() {
  %m = call ptr @malloc(i64 16)
  call void @ext(ptr %m)
  ret void
}

; Negative: one arm returns without touching it.
; CHECK-LABEL: function one_arm{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to unknown function `ext`
define internal i8 @one_arm(i1 %c) {
  %m = call ptr @malloc(i64 16)
  call void @ext(ptr %m)
  br i1 %c, label %a, label %b
a:
  %x = load i8, ptr %m
  ret i8 %x
b:
  ret i8 0
}

; Negative: the program may stop after the call (exit() after the callee
; freed it is a correct program).
; CHECK-LABEL: function stops_first{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to unknown function `ext`
; CHECK-NEXT:   free of m: sites {0}
define internal void @stops_first(i1 %c) {
  %m = call ptr @malloc(i64 16)
  call void @ext(ptr %m)
  br i1 %c, label %stop, label %use
stop:
  call void @stop()
  unreachable
use:
  call void @free(ptr %m)
  ret void
}

; Negative: the allocation runs again before the use: the free after the
; loop frees only the last object, the callee may have freed the others.
; CHECK-LABEL: function redefined_in_loop{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to unknown function `ext`
; CHECK-NEXT:   free of m: sites {0}
define internal void @redefined_in_loop(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %m = call ptr @malloc(i64 16)
  call void @ext(ptr %m)
  %i1 = add i32 %i, 1
  %c = icmp ult i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  call void @free(ptr %m)
  ret void
}

; Negative: a phi carries the pointer round the loop; the header's read
; after the back edge reads the next object, not the one passed.
; CHECK-LABEL: function phi_moves_on{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to unknown function `ext`
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to unknown function `ext`
define internal void @phi_moves_on(i32 %n) {
entry:
  %a = call ptr @malloc(i64 16)
  br label %header
header:
  %p = phi ptr [ %a, %entry ], [ %b, %body ]
  %i = phi i32 [ 0, %entry ], [ %i1, %body ]
  %v = load i8, ptr %p
  %c = icmp ult i32 %i, %n
  br i1 %c, label %body, label %exit
body:
  call void @ext(ptr %p)
  %b = call ptr @malloc(i64 16)
  %i1 = add i32 %i, 1
  br label %header
exit:
  ret void
}

; Negative: a loop after the call that never touches it and never ends.
; CHECK-LABEL: function spins_after{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to unknown function `ext`
define internal void @spins_after() {
  %m = call ptr @malloc(i64 16)
  call void @ext(ptr %m)
  br label %spin
spin:
  br label %spin
}

; Negative: a different object is used after the call.
; CHECK-LABEL: function other_object_used{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to unknown function `ext`
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of o: sites {1}
define internal void @other_object_used() {
  %m = call ptr @malloc(i64 16)
  %o = call ptr @malloc(i64 16)
  call void @ext(ptr %m)
  call void @free(ptr %o)
  ret void
}

define i32 @main() {
  call void @freed_after()
  call void @stored_after()
  call void @memset_after()
  %r = call i8 @both_arms(i1 true)
  call void @loop_then_free(i32 3)
  call void @last_use()
  %s = call i8 @one_arm(i1 true)
  call void @stops_first(i1 false)
  call void @redefined_in_loop(i32 3)
  call void @phi_moves_on(i32 3)
  call void @other_object_used()
  call void @spins_after()
  ret i32 0
}
