; Every free that may receive a converted object is guarded: it frees only
; what is not one of the slots (whether an object got its slot is known at run
; time only). That covers mixed origins, several converted objects merged
; into one pointer, and a free that may receive NULL instead of the object.
; RUN: %opt_escape -passes=escape -S %s | FileCheck %s
; RUN: %opt_escape -passes=escape -S %s | %opt -passes=verify -disable-output

declare noalias ptr @malloc(i64)
declare noalias ptr @strdup(ptr nocapture readonly)
declare void @free(ptr)
; nocallback: @use never calls back into this module, so no function here recurs.
declare void @use(ptr nocapture readonly) nofree nocallback

; CHECK-LABEL: define void @mixed(
; CHECK:         %escape.slot = alloca [16 x i8], align 16
; CHECK:         %escape.slot.p = phi ptr [ %escape.slot, %escape.slots ], [ null,
; CHECK:         %escape.p = phi ptr [ %escape.slot.p, %{{.*}} ], [ %m, %{{.*}} ]
; CHECK:         %p = phi ptr [ %escape.p, %{{.*}} ], [ %s, %b ]
; CHECK:         [[NE:%.*]] = icmp ne ptr %p, %escape.slot.p
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

; Two converted objects merged into one pointer: the free skips both slots.
; CHECK-LABEL: define void @merged(
; CHECK:         %escape.slot = alloca [16 x i8], align 16
; CHECK-NEXT:    %escape.slot1 = alloca [32 x i8], align 16
; CHECK:         %p = phi ptr
; CHECK:         [[NE1:%.*]] = icmp ne ptr %p, %escape.slot.p
; CHECK-NEXT:    [[NE2:%.*]] = icmp ne ptr %p, %escape.slot.p2
; CHECK-NEXT:    [[BOTH:%.*]] = and i1 [[NE1]], [[NE2]]
; CHECK-NEXT:    br i1 [[BOTH]], label %[[FREE:.*]], label
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr %p)
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

; free(c ? p : NULL): NULL is not a slot, so free(NULL) still runs (a no-op);
; no lifetime marker cuts p's lifetime short.
; CHECK-LABEL: define void @maybe_null(
; CHECK-NOT:     @llvm.lifetime
; CHECK:         %q = select i1 %c, ptr %escape.p, ptr null
; CHECK-NEXT:    [[NE:%.*]] = icmp ne ptr %q, %escape.slot.p
; CHECK-NEXT:    br i1 [[NE]], label %[[FREE:.*]], label %[[DONE:.*]]
; CHECK:       [[FREE]]:
; CHECK-NEXT:    call void @free(ptr %q)
; CHECK:       [[DONE]]:
; CHECK-NEXT:    call void @use(ptr %escape.p)
; CHECK-NEXT:    ret void
define void @maybe_null(i1 %c) {
  %m = call ptr @malloc(i64 16)
  %q = select i1 %c, ptr %m, ptr null
  call void @free(ptr %q)
  call void @use(ptr %m)
  ret void
}
