; Pointers passed as variadic arguments to a function defined in the module
; escape: va_arg reads them from the save area, which the graph does not
; model (C50, C51). Fixed parameters of the same function get summaries.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@g = global ptr null
declare ptr @malloc(i64)
declare void @free(ptr)
declare void @llvm.va_start(ptr)
declare void @llvm.va_end(ptr)

define void @vkeep(i32 %n, ...) {
  %ap = alloca [24 x i8], align 16
  call void @llvm.va_start(ptr %ap)
  %p = va_arg ptr %ap, ptr
  store ptr %p, ptr @g
  call void @llvm.va_end(ptr %ap)
  ret void
}

; Never calls va_start: the varargs are still treated as escaping.
define i32 @vlog(ptr %fmt, ...) {
  %c = load i8, ptr %fmt
  %r = zext i8 %c to i32
  ret i32 %r
}

define void @caller_vkeep() {
  %m = call ptr @malloc(i64 16)
  call void (i32, ...) @vkeep(i32 1, ptr %m)
  ret void
}

define void @caller_vlog() {
  %fmt = call ptr @malloc(i64 8)
  %m = call ptr @malloc(i64 16)
  %r = call i32 (ptr, ...) @vlog(ptr %fmt, ptr %m)
  call void @free(ptr %m)
  call void @free(ptr %fmt)
  ret void
}

; CHECK-LABEL: function vkeep{{$}}
; CHECK-LABEL: function vlog{{$}}
; CHECK-NEXT:   param fmt: heap=-1 result=-1 free=-1
; CHECK-LABEL: function caller_vkeep{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to `vkeep` (leaking param `...`)
; CHECK-LABEL: function caller_vlog{{$}}
; CHECK-NEXT:   site malloc(8): moved to stack
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to `vlog` (leaking param `...`)
; CHECK-NEXT:   free of m: sites {1}
; CHECK-NEXT:   free of fmt: sites {0}
