struct node {
  int value;
  struct node *next;
};
struct list {
  struct node *head;
};
void list_push(struct list *l, int value);
int list_sum_squares(int n);
