/* Growable buffers on a string-builder workload (bench/growable/run.sh).
 *
 *   growable records [N]   formats N records; each is built in a buffer that
 *                          starts as malloc(64) and doubles with realloc,
 *                          hashed, its prefix copied out, and freed
 *   growable lines [N]     reads N lines, fgets-style, into a line buffer that
 *                          starts as malloc(64) and doubles while no newline
 *
 * Either prints one checksum line, the same for every build. Lengths follow
 * one fixed distribution (see text_length): 80% of the strings fit in the
 * first 64 bytes, 20% grow, up to 4 KB. The buffers never leave the function
 * that allocates them except through realloc and free, which is what lets
 * the plugin start them on the stack ("Growable buffers" in
 * docs/remarks.md): a string that fits makes no heap call at all, one that
 * grows pays a malloc+copy for its first growth instead of a realloc.
 * run.sh fails unless the plugin starts each allocation marked GROWABLE on
 * the stack. */
#include "../e2e/common.h" /* rng, rng_below, mix, mix_bytes, need */

/* The builder's and the reader's first capacity: what most strings fit in. */
#define FIRST_CAPACITY 64
/* Where each string's prefix goes: a fixed table, as a report's columns. */
#define OUT_SLOTS 1024
#define OUT_PREFIX 24
/* The reader's input: this many lines, read round and round. */
#define TEXT_LINES 8192

static char out_table[OUT_SLOTS][OUT_PREFIX];

/* The length of the next string: 80% from 16 to 64 bytes; 20% longer, in
 * octaves (65-128, 129-256, ..., 2049-4096) each half as likely as the one
 * before, as long strings are rarer the longer they are: a string that grows
 * grows once in half the cases, six times (to 4 KB) in 1/32. */
static size_t text_length(void) {
  if (rng_below(100) < 80)
    return 16 + rng_below(FIRST_CAPACITY - 16 + 1);
  unsigned octave = 6;
  while (octave < 11 && rng_below(2))
    octave++;
  return ((size_t)1 << octave) + 1 + rng_below(1u << octave);
}

/* A string in use: its hash, and its first bytes kept in the output table. */
static uint64_t use_string(const char *s, size_t len, size_t slot) {
  size_t prefix = len < OUT_PREFIX ? len : OUT_PREFIX;
  memcpy(out_table[slot % OUT_SLOTS], s, prefix);
  return mix_bytes(len, s, len);
}

/* ---- records: a string builder ---- */

/* What records are made of, drawn once so that the timed loop spends its
 * time building strings rather than drawing random numbers: the lengths,
 * and the fields, pieces of 3 to 32 bytes of a text of lowercase words and
 * commas. Record i has length i % RECORD_KINDS of the table and the fields
 * from i * 7 / 5 on: the lengths repeat every RECORD_KINDS records, the
 * contents do not. */
#define RECORD_KINDS 65536
#define FIELDS 4096
static char corpus[4096 + 32];
static uint16_t record_length[RECORD_KINDS];
static struct field {
  uint16_t offset;
  uint8_t len;
} fields[FIELDS];

static void make_records(void) {
  for (size_t i = 0; i < sizeof corpus; i++)
    corpus[i] = rng_below(8) == 0 ? ',' : (char)('a' + rng_below(26));
  for (size_t i = 0; i < RECORD_KINDS; i++)
    record_length[i] = (uint16_t)text_length();
  for (size_t i = 0; i < FIELDS; i++)
    fields[i] =
        (struct field){(uint16_t)rng_below(4096), (uint8_t)(3 + rng_below(30))};
}

/* "#<id> " into piece[], the record's first field; returns its length. */
static size_t id_field(uint64_t id, char piece[24]) {
  char digits[20];
  size_t n = 0, len = 0;
  do
    digits[n++] = (char)('0' + id % 10);
  while ((id /= 10) != 0);
  piece[len++] = '#';
  while (n)
    piece[len++] = digits[--n];
  piece[len++] = ' ';
  return len;
}

/* The record's id, then fields up to exactly the record's length (the last
 * one cut to fit); hashed, its prefix kept, freed. The buffer grows by
 * doubling where it is filled, in this function: a builder that handed &buf
 * to an out-of-line helper would let it escape. */
