// The copy out of a buffer that started on the stack is checked by ASan: the
// plugin's helper, called here with a first size larger than the buffer it
// is given (a bug the plugin must never make), reads past it.
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *__escape_grow_v1(void *buf, size_t size, size_t n);

// A growable buffer, so that the plugin emits its helper into this file.
__attribute__((noinline)) static int grown(int n) {
  char *p = malloc(16);
  memset(p, n, 16);
  char *q = realloc(p, (size_t)n + 16);
  if (!q) {
    free(p);
    return -1;
  }
  int r = q[0];
  free(q);
  return r;
}

__attribute__((noinline)) static int copied_past(int n) {
  char buf[16];
  memset(buf, n, sizeof buf);
  char *q = __escape_grow_v1(buf, sizeof buf + (size_t)n, 64);
  int r = q ? q[0] : -1;
  free(q);
  return r;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("%d\n", grown(argc + 20));
  printf("%d\n", copied_past(argc));
  return 0;
}
