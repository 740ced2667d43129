; free() sends its operand to this function's {free} sink: no escape. The
; printer lists, for every free, the sites that may reach it and whether
; anything else may (a parameter, a call result, memory the graph does not
; see): "and other origins" means the rewrite must guard the free instead
; of deleting it (C65, C66, C68, C69, C77).
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)
declare ptr @strdup(ptr)
; nocallback: @use does not call back into this module, so no function here
; may recur through it (one that may keeps its objects on the heap).
declare void @use(ptr nocapture readonly) nofree nocallback

; Freed on every path (C65).
define i32 @all_paths(i1 %c) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  br i1 %c, label %a, label %b
a:
  call void @free(ptr %p)
  ret i32 1
b:
  call void @free(ptr %p)
  ret i32 0
}

; Freed on some paths only (C66): the leak path is fine.
define void @some_paths(i1 %c) {
entry:
  %p = call ptr @malloc(i64 16)
  call void @use(ptr %p)
  br i1 %c, label %a, label %b
a:
  call void @free(ptr %p)
  br label %b
b:
  ret void
}

; p = c ? malloc(16) : strdup(s); free(p) (C69): mixed origins.
define void @mixed_origins(i1 %c, ptr %s) {
entry:
  br i1 %c, label %a, label %b
a:
  %m = call ptr @malloc(i64 16)
  br label %join
b:
  %d = call ptr @strdup(ptr %s)
  br label %join
join:
  %p = phi ptr [ %m, %a ], [ %d, %b ]
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; A parameter merged with our object.
define void @param_or_local(i1 %c, ptr %q) {
  %m = call ptr @malloc(i64 16)
  %p = select i1 %c, ptr %m, ptr %q
  call void @free(ptr %p)
  ret void
}

; free of a pointer loaded from a local slot that only we write.
define void @through_local_slot() {
  %slot = alloca ptr
  %m = call ptr @malloc(i64 16)
  store ptr %m, ptr %slot
  %p = load ptr, ptr %slot
  call void @free(ptr %p)
  ret void
}

; free(NULL) and free of a parameter: nothing of ours.
define void @free_param(ptr %q) {
  call void @free(ptr null)
  call void @free(ptr %q)
  ret void
}

; CHECK-LABEL: function all_paths{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of p: sites {0}
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function some_paths{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function mixed_origins{{$}}
; CHECK-NEXT:   param s: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of p: sites {0} and other origins
; CHECK-LABEL: function param_or_local{{$}}
; CHECK-NEXT:   param q: heap=-1 result=-1 free=0
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of p: sites {0} and other origins
; CHECK-LABEL: function through_local_slot{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function free_param{{$}}
; CHECK-NEXT:   param q: heap=-1 result=-1 free=0
; CHECK-NEXT:   free of {temp}: sites {}
; CHECK-NEXT:   free of q: sites {} and other origins
