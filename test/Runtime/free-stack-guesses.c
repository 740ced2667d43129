// free pushes an object on its class's free stack through a guess, the
// stack of the thread's last malloc, when the class matches (the address is
// then known without the page table). Whatever the order of mallocs and
// frees over a few classes, every object must land on its own class's
// stack: one pushed on another class's stack would come back from a malloc
// of the wrong size (malloc_usable_size tells, and writing the whole object
// would overwrite a neighbour).
// RUN: %escrt_cc %s -o %t %escrt_link && %t | FileCheck %s
// RUN: %escrt_cc %s -o %t.static %escrt_a && %t.static | FileCheck %s
// CHECK: free-stack-guesses ok
#include "check.h"
#include <malloc.h>
#include <stdint.h>

enum { K = 4, ROUNDS = 2000 };
static const size_t sizes[K] = {16, 32, 48, 512};

static void fill(unsigned char *p, size_t n, unsigned char v) {
  for (size_t i = 0; i < n; i++)
    p[i] = v;
}

static void check_fill(const unsigned char *p, size_t n, unsigned char v) {
  for (size_t i = 0; i < n; i++)
    CHECK(p[i] == v);
}

int main(void) {
  uint64_t s = 88172645463325252ull;
  for (int r = 0; r < ROUNDS; r++) {
    /* k of the K classes, allocated in turn, then freed in an order that
     * varies: as allocated, reversed, or shuffled. */
    int k = 1 + r % K;
    unsigned char *p[K];
    int order[K];
    int how = (r / K) % 3;
    for (int i = 0; i < k; i++) {
      p[i] = escape_opaque(malloc(sizes[i]));
      CHECK(p[i] && malloc_usable_size(p[i]) >= sizes[i]);
      fill(p[i], malloc_usable_size(p[i]), (unsigned char)(i + 1));
      order[i] = how == 1 ? k - 1 - i : i;
    }
    for (int i = k - 1; how == 2 && i > 0; i--) {
      s ^= s << 13, s ^= s >> 7, s ^= s << 17;
      int j = (int)(s % (uint64_t)(i + 1)), t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int i = 0; i < k; i++) {
      /* Every object still holds its own bytes: none was handed out twice. */
      check_fill(p[order[i]], malloc_usable_size(p[order[i]]),
                 (unsigned char)(order[i] + 1));
      free(p[order[i]]);
    }
  }
  puts("free-stack-guesses ok");
  return 0;
}
