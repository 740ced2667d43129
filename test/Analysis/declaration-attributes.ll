; A declaration is trusted only as far as its LLVM attributes go (C48, C49):
; nocapture alone does not keep an object (the callee may free it, or copy
; the pointers stored in it) unless the caller uses the object after the call
; (noescape-used-after.ll); nocapture + nofree + readonly does; a plain
; declaration is an unknown function. Intrinsics with nocapture operands
; (memset, lifetime markers) move nothing.
; The test functions are internal and called only from main, so none of them
; may recur through the unknown declarations (a function that may recur keeps
; its objects on the heap whatever the declaration says).
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @ext(ptr)
declare void @ext_nocapture(ptr nocapture)
declare void @ext_nocapture_readonly_nofree(ptr nocapture readonly) nofree
declare void @ext_nocapture_nofree_writes(ptr nocapture) nofree
declare void @ext_readnone_nofree(ptr nocapture readnone) nofree
declare void @llvm.memset.p0.i64(ptr, i8, i64, i1)

define internal void @plain() {
  %m = call ptr @malloc(i64 16)
  call void @ext(ptr %m)
  ret void
}

define internal void @nocapture_only() {
  %m = call ptr @malloc(i64 16)
  call void @ext_nocapture(ptr %m)
  ret void
}

define internal void @nocapture_then_free() {
  %m = call ptr @malloc(i64 16)
  call void @ext_nocapture(ptr %m)
  call void @free(ptr %m)
  ret void
}

define internal void @nocapture_readonly_nofree() {
  %m = call ptr @malloc(i64 16)
  call void @ext_nocapture_readonly_nofree(ptr %m)
  call void @free(ptr %m)
  ret void
}

; The callee may read and copy what the object holds: its content leaks.
define internal void @content_of_nocapture_arg() {
  %slot = alloca ptr
  %m = call ptr @malloc(i64 16)
  store ptr %m, ptr %slot
  call void @ext_nocapture_nofree_writes(ptr %slot)
  ret void
}

; readnone: not even the content is touched.
define internal void @content_of_readnone_arg() {
  %slot = alloca ptr
  %m = call ptr @malloc(i64 16)
  store ptr %m, ptr %slot
  call void @ext_readnone_nofree(ptr %slot)
  call void @free(ptr %m)
  ret void
}

; The attribute on the call site counts as well.
define internal void @callsite_attributes() {
  %m = call ptr @malloc(i64 16)
  call void @ext(ptr nocapture readonly %m) nofree
  call void @free(ptr %m)
  ret void
}

define internal void @memset_intrinsic() {
  %m = call ptr @malloc(i64 16)
  call void @llvm.memset.p0.i64(ptr %m, i8 0, i64 16, i1 false)
  call void @free(ptr %m)
  ret void
}

define i32 @main() {
  call void @plain()
  call void @nocapture_only()
  call void @nocapture_then_free()
  call void @nocapture_readonly_nofree()
  call void @content_of_nocapture_arg()
  call void @content_of_readnone_arg()
  call void @callsite_attributes()
  call void @memset_intrinsic()
  ret i32 0
}

; CHECK-LABEL: function plain{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to unknown function `ext`
; CHECK-LABEL: function nocapture_only{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to unknown function `ext_nocapture`
; CHECK-LABEL: function nocapture_then_free{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function nocapture_readonly_nofree{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function content_of_nocapture_arg{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to unknown function `ext_nocapture_nofree_writes`
; CHECK-LABEL: function content_of_readnone_arg{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function callsite_attributes{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function memset_intrinsic{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function main{{$}}
