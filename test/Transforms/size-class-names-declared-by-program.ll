; -escape-runtime's inline free reads libescrt's escrt_region and
; escrt_class_slot. A program that includes escrt.h declares them itself
; (with its own struct types): the lowering reads through those
; declarations and adds no second symbol. A program that defines either name
; is not linked with libescrt as the lowering assumes: it gets an error
; naming the symbols, and no IR is changed.
; RUN: %opt_escape -passes=escape-size-classes -S %s | FileCheck %s --implicit-check-not=@escrt_region. --implicit-check-not=@escrt_class_slot.
; RUN: %opt_escape -passes=escape-size-classes %s -o - | %opt -passes=verify -disable-output
; RUN: sed 's/^@escrt_region = external global %%struct.escrt_region/@escrt_region = global %%struct.escrt_region zeroinitializer/' %s | not %opt_escape -passes=escape-size-classes -disable-output 2>&1 | FileCheck --check-prefix=DEFINED %s
; RUN: sed 's/^@escrt_class_slot = external global \[68 x %%struct.escrt_slot_test\]/@escrt_class_slot = global [68 x %%struct.escrt_slot_test] zeroinitializer/' %s | not %opt_escape -passes=escape-size-classes -disable-output 2>&1 | FileCheck --check-prefix=DEFINED %s

; DEFINED: error: escape: -escape-runtime: the program defines escrt_thread_bins, escrt_malloc_class, escrt_free_class, escrt_class_heartbeat, escrt_region or escrt_class_slot differently from libescrt

target datalayout = "e-m:e-i64:64-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

%struct.escrt_region = type { i64, i64, ptr }
%struct.escrt_slot_test = type { i64, i64, i64, i64 }

@escrt_region = external global %struct.escrt_region
@escrt_class_slot = external global [68 x %struct.escrt_slot_test]
@g = global ptr null

declare void @free(ptr)

; CHECK-LABEL: define void @drop(
; CHECK: load i64, ptr @escrt_region
; CHECK: getelementptr inbounds i8, ptr @escrt_class_slot, i64 %escrt.cls.at
; CHECK: call void @free(ptr %l)
define void @drop() {
  %l = load ptr, ptr @g
  call void @free(ptr %l)
  ret void
}