static __attribute__((noinline)) uint64_t format_record(uint64_t id) {
  size_t target = record_length[id % RECORD_KINDS];
  size_t next_field = id * 7 / 5; /* a different field sequence per period */
  size_t cap = FIRST_CAPACITY, len = 0;
  char *buf = need(malloc(cap)); /* GROWABLE */
  char id_piece[24];
  const char *piece = id_piece;
  size_t n = id_field(id, id_piece);
  while (len < target) {
    if (n > target - len)
      n = target - len;
    if (len + n > cap) {
      while (len + n > cap)
        cap *= 2;
      buf = need(realloc(buf, cap)); /* out of memory ends the run */
    }
    memcpy(buf + len, piece, n);
    len += n;
    struct field f = fields[next_field++ % FIELDS];
    piece = corpus + f.offset;
    n = f.len;
  }
  uint64_t h = use_string(buf, len, id);
  free(buf);
  return h;
}

/* ---- lines: a line reader ---- */

/* The input, as a file read into memory: TEXT_LINES lines of printable
 * bytes, each of a drawn length counting its newline and the reader's NUL,
 * so the lines that fit the first capacity are the strings that do. */
struct source {
  char *text;
  const char *pos, *end;
};

static struct source make_source(void) {
  size_t lengths[TEXT_LINES], total = 0;
  for (size_t i = 0; i < TEXT_LINES; i++)
    total += (lengths[i] = text_length() - 2) + 1;
  char *text = need(malloc(total));
  char *p = text;
  for (size_t i = 0; i < TEXT_LINES; i++) {
    /* one draw a line, not a byte: callgrind's reduced scale counts the
     * reading, not the making of the input */
    size_t first = rng_below(94);
    for (size_t j = 0; j < lengths[i]; j++)
      *p++ = (char)('!' + (first + 7 * j) % 94);
    *p++ = '\n';
  }
  return (struct source){text, text, text + total};
}

/* fgets on the source: copies at most room - 1 bytes into dst, up to and
 * including a newline, then a NUL; returns how many it copied. */
static size_t read_piece(struct source *src, char *dst, size_t room) {
  size_t avail = (size_t)(src->end - src->pos), n = room - 1;
  const char *newline = memchr(src->pos, '\n', n < avail ? n : avail);
  if (newline)
    n = (size_t)(newline + 1 - src->pos);
  else if (n > avail)
    n = avail;
  memcpy(dst, src->pos, n);
  dst[n] = '\0';
  src->pos += n;
  return n;
}

/* Reads the next line the way C code reads lines of any length with fgets:
 * fill the buffer; no newline yet, double it and read on. Uses the line and
 * frees the buffer: a reader that owns its line, as a parser that hands back
 * only what it extracted from it. */
static __attribute__((noinline)) uint64_t read_line(struct source *src,
                                                    size_t slot) {
  if (src->pos == src->end)
    src->pos = src->text; /* the next pass over the input */
  size_t cap = FIRST_CAPACITY, len = 0;
  char *line = need(malloc(cap)); /* GROWABLE */
  for (;;) {
    len += read_piece(src, line + len, cap - len);
    if (line[len - 1] == '\n')
      break;
    cap *= 2;
    line = need(realloc(line, cap)); /* out of memory ends the run */
  }
  line[--len] = '\0'; /* the newline */
  uint64_t h = use_string(line, len, slot);
  free(line);
  return h;
}

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "records";
  int records = strcmp(mode, "records") == 0;
  if (!records && strcmp(mode, "lines") != 0) {
    fprintf(stderr, "usage: %s records|lines [COUNT]\n", argv[0]);
    return 2;
  }
  /* The defaults take about a second each at -O2 with glibc. */
  long count = argc > 2 ? atol(argv[2]) : (records ? 10000000 : 15000000);
  uint64_t h = 0;
  if (records) {
    make_records();
    for (long i = 0; i < count; i++)
      h = mix(h, format_record((uint64_t)i));
  } else {
    struct source src = make_source();
    for (long i = 0; i < count; i++)
      h = mix(h, read_line(&src, (size_t)i));
    free(src.text);
  }
  h = mix_bytes(h, &out_table[0][0], sizeof out_table);
  printf("%s %ld %016llx\n", mode, count, (unsigned long long)h);
  return 0;
}
