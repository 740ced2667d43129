/* A user of escrt.h: allocates, frees, and prints what escrt_stats saw. */
#include "escrt.h"
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  void *p[100];
  for (int i = 0; i < 100; i++)
    p[i] = malloc(100);
  for (int i = 0; i < 50; i++)
    free(p[i]);
  escrt_stats_t st;
  escrt_stats(&st);
  unsigned c = escrt_size_class(100);
  printf("class %u size %zu mallocs %llu frees %llu\n", c, escrt_class_size(c),
         (unsigned long long)st.by_size[c].mallocs,
         (unsigned long long)st.by_size[c].frees);
  printf("heap_objects>=50 %d inuse>0 %d\n", st.heap_objects >= 50,
         st.heap_inuse > 0);
  return 0;
}
