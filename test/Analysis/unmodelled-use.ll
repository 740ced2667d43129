; An instruction the graph does not model that consumes a pointer sends it
; to the heap and names itself: used by `va_arg` (the operand is read as a
; va_list, whose save area may hold anything). Comparisons, branches and
; fences consume pointers without moving them.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)

define i32 @as_va_list() {
  %m = call ptr @malloc(i64 24)
  %v = va_arg ptr %m, i32
  ret i32 %v
}

define void @compared_and_switched(ptr %o) {
  %m = call ptr @malloc(i64 24)
  %c = icmp ult ptr %m, %o
  fence seq_cst
  br i1 %c, label %a, label %b
a:
  call void @free(ptr %m)
  ret void
b:
  call void @free(ptr %m)
  ret void
}

; CHECK-LABEL: function as_va_list{{$}}
; CHECK-NEXT:   site malloc(24): escapes to heap: used by `va_arg`
; CHECK-LABEL: function compared_and_switched{{$}}
; CHECK-NEXT:   param o: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(24): moved to stack
; CHECK-NEXT:   free of m: sites {0}
; CHECK-NEXT:   free of m: sites {0}
