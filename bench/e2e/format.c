/* A record formatter: records become CSV-like report lines through a string
 * builder. Each line is returned to the caller (heap), which keeps the last
 * few in a ring and a per-city summary in a hash table of heap entries. The
 * per-field scratch (digits, money with thousands separators, a quoted
 * field, a date, the column layout of a line) is function-local: TEMP.
 *   format [SCALE-PERCENT]   prints a checksum */
#include "common.h"

struct record {
  int id, qty, day;
  long cents;
  const char *name, *city;
};

struct sb { /* a growing string: its buffer is the line returned */
  char *buf;
  size_t len, cap;
};

struct column {
  int kind, width;
};
enum { C_INT, C_NAME, C_CITY, C_MONEY, C_DATE, C_QTY, NCOL };

struct city_total { /* summary entries: heap, kept in the table */
  char *city;
  long cents, count;
  struct city_total *next;
};

#define RING 64
#define TABLE 64

static const char *const names[] = {"Widget", "Gadget, large", "Sprocket \"XL\"", "Nut", "Bolt M8",
                                    "Washer", "Flange, steel", "Gear 42T", "Spring", "Cable 2m"};
static const char *const cities[] = {"Lisboa", "Porto", "Braga", "Faro", "Coimbra", "Aveiro", "Evora"};

static void sb_grow(struct sb *b, size_t extra) {
  if (b->len + extra + 1 > b->cap) {
    while (b->len + extra + 1 > b->cap)
      b->cap *= 2;
    b->buf = need(realloc(b->buf, b->cap));
  }
}

static void sb_put(struct sb *b, const char *s, size_t n) {
  sb_grow(b, n);
  memcpy(b->buf + b->len, s, n);
  b->len += n;
  b->buf[b->len] = 0;
}

static void sb_pad(struct sb *b, size_t have, int width) {
  while ((int)have++ < width)
    sb_put(b, " ", 1);
}

