/* Hot malloc(64)+free pairs written as plain C, for callgrind (run.sh
 * instr): built with the plugin and -escape-runtime, each pair is what the
 * compiler's lowering emits (the inline size-class paths of escrt.h as IR);
 * built without, it is a call to malloc and one to free.
 *   hot-lowered N */
#include <stdlib.h>

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  long n = atol(argv[1]);
  for (long i = 0; i < n; i++) {
    void *p = malloc(64);
    /* The object stays on the heap (inline asm may keep it), and the free
     * can only get it: both calls are lowered. Nothing shows the free that
     * p is not null, so its test of p is in the count. */
    __asm__ volatile("" : : "r"(p) : "memory");
    free(p);
  }
  return 0;
}
