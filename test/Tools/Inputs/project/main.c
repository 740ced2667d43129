#include "list.h"

#include <stdio.h>
#include <stdlib.h>

int table_lookup(const char *key);

int main(void) {
  struct list l = {0};
  for (int i = 0; i < 3; i++)
    list_push(&l, i);
  printf("%d %d\n", list_sum_squares(4), table_lookup("k"));
  return 0;
}
