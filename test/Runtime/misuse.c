// Misuse is reported with a message naming the call, the problem and the
// pointer; the allocator aborts rather than corrupt its heap. A pointer
// that escrt never handed out is reported and ignored.
// RUN: %escrt_cc %s -o %t %escrt_link
// RUN: not --crash %t double 2>&1 | FileCheck --check-prefix=DOUBLE %s
// The same when the first free pushed through free's guess of the stack
// (the object of the last malloc) and the second takes the other path.
// RUN: not --crash %t double-guessed 2>&1 | FileCheck --check-prefix=DOUBLE %s
// A double free into a span that has emptied (kept as a spare) is caught
// too: free's fast path does not take objects of empty spans.
// RUN: not --crash %t double-empty 2>&1 | FileCheck --check-prefix=EMPTIED %s
// RUN: not --crash %t interior 2>&1 | FileCheck --check-prefix=INTERIOR %s
// RUN: not --crash %t large-interior 2>&1 | FileCheck --check-prefix=INTERIOR %s
// RUN: not --crash %t large-double 2>&1 | FileCheck --check-prefix=LARGE-DOUBLE %s
// A stale pointer into pages a small span gave back, now a large object's:
// their page-table entries were cleared when the span left its class, so
// free's fast path does not take it for a small object.
// RUN: not --crash %t stale-in-large 2>&1 | FileCheck --check-prefix=INTERIOR %s
// RUN: not --crash %t sized 2>&1 | FileCheck --check-prefix=SIZED %s
// RUN: not --crash %t realloc-foreign 2>&1 | FileCheck --check-prefix=REALLOC %s
// RUN: %t foreign 2>&1 | FileCheck --check-prefix=FOREIGN %s
// The cheap checks miss a double free that is not the last free of the
// span; ESCRT_DEBUG=1 catches it exactly, also from another thread.
// RUN: %t double-later 2>&1 | FileCheck --check-prefix=MISSED %s
// RUN: env ESCRT_DEBUG=1 not --crash %t double-later 2>&1 | FileCheck --check-prefix=DOUBLE %s
// RUN: env ESCRT_DEBUG=1 not --crash %t double-remote 2>&1 | FileCheck --check-prefix=DOUBLE %s
//
// DOUBLE: escrt: free(): double free of 0x{{[0-9a-f]+}} in a span of 48-byte objects
// EMPTIED: escrt: free(): double free of 0x{{[0-9a-f]+}} in a span of 1280-byte objects
// INTERIOR: escrt: free(): invalid pointer (not the start of an object) 0x{{[0-9a-f]+}}
// LARGE-DOUBLE: escrt: free(): double free or invalid pointer: no object at 0x{{[0-9a-f]+}}
// SIZED: escrt: free_sized(): size 100 does not match the object at 0x{{[0-9a-f]+}} in a span of 48-byte objects
// REALLOC: escrt: realloc(): invalid pointer (not an object of escrt) 0x{{[0-9a-f]+}}
// FOREIGN: escrt: free(): pointer 0x{{[0-9a-f]+}} was not allocated by escrt; ignored
// FOREIGN-NEXT: still running
// MISSED: not detected
#include "check.h"
#include "escrt.h"
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

static char global[64];

static void *free_it(void *p) {
  free(p);
  return NULL;
}

int main(int argc, char **argv) {
  const char *m = argc > 1 ? argv[1] : "";
  char *a = malloc(48), *b = malloc(48), *keep = malloc(48);
  (void)keep;
  if (!strcmp(m, "double")) {
    free(a);
    free(a);
  } else if (!strcmp(m, "double-guessed")) {
    char *c = escape_opaque(malloc(48));
    free(c); /* c's stack is the last malloc's */
    free(escape_opaque(c));
  } else if (!strcmp(m, "double-empty")) {
    /* Seven objects of a class nothing else uses: the first six fill a
     * span, the seventh starts the next one. */
    char *c[7];
    for (int i = 0; i < 7; i++)
      c[i] = malloc(1200);
    for (int i = 0; i < 6; i++)
      free(c[i]);
    malloc_trim(0); /* the free stacks go back to the spans: one empties */
    free(escape_opaque(c[0]));
  } else if (!strcmp(m, "interior")) {
    free(a + 8);
  } else if (!strcmp(m, "large-interior")) {
    char *l = malloc(100000);
    free(l + 8192);
  } else if (!strcmp(m, "large-double")) {
    char *l = malloc(100000);
    free(l);
    free(escape_opaque(l));
  } else if (!strcmp(m, "stale-in-large")) {
    /* 3 MiB of 1280-byte objects (six a span), all freed: beyond the
     * spans a thread and the central list keep, their pages go back to
     * the page heap, where large objects take them (first fit). */
    enum { N = 2400, LARGE = 64 << 10, NLARGE = 64 };
    static char *small[N], *large[NLARGE];
    for (int i = 0; i < N; i++)
      small[i] = malloc(1280);
    for (int i = 0; i < N; i++)
      free(small[i]);
    malloc_trim(0);
    for (int k = 0; k < NLARGE; k++) {
      large[k] = malloc(LARGE);
      for (int i = 0; i < N; i++) {
        /* Addresses as integers: the pointers are to different objects. */
        uintptr_t at = (uintptr_t)small[i] - (uintptr_t)large[k];
        if (at > 0 && at < LARGE && at % ESCRT_PAGE_SIZE != 0) {
          free(escape_opaque(small[i])); /* one free: it must be reported */
          puts("not detected");
          return 0;
        }
      }
    }
    puts("no stale pointer fell in a large object");
  } else if (!strcmp(m, "sized")) {
    free_sized(a, 100);
  } else if (!strcmp(m, "realloc-foreign")) {
    a = realloc(global, 100);
  } else if (!strcmp(m, "foreign")) {
    free(global);
    puts("still running");
    fflush(stdout);
  } else if (!strcmp(m, "double-later")) {
    free(a);
    free(b);
    free(a);
    puts("not detected");
  } else if (!strcmp(m, "double-remote")) {
    free(a);
    pthread_t t;
    pthread_create(&t, NULL, free_it, a);
    pthread_join(t, NULL);
  }
  return 0;
}
