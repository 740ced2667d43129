; -escape-runtime lowers what stays on the heap to libescrt's size classes:
; a constant-size malloc/calloc/aligned_alloc pops from the thread's free
; stack of its class (escrt_thread_bins, the layout of escrt.h's escrt_bin),
; else calls escrt_malloc_class; a free whose operand can only be objects of
; one class pushes on that stack, else calls escrt_free_class. Sizes the
; compiler cannot see up to 1024 bytes pop from the class a table gives
; (else the call); large objects and alignments over 16 keep the C library's
; calls. A free that may get anything else is libescrt's own free inline:
; the class from the region's page table (escrt_region, escrt_class_slot),
; then the same push, else free itself. The inline paths go only where
; LLVM's static estimate runs the block at least 7/8 as often as the
; function's entry (loops count their trips), and not where the function asks
; for small code; elsewhere the entry points are called.
; RUN: %opt_escape -passes=escape-size-classes -pass-remarks=escape -S %s 2>%t.remarks | FileCheck %s
; RUN: FileCheck %s --check-prefix=REMARK < %t.remarks
; RUN: %opt_escape -passes=escape-size-classes %s -o - | %opt -passes=verify -disable-output

; REMARK: remark: <unknown>:0:0: malloc(48) uses size class 5 (48 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(40) uses size class 5 (48 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(48) uses size class 5 (48 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: free(x) uses size class 5 (48 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(16) uses size class 2 (16 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(48) uses size class 5 (48 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(n) uses the size class of n when it is at most 1024 bytes
; REMARK-NEXT: remark: <unknown>:0:0: aligned_alloc(16, 8) uses size class 2 (16 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: calloc(4, 12) uses size class 5 (48 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(32) uses size class 4 (32 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: free(p) uses size class 4 (32 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(48) uses size class 5 (48 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(48) uses size class 5 (48 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: free(p) uses size class 5 (48 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: malloc(24) uses size class 4 (32 bytes)
; REMARK-NEXT: remark: <unknown>:0:0: free(p) uses size class 4 (32 bytes)
; REMARK-NOT: remark

; CHECK: @escrt_thread_bins = external thread_local(initialexec) global ptr
; The classes of 0, 8, ..., 1024 bytes: 17..24 bytes take 32 (class 4).
; CHECK: @escrt.class_by8 = private unnamed_addr constant [129 x i8] c"\01\01\02\04\04\05\05\06

; The pop: class 5's stack is at 5 * 32 bytes; top != empty takes *--top.
; CHECK-LABEL: define void @keep48()
; CHECK: %[[TLS:.+]] = call ptr @llvm.threadlocal.address.p0(ptr @escrt_thread_bins)
; CHECK-NEXT: %[[BINS:.+]] = load ptr, ptr %[[TLS]]
; CHECK-NEXT: %[[BIN:.+]] = getelementptr inbounds i8, ptr %[[BINS]], i64 160
; CHECK-NEXT: %[[TOP:.+]] = load ptr, ptr %[[BIN]]
; CHECK-NEXT: %[[EA:.+]] = getelementptr inbounds i8, ptr %[[BIN]], i64 8
; CHECK-NEXT: %[[EMPTY:.+]] = load ptr, ptr %[[EA]]
; CHECK-NEXT: %[[HAS:.+]] = icmp ne ptr %[[TOP]], %[[EMPTY]]
; CHECK-NEXT: br i1 %[[HAS]], label %escrt.pop, label %escrt.malloc.slow, !prof
; CHECK: escrt.pop:
; CHECK-NEXT: %[[NEWTOP:.+]] = getelementptr inbounds ptr, ptr %[[TOP]], i64 -1
; CHECK-NEXT: store ptr %[[NEWTOP]], ptr %[[BIN]]
; CHECK: %[[OBJ:.+]] = load ptr, ptr %[[NEWTOP]]
; CHECK: escrt.malloc.slow:
; CHECK-NEXT: %[[SLOW:.+]] = call ptr @escrt_malloc_class(i64 48, i32 5)
; CHECK: escrt.join:
; CHECK-NEXT: %p = phi ptr [ %[[OBJ]], %escrt.pop ], [ %[[SLOW]], %escrt.malloc.slow ]
; CHECK-NEXT: store ptr %p, ptr @g
; CHECK-NOT: @malloc

; Both objects are of class 5 (40 and 48 bytes): the free is sized.
; CHECK-LABEL: define void @pair(
; CHECK: call ptr @escrt_malloc_class(i64 40, i32 5)
; CHECK: call ptr @escrt_malloc_class(i64 48, i32 5)
; CHECK: %x = select i1 %c
; CHECK-NEXT: %[[NN:.+]] = icmp ne ptr %x, null
; CHECK-NEXT: br i1 %[[NN]], label %escrt.free, label %escrt.freed
; Room on the stack and not the object freed last (top[-1] is readable on
; every stack, the empty cache's too): one branch, else escrt_free_class,
; which pushes or reports. The push counts the stack's beat down after it,
; as escrt.h's inline free.
; CHECK: escrt.free:
; CHECK: %[[BIN:escrt.bin[0-9]*]] = getelementptr inbounds i8, ptr %{{.+}}, i64 160
; CHECK-NEXT: %[[TOP:.+]] = load ptr, ptr %[[BIN]]
; CHECK-NEXT: %[[FA:.+]] = getelementptr inbounds i8, ptr %[[BIN]], i64 16
; CHECK-NEXT: %escrt.full = load ptr, ptr %[[FA]]
; CHECK-NEXT: %[[LA:.+]] = getelementptr inbounds ptr, ptr %[[TOP]], i64 -1
; CHECK-NEXT: %escrt.last = load ptr, ptr %[[LA]]
; CHECK-NEXT: %[[AGAIN:.+]] = icmp ne ptr %escrt.last, %x
; CHECK-NEXT: %[[ROOM:.+]] = icmp ne ptr %[[TOP]], %escrt.full
; CHECK-NEXT: %[[BOTH:.+]] = and i1 %[[ROOM]], %[[AGAIN]]
; CHECK-NEXT: br i1 %[[BOTH]], label %escrt.push, label %escrt.free.slow, !prof
; CHECK: escrt.push:
; CHECK-NEXT: store ptr %x, ptr %[[TOP]]
; CHECK-NEXT: %[[UP:.+]] = getelementptr inbounds ptr, ptr %[[TOP]], i64 1
; CHECK-NEXT: store ptr %[[UP]], ptr %[[BIN]]
; CHECK-NEXT: %[[BA:.+]] = getelementptr inbounds i8, ptr %[[BIN]], i64 28
; CHECK-NEXT: %escrt.beat = load i32, ptr %[[BA]]
; CHECK-NEXT: %[[LEFT:.+]] = sub i32 %escrt.beat, 1
; CHECK-NEXT: store i32 %[[LEFT]], ptr %[[BA]]
; CHECK-NEXT: %[[ON:.+]] = icmp ne i32 %[[LEFT]], 0
; CHECK-NEXT: br i1 %[[ON]], label %escrt.freed, label %escrt.heartbeat
; CHECK: escrt.heartbeat:
; CHECK-NEXT: call void @escrt_class_heartbeat(i32 5)
; CHECK: escrt.free.slow:
; CHECK-NEXT: call void @escrt_free_class(ptr %x, i32 5)
; CHECK-NOT: call void @free

; Classes 2 and 5 meet in one free: the class comes from the page table at
; run time. p - base < bytes (else NULL is done, anything else calls free);
; the page's entry is its offset in its span plus 32 times its class, the
; byte offset of both the class's slot test (offset * divisor < limit) and
; the class's stack; the slot test joins the push's tests; free itself when
; any fails.
; CHECK-LABEL: define void @mixed(
; CHECK: call ptr @escrt_malloc_class(i64 16, i32 2)
; CHECK: call ptr @escrt_malloc_class(i64 48, i32 5)
; CHECK: %x = select i1 %c
; CHECK-NEXT: %[[BASE:.+]] = load i64, ptr @escrt_region
; CHECK-NEXT: %[[ADDR:.+]] = ptrtoint ptr %x to i64
; CHECK-NEXT: %escrt.off = sub i64 %[[ADDR]], %[[BASE]]
; CHECK-NEXT: %[[BYTES:.+]] = load i64, ptr getelementptr inbounds (i8, ptr @escrt_region, i64 8)
; CHECK-NEXT: %[[IN:.+]] = icmp ult i64 %escrt.off, %[[BYTES]]
; CHECK-NEXT: br i1 %[[IN]], label %escrt.page, label %escrt.outside, !prof
; CHECK: escrt.page:
; CHECK-NEXT: %[[PAGES:.+]] = load ptr, ptr getelementptr inbounds (i8, ptr @escrt_region, i64 16)
; CHECK-NEXT: %[[PAGE:.+]] = lshr i64 %escrt.off, 13
; CHECK-NEXT: %[[INFOA:.+]] = getelementptr inbounds i32, ptr %[[PAGES]], i64 %[[PAGE]]
; CHECK-NEXT: %escrt.page.info = load i32, ptr %[[INFOA]]
; CHECK-NEXT: %[[INFO:.+]] = zext i32 %escrt.page.info to i64
; CHECK-NEXT: %escrt.cls.at = and i64 %[[INFO]], 8160
; CHECK-NEXT: %[[SPANOFF:.+]] = xor i64 %[[INFO]], %escrt.cls.at
; CHECK-NEXT: %[[PAGEOFF:.+]] = and i64 %escrt.off, 8191
; CHECK-NEXT: %escrt.in.span = add i64 %[[PAGEOFF]], %[[SPANOFF]]
; CHECK-NEXT: %[[DA:.+]] = getelementptr inbounds i8, ptr @escrt_class_slot, i64 %escrt.cls.at
; CHECK-NEXT: %[[DIV:.+]] = load i64, ptr %[[DA]]
; CHECK-NEXT: %[[LA:.+]] = getelementptr inbounds i8, ptr %[[DA]], i64 8
; CHECK-NEXT: %[[LIM:.+]] = load i64, ptr %[[LA]]
; CHECK-NEXT: %[[PROD:.+]] = mul i64 %escrt.in.span, %[[DIV]]
; CHECK-NEXT: %escrt.is.slot = icmp ult i64 %[[PROD]], %[[LIM]]
; CHECK: %[[BIN:.+]] = getelementptr inbounds i8, ptr %{{.+}}, i64 %escrt.cls.at
; CHECK: %[[BOTH:.+]] = and i1 %{{.+}}, %{{.+}}
; CHECK-NEXT: %[[ALL:.+]] = and i1 %escrt.is.slot, %[[BOTH]]
; CHECK-NEXT: br i1 %[[ALL]], label %escrt.push, label %escrt.free.slow, !prof
; CHECK: escrt.push:
; CHECK-NEXT: store ptr %x, ptr
; CHECK: escrt.heartbeat:
; CHECK-NEXT: %[[CLS:.+]] = lshr i64 %escrt.cls.at, 5
; CHECK-NEXT: %[[C32:.+]] = trunc i64 %[[CLS]] to i32
; CHECK-NEXT: call void @escrt_class_heartbeat(i32 %[[C32]])
; CHECK: escrt.outside:
; CHECK-NEXT: %[[NULL:.+]] = icmp eq ptr %x, null
; CHECK-NEXT: br i1 %[[NULL]], label %escrt.freed, label %escrt.free.slow
; CHECK: escrt.free.slow:
; CHECK-NEXT: call void @free(ptr %x)
; CHECK-NEXT: br label %escrt.freed
; CHECK-NOT: escrt_free_class

; malloc(n): 1 <= n <= 1024 looks the class up by (n + 7) / 8; a larger or
; zero size, or an empty stack, calls malloc; its free stays plain.
; CHECK-LABEL: define void @unknown(
; CHECK: %[[M1:.+]] = sub i64 %n, 1
; CHECK-NEXT: %escrt.small = icmp ule i64 %[[M1]], 1023
; CHECK-NEXT: %[[R:.+]] = add i64 %n, 7
; CHECK-NEXT: %[[I:.+]] = lshr i64 %[[R]], 3
; CHECK-NEXT: %[[IDX:.+]] = select i1 %escrt.small, i64 %[[I]], i64 0
; CHECK-NEXT: %[[CA:.+]] = getelementptr inbounds i8, ptr @escrt.class_by8, i64 %[[IDX]]
; CHECK: %[[HAS:.+]] = icmp ne ptr %escrt.top, %escrt.empty
; CHECK-NEXT: %[[POP:.+]] = and i1 %escrt.small, %[[HAS]]
; CHECK-NEXT: br i1 %[[POP]], label %escrt.pop, label %escrt.malloc.slow, !prof
; CHECK: escrt.malloc.slow:
; CHECK-NEXT: %[[CALL:.+]] = call ptr @malloc(i64 %n)
; CHECK: %a = phi ptr [ %{{.+}}, %escrt.pop ], [ %[[CALL]], %escrt.malloc.slow ]
; CHECK: escrt.page{{[0-9]*}}:
; CHECK: call void @free(ptr %l)
; CHECK: call ptr @malloc(i64 40000)
; CHECK: call ptr @aligned_alloc(i64 64, i64 64)
; An 8-byte object aligned to 16 takes the 16-byte class (class 1 is 8-aligned).
; CHECK: call ptr @escrt_malloc_class(i64 8, i32 2)
; calloc zeroes a popped object and falls back to calloc itself.
; CHECK: escrt.pop{{[0-9]+}}:
; CHECK: call void @llvm.memset.p0.i64(ptr align 16 %{{.+}}, i8 0, i64 48, i1 false)
; CHECK: %[[CALLOC:.+]] = call ptr @calloc(i64 4, i64 12)
; CHECK: %z = phi ptr [ %{{.+}}, %escrt.pop{{[0-9]+}} ], [ %[[CALLOC]], %escrt.malloc.slow{{[0-9]+}} ]
; CHECK-NOT: escrt_free_class

; The program wrote through the pointer before freeing it: it is not null,
; and the free does not test it again.
; CHECK-LABEL: define void @written(
; CHECK: store i32 1, ptr %p
; CHECK-NEXT: br label %escrt.free
; CHECK: escrt.free.slow:
; CHECK-NEXT: call void @escrt_free_class(ptr %p, i32 4)

; -Os: no inline path; the free of an unknown class stays a call, a
; constant size calls its class's entry point.
; CHECK-LABEL: define void @small(
; CHECK-NEXT: %l = load ptr, ptr @g
; CHECK-NEXT: call void @free(ptr %l)
; CHECK-NEXT: %p = call ptr @escrt_malloc_class(i64 48, i32 5)
; CHECK-NEXT: store volatile ptr %p, ptr @g
; CHECK-NEXT: ret void

; A path the function rarely takes (1 in 1000 here): the calls, each
; keeping what the compiler knows of the class; malloc(n) and a free of an
; unknown class stay as they are.
; CHECK-LABEL: define void @cold(
; CHECK: rare:
; CHECK-NEXT: %p = call ptr @escrt_malloc_class(i64 48, i32 5)
; CHECK-NEXT: store volatile ptr %p, ptr @g
; CHECK-NEXT: call void @escrt_free_class(ptr %p, i32 5)
; CHECK-NEXT: %q = call ptr @malloc(i64 %n)
; CHECK-NEXT: store volatile ptr %q, ptr @g
; CHECK-NEXT: %l = load ptr, ptr @g
; CHECK-NEXT: call void @free(ptr %l)
; CHECK-NEXT: br label %done

; Behind the same branch but in a loop of 100 trips (by its weights): hot.
; CHECK-LABEL: define void @cold_branch_hot_loop(
; CHECK: loop:
; CHECK: escrt.pop:
; CHECK: escrt.push:
; CHECK-NOT: call ptr @malloc

; A musttail free must stay the call right before the return.
; CHECK-LABEL: define void @tail_free(
; CHECK-NEXT: musttail call void @free(ptr %p)
; CHECK-NEXT: ret void

; The entry points are malloc-family functions to LLVM.
; CHECK: declare noalias ptr @escrt_malloc_class(i64, i32) #[[MALLOCATTR:[0-9]+]]
; CHECK: declare void @escrt_free_class(ptr allocptr, i32) #[[FREEATTR:[0-9]+]]
; CHECK: attributes #[[MALLOCATTR]] = { nounwind allockind("alloc,uninitialized") allocsize(0) "alloc-family"="malloc" }
; CHECK: attributes #[[FREEATTR]] = { nounwind allockind("free") "alloc-family"="malloc" }

target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-pc-linux-gnu"

@g = global ptr null

declare ptr @malloc(i64)
declare ptr @calloc(i64, i64)
declare ptr @aligned_alloc(i64, i64)
declare void @free(ptr)

define void @keep48() {
  %p = call ptr @malloc(i64 48)
  store ptr %p, ptr @g
  ret void
}

define void @pair(i1 %c) {
  %a = call ptr @malloc(i64 40)
  %b = call ptr @malloc(i64 48)
  store volatile ptr %a, ptr @g
  store volatile ptr %b, ptr @g
  %x = select i1 %c, ptr %a, ptr %b
  call void @free(ptr %x)
  ret void
}

define void @mixed(i1 %c) {
  %a = call ptr @malloc(i64 16)
  %b = call ptr @malloc(i64 48)
  store volatile ptr %a, ptr @g
  store volatile ptr %b, ptr @g
  %x = select i1 %c, ptr %a, ptr %b
  call void @free(ptr %x)
  ret void
}

define void @unknown(i64 %n) {
  %a = call ptr @malloc(i64 %n)
  store volatile ptr %a, ptr @g
  %l = load ptr, ptr @g
  call void @free(ptr %l)
  %big = call ptr @malloc(i64 40000)
  store volatile ptr %big, ptr @g
  %al = call ptr @aligned_alloc(i64 64, i64 64)
  store volatile ptr %al, ptr @g
  %al16 = call ptr @aligned_alloc(i64 16, i64 8)
  store volatile ptr %al16, ptr @g
  %z = call ptr @calloc(i64 4, i64 12)
  store volatile ptr %z, ptr @g
  ret void
}

define void @written() {
  %p = call ptr @malloc(i64 32)
  store volatile ptr %p, ptr @g
  store i32 1, ptr %p
  call void @free(ptr %p)
  ret void
}

define void @small() optsize {
  %l = load ptr, ptr @g
  call void @free(ptr %l)
  %p = call ptr @malloc(i64 48)
  store volatile ptr %p, ptr @g
  ret void
}

define void @cold(i1 %c, i64 %n) {
  br i1 %c, label %rare, label %done, !prof !0
rare:
  %p = call ptr @malloc(i64 48)
  store volatile ptr %p, ptr @g
  call void @free(ptr %p)
  %q = call ptr @malloc(i64 %n)
  store volatile ptr %q, ptr @g
  %l = load ptr, ptr @g
  call void @free(ptr %l)
  br label %done
done:
  ret void
}

define void @cold_branch_hot_loop(i1 %c) {
entry:
  br i1 %c, label %loop, label %done, !prof !0
loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %p = call ptr @malloc(i64 24)
  store volatile ptr %p, ptr @g
  call void @free(ptr %p)
  %next = add i32 %i, 1
  %again = icmp ult i32 %next, 100
  br i1 %again, label %loop, label %done, !prof !1
done:
  ret void
}

!0 = !{!"branch_weights", i32 1, i32 1000}
!1 = !{!"branch_weights", i32 100000, i32 1}

define void @tail_free(ptr %p) {
  musttail call void @free(ptr %p)
  ret void
}
