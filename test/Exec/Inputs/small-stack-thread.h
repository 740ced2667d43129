// Runs a function on a thread with a small stack, for the stack-safety
// execution tests (issue 16).
#ifndef ESCAPE_SMALL_STACK_THREAD_H
#define ESCAPE_SMALL_STACK_THREAD_H
#include <pthread.h>
#include <stddef.h>

// fn(arg) on a thread of `stack` bytes, joined. The guard is wider than any
// frame, so an overflow faults instead of landing in another mapping.
// Returns nonzero when the thread cannot be created.
static int run_on_small_stack(size_t stack, void *(*fn)(void *), void *arg) {
  pthread_attr_t attr;
  pthread_t t;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, stack);
  pthread_attr_setguardsize(&attr, 64 * 1024);
  int rc = pthread_create(&t, &attr, fn, arg);
  if (rc == 0)
    pthread_join(t, NULL);
  pthread_attr_destroy(&attr);
  return rc;
}
#endif
