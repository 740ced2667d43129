// Runs every statement of a SQL file on an in-memory SQLite database and
// prints each result row, '|'-separated, for differential comparison.
//   sqlite-driver FILE.sql
#include <stdio.h>
#include <stdlib.h>

#include "sqlite3.h"

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  rewind(f);
  char *s = malloc((size_t)n + 1);
  if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
    free(s);
    s = NULL;
  }
  if (s)
    s[n] = 0;
  fclose(f);
  return s;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: sqlite-driver FILE.sql\n");
    return 2;
  }
  char *sql = slurp(argv[1]);
  sqlite3 *db;
  if (!sql || sqlite3_open(":memory:", &db) != SQLITE_OK) {
    fprintf(stderr, "sqlite-driver: cannot start\n");
    return 1;
  }
  const char *next = sql;
  int status = 0;
  while (*next) {
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, next, -1, &st, &next) != SQLITE_OK) {
      printf("error: %s\n", sqlite3_errmsg(db));
      status = 1;
      break;
    }
    if (!st) // whitespace or a comment
      continue;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(st); i++)
        printf("%s%s", i ? "|" : "", (const char *)sqlite3_column_text(st, i) ?: "NULL");
      putchar('\n');
    }
    if (rc != SQLITE_DONE) {
      printf("error: %s\n", sqlite3_errmsg(db));
      status = 1;
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  free(sql);
  return status;
}
