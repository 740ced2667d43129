; An irreducible cycle (two entries, as a backward goto into the middle of a
; loop makes) is a cycle for CycleInfo though LoopInfo sees no loop: an
; allocation in it that reaches an entry phi over the back edge outlives
; the iteration (C41); one freed within it does not.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)

define ptr @irreducible_carried(i1 %c, i32 %n) {
entry:
  br i1 %c, label %a, label %b
a:
  %pa = phi ptr [ null, %entry ], [ %m, %b ]
  %ia = phi i32 [ 0, %entry ], [ %ib1, %b ]
  %ia1 = add i32 %ia, 1
  br label %b
b:
  %pb = phi ptr [ null, %entry ], [ %pa, %a ]
  %ib = phi i32 [ 0, %entry ], [ %ia1, %a ]
  %m = call ptr @malloc(i64 8)
  %ib1 = add i32 %ib, 1
  %cc = icmp slt i32 %ib1, %n
  br i1 %cc, label %a, label %exit
exit:
  call void @free(ptr %m)
  ret ptr null
}

define void @irreducible_local(i1 %c, i32 %n) {
entry:
  br i1 %c, label %a, label %b
a:
  %ia = phi i32 [ 0, %entry ], [ %ib1, %b ]
  %ia1 = add i32 %ia, 1
  br label %b
b:
  %ib = phi i32 [ 0, %entry ], [ %ia1, %a ]
  %m = call ptr @malloc(i64 8)
  store i32 %ib, ptr %m
  call void @free(ptr %m)
  %ib1 = add i32 %ib, 1
  %cc = icmp slt i32 %ib1, %n
  br i1 %cc, label %a, label %exit
exit:
  ret void
}

; CHECK-LABEL: function irreducible_carried{{$}}
; CHECK-NEXT:   site malloc(8): escapes to heap: outlives loop iteration
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function irreducible_local{{$}}
; CHECK-NEXT:   site malloc(8): moved to stack
; CHECK-NEXT:   free of m: sites {0}
