; qsort and bsearch hand pointers into their array to the comparator: a
; comparator with a summary decides (C53). An unknown comparator (a
; parameter, a declaration) is an indirect call: the array itself escapes,
; and what is stored in it is stored into an escaping object. qsort calls
; the comparator while the caller waits: a comparator that calls the sorter
; again makes the sorter recur through qsort, and an unknown one may.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

@g = global ptr null
declare ptr @malloc(i64)
declare void @free(ptr)
declare void @qsort(ptr, i64, i64, ptr)
declare ptr @bsearch(ptr, ptr, i64, i64, ptr)
declare i32 @extcmp(ptr, ptr)

; Compares the ints the elements point to: nothing escapes.
define i32 @cmp(ptr %a, ptr %b) {
  %pa = load ptr, ptr %a
  %pb = load ptr, ptr %b
  %x = load i32, ptr %pa
  %y = load i32, ptr %pb
  %r = sub i32 %x, %y
  ret i32 %r
}

; Keeps the element it was given: its content leaks.
define i32 @leaky_cmp(ptr %a, ptr %b) {
  %pa = load ptr, ptr %a
  store ptr %pa, ptr @g
  ret i32 0
}

; int *arr[2] = { malloc(4), malloc(4) }; qsort(arr, 2, 8, cmp)
define void @sort_known() {
  %arr = alloca [2 x ptr]
  %a = call ptr @malloc(i64 4)
  %b = call ptr @malloc(i64 4)
  store ptr %a, ptr %arr
  %s1 = getelementptr inbounds ptr, ptr %arr, i64 1
  store ptr %b, ptr %s1
  call void @qsort(ptr %arr, i64 2, i64 8, ptr @cmp)
  ret void
}

define void @sort_leaky() {
  %arr = alloca [2 x ptr]
  %a = call ptr @malloc(i64 4)
  store ptr %a, ptr %arr
  call void @qsort(ptr %arr, i64 1, i64 8, ptr @leaky_cmp)
  ret void
}

define void @sort_unknown(ptr %fn) {
  %arr = alloca [2 x ptr]
  %a = call ptr @malloc(i64 4)
  store ptr %a, ptr %arr
  call void @qsort(ptr %arr, i64 1, i64 8, ptr %fn)
  ret void
}

define void @sort_declared() {
  %arr = alloca [2 x ptr]
  %a = call ptr @malloc(i64 4)
  store ptr %a, ptr %arr
  call void @qsort(ptr %arr, i64 1, i64 8, ptr @extcmp)
  ret void
}

; bsearch(&key, arr, ...) with a known comparator: the key and the array's
; objects stay; the result points into the array.
define i32 @search_known() {
  %key = alloca ptr
  %arr = alloca [1 x ptr]
  %k = call ptr @malloc(i64 4)
  %e = call ptr @malloc(i64 4)
  store ptr %k, ptr %key
  store ptr %e, ptr %arr
  %r = call ptr @bsearch(ptr %key, ptr %arr, i64 1, i64 8, ptr @cmp)
  %z = icmp eq ptr %r, null
  %v = zext i1 %z to i32
  ret i32 %v
}

; A comparator that sorts again: the sorter's scratch object does not
; escape (qsort never sees it), but every level of the recursion would hold
; one.
define i32 @cmp_sorts_again(ptr %a, ptr %b) {
  call void @sort_nested()
  ret i32 0
}

define void @sort_nested() {
  %arr = alloca [2 x i32]
  %t = call ptr @malloc(i64 4)
  store i32 1, ptr %t
  %v = load i32, ptr %t
  store i32 %v, ptr %arr
  call void @qsort(ptr %arr, i64 1, i64 4, ptr @cmp_sorts_again)
  call void @free(ptr %t)
  ret void
}

; CHECK-LABEL: function cmp{{$}}
; CHECK-NEXT:   param a: heap=-1 result=-1 free=-1
; CHECK-NEXT:   param b: heap=-1 result=-1 free=-1
; CHECK-LABEL: function leaky_cmp{{$}}
; CHECK-NEXT:   param a: heap=1 result=-1 free=-1
; CHECK-NEXT:   param b: heap=-1 result=-1 free=-1
; CHECK-LABEL: function sort_known{{$}}
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-LABEL: function sort_leaky{{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: passed to `leaky_cmp` (leaking param `a`)
; CHECK-LABEL: function sort_unknown (recursive){{$}}
; CHECK-NEXT:   param fn: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(4): escapes to heap: stored into escaping object
; CHECK-LABEL: function sort_declared (recursive){{$}}
; CHECK-NEXT:   site malloc(4): escapes to heap: stored into escaping object
; CHECK-LABEL: function search_known{{$}}
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-NEXT:   site malloc(4): moved to stack
; CHECK-LABEL: function cmp_sorts_again (recursive){{$}}
; CHECK-NEXT:   param a: heap=-1 result=-1 free=-1
; CHECK-NEXT:   param b: heap=-1 result=-1 free=-1
; CHECK-LABEL: function sort_nested (recursive){{$}}
; CHECK-NEXT:   site malloc(4): stays on heap: recursive function (through `qsort`)
; CHECK-NEXT:   free of t: sites {0}
