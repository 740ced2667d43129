/* escgen seed 7, reduced; 112 of seeds 1..300 fail the same way on LLVM 19
 * (repro/README.md). Precise mode only; LLVM 19 and 22:
 *   P=build/llvm-19/lib/EscapePlugin.so
 *   clang-19 -O2 -fpass-plugin=$P -fplugin=$P -mllvm -escape-mode=precise seed-7.c
 *   clang-22 -O2 -fpass-plugin=build/llvm-22/lib/EscapePlugin.so \
 *     -mllvm -escape-mode=precise seed-7.c
 * Observed: clang crashes (Segmentation fault in the backend); with -S
 * -emit-llvm, opt -passes=verify: "Instruction does not dominate all uses!":
 * the realloc, guarded against every slot, calls
 * __escape_grow_v1(p, select(p == slot of t, m, 64), 200) where m is
 * computed after it. Expected (go mode, no plugin): prints 8864608715110899491.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static volatile unsigned vseed = 3;
__attribute__((noinline)) unsigned long rd(const unsigned char *p, size_t n) {
  unsigned long s = 0;
  for (size_t i = 0; i < n; i++) s = s * 31 + p[i];
  return s;
}
int main(void) {
  unsigned long sum = 0;
  unsigned char *v = malloc(64);
  if (v) {
    memset(v, 1, 64);
    unsigned char *w = realloc(v, 200);
    if (!w) free(v);
    else { memset(w + 64, 2, 136); sum += rd(w, 200); free(w); }
  }
  size_t m = 8 + vseed;
  unsigned char *t = malloc(m);
  if (t) { memset(t, 3, m); sum += rd(t, m); free(t); }
  printf("%lu\n", sum);
  return 0;
}
