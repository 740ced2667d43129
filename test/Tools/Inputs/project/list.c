#include "list.h"

#include <stdlib.h>

void list_push(struct list *l, int value) {
  struct node *n = malloc(sizeof *n);
  n->value = value;
  n->next = l->head;
  l->head = n;
}

int list_sum_squares(int n) {
  int *squares = malloc(16 * sizeof(int));
  int sum = 0;
  for (int i = 0; i < n && i < 16; i++)
    squares[i] = i * i;
  for (int i = 0; i < n && i < 16; i++)
    sum += squares[i];
  free(squares);
  return sum;
}
