; C's addition to Go's tag: "frees param at level k" (free=k). A caller's
; object freed inside a callee cannot lose that free for one caller, so it
; stays a heap object: freed in callee (C67).
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)

define void @release(ptr %p) {
  call void @free(ptr %p)
  ret void
}

; void destroy(struct S *s){ free(s->buf); free(s); }
define void @destroy(ptr %s) {
  %buf = load ptr, ptr %s
  call void @free(ptr %buf)
  call void @free(ptr %s)
  ret void
}

; Frees only what the parameter points to (level 1).
define void @clear(ptr %s) {
  %buf = load ptr, ptr %s
  call void @free(ptr %buf)
  ret void
}

define void @caller_release() {
  %m = call ptr @malloc(i64 16)
  call void @release(ptr %m)
  ret void
}

define void @caller_destroy() {
  %s = call ptr @malloc(i64 16)
  call void @destroy(ptr %s)
  ret void
}

; The slot is not freed, the object in it is.
define void @caller_clear() {
  %slot = alloca ptr
  %m = call ptr @malloc(i64 16)
  store ptr %m, ptr %slot
  call void @clear(ptr %slot)
  ret void
}

; Freed through a wrapper of a wrapper.
define void @release2(ptr %q) {
  call void @release(ptr %q)
  ret void
}

define void @caller_release2() {
  %m = call ptr @malloc(i64 16)
  call void @release2(ptr %m)
  ret void
}

; CHECK-LABEL: function release{{$}}
; CHECK-NEXT:   param p: heap=-1 result=-1 free=0
; CHECK-NEXT:   free of p: sites {} and other origins
; CHECK-LABEL: function destroy{{$}}
; CHECK-NEXT:   param s: heap=-1 result=-1 free=0
; CHECK-NEXT:   free of buf: sites {} and other origins
; CHECK-NEXT:   free of s: sites {} and other origins
; CHECK-LABEL: function clear{{$}}
; CHECK-NEXT:   param s: heap=-1 result=-1 free=1
; CHECK-NEXT:   free of buf: sites {} and other origins
; CHECK-LABEL: function caller_release{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: freed in callee `release`
; CHECK-LABEL: function caller_destroy{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: freed in callee `destroy`
; CHECK-LABEL: function caller_clear{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: freed in callee `clear`
; CHECK-LABEL: function release2{{$}}
; CHECK-NEXT:   param q: heap=-1 result=-1 free=0
; CHECK-LABEL: function caller_release2{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: freed in callee `release2`
