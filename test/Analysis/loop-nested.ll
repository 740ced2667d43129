; Nested cycles: the depth that matters is the allocation's own. Reaching a
; location of the enclosing loop (depth 1) from the inner loop (depth 2)
; outlives the inner iteration; staying inside the inner iteration does not.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)

define void @inner_to_outer_phi(i32 %n) {
entry:
  br label %outer
outer:
  %i = phi i32 [ 0, %entry ], [ %i1, %outer.latch ]
  br label %inner
inner:
  %j = phi i32 [ 0, %outer ], [ %j1, %inner ]
  %keep = phi ptr [ null, %outer ], [ %m, %inner ]
  %m = call ptr @malloc(i64 8)
  %j1 = add i32 %j, 1
  %cj = icmp slt i32 %j1, %n
  br i1 %cj, label %inner, label %outer.latch
outer.latch:
  call void @free(ptr %m)
  %i1 = add i32 %i, 1
  %ci = icmp slt i32 %i1, %n
  br i1 %ci, label %outer, label %exit
exit:
  ret void
}

define void @inner_local(i32 %n) {
entry:
  br label %outer
outer:
  %i = phi i32 [ 0, %entry ], [ %i1, %outer.latch ]
  %a = call ptr @malloc(i64 8)
  br label %inner
inner:
  %j = phi i32 [ 0, %outer ], [ %j1, %inner ]
  %m = call ptr @malloc(i64 8)
  store i32 %j, ptr %m
  call void @free(ptr %m)
  %j1 = add i32 %j, 1
  %cj = icmp slt i32 %j1, %n
  br i1 %cj, label %inner, label %outer.latch
outer.latch:
  call void @free(ptr %a)
  %i1 = add i32 %i, 1
  %ci = icmp slt i32 %i1, %n
  br i1 %ci, label %outer, label %exit
exit:
  ret void
}

; CHECK-LABEL: function inner_to_outer_phi{{$}}
; CHECK-NEXT:   site malloc(8): escapes to heap: outlives loop iteration
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function inner_local{{$}}
; CHECK-NEXT:   site malloc(8): moved to stack
; CHECK-NEXT:   site malloc(8): moved to stack
; CHECK-NEXT:   free of m: sites {1}
; CHECK-NEXT:   free of a: sites {0}
