; What reaches `ret` flows to the function's result ~r0, which outlives the
; frame (C1, C73). GEPs and casts are copies (derefs 0).
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)

define ptr @plain() {
  %p = call ptr @malloc(i64 4)
  ret ptr %p
}

; return m + 1
define ptr @interior() {
  %p = call ptr @malloc(i64 8)
  %q = getelementptr inbounds i32, ptr %p, i64 1
  ret ptr %q
}

define ptr addrspace(1) @addrspace_cast() {
  %p = call ptr @malloc(i64 8)
  %q = addrspacecast ptr %p to ptr addrspace(1)
  ret ptr addrspace(1) %q
}

; Only the value loaded from the object is returned: an int, not a pointer.
define i32 @value_only() {
  %p = call ptr @malloc(i64 4)
  store i32 3, ptr %p
  %v = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %v
}

; The object's address is compared, not returned (C75).
define i1 @compared(ptr %last) {
  %p = call ptr @malloc(i64 4)
  %c = icmp eq ptr %p, %last
  call void @free(ptr %p)
  ret i1 %c
}

; CHECK-LABEL: function plain{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: returned
; CHECK-LABEL: function interior{{$}}
; CHECK-NEXT:   site malloc(8): escapes to heap: returned
; CHECK-LABEL: function addrspace_cast{{$}}
; CHECK-NEXT:   site malloc(8): escapes to heap: returned
; CHECK-LABEL: function value_only{{$}}
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-NEXT:   free of p: sites {0}
; CHECK-LABEL: function compared{{$}}
; CHECK-NEXT:   param last: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-NEXT:   free of p: sites {0}
