; The C library model table: functions that keep no pointer after they
; return leave their arguments alone (printf family including varargs,
; string functions - whose result may be the argument) (C4, C52); functions
; that retain an argument for later calls, another thread or exit handlers
; make it escape: strtok, setvbuf, setbuf, pthread_create, pthread_setspecific,
; putenv, on_exit (C54); getline may realloc what *lineptr holds.
; RUN: %opt_escape -passes='print<escape>' -disable-output %s 2>&1 | FileCheck %s --implicit-check-not='site ' --implicit-check-not='free of' --implicit-check-not='param '

declare ptr @malloc(i64)
declare void @free(ptr)
declare i32 @printf(ptr, ...)
declare i32 @snprintf(ptr, i64, ptr, ...)
declare ptr @strcpy(ptr, ptr)
declare ptr @strchr(ptr, i32)
declare i64 @strlen(ptr)
declare ptr @strtok(ptr, ptr)
declare i32 @setvbuf(ptr, ptr, i32, i64)
declare void @setbuf(ptr, ptr)
declare i32 @pthread_create(ptr, ptr, ptr, ptr)
declare i32 @pthread_setspecific(i32, ptr)
declare i32 @putenv(ptr)
declare i32 @on_exit(ptr, ptr)
declare i64 @getline(ptr, ptr, ptr)
declare ptr @worker(ptr)
declare void @handler(i32, ptr)

@fmt = constant [6 x i8] c"%p %s\00"
@g = global ptr null

; printf("%p %s", m, m); snprintf(m, 16, "%p", m) (C52)
define void @printf_family() {
  %m = call ptr @malloc(i64 16)
  %r = call i32 (ptr, ...) @printf(ptr @fmt, ptr %m, ptr %m)
  %s = call i32 (ptr, i64, ptr, ...) @snprintf(ptr %m, i64 16, ptr @fmt, ptr %m)
  call void @free(ptr %m)
  ret void
}

; strcpy(b, "hi"); strlen(b); free(b) (C4)
define i64 @string_functions(ptr %src) {
  %b = call ptr @malloc(i64 20)
  %d = call ptr @strcpy(ptr %b, ptr %src)
  %n = call i64 @strlen(ptr %d)
  call void @free(ptr %b)
  ret i64 %n
}

; strchr returns a pointer into its argument: g = strchr(b, 'x').
define void @strchr_result_to_global() {
  %b = call ptr @malloc(i64 20)
  %p = call ptr @strchr(ptr %b, i32 120)
  store ptr %p, ptr @g
  ret void
}

define void @strtok_keeps(ptr %delim) {
  %b = call ptr @malloc(i64 20)
  %t = call ptr @strtok(ptr %b, ptr %delim)
  ret void
}

define void @setvbuf_keeps(ptr %stream) {
  %b = call ptr @malloc(i64 512)
  %r = call i32 @setvbuf(ptr %stream, ptr %b, i32 0, i64 512)
  ret void
}

define void @setbuf_keeps(ptr %stream) {
  %b = call ptr @malloc(i64 512)
  call void @setbuf(ptr %stream, ptr %b)
  ret void
}

; pthread_create(&t, 0, worker, m): the argument escapes even if joined;
; the pthread_t slot does not.
define void @thread_arg() {
  %t = alloca i64
  %m = call ptr @malloc(i64 16)
  %r = call i32 @pthread_create(ptr %t, ptr null, ptr @worker, ptr %m)
  ret void
}

define void @thread_specific(i32 %key) {
  %m = call ptr @malloc(i64 16)
  %r = call i32 @pthread_setspecific(i32 %key, ptr %m)
  ret void
}

define void @putenv_keeps() {
  %m = call ptr @malloc(i64 16)
  %r = call i32 @putenv(ptr %m)
  ret void
}

define void @on_exit_keeps() {
  %m = call ptr @malloc(i64 16)
  %r = call i32 @on_exit(ptr @handler, ptr %m)
  ret void
}

; char *line = malloc(16); getline(&line, &n, f): the buffer may be
; reallocated, the slots that hold it and its size stay.
define void @getline_buffer(ptr %f) {
  %line = alloca ptr
  %n = alloca i64
  %m = call ptr @malloc(i64 16)
  store ptr %m, ptr %line
  store i64 16, ptr %n
  %r = call i64 @getline(ptr %line, ptr %n, ptr %f)
  %l = load ptr, ptr %line
  call void @free(ptr %l)
  ret void
}

; CHECK-LABEL: function printf_family{{$}}
; CHECK-NEXT:   site malloc(16): moved to stack
; CHECK-NEXT:   free of m: sites {0}
; CHECK-LABEL: function string_functions{{$}}
; CHECK-NEXT:   param src: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(20): moved to stack
; CHECK-NEXT:   free of b: sites {0}
; CHECK-LABEL: function strchr_result_to_global{{$}}
; CHECK-NEXT:   site malloc(20): escapes to heap: stored to global `g`
; CHECK-LABEL: function strtok_keeps{{$}}
; CHECK-NEXT:   param delim: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(20): escapes to heap: passed to `strtok` (leaking param `str`)
; CHECK-LABEL: function setvbuf_keeps{{$}}
; CHECK-NEXT:   param stream: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(512): escapes to heap: passed to `setvbuf` (leaking param `buf`)
; CHECK-LABEL: function setbuf_keeps{{$}}
; CHECK-NEXT:   param stream: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(512): escapes to heap: passed to `setbuf` (leaking param `buf`)
; CHECK-LABEL: function thread_arg{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to `pthread_create` (leaking param `arg`)
; CHECK-LABEL: function thread_specific{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to `pthread_setspecific` (leaking param `value`)
; CHECK-LABEL: function putenv_keeps{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to `putenv` (leaking param `string`)
; CHECK-LABEL: function on_exit_keeps{{$}}
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to `on_exit` (leaking param `arg`)
; CHECK-LABEL: function getline_buffer{{$}}
; CHECK-NEXT:   param f: heap=-1 result=-1 free=-1
; CHECK-NEXT:   site malloc(16): escapes to heap: passed to getline
; CHECK-NEXT:   free of l: sites {0} and other origins
