; Regression (was a miscompile): a function in the same SCC as its caller
; frees the argument it receives. The old plugin passed arguments straight
; into the same-SCC callee's parameters but never replayed the callee's free,
; so the allocation passed to the recursive call was moved to the stack and
; later freed ("free(): invalid size"). It must stay on the heap, freed in
; callee.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @note(i32)

; rec(p, d): if (d > 0) { m = malloc(4); rec(m, d - 1); note(d); } else free(p);
; CHECK-LABEL: function rec (recursive)
; CHECK-NEXT: param p: heap=-1 result=-1 free=0
; CHECK-NEXT: site malloc(4): escapes to heap: freed in callee `rec`
; CHECK-NEXT: free of p: sites {0} and other origins
define void @rec(ptr %p, i32 %d) noinline {
entry:
  %pos = icmp sgt i32 %d, 0
  br i1 %pos, label %deeper, label %bottom
deeper:
  %m = call ptr @malloc(i64 4)
  store i32 %d, ptr %m
  %d1 = sub i32 %d, 1
  call void @rec(ptr %m, i32 %d1)
  call void @note(i32 %d)
  ret void
bottom:
  call void @free(ptr %p)
  ret void
}

; Mutual recursion: ping allocates and calls pong, pong frees.
; CHECK-LABEL: function ping (recursive)
; CHECK-NEXT: site malloc(8): escapes to heap: freed in callee `pong`
define void @ping(i32 %d) noinline {
  %m = call ptr @malloc(i64 8)
  store i32 %d, ptr %m
  call void @pong(ptr %m, i32 %d)
  ret void
}

; CHECK-LABEL: function pong (recursive)
; CHECK-NEXT: param p: heap=-1 result=-1 free=0
; CHECK-NEXT: free of p: sites {} and other origins
define void @pong(ptr %p, i32 %d) noinline {
  %pos = icmp sgt i32 %d, 0
  br i1 %pos, label %again, label %done
again:
  %d1 = sub i32 %d, 1
  call void @ping(i32 %d1)
  br label %done
done:
  call void @free(ptr %p)
  ret void
}
