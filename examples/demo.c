/* The bundled example for `make demo`: a small program whose allocations show
 * every kind of verdict the plugin gives, and a busy loop (records) whose
 * scratch buffers the plugin moves to the stack while its list nodes stay on
 * the heap, so that the run time shows what that is worth.
 *   demo [RECORDS]   (default 4000000) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
  int value;
  struct node *next;
};

static struct node *registry; /* a global: whatever reaches it escapes */

/* Reads only: "p does not escape". */
__attribute__((noinline)) static int sum_list(const struct node *p) {
  int s = 0;
  for (; p; p = p->next)
    s += p->value;
  return s;
}

/* Keeps its argument: "leaking param: n". */
__attribute__((noinline)) static void remember(struct node *n) {
  n->next = registry;
  registry = n;
}

/* Reads n bytes: "p does not escape". */
__attribute__((noinline)) static unsigned checksum(const char *p, size_t n) {
  unsigned s = 0;
  for (size_t i = 0; i < n; i++)
    s = s * 31 + (unsigned char)p[i];
  return s;
}

/* Returns its argument: "leaking param: p to result ~r0 level=0". */
__attribute__((noinline)) static char *fill(char *p, int c, size_t n) {
  memset(p, c, n - 1);
  p[n - 1] = 0;
  return p;
}

/* Frees a list. */
__attribute__((noinline)) static void free_list(struct node *p) {
  while (p) {
    struct node *next = p->next;
    free(p);
    p = next;
  }
}

/* The busy part: per record, a scratch line that never leaves the function
 * (moved to the stack) and a node that joins a batch list (stored through a
 * pointer: escapes, stays on the heap until its batch is summed and freed). */
static unsigned long records(long n) {
  unsigned long total = 0;
  struct node *batch = NULL;
  for (long i = 0; i < n; i++) {
    char *scratch = malloc(32);
    if (!scratch)
      exit(1);
    fill(scratch, 'a' + (int)(i % 26), 12);
    unsigned c = checksum(scratch, 12);
    free(scratch);
    struct node *rec = malloc(sizeof *rec);
    if (!rec)
      exit(1);
    rec->value = (int)(c & 0xff);
    rec->next = batch;
    batch = rec;
    if (i % 64 == 63) {
      total += (unsigned long)sum_list(batch);
      free_list(batch);
      batch = NULL;
    }
  }
  total += (unsigned long)sum_list(batch);
  free_list(batch);
  return total;
}

int main(int argc, char **argv) {
  /* Local scratch buffer, freed: moved to the stack. */
  char *line = malloc(64);
  if (!line)
    return 1;
  fill(line, 'x', 8);
  printf("line=%s\n", line);
  free(line);

  /* A node that only a reader sees: moved to the stack. */
  struct node *tmp = calloc(1, sizeof *tmp);
  if (!tmp)
    return 1;
  tmp->value = 40 + argc;
  printf("sum=%d\n", sum_list(tmp));
  free(tmp);

  /* A node handed to a function that keeps it: escapes to heap. */
  struct node *kept = malloc(sizeof *kept);
  if (!kept)
    return 1;
  kept->value = 2;
  remember(kept);

  /* Too large for the stack. */
  char *big = malloc(1 << 20);
  if (!big)
    return 1;
  memset(big, 'b', 1 << 20);
  printf("big=%u registry=%d\n", checksum(big, 1 << 20), sum_list(registry));
  free(big);

  long n = argc > 1 ? atol(argv[1]) : 4000000;
  printf("records=%ld total=%lu\n", n, records(n));
  return 0;
}
