; Converted objects share a per-function budget (max-frame-size, 4096 by
; default). Sites are taken in order. A function that may recur converts
; nothing, since every level of the recursion would hold its own copy (C64);
; a function it calls that does not recur has the whole budget.
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

; A recursive function: its objects stay on the heap, however small.
define void @rec(i32 %d) {
  %a = call ptr @malloc(i64 512)
  %b = call ptr @malloc(i64 512)
  %c = call ptr @malloc(i64 64)
  call void @rec_leaf()
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

; Called at every level of the recursion but not on its cycle: one frame of
; it is live at a time, and it has the whole budget.
define void @rec_leaf() {
  %a = call ptr @malloc(i64 1024)
  %b = call ptr @malloc(i64 1024)
  %c = call ptr @malloc(i64 1024)
  %d = call ptr @malloc(i64 1024)
  call void @free(ptr %a)
  call void @free(ptr %b)
  call void @free(ptr %c)
  call void @free(ptr %d)
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
; CHECK-NEXT:   site malloc(512): stays on heap: recursive function (through `rec`)
; CHECK-NEXT:   site malloc(512): stays on heap: recursive function (through `rec`)
; CHECK-NEXT:   site malloc(64): stays on heap: recursive function (through `rec`)
; CHECK-NEXT:   free of a: sites {0}
; CHECK-NEXT:   free of b: sites {1}
; CHECK-NEXT:   free of c: sites {2}
; CHECK-LABEL: function rec_leaf{{$}}
; CHECK-NEXT:   site malloc(1024): moved to stack
; CHECK-NEXT:   site malloc(1024): moved to stack
; CHECK-NEXT:   site malloc(1024): moved to stack
; CHECK-NEXT:   site malloc(1024): moved to stack
; CHECK-NEXT:   free of a: sites {0}
; CHECK-NEXT:   free of b: sites {1}
; CHECK-NEXT:   free of c: sites {2}
; CHECK-NEXT:   free of d: sites {3}

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
; HALF-NEXT:   site malloc(512): stays on heap: recursive function (through `rec`)
; HALF-NEXT:   site malloc(512): stays on heap: recursive function (through `rec`)
; HALF-NEXT:   site malloc(64): stays on heap: recursive function (through `rec`)
; HALF-NEXT:   free of a: sites {0}
; HALF-NEXT:   free of b: sites {1}
; HALF-NEXT:   free of c: sites {2}
; HALF-LABEL: function rec_leaf{{$}}
; HALF-NEXT:   site malloc(1024): moved to stack
; HALF-NEXT:   site malloc(1024): moved to stack
; HALF-NEXT:   site malloc(1024): stays on heap: frame budget exceeded (2048)
; HALF-NEXT:   site malloc(1024): stays on heap: frame budget exceeded (2048)
; HALF-NEXT:   free of a: sites {0}
; HALF-NEXT:   free of b: sites {1}
; HALF-NEXT:   free of c: sites {2}
; HALF-NEXT:   free of d: sites {3}
