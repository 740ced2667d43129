; memcpy/memmove copy the pointers held in the source memory: *dst = *src
; (derefs 1 from the source address). Into a local slot they stay in the
; graph (C71); into a global they go to the heap, but the source object
; itself - whose address is not copied - does not (C72); through a pointer
; they follow the multi-level indirection rule.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@gS = global { ptr, i64 } zeroinitializer
declare ptr @malloc(i64)
declare void @free(ptr)
declare void @llvm.memcpy.p0.p0.i64(ptr, ptr, i64, i1)
declare void @llvm.memmove.p0.p0.i64(ptr, ptr, i64, i1)

; struct S src, tmp; src.p = m; memcpy(&tmp, &src, 16); use(tmp.p); free(tmp.p)
; Slot to slot: the object stays in the graph and the free finds it.
define i32 @into_local() {
  %src = alloca { ptr, i64 }
  %tmp = alloca { ptr, i64 }
  %inner = call ptr @malloc(i64 4)
  store ptr %inner, ptr %src
  call void @llvm.memcpy.p0.p0.i64(ptr %tmp, ptr %src, i64 16, i1 false)
  %q = load ptr, ptr %tmp
  %v = load i32, ptr %q
  call void @free(ptr %q)
  ret i32 %v
}

; memcpy(&tmp, obj, 16) out of a heap container: in go mode the pointer
; stored into the container (obj->p = inner) already went to the heap; the
; container itself is only read and moves.
define i32 @out_of_container() {
  %tmp = alloca { ptr, i64 }
  %obj = call ptr @malloc(i64 16)
  %inner = call ptr @malloc(i64 4)
  store ptr %inner, ptr %obj
  call void @llvm.memcpy.p0.p0.i64(ptr %tmp, ptr %obj, i64 16, i1 false)
  %q = load ptr, ptr %tmp
  %v = load i32, ptr %q
  call void @free(ptr %obj)
  ret i32 %v
}

; memcpy(&gS, &local, 16) where the local slot holds an object pointer.
define void @into_global() {
  %s = alloca { ptr, i64 }
  %p = call ptr @malloc(i64 4)
  store ptr %p, ptr %s
  call void @llvm.memcpy.p0.p0.i64(ptr @gS, ptr %s, i64 16, i1 false)
  ret void
}

; The same with memmove, and the container is a heap object: the container
; stays (only its contents are copied).
define void @memmove_into_global() {
  %s = alloca ptr
  %box = call ptr @malloc(i64 16)
  %p = call ptr @malloc(i64 4)
  store ptr %p, ptr %s
  call void @llvm.memmove.p0.p0.i64(ptr @gS, ptr %s, i64 8, i1 false)
  call void @llvm.memmove.p0.p0.i64(ptr @gS, ptr %box, i64 8, i1 false)
  call void @free(ptr %box)
  ret void
}

; memcpy(dst, &local, 8) with dst a parameter.
define void @through_param(ptr %dst) {
  %s = alloca ptr
  %p = call ptr @malloc(i64 4)
  store ptr %p, ptr %s
  call void @llvm.memcpy.p0.p0.i64(ptr %dst, ptr %s, i64 8, i1 false)
  ret void
}

; Copying out of a heap object into a local moves no address of the object.
define void @bytes_only(ptr %dst) {
  %p = call ptr @malloc(i64 32)
  call void @llvm.memcpy.p0.p0.i64(ptr %dst, ptr %p, i64 32, i1 false)
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: function into_local{{$}}
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-NEXT:   free of q: sites {0} and other origins
; CHECK-LABEL: function out_of_container{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   site malloc(4): escapes to heap: stored through pointer (multi-level indirection)
; CHECK-NEXT:   free of obj: sites {0}
; CHECK-LABEL: function into_global{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: stored to global `gS`
; CHECK-LABEL: function memmove_into_global{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   site malloc(4): escapes to heap: stored to global `gS`
; CHECK-NEXT:   free of box: sites {0}
; CHECK-LABEL: function through_param{{$}}
; CHECK-NEXT:   param dst: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(4): escapes to heap: stored through pointer (multi-level indirection)
; CHECK-LABEL: function bytes_only{{$}}
; CHECK-NEXT:   param dst: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(32): moved to stack
; CHECK-NEXT:   free of p: sites {0}
