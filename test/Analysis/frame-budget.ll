; Converted objects share a per-function budget (max-frame-size, 4096 by
; default); a function in a recursive SCC gets a quarter of it, since every
; level of the recursion holds its own copy (C64). Sites are taken in order.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '
; RUN: %opt_escape -passes='print<escape>' -escape-max-frame-size=2048 -disable-output %s 2>&1 | FileCheck --check-prefix=HALF %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)

define void @five_kib() {
  %a = call ptr @malloc(i64 1024)
  %b = call ptr @malloc(i64 1024)
  %c = call ptr @malloc(i64 1024)
  %d = call ptr @malloc(i64 1024)
  %e = call ptr @malloc(i64 16)
  call void @free(ptr %a)
  call void @free(ptr %b)
  call void @free(ptr %c)
  call void @free(ptr %d)
  call void @free(ptr %e)
  ret void
}

; A recursive function: 1024 bytes budget.
define void @rec(i32 %d) {
  %a = call ptr @malloc(i64 512)
  %b = call ptr @malloc(i64 512)
  %c = call ptr @malloc(i64 64)
  %z = icmp eq i32 %d, 0
  br i1 %z, label %done, label %down
down:
  %d1 = sub i32 %d, 1
  call void @rec(i32 %d1)
  br label %done
done:
  call void @free(ptr %a)
  call void @free(ptr %b)
  call void @free(ptr %c)
  ret void
}

; CHECK-LABEL: function five_kib{{$}}
; CHECK-NEXT:   site malloc(1024): moved to stack
; CHECK-NEXT:   site malloc(1024): moved to stack
; CHECK-NEXT:   site malloc(1024): moved to stack
; CHECK-NEXT:   site malloc(1024): moved to stack
; CHECK-NEXT:   site malloc(16): stays on heap: frame budget exceeded (4096)
; CHECK-NEXT:   free of a: sites {0}
; CHECK-NEXT:   free of b: sites {1}
; CHECK-NEXT:   free of c: sites {2}
; CHECK-NEXT:   free of d: sites {3}
; CHECK-NEXT:   free of e: sites {4}
; CHECK-LABEL: function rec (recursive){{$}}
; CHECK-NEXT:   site malloc(512): moved to stack
; CHECK-NEXT:   site malloc(512): moved to stack
; CHECK-NEXT:   site malloc(64): stays on heap: recursive function (frame budget 1024)
; CHECK-NEXT:   free of a: sites {0}
; CHECK-NEXT:   free of b: sites {1}
; CHECK-NEXT:   free of c: sites {2}

; HALF-LABEL: function five_kib{{$}}
; HALF-NEXT:   site malloc(1024): moved to stack
; HALF-NEXT:   site malloc(1024): moved to stack
; HALF-NEXT:   site malloc(1024): stays on heap: frame budget exceeded (2048)
; HALF-NEXT:   site malloc(1024): stays on heap: frame budget exceeded (2048)
; HALF-NEXT:   site malloc(16): stays on heap: frame budget exceeded (2048)
; HALF-NEXT:   free of a: sites {0}
; HALF-NEXT:   free of b: sites {1}
; HALF-NEXT:   free of c: sites {2}
; HALF-NEXT:   free of d: sites {3}
; HALF-NEXT:   free of e: sites {4}
; HALF-LABEL: function rec (recursive){{$}}
; HALF-NEXT:   site malloc(512): moved to stack
; HALF-NEXT:   site malloc(512): stays on heap: recursive function (frame budget 512)
; HALF-NEXT:   site malloc(64): stays on heap: recursive function (frame budget 512)
; HALF-NEXT:   free of a: sites {0}
; HALF-NEXT:   free of b: sites {1}
; HALF-NEXT:   free of c: sites {2}
