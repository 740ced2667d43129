// Issue 16: a moved object takes the stack only while the thread's stack has
// room, and the heap everywhere else: near the end of the main stack, on a
// thread stack too small for the reserve, on a swapcontext stack and on a
// sigaltstack, none of which the thread's bounds cover. The probe tells the
// two apart by where its object lies: in its own frame, or not. The probe is
// small, so it has two bodies (docs/design.md "Two bodies"); the second run
// gives it guarded slots.
// Built without the plugin it always says heap.
// RUN: %clang_escape -O2 -w -pthread %s -o %t && ulimit -s 8192 && %t | FileCheck --check-prefix=RUNS %s
// RUN: %clang_escape -O2 -w -pthread -mllvm -escape-max-version-size=0 %s -o %t.guarded && ulimit -s 8192 && %t.guarded | FileCheck --check-prefix=RUNS %s
// RUN: %clang -O2 -w -pthread %s -o %t.plain && ulimit -s 8192 && %t.plain | FileCheck --check-prefix=PLAIN %s
// RUN: %if escape-rewrite %{ %escape_expect %}
#include "Inputs/exec.h"
#include "Inputs/small-stack-thread.h"
#include <signal.h>
#include <ucontext.h>

NOINLINE static void probe(const char *where) {
  char frame;
  // CHECK: :[[@LINE+1]]:12: remark: malloc(1000) does not escape: moved to stack while the stack has room
  int *p = malloc(1000);
  fill(p, 250, 7);
  // A slot lies in the probe's own frame: below its fixed part (a guarded
  // slot) or beside `frame` in it (a stack body's), within a few KiB.
  long away = (char *)p - &frame;
  int in_frame = away > -16384 && away < 16384;
  printf("%s: %s %ld\n", where, in_frame ? "stack" : "heap", sum(p, 250));
  free(p);
}

// Uses 64 KiB of stack per level and moves nothing itself.
NOINLINE static long descend(int levels, const char *where) {
  volatile char pad[65536];
  pad[levels & 1023] = (char)levels;
  if (levels == 0) {
    probe(where);
    return pad[0];
  }
  return descend(levels - 1, where) + pad[levels & 1023];
}

static void *thread_main(void *arg) {
  probe((const char *)arg);
  return NULL;
}

static ucontext_t main_ctx, co_ctx;
static void co_main(void) { probe("coroutine"); }

static void on_signal(int sig) { probe("sigaltstack"); }

int main(void) {
  probe("main");
  // 7 MiB into the 8 MiB stack: less than a quarter is left.
  descend(opaque(112), "main, 7 MiB deep");
  descend(opaque(16), "main, 1 MiB deep");
  run_on_small_stack(1 << 20, thread_main, "thread 1 MiB");
  run_on_small_stack(PTHREAD_STACK_MIN + 32768, thread_main, "thread 48 KiB");

  static char co_stack[1 << 20];
  getcontext(&co_ctx);
  co_ctx.uc_stack.ss_sp = co_stack;
  co_ctx.uc_stack.ss_size = sizeof co_stack;
  co_ctx.uc_link = &main_ctx;
  makecontext(&co_ctx, co_main, 0);
  swapcontext(&main_ctx, &co_ctx);

  static char alt[1 << 20];
  stack_t ss = {.ss_sp = alt, .ss_size = sizeof alt};
  sigaltstack(&ss, NULL);
  struct sigaction sa = {.sa_handler = on_signal, .sa_flags = SA_ONSTACK};
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1);
  return 0;
}
// RUNS-LABEL: main: stack 32875
// RUNS-NEXT: main, 7 MiB deep: heap 32875
// RUNS-NEXT: main, 1 MiB deep: stack 32875
// RUNS-NEXT: thread 1 MiB: stack 32875
// RUNS-NEXT: thread 48 KiB: heap 32875
// RUNS-NEXT: coroutine: heap 32875
// RUNS-NEXT: sigaltstack: heap 32875
// PLAIN: main: heap 32875
// PLAIN-NEXT: main, 7 MiB deep: heap 32875
// PLAIN-NEXT: main, 1 MiB deep: heap 32875
// PLAIN-NEXT: thread 1 MiB: heap 32875
// PLAIN-NEXT: thread 48 KiB: heap 32875
// PLAIN-NEXT: coroutine: heap 32875
// PLAIN-NEXT: sigaltstack: heap 32875
