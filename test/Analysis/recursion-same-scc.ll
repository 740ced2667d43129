; Calls inside one call-graph SCC assign arguments straight to the callee's
; parameters and take its result (Go's batch), so a flow through a recursive
; cycle is found without summaries. Functions of a recursive SCC are marked.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@g = global ptr null
declare ptr @malloc(i64)
declare void @free(ptr)

; int *r1(int*,int*); int *r2(int *p, int *q){ return *p > *q ? r1(q, p) : p; } (C19)
define ptr @r1(ptr %a, ptr %b) {
  %r = call ptr @r2(ptr %a, ptr %b)
  ret ptr %r
}

define ptr @r2(ptr %p, ptr %q) {
  %x = load i32, ptr %p
  %y = load i32, ptr %q
  %c = icmp sgt i32 %x, %y
  br i1 %c, label %swap, label %done
swap:
  %s = call ptr @r1(ptr %q, ptr %p)
  ret ptr %s
done:
  ret ptr %p
}

define i32 @caller_r1() {
  %m1 = call ptr @malloc(i64 4)
  %m2 = call ptr @malloc(i64 4)
  %x = call ptr @r1(ptr %m1, ptr %m2)
  store i32 0, ptr %x
  ret i32 0
}

; A recursive walker that only reads its nodes leaks nothing (C20).
define i32 @walk(ptr %n) {
  %isnull = icmp eq ptr %n, null
  br i1 %isnull, label %leaf, label %rec
leaf:
  ret i32 0
rec:
  %next = load ptr, ptr %n
  %v = call i32 @walk(ptr %next)
  %r = add i32 %v, 1
  ret i32 %r
}

; A self-recursive function that stores its parameter globally at the
; bottom: the leak is seen from every level.
define void @deep(ptr %p, i32 %d) {
  %z = icmp eq i32 %d, 0
  br i1 %z, label %bottom, label %rec
bottom:
  store ptr %p, ptr @g
  ret void
rec:
  %d1 = sub i32 %d, 1
  call void @deep(ptr %p, i32 %d1)
  ret void
}

; Its own allocation, passed down: escapes through the cycle.
define void @deep_alloc(i32 %d) {
  %m = call ptr @malloc(i64 8)
  call void @deep(ptr %m, i32 %d)
  ret void
}

; CHECK-LABEL: function r1 (recursive){{$}}
; CHECK-NEXT:   param a: heap=0 result=-1 free=-1
; CHECK-NEXT:   param b: heap=0 result=-1 free=-1
; CHECK-LABEL: function r2 (recursive){{$}}
; CHECK-NEXT:   param p: heap=0 result=-1 free=-1
; CHECK-NEXT:   param q: heap=0 result=-1 free=-1
; CHECK-LABEL: function caller_r1{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: passed to `r1` (leaking param `a`)
; CHECK-NEXT:   site malloc(4): escapes to heap: passed to `r1` (leaking param `b`)
; CHECK-LABEL: function walk (recursive){{$}}
; CHECK-NEXT:   param n: heap=-1 result=-1 free=-1
; CHECK-LABEL: function deep (recursive){{$}}
; CHECK-NEXT:   param p: heap=0 result=-1 free=-1
; CHECK-LABEL: function deep_alloc{{$}}
; CHECK-NEXT:   site malloc(8): escapes to heap: passed to `deep` (leaking param `p`)
