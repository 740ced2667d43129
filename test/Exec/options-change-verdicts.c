// The plugin's options change verdicts, never behaviour: transform=false keeps
// everything on the heap, a small object limit with no dynamic buffer keeps
// both sites on the heap, and the output stays the same either way.
// RUN: %exec_variants %s %t
// RUN: env ESCAPE_OPTIONS="max-object-size=8 dynamic-stack-size=0" %exec_variants %s %t.small
// RUN: env ESCAPE_OPTIONS="transform=false" %exec_variants %s %t.off
// RUN: %if escape-rewrite %{ %escape_expect %}
// RUN: %if escape-rewrite %{ env ESCAPE_OPTIONS="transform=false" %escape_remarks %s 2>&1 | %sort_remarks | FileCheck --check-prefix=OFF %s %}
// RUN: %if escape-rewrite %{ env ESCAPE_OPTIONS="max-object-size=8 dynamic-stack-size=0" %escape_remarks %s 2>&1 | %sort_remarks | FileCheck --check-prefix=SMALL %s %}
#include "Inputs/exec.h"

NOINLINE long two_sites(int n) {
  // CHECK: :[[@LINE+3]]:12: remark: malloc(16) does not escape: moved to stack
  // OFF: :[[@LINE+2]]:12: remark: malloc(16) does not escape, but stays on heap: transform disabled
  // SMALL: :[[@LINE+1]]:12: remark: malloc(16) does not escape, but stays on heap: too large for stack (16 > 8)
  int *a = malloc(16);
  // CHECK: :[[@LINE+3]]:12: remark: malloc({{.+}}) does not escape: moved to stack when {{.+}} <= 256
  // OFF: :[[@LINE+2]]:12: remark: malloc({{.+}}) does not escape, but stays on heap: transform disabled
  // SMALL: :[[@LINE+1]]:12: remark: malloc({{.+}}) does not escape, but stays on heap: non-constant size
  int *b = malloc(n * sizeof *b);
  fill(a, 4, n);
  fill(b, n, -n);
  long s = sum(a, 4) * 100 + sum(b, n);
  free(b);
  free(a);
  return s;
}

int main(void) {
  printf("%ld %ld\n", two_sites(opaque(3)), two_sites(opaque(300)));
  return 0;
}
