// A builder that writes one byte past its first capacity before growing:
// a bug ASan must catch whether the buffer is on the heap or on the stack.
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) static int build(int n) {
  char *p = malloc(16);
  for (int i = 0; i <= n; i++)
    p[i] = (char)i; // i == 16: one past the buffer
  char *q = realloc(p, 64);
  if (!q) {
    free(p);
    return -1;
  }
  int r = q[3];
  free(q);
  return r;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("%d\n", build(argc + 15));
  return 0;
}
