#include <stdlib.h>
#include <string.h>

char *last_name;

int table_lookup(const char *key) {
  char *copy = malloc(64);
  strncpy(copy, key, 63);
  copy[63] = '\0';
  last_name = copy;
  double *big = calloc(8192, sizeof(double));
  big[0] = 1;
  int r = (int)big[0] + (int)strlen(copy);
  free(big);
  return r;
}
