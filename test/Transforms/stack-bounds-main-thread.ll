; The stack check's slow path reads the main thread's bounds without a heap
; allocation on Linux x86-64 and AArch64 (plugin/MainStackBounds.h): glibc's
; marker as a weak reference, RLIMIT_STACK, /proc/self/maps, all by system
; calls in inline assembly, then pthread_getattr_np for anything else. Other
; targets keep pthread_getattr_np alone. test/Exec/stack-check-main-thread-no-heap.c
; runs it.
; RUN: %opt_escape -passes=escape -S %s | FileCheck --check-prefixes=CHECK,X86 %s
; RUN: %opt_escape -passes=escape -S %s | %opt -passes=verify -disable-output
; RUN: %opt_escape -passes=escape %s -o - | llc -O2 -o /dev/null
; RUN: sed 's/^target triple = .*/target triple = "aarch64-unknown-linux-gnu"/' %s | %opt_escape -passes=escape -S > %t.a64.ll
; RUN: FileCheck --check-prefixes=CHECK,A64 %s < %t.a64.ll
; RUN: llc -O2 %t.a64.ll -o - | FileCheck --check-prefix=A64-ASM %s
; RUN: sed 's/^target triple = .*/target triple = "riscv64-unknown-linux-gnu"/' %s | %opt_escape -passes=escape -S | FileCheck --check-prefix=OTHER %s
; RUN: sed 's/^target triple = .*/target triple = "x86_64-apple-macosx14.0.0"/' %s | %opt_escape -passes=escape -S | FileCheck --check-prefix=OTHER %s
target triple = "x86_64-unknown-linux-gnu"
declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @use(ptr nocapture readonly) nofree nocallback

define void @local() {
  %p = call ptr @malloc(i64 64)
  call void @use(ptr %p)
  call void @free(ptr %p)
  ret void
}

; CHECK-DAG: @__libc_stack_end = extern_weak global ptr
; CHECK-DAG: @escape.maps = {{.*}}c"/proc/self/maps\00"
; OTHER-NOT: __libc_stack_end
; OTHER-NOT: asm
; OTHER: call i32 @pthread_getattr_np(

; The marker's page ends the stack; another thread's stack pointer (further
; from it than the limit) does not open the maps.
; CHECK-LABEL: define linkonce_odr hidden i1 @__escape_stack_room_slow(i64 %sp, i64 %need)
; CHECK-SAME:    #[[ATTRS:[0-9]+]]
; CHECK:       init:
; CHECK-NEXT:    [[NONE:%.*]] = icmp eq ptr @__libc_stack_end, null
; CHECK-NEXT:    br i1 [[NONE]], label %thread, label %main.limit
; CHECK:       main.limit:
; CHECK:         %main.hi = add i64 {{.*}}, 4096
; X86:           %prlimit = call i64 asm sideeffect "syscall", "={rax},0,{rdi},{rsi},{rdx},{r10},{{.*}}"(i64 302, i64 0, i64 3, i64 0,
; A64:           %prlimit = call i64 asm sideeffect "svc #0", "={x0},{x8},0,{x1},{x2},{x3},{{.*}}"(i64 261, i64 0, i64 3, i64 0,
; CHECK:       main.near:
; CHECK:         %rlimit = load i64, ptr %rlimit.buf
; X86:           %fd = call i64 asm sideeffect "syscall", {{.*}}(i64 257, i64 -100, i64 ptrtoint (ptr @escape.maps to i64), i64 524288, i64 0)
; A64:           %fd = call i64 asm sideeffect "svc #0", {{.*}}(i64 56, i64 -100, i64 ptrtoint (ptr @escape.maps to i64), i64 524288, i64 0)
; CHECK:       main.read:
; X86:           %n = call i64 asm sideeffect "syscall", {{.*}}(i64 0, i64 %fd, i64 {{%.*}}, i64 128, i64 0)
; A64:           %n = call i64 asm sideeffect "svc #0", {{.*}}(i64 63, i64 %fd, i64 {{%.*}}, i64 128, i64 0)
; glibc's size: the limit less what lies above the marker's page, in pages, at
; most the distance to the mapping below; the stack pointer must lie in it.
; CHECK:       main.hit:
; X86-NEXT:      call i64 asm sideeffect "syscall", {{.*}}(i64 3, i64 %fd,
; A64-NEXT:      call i64 asm sideeffect "svc #0", {{.*}}(i64 57, i64 %fd,
; CHECK-NEXT:    [[ABOVE:%.*]] = sub i64 %end, %main.hi
; CHECK-NEXT:    [[LEFT:%.*]] = sub i64 %rlimit, [[ABOVE]]
; CHECK-NEXT:    [[PAGES:%.*]] = and i64 [[LEFT]], -4096
; CHECK-NEXT:    [[GAP:%.*]] = sub i64 %main.hi, %prev
; CHECK:         %main.size = select i1 {{.*}}, i64 [[PAGES]], i64 [[GAP]]
; CHECK-NEXT:    %main.lo = sub i64 %main.hi, %main.size
; CHECK-NEXT:    [[OFF:%.*]] = sub i64 %sp, %main.lo
; CHECK-NEXT:    [[IN:%.*]] = icmp ult i64 [[OFF]], %main.size
; CHECK-NEXT:    br i1 [[IN]], label %bounds, label %thread
; CHECK:       main.miss:
; CHECK:       thread:
; CHECK:         call i32 @pthread_getattr_np(
; CHECK:       bounds:
; CHECK-NEXT:    %lo.int = phi i64 [ %main.lo, %main.hit ], [ {{%.*}}, %known ]
; CHECK-NEXT:    %bytes = phi i64 [ %main.size, %main.hit ], [ {{%.*}}, %known ]
; CHECK: attributes #[[ATTRS]] = { {{.*}}disable_sanitizer_instrumentation

; A64-ASM: svc #0
