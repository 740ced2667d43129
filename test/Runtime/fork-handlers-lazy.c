// libescrt registers its fork handlers only once the process has a second
// thread (pthread_atfork costs a single-threaded program pages of the C
// library), but before that thread runs: a thread that never calls the
// allocator forks while the main thread is inside the allocator's locks,
// and every child must find them free.
//
// Linked statically, so that this file's pthread_atfork is the one libescrt
// calls: it counts the registrations and passes them on to glibc.
// RUN: %escrt_cc %s -o %t %escrt_a && %t | FileCheck %s
// CHECK: single-threaded: 0 registrations
// CHECK: threaded: 1 registration
// CHECK: forks from a thread without malloc: 300 children ok
#include "check.h"
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <sys/wait.h>

extern int __register_atfork(void (*)(void), void (*)(void), void (*)(void),
                             void *);
extern void *__dso_handle;
static atomic_int registrations;

int pthread_atfork(void (*prepare)(void), void (*parent)(void),
                   void (*child)(void)) {
  atomic_fetch_add(&registrations, 1);
  return __register_atfork(prepare, parent, child, __dso_handle);
}

enum { ROUNDS = 300 };
static atomic_bool stop;
static int children_ok;

/* The child of a fork made while main() churns: it needs the page heap and
 * the small-object paths, and a lock left held would hang it (the alarm
 * then kills it). */
static void child_work(void) {
  alarm(5);
  void *p[64];
  for (int i = 0; i < 64; i++)
    p[i] = malloc(i % 2 ? 100000 + i : 16 + i * 24);
  for (int i = 0; i < 64; i++)
    free(p[i]);
  _exit(0);
}

/* Never calls the allocator itself: its first touch of libescrt's locks is
 * in its children. */
static void *forker(void *unused) {
  (void)unused;
  for (int round = 0; round < ROUNDS; round++) {
    pid_t pid = fork();
    if (pid == 0)
      child_work();
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
      break; /* a child hung (killed by its alarm) or failed */
    children_ok++;
  }
  atomic_store(&stop, true);
  return NULL;
}

int main(void) {
  /* Single-threaded: allocations of every kind, and a fork. */
  void *big = malloc(1 << 20), *small = malloc(40);
  free(calloc(10, 10));
  pid_t pid = fork();
  if (pid == 0) {
    free(malloc(100));
    _exit(0);
  }
  int status;
  CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status));
  free(big);
  free(small);
  printf("single-threaded: %d registrations\n", atomic_load(&registrations));
  fflush(stdout);

  pthread_t t;
  CHECK(pthread_create(&t, NULL, forker, NULL) == 0);
  /* Large objects take the page heap's lock on every call. */
  unsigned r = 1;
  void *keep[16] = {0};
  while (!atomic_load(&stop)) {
    r = r * 1103515245 + 12345;
    unsigned i = (r >> 8) % 16;
    free(keep[i]);
    keep[i] = malloc(r & 1 ? 40000 + (r >> 4) % 200000 : 8 + (r >> 4) % 600);
  }
  pthread_join(t, NULL);
  for (int i = 0; i < 16; i++)
    free(keep[i]);
  int n = atomic_load(&registrations);
  printf("threaded: %d registration%s\n", n, n == 1 ? "" : "s");
  printf("forks from a thread without malloc: %d children ok\n", children_ok);
  return 0;
}