/* The decimal digits of v, right-aligned to width. */
static void put_int(struct sb *b, long v, int width) {
  TEMP(char, tmp, 24);
  size_t n = 0;
  unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;
  do {
    tmp[23 - n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0)
    tmp[23 - n++] = '-';
  sb_pad(b, n, width);
  sb_put(b, tmp + 24 - n, n);
  TEMP_FREE(tmp);
}

/* 1234567 cents -> "12,345.67" */
static void put_money(struct sb *b, long cents, int width) {
  TEMP(char, tmp, 32);
  size_t n = 0;
  unsigned long u = cents < 0 ? -(unsigned long)cents : (unsigned long)cents;
  tmp[31 - n++] = (char)('0' + u % 10);
  u /= 10;
  tmp[31 - n++] = (char)('0' + u % 10);
  u /= 10;
  tmp[31 - n++] = '.';
  int group = 0;
  do {
    if (group == 3) {
      tmp[31 - n++] = ',';
      group = 0;
    }
    tmp[31 - n++] = (char)('0' + u % 10);
    u /= 10;
    group++;
  } while (u);
  if (cents < 0)
    tmp[31 - n++] = '-';
  sb_pad(b, n, width);
  sb_put(b, tmp + 32 - n, n);
  TEMP_FREE(tmp);
}

/* CSV quoting: quoted when it holds a comma or a quote, quotes doubled. */
static void put_quoted(struct sb *b, const char *s, int width) {
  TEMP(char, tmp, 128);
  size_t n = 0;
  int quote = strchr(s, ',') || strchr(s, '"');
  if (quote)
    tmp[n++] = '"';
  for (; *s && n < 120; s++) {
    if (*s == '"')
      tmp[n++] = '"';
    tmp[n++] = *s;
  }
  if (quote)
    tmp[n++] = '"';
  sb_put(b, tmp, n);
  sb_pad(b, n, width);
  TEMP_FREE(tmp);
}

/* Day number -> "2024-MM-DD" (months of 28 days, for simplicity). */
static void put_date(struct sb *b, int day) {
  TEMP(char, tmp, 16);
  int m = 1 + (day / 28) % 12, d = 1 + day % 28;
  memcpy(tmp, "2024-", 5);
  tmp[5] = (char)('0' + m / 10);
  tmp[6] = (char)('0' + m % 10);
  tmp[7] = '-';
  tmp[8] = (char)('0' + d / 10);
  tmp[9] = (char)('0' + d % 10);
  sb_put(b, tmp, 10);
  TEMP_FREE(tmp);
}

/* One report line (heap, returned). */
static char *format_record(const struct record *r, int style) {
  TEMP(struct column, cols, NCOL);
  for (int i = 0; i < NCOL; i++) {
    cols[i].kind = (i + style) % NCOL;
    cols[i].width = 4 + 2 * ((i + style) % 4);
  }
  struct sb b = {need(malloc(64)), 0, 64};
  b.buf[0] = 0;
  for (int i = 0; i < NCOL; i++) {
    if (i)
      sb_put(&b, ",", 1);
    switch (cols[i].kind) {
    case C_INT: put_int(&b, r->id, cols[i].width); break;
    case C_NAME: put_quoted(&b, r->name, cols[i].width); break;
    case C_CITY: put_quoted(&b, r->city, cols[i].width); break;
    case C_MONEY: put_money(&b, r->cents, cols[i].width); break;
    case C_DATE: put_date(&b, r->day); break;
    default: put_int(&b, r->qty, cols[i].width); break;
    }
  }
  sb_put(&b, "\n", 1);
  TEMP_FREE(cols);
  return b.buf;
}

static unsigned hash_str(const char *s) {
  unsigned h = 2166136261u;
  while (*s)
    h = (h ^ (unsigned char)*s++) * 16777619u;
  return h;
}

static void add_total(struct city_total **table, const struct record *r) {
  struct city_total **slot = &table[hash_str(r->city) % TABLE];
  for (struct city_total *t = *slot; t; t = t->next)
    if (strcmp(t->city, r->city) == 0) {
      t->cents += r->cents;
      t->count++;
      return;
    }
  struct city_total *t = need(malloc(sizeof *t));
  size_t n = strlen(r->city);
  t->city = need(malloc(n + 1));
  memcpy(t->city, r->city, n + 1);
  t->cents = r->cents;
  t->count = 1;
  t->next = *slot;
  *slot = t;
}

/* A batch of records: its lines, the ring of recent lines, the totals. */
static uint64_t run_batch(long nrec, uint64_t h) {
  char *ring[RING] = {0};
  TEMPZ(struct city_total *, table, TABLE);
  for (long i = 0; i < nrec; i++) {
    struct record r = {(int)(rng() % 100000), (int)rng_below(500), (int)rng_below(336),
                       (long)(rng() % 10000000) - 1000000, names[rng_below(10)], cities[rng_below(7)]};
    char *line = format_record(&r, (int)(i % 7));
    h = mix_bytes(h, line, strlen(line));
    free(ring[i % RING]);
    ring[i % RING] = line;
    add_total(table, &r);
  }
  for (int i = 0; i < RING; i++)
    free(ring[i]);
  for (int i = 0; i < TABLE; i++)
    for (struct city_total *t = table[i], *next; t; t = next) {
      next = t->next;
      h = mix(h, (uint64_t)t->cents ^ (uint64_t)t->count);
      h = mix_bytes(h, t->city, strlen(t->city));
      free(t->city);
      free(t);
    }
  TEMP_FREE(table);
  return h;
}

int main(int argc, char **argv) {
  long batches = scaled(argc, argv, 16000);
  uint64_t h = 0;
  for (long i = 0; i < batches; i++)
    h = run_batch(200, h);
  printf("format: %ld batches of 200 records, checksum %016llx\n", batches, (unsigned long long)h);
  return 0;
}
