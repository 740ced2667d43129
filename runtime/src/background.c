/* The background scavenger: a thread that gives the idle pages of a program
 * that stopped calling the allocator back to the OS (jemalloc's background
 * thread, Go's background scavenger), made only when a program needs it.
 *
 * The scavenger's heartbeat runs from slow paths (pageheap.c), so a program
 * that frees a burst and then sleeps or waits on I/O would keep the burst.
 * When 4 MiB of freed pages wait for the scavenger with no background pass
 * due, the page heap raises escrt_background_call, and the next slow path
 * to finish answers it here (escrt_background_poll): the first answer
 * starts the thread, later ones wake it. The thread sleeps until the pages
 * have been free for ESCRT_DECAY_MS, returns those no heartbeat returned
 * meanwhile (escrt_heap_background_pass), and parks when no freed page is
 * left. A single-threaded program that never frees 4 MiB never gets the
 * thread; one with threads gets it, parked, once its heap has held 4 MiB,
 * because its frees may not make it (escrt_background_answer) and an idle
 * program makes no other call (escrt_heap_prepare_background).
 *
 * The thread touches only what the heap lock protects and this file's
 * state; it never mallocs (so it has no cache) and blocks every signal (so
 * no handler of the program runs on it). A fork child has no such thread;
 * if its parent had one, the child starts its own at its first malloc slow
 * path (see escrt_background_answer for why not in free). */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <signal.h>
#include <sys/single_threaded.h>
#include <time.h>

enum {
  /* The thread's stack: a pass needs a few hundred bytes, glibc's calls a
   * few KiB. */
  STACK_BYTES = 64 << 10,
  /* glibc takes the static TLS from the stack: a program with more TLS
   * than the small stack holds gets up to this much. */
  STACK_BYTES_MAX = 16 << 20,
};

/* A leaf lock: nothing else is taken while it is held. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wakeup = PTHREAD_COND_INITIALIZER;
static atomic_bool started; /* the thread exists, or is being made */
static bool woken;          /* called since the thread's last pass */

static void *scavenger(void *unused) {
  (void)unused;
  pthread_setname_np(pthread_self(), "escrt-scavenger");
  for (;;) {
    uint64_t sleep_ms = escrt_heap_background_pass();
    escrt_lock(&lock);
    if (!woken && sleep_ms) {
      struct timespec at;
      clock_gettime(CLOCK_MONOTONIC, &at);
      uint64_t ns = (uint64_t)at.tv_nsec + sleep_ms % 1000 * 1000000;
      at.tv_sec += (time_t)(sleep_ms / 1000 + ns / 1000000000);
      at.tv_nsec = (long)(ns % 1000000000);
      pthread_cond_clockwait(&wakeup, &lock, CLOCK_MONOTONIC, &at);
    }
    while (!woken && !sleep_ms)
      pthread_cond_wait(&wakeup, &lock);
    woken = false;
    pthread_mutex_unlock(&lock);
  }
  return NULL;
}

/* Always an explicit stack size: with none, pthread_create takes glibc's
 * lock of the default attributes, which pthread_setattr_default_np holds
 * while it mallocs. */
static int create(size_t stack_bytes) {
  pthread_attr_t attr;
  int err = pthread_attr_init(&attr);
  if (err)
    return err;
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_attr_setstacksize(&attr, stack_bytes);
  pthread_t t;
  err = pthread_create(&t, &attr, scavenger, NULL);
  pthread_attr_destroy(&attr);
  return err;
}

/* The thread inherits a mask of every signal, so none is ever delivered to
 * it, not even before its first instruction. */
static bool start(void) {
  int saved = errno;
  escrt_fork_register(); /* the thread takes locks: see lock.c */
  sigset_t all, old;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  int err = EINVAL;
  for (size_t bytes = STACK_BYTES; err == EINVAL && bytes <= STACK_BYTES_MAX;
       bytes *= 16)
    err = create(bytes);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  errno = saved;
  return err == 0;
}

/* Answers the page heap's call: wakes the thread, or starts it. Starting
 * mallocs and takes glibc's lock of its thread stacks, under which glibc
 * frees a finished thread's TLS (pthread_join, a detached thread's exit):
 * so inside free the thread is started only while the process has never
 * made a thread (then no such free can be under way), and otherwise the
 * call waits for the next malloc slow path or thread exit, where glibc
 * holds no lock that pthread_create takes. If the thread cannot be made (a
 * limit on threads, a sandbox), the heartbeat alone goes on, and the next
 * call tries again. */
void escrt_background_answer(bool in_free) {
  if (in_free && !__libc_single_threaded &&
      !atomic_load_explicit(&started, memory_order_relaxed))
    return;
  if (!atomic_exchange_explicit(&escrt_background_call, false,
                                memory_order_relaxed))
    return; /* another slow path answered */
  escrt_lock(&lock);
  bool make = !atomic_load_explicit(&started, memory_order_relaxed);
  atomic_store_explicit(&started, true, memory_order_relaxed);
  woken = true;
  pthread_cond_signal(&wakeup);
  pthread_mutex_unlock(&lock);
  /* Unlocked: pthread_create mallocs, which may answer a call itself. */
  if (make && !start())
    atomic_store_explicit(&started, false, memory_order_relaxed);
}

/* fork: the child must not inherit the lock held by a thread that is gone. */
void escrt_background_lock(void) { escrt_lock(&lock); }

void escrt_background_unlock(void) { pthread_mutex_unlock(&lock); }

/* The child has no background thread, and the condition variable may
 * still count the parent's as its waiter. A child of a process that needed
 * the thread calls for its own (the page heap has just forgotten any
 * call), which its first malloc slow path answers: glibc does not reset
 * __libc_single_threaded in a child, so its frees could not. */
void escrt_background_after_fork_child(void) {
  bool had = atomic_load_explicit(&started, memory_order_relaxed);
  atomic_store_explicit(&started, false, memory_order_relaxed);
  woken = false;
  wakeup = (pthread_cond_t)PTHREAD_COND_INITIALIZER;
  if (had)
    atomic_store_explicit(&escrt_background_call, true, memory_order_relaxed);
  pthread_mutex_unlock(&lock);
}
