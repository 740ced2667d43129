// fork() while other threads are inside malloc and free: the child must
// find every allocator lock free, allocate and free (also memory its
// parent's other threads owned), and exit cleanly.
// RUN: %escrt_cc %s -o %t %escrt_link && %t | FileCheck %s
// CHECK: fork ok
#include "check.h"
#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { KEEP = 512 };
static atomic_bool stop;
static void *kept[2][KEEP];
/* Allocated by the churning threads before the forks, freed only by the
 * children: memory owned by threads that do not exist in the child. */
static void *stable[2][KEEP];
static atomic_int ready;

static void *churn(void *arg) {
  void **mine = arg;
  void **keep = stable[mine == kept[1]];
  for (int i = 0; i < KEEP; i++)
    keep[i] = malloc(24 + i % 500);
  atomic_fetch_add(&ready, 1);
  unsigned r = 1;
  while (!atomic_load(&stop)) {
    r = r * 1103515245 + 12345;
    unsigned i = (r >> 8) % KEEP;
    free(mine[i]);
    mine[i] = malloc(8 + (r >> 4) % (r & 1 ? 300 : 70000));
    memset(mine[i], 1, 8);
  }
  return NULL;
}

int main(void) {
  pthread_t t[2];
  for (int i = 0; i < 2; i++)
    CHECK(pthread_create(&t[i], NULL, churn, kept[i]) == 0);
  while (atomic_load(&ready) < 2)
    ;
  for (int round = 0; round < 100; round++) {
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
      void *p[1000];
      for (int i = 0; i < 1000; i++)
        p[i] = malloc(16 + i * 40);
      for (int i = 0; i < 1000; i++)
        free(p[i]);
      /* Objects of the parent's threads, which do not exist here; the
       * trim sends them from this thread's free stacks back to their spans,
       * which belong to the parked caches of those threads. */
      for (int i = 0; i < KEEP; i++)
        free(stable[round & 1][i]);
      CHECK(malloc_trim(0) >= 0);
      for (int i = 0; i < 1000; i++) {
        p[i] = malloc(16 + i * 40);
        memset(p[i], i & 0xff, 16 + i * 40);
      }
      for (int i = 0; i < 1000; i++) {
        CHECK(((unsigned char *)p[i])[15 + i * 40] == (i & 0xff));
        free(p[i]);
      }
      _exit(0);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  atomic_store(&stop, true);
  for (int i = 0; i < 2; i++)
    pthread_join(t[i], NULL);
  puts("fork ok");
  return 0;
}
