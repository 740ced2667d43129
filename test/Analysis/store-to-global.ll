; A store whose target is a global (directly, a field of a global struct, an
; element of a global array) sends the value to the heap and names the global
; (C2, C3, C6, C21).
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

%struct.S = type { i32, ptr }
@g = global ptr null
@G = global %struct.S zeroinitializer
@arr = global [4 x ptr] zeroinitializer
@gpp = global ptr null
declare ptr @malloc(i64)

define void @direct() {
  %m = call ptr @malloc(i64 4)
  store ptr %m, ptr @g
  ret void
}

define void @struct_field() {
  %m = call ptr @malloc(i64 4)
  store ptr %m, ptr getelementptr inbounds (%struct.S, ptr @G, i64 0, i32 1)
  ret void
}

define void @array_element(i64 %i) {
  %m = call ptr @malloc(i64 4)
  %slot = getelementptr inbounds [4 x ptr], ptr @arr, i64 0, i64 %i
  store ptr %m, ptr %slot
  ret void
}

; *gpp = m: the target is loaded from a global, not the global itself.
define void @through_global_pointer() {
  %p = load ptr, ptr @gpp
  %m = call ptr @malloc(i64 4)
  store ptr %m, ptr %p
  ret void
}

; Storing an integer to a global moves nothing.
define void @int_to_global() {
  %m = call ptr @malloc(i64 4)
  store i32 1, ptr %m
  %v = load i32, ptr %m
  store i32 %v, ptr getelementptr inbounds (%struct.S, ptr @G, i64 0, i32 0)
  ret void
}

; CHECK-LABEL: function direct{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: stored to global `g`
; CHECK-LABEL: function struct_field{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: stored to global `G`
; CHECK-LABEL: function array_element{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: stored to global `arr`
; CHECK-LABEL: function through_global_pointer{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: stored through pointer (multi-level indirection)
; CHECK-LABEL: function int_to_global{{$}}
; CHECK-NEXT:   site malloc(4): moved to stack
