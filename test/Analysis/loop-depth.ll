; Loop depth comes from CycleInfo: an allocation inside a cycle whose
; address reaches a location of a shallower depth (a loop-header phi fed by
; the back edge, a slot declared outside the loop) outlives the iteration
; (C36, C39, C57); one used and freed within the iteration stays
; (C37, C42).
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @llvm.lifetime.start.p0(i64, ptr)
declare void @llvm.lifetime.end.p0(i64, ptr)

; for (...) { int *t = malloc(4); *t = i; sum += *t; free(t); } (C37)
define i32 @per_iteration(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %sum = phi i32 [ 0, %entry ], [ %s1, %loop ]
  %t = call ptr @malloc(i64 4)
  store i32 %i, ptr %t
  %v = load i32, ptr %t
  %s1 = add i32 %sum, %v
  call void @free(ptr %t)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  ret i32 %s1
}

; int *last = 0; for (...) { last = malloc(4); *last = i; } return *last; (C38)
; Go keeps this on the heap; here only the SSA value of the last iteration is
; used after the loop and nothing carries an older instance into the next
; iteration (no header phi, no outer slot), so one reused slot is sound -
; the allocation-site liveness improvement go-escape.md C38 describes.
define i32 @last_iteration_kept(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %last = call ptr @malloc(i64 4)
  store i32 %i, ptr %last
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  %v = load i32, ptr %last
  ret i32 %v
}

; for (...) { x = malloc(16); x->next = h; h = x; } (C39): h is a header
; phi fed by the back edge.
define void @list_built_in_loop(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  %h = phi ptr [ null, %entry ], [ %x, %loop ]
  %x = call ptr @malloc(i64 16)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  call void @free(ptr %x)
  ret void
}

; int *arr[8]; for (...) arr[i] = malloc(4); (C36): the array is outside.
define void @array_filled_in_loop() {
entry:
  %arr = alloca [8 x ptr]
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]
  %m = call ptr @malloc(i64 4)
  %slot = getelementptr inbounds [8 x ptr], ptr %arr, i64 0, i64 %i
  store ptr %m, ptr %slot
  %i1 = add i64 %i, 1
  %c = icmp ult i64 %i1, 8
  br i1 %c, label %loop, label %exit
exit:
  %first = load ptr, ptr %arr
  call void @free(ptr %first)
  ret void
}

; A C local declared inside the loop (its lifetime starts there) is per
; iteration: storing into it is fine (C44).
define i32 @slot_declared_in_loop(i32 %n) {
entry:
  %slot = alloca ptr
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i1, %loop ]
  call void @llvm.lifetime.start.p0(i64 8, ptr %slot)
  %m = call ptr @malloc(i64 4)
  store ptr %m, ptr %slot
  %q = load ptr, ptr %slot
  store i32 %i, ptr %q
  call void @free(ptr %q)
  call void @llvm.lifetime.end.p0(i64 8, ptr %slot)
  %i1 = add i32 %i, 1
  %c = icmp slt i32 %i1, %n
  br i1 %c, label %loop, label %exit
exit:
  ret i32 0
}

; struct N *l = malloc(sz); for (p = l; p; p = p->next) ...; free(l); (C42)
define i32 @outer_object_iterated() {
entry:
  %l = call ptr @malloc(i64 16)
  store ptr null, ptr %l
  br label %loop
loop:
  %p = phi ptr [ %l, %entry ], [ %next, %loop ]
  %next = load ptr, ptr %p
  %c = icmp eq ptr %next, null
  br i1 %c, label %exit, label %loop
exit:
  call void @free(ptr %l)
  ret i32 0
}

; CHECK-LABEL: function per_iteration{{$}}
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-NEXT:   free of t: sites {0}
; CHECK-LABEL: function last_iteration_kept{{$}}
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-LABEL: function list_built_in_loop{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: outlives loop iteration
; CHECK-NEXT:   free of x: sites {0}
; CHECK-LABEL: function array_filled_in_loop{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: outlives loop iteration
; CHECK-NEXT:   free of first: sites {0}
; CHECK-LABEL: function slot_declared_in_loop{{$}}
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-NEXT:   free of q: sites {0}
; CHECK-LABEL: function outer_object_iterated{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of l: sites {0}
