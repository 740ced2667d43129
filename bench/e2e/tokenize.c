/* A tokenizer and word counter: generated documents are split into words;
 * each word is copied out, lowercased and stemmed in scratch copies, and
 * counted in a per-document table of heap entries (each with its own heap
 * copy of the word; the table lives as long as the document), bigrams too.
 * A document's top words come back to the caller as a heap array. The
 * per-word copies (malloc(n) with n the word's length), the stem and the
 * bigram key are function-local: TEMP / TEMPN.
 *   tokenize [SCALE-PERCENT]   prints a checksum */
#include "common.h"

#define NDOCS 16
#define DOCWORDS 1500
#define MAXWORD 48
#define BUCKETS 512
#define TOP 8

struct entry { /* heap: kept in the table */
  char *word;
  unsigned hash;
  long count;
  struct entry *next;
};
struct table {
  struct entry *bucket[BUCKETS];
  long words, distinct;
};

static const char *const stems[] = {
    "run",   "walk",  "talk",   "read",  "write", "parse", "count", "token", "word",  "heap",
    "stack", "free",  "alloc",  "graph", "tree",  "node",  "edge",  "search", "sort", "merge",
    "split", "join",  "escape", "point", "frame", "call",  "return", "store", "load", "jump",
    "test",  "bench", "measure", "build", "link", "check", "report", "print", "scan", "match"};
static const char *const suffixes[] = {"", "", "", "s", "ed", "ing", "er", "ers"};
static const char *const fillers[] = {"the", "a", "of", "and", "to", "in", "is", "it", "that", "on"};

/* ---- generating the documents ---- */

static char *gen_doc(void) {
  size_t cap = DOCWORDS * 16, n = 0;
  char *d = need(malloc(cap));
  for (int i = 0; i < DOCWORDS; i++) {
    char w[64];
    unsigned r = rng_below(100);
    int k;
    if (r < 40)
      k = snprintf(w, sizeof w, "%s", fillers[rng_below(10)]);
    else {
      unsigned s = rng_below(40);
      s = s * s / 40; /* skewed: low stems are common */
      k = snprintf(w, sizeof w, "%s%s", stems[s], suffixes[rng_below(8)]);
    }
    if (rng_below(8) == 0)
      w[0] = (char)(w[0] & ~0x20); /* Capitalised */
    memcpy(d + n, w, (size_t)k);
    n += (size_t)k;
    r = rng_below(20);
    d[n++] = r == 0 ? ',' : r == 1 ? '.' : r == 2 ? '\n' : ' ';
    if (r < 2)
      d[n++] = ' ';
  }
  d[n] = 0;
  return d;
}

/* ---- counting ---- */

static unsigned hash_word(const char *s, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static void count(struct table *t, const char *w, size_t n) {
  unsigned h = hash_word(w, n);
  struct entry **slot = &t->bucket[h % BUCKETS];
  for (struct entry *e = *slot; e; e = e->next)
    if (e->hash == h && strncmp(e->word, w, n) == 0 && e->word[n] == 0) {
      e->count++;
      return;
    }
  struct entry *e = need(malloc(sizeof *e));
  e->word = need(malloc(n + 1));
  memcpy(e->word, w, n);
  e->word[n] = 0;
  e->hash = h;
  e->count = 1;
  e->next = *slot;
  *slot = e;
  t->distinct++;
}

/* The stem of a lowercased word, in scratch: common suffixes dropped. */
static void count_stem(struct table *t, const char *w, size_t n) {
  TEMP(char, stem, MAXWORD);
  size_t k = n;
  if (k > 5 && memcmp(w + k - 3, "ing", 3) == 0)
    k -= 3;
  else if (k > 5 && memcmp(w + k - 3, "ers", 3) == 0)
    k -= 3;
  else if (k > 4 && (memcmp(w + k - 2, "ed", 2) == 0 || memcmp(w + k - 2, "er", 2) == 0))
    k -= 2;
  else if (k > 3 && w[k - 1] == 's')
    k -= 1;
  memcpy(stem, w, k);
  stem[k] = 0;
  count(t, stem, k);
  TEMP_FREE(stem);
}

/* "prev word" as one key, built in scratch. */
static void count_bigram(struct table *t, const char *prev, size_t pn, const char *w, size_t n) {
  TEMP(char, key, 2 * MAXWORD + 2);
  memcpy(key, prev, pn);
  key[pn] = ' ';
  memcpy(key + pn + 1, w, n);
  count(t, key, pn + 1 + n);
  TEMP_FREE(key);
}

/* One word of the text: copied out (its own length), lowercased, counted as
 * itself, as its stem and as a bigram with the previous word. Returns the
 * length of the lowercased copy kept in prev. */
static size_t word(struct table *t, const char *s, size_t n, char *prev, size_t pn) {
  TEMPN(char, w, n + 1, MAXWORD + 1);
  for (size_t i = 0; i < n; i++)
    w[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] | 0x20) : s[i];
  w[n] = 0;
  t->words++;
  count(t, w, n);
  count_stem(t, w, n);
  if (pn)
    count_bigram(t, prev, pn, w, n);
  memcpy(prev, w, n + 1);
  TEMP_FREE(w);
  return n;
}

static void tokenize(struct table *t, const char *text) {
  TEMP(char, prev, MAXWORD + 1);
  size_t pn = 0;
  const char *p = text;
  while (*p) {
    while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
      p++;
    const char *s = p;
    while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
      p++;
    size_t n = (size_t)(p - s);
    if (n > MAXWORD)
      n = MAXWORD;
    if (n)
      pn = word(t, s, n, prev, pn);
  }
  TEMP_FREE(prev);
}

/* The TOP most frequent entries (heap array, returned). */
API static struct entry **top_words(const struct table *t) {
  struct entry **top = need(calloc(TOP, sizeof *top));
  for (int b = 0; b < BUCKETS; b++)
    for (struct entry *e = t->bucket[b]; e; e = e->next) {
      int i = TOP;
      while (i > 0 && (!top[i - 1] || top[i - 1]->count < e->count ||
                       (top[i - 1]->count == e->count && strcmp(top[i - 1]->word, e->word) > 0)))
        i--;
      if (i < TOP) {
        memmove(top + i + 1, top + i, (TOP - 1 - (size_t)i) * sizeof *top);
        top[i] = e;
      }
    }
  return top;
}

static void table_free(struct table *t) {
  for (int b = 0; b < BUCKETS; b++)
    for (struct entry *e = t->bucket[b], *next; e; e = next) {
      next = e->next;
      free(e->word);
      free(e);
    }
  free(t);
}

int main(int argc, char **argv) {
  long rounds = scaled(argc, argv, 200);
  char *docs[NDOCS];
  for (int i = 0; i < NDOCS; i++)
    docs[i] = gen_doc();
  uint64_t h = 0;
  for (long r = 0; r < rounds; r++)
    for (int i = 0; i < NDOCS; i++) {
      struct table *t = need(calloc(1, sizeof *t));
      tokenize(t, docs[i]);
      struct entry **top = top_words(t);
      h = mix(h, (uint64_t)t->words * 100000 + (uint64_t)t->distinct);
      for (int k = 0; k < TOP && top[k]; k++)
        h = mix_bytes(mix(h, (uint64_t)top[k]->count), top[k]->word, strlen(top[k]->word));
      free(top);
      table_free(t);
    }
  for (int i = 0; i < NDOCS; i++)
    free(docs[i]);
  printf("tokenize: %ld rounds of %d documents, checksum %016llx\n", rounds, NDOCS, (unsigned long long)h);
  return 0;
}
