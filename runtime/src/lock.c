/* The fork handlers, registered once the process has a second thread.
 *
 * A child of fork has only the forking thread: a lock that another thread
 * held at the fork would stay held for good. So the handlers init.c
 * provides take every lock before fork and release them after. They must
 * be in place before a thread other than the forking one can hold a lock;
 * while the process has one thread (glibc's __libc_single_threaded) there
 * is no such thread, so escrt_fork_guard (internal.h) registers them at
 * the first lock taken once there are more, and at the first calloc, which
 * glibc's pthread_create makes for the new thread before the thread runs.
 *
 * Not at start-up: pthread_atfork touches pages of the C library that a
 * single-threaded program does not otherwise touch (its code, and the
 * dynamic array it mallocs into, next to glibc's malloc): 128 KiB of
 * resident memory measured in a 2 MB program.
 *
 * The thread that registers holds glibc's lock of fork handlers while it
 * mallocs into their array, so its own locks meanwhile are safe (no fork
 * can run) and pass; every other thread waits until the handlers are in. A
 * child forked while a thread of its parent was about to register inherits
 * the unfinished state without that thread, and registers itself. */
#include "internal.h"

#include <sched.h>
#include <unistd.h>

/* 0: not registered; ESCRT_FORK_REGISTERED; else the pid of the process in
 * which a thread is registering them (a child sees its parent's). */
ESCRT_HIDDEN atomic_int escrt_fork_state;
static ESCRT_TLS bool registering_here;
static _Atomic(const escrt_fork_hooks *) hooks; /* set at start-up */

void escrt_fork_hooks_set(const escrt_fork_hooks *h) {
  atomic_store_explicit(&hooks, h, memory_order_release);
}

void escrt_fork_register(void) {
  const escrt_fork_hooks *h =
      atomic_load_explicit(&hooks, memory_order_acquire);
  if (registering_here || !h || /* !h: start-up has not run yet */
      atomic_load_explicit(&escrt_fork_state, memory_order_acquire) ==
          ESCRT_FORK_REGISTERED)
    return;
  int pid = getpid();
  for (;;) {
    int st = atomic_load_explicit(&escrt_fork_state, memory_order_acquire);
    if (st == ESCRT_FORK_REGISTERED)
      return;
    if (st == pid) { /* another thread of this process is registering */
      sched_yield();
      continue;
    }
    if (atomic_compare_exchange_strong(&escrt_fork_state, &st, pid))
      break;
  }
  registering_here = true;
  pthread_atfork(h->prepare, h->parent, h->child);
  registering_here = false;
  atomic_store_explicit(&escrt_fork_state, ESCRT_FORK_REGISTERED,
                        memory_order_release);
}
