; Regression (was a miscompile): a weak (interposable) self-recursive
; function may be replaced at link time, so its recursive call must be
; treated as a call to an unknown declaration, not analysed with the body
; in hand. The old plugin batched the weak function with itself and moved
; the allocation passed to the recursive call to the stack.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)

; CHECK-LABEL: function walk
; CHECK-NEXT: param p: heap=-1 result=-1 free=-1
; CHECK-NEXT: site malloc(16): escapes to heap: passed to unknown function `walk`
; CHECK-NEXT: free of m: sites {0}
define weak void @walk(ptr %p, i32 %d) {
  %z = icmp eq i32 %d, 0
  br i1 %z, label %done, label %rec
rec:
  %m = call ptr @malloc(i64 16)
  %d1 = sub i32 %d, 1
  call void @walk(ptr %m, i32 %d1)
  call void @free(ptr %m)
  br label %done
done:
  ret void
}
