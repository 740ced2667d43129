; A free that may receive a converted object and something else is guarded:
; it frees only what is not the slot. A free that receives only converted
; objects is deleted. A free that may receive NULL instead of the object ends
; no lifetime (the object may still be in use on that path).
; RUN: %opt_escape -passes=escape -S %s | FileCheck %s
; RUN: %opt_escape -passes=escape -S %s | %opt -passes=verify -disable-output

declare noalias ptr @malloc(i64)
declare noalias ptr @strdup(ptr nocapture readonly)
declare void @free(ptr)
declare void @use(ptr nocapture readonly) nofree

; CHECK-LABEL: define void @mixed(
; CHECK:         [[SLOT:%.*]] = alloca [16 x i8], align 16
; CHECK:         %p = phi ptr [ [[SLOT]], %a ], [ %s, %b ]
; CHECK:         [[NE:%.*]] = icmp ne ptr %p, [[SLOT]]
; CHECK-NEXT:    br i1 [[NE]], label %[[FREE:.*]], label %[[DONE:.*]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr %p)
define void @mixed(i1 %c, ptr %str) {
entry:
  br i1 %c, label %a, label %b
a:
  %m = call ptr @malloc(i64 16)
  br label %join
b:
  %s = call ptr @strdup(ptr %str)
  br label %join
join:
  %p = phi ptr [ %m, %a ], [ %s, %b ]
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; Two converted objects merged into one pointer: the free is deleted.
; CHECK-LABEL: define void @merged(
; CHECK-NOT:     call void @free
; CHECK-NOT:     @llvm.lifetime.end
; CHECK:         ret void
define void @merged(i1 %c) {
entry:
  br i1 %c, label %a, label %b
a:
  %m1 = call ptr @malloc(i64 16)
  br label %join
b:
  %m2 = call ptr @malloc(i64 32)
  br label %join
join:
  %p = phi ptr [ %m1, %a ], [ %m2, %b ]
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; free(c ? p : NULL) while p is still used afterwards: the free goes, and
; no lifetime.end may cut p's lifetime short.
; CHECK-LABEL: define void @maybe_null(
; CHECK-NOT:     @llvm.lifetime.end
; CHECK-NOT:     call void @free
; CHECK:         call void @use(ptr [[S:%.*]])
; CHECK-NEXT:    ret void
define void @maybe_null(i1 %c) {
  %m = call ptr @malloc(i64 16)
  %q = select i1 %c, ptr %m, ptr null
  call void @free(ptr %q)
  call void @use(ptr %m)
  ret void
}
