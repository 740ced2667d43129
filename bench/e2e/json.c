/* A JSON-like parser: a set of generated documents is parsed again and again
 * into trees of heap nodes (the nodes and their strings outlive the functions
 * that make them: heap), each tree is queried, summed and freed. The parser's
 * scratch (the unescape buffer of a string, the digits of a number, the
 * container stacks of the parser and of the walks, a path query's segment)
 * is function-local: TEMP.
 *   json [SCALE-PERCENT]   prints a checksum */
#include "common.h"

enum { J_NULL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jv {
  int kind, n;            /* n: children of an array or object */
  long num;
  char *str;              /* J_STR: the unescaped text */
  char *key;              /* a member of an object: its key */
  struct jv *first, *next;
};

#define MAXDEPTH 32
#define NDOCS 48

/* ---- generating the documents (once, not timed apart) ---- */

static const char *const keys[] = {"id", "name", "tags", "price", "items", "user\\u0041gent",
                                   "created_at", "qty", "notes", "a\\tb", "enabled", "ref"};
static const char *const words[] = {"alpha", "beta\\n", "gamma", "quote\\\"d", "delta epsilon",
                                    "zeta", "\\u00e9t\\u00e9", "path\\/to", "x", "lorem ipsum dolor"};

struct text {
  char *s;
  size_t len, cap;
};

static void put(struct text *t, const char *s) {
  size_t n = strlen(s);
  if (t->len + n + 1 > t->cap) {
    t->cap = (t->len + n + 1) * 2;
    t->s = need(realloc(t->s, t->cap));
  }
  memcpy(t->s + t->len, s, n + 1);
  t->len += n;
}

static void gen_value(struct text *t, int depth) {
  unsigned r = rng_below(depth >= 4 ? 6 : 10);
  char num[32];
  if (r < 2) {
    snprintf(num, sizeof num, "%ld", (long)rng_below(2000000) - 1000000);
    put(t, num);
  } else if (r < 4) {
    put(t, "\"");
    put(t, words[rng_below(10)]);
    put(t, "\"");
  } else if (r == 4) {
    put(t, "null");
  } else if (r == 5) {
    snprintf(num, sizeof num, "%u", rng_below(100));
    put(t, num);
  } else if (r < 8) {
    unsigned n = rng_below(7);
    put(t, "[");
    for (unsigned i = 0; i < n; i++) {
      if (i)
        put(t, ", ");
      gen_value(t, depth + 1);
    }
    put(t, "]");
  } else {
    unsigned n = 1 + rng_below(7);
    put(t, "{");
    for (unsigned i = 0; i < n; i++) {
      put(t, i ? ", \"" : "\"");
      put(t, keys[rng_below(12)]);
      put(t, "\": ");
      gen_value(t, depth + 1);
    }
    put(t, "}");
  }
}

static char *gen_doc(void) {
  struct text t = {0};
  put(&t, "{\"items\": [");
  for (int i = 0; i < 3; i++) {
    if (i)
      put(&t, ",\n ");
    gen_value(&t, 1);
  }
  put(&t, "], \"id\": 7, \"name\": \"doc\"}");
  return t.s;
}

/* ---- the parser ---- */

static size_t ws(const char *s, size_t p) {
  while (s[p] == ' ' || s[p] == '\n' || s[p] == '\t' || s[p] == '\r')
    p++;
  return p;
}

static unsigned hex4(const char *s) {
  unsigned v = 0;
  for (int i = 0; i < 4; i++) {
    char c = s[i];
    v = v * 16 + (unsigned)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return v;
}

/* The string at s[*pp] (opening quote), unescaped into a scratch buffer and
 * returned as a heap copy of its exact length. */
static char *parse_string(const char *s, size_t *pp) {
  TEMP(char, buf, 256);
  size_t p = *pp + 1, n = 0;
  while (s[p] != '"') {
    unsigned c = (unsigned char)s[p++];
    if (c == '\\') {
      c = (unsigned char)s[p++];
      switch (c) {
      case 'n': c = '\n'; break;
      case 't': c = '\t'; break;
      case 'r': c = '\r'; break;
      case 'b': c = '\b'; break;
      case 'f': c = '\f'; break;
      case 'u':
        c = hex4(s + p);
        p += 4;
        if (c >= 0x80 && n < 254) { /* UTF-8, two bytes (the generator stays below 0x800) */
          buf[n++] = (char)(0xC0 | (c >> 6));
          c = 0x80 | (c & 0x3F);
        }
        break;
      default: break; /* \" \\ \/ */
      }
    }
    if (n < 255)
      buf[n++] = (char)c;
  }
  *pp = p + 1;
  char *out = need(malloc(n + 1));
  memcpy(out, buf, n);
  out[n] = 0;
  TEMP_FREE(buf);
  return out;
}

static long digits_value(const char *d, size_t n) {
  long v = 0;
  int neg = 0;
  size_t i = 0;
  if (n && d[0] == '-') {
    neg = 1;
    i = 1;
  }
  for (; i < n; i++)
    v = v * 10 + (d[i] - '0');
  return neg ? -v : v;
}

/* The number at s[*pp]: its characters copied out (as a parser does before
 * strtod), then converted. */
static long parse_number(const char *s, size_t *pp) {
  TEMP(char, digits, 32);
  size_t p = *pp, n = 0;
  while ((s[p] >= '0' && s[p] <= '9') || s[p] == '-') {
    if (n < 31)
      digits[n++] = s[p];
    p++;
  }
  digits[n] = 0;
  long v = digits_value(digits, n);
  *pp = p;
  TEMP_FREE(digits);
  return v;
}

static struct jv *node_new(int kind) {
  struct jv *v = need(malloc(sizeof *v));
  v->kind = kind;
  v->n = 0;
  v->num = 0;
  v->str = v->key = NULL;
  v->first = v->next = NULL;
  return v;
}

/* Iterative: the open containers and their last children on two scratch
 * stacks. Returns the root. */
static struct jv *parse_doc(const char *s) {
  TEMP(struct jv *, open, MAXDEPTH);
  TEMP(struct jv *, last, MAXDEPTH);
  struct jv *root = NULL;
  size_t p = 0;
  int depth = 0;
  for (;;) {
    p = ws(s, p);
    if (depth && (s[p] == ']' || s[p] == '}')) {
      p++; /* an empty container closes */
      depth--;
    } else {
      char *key = NULL;
      if (depth && open[depth - 1]->kind == J_OBJ) {
        key = parse_string(s, &p);
        p = ws(s, ws(s, p) + 1); /* ':' */
      }
      struct jv *v;
      switch (s[p]) {
      case '{': v = node_new(J_OBJ); p++; break;
      case '[': v = node_new(J_ARR); p++; break;
      case '"': v = node_new(J_STR); v->str = parse_string(s, &p); break;
      case 'n': v = node_new(J_NULL); p += 4; break;
      default: v = node_new(J_NUM); v->num = parse_number(s, &p); break;
      }
      v->key = key;
      if (!depth) {
        root = v;
      } else {
        if (last[depth - 1])
          last[depth - 1]->next = v;
        else
          open[depth - 1]->first = v;
        last[depth - 1] = v;
        open[depth - 1]->n++;
      }
      if (v->kind == J_ARR || v->kind == J_OBJ) {
        open[depth] = v;
        last[depth] = NULL;
        depth++;
        continue;
      }
    }
    /* after a value: a comma, or closing brackets */
    while (depth) {
      p = ws(s, p);
      if (s[p] == ',') {
        p++;
        break;
      }
      p++;
      depth--;
    }
    if (!depth)
      break;
  }
  TEMP_FREE(open);
  TEMP_FREE(last);
  return root;
}

/* ---- using the tree ---- */

static uint64_t doc_sum(const struct jv *root) {
  TEMP(const struct jv *, stack, 128);
  int sp = 0;
  uint64_t h = 1469598103934665603ull;
  stack[sp++] = root;
  while (sp) {
    const struct jv *v = stack[--sp];
    h = mix(h, (uint64_t)v->kind * 31 + (uint64_t)v->n);
    if (v->key)
      h = mix_bytes(h, v->key, strlen(v->key));
    if (v->kind == J_NUM)
      h = mix(h, (uint64_t)v->num);
    else if (v->kind == J_STR)
      h = mix_bytes(h, v->str, strlen(v->str));
    for (const struct jv *c = v->first; c && sp < 128; c = c->next)
      stack[sp++] = c;
  }
  TEMP_FREE(stack);
  return h;
}

/* "items.1.name"-style lookup: each segment copied out of the path. */
static const struct jv *lookup(const struct jv *v, const char *path) {
  TEMP(char, seg, 64);
  while (v && *path) {
    size_t n = 0;
    while (*path && *path != '.' && n < 63)
      seg[n++] = *path++;
    seg[n] = 0;
    if (*path == '.')
      path++;
    const struct jv *c = v->first;
    if (v->kind == J_ARR) {
      long i = digits_value(seg, n);
      while (c && i-- > 0)
        c = c->next;
    } else {
      while (c && strcmp(c->key, seg) != 0)
        c = c->next;
    }
    v = c;
  }
  TEMP_FREE(seg);
  return v;
}

static void doc_free(struct jv *root) {
  TEMP(struct jv *, stack, 128);
  int sp = 0;
  stack[sp++] = root;
  while (sp) {
    struct jv *v = stack[--sp];
    for (struct jv *c = v->first; c; c = c->next)
      stack[sp++] = c;
    free(v->key);
    free(v->str);
    free(v);
  }
  TEMP_FREE(stack);
}

int main(int argc, char **argv) {
  long rounds = scaled(argc, argv, 7500);
  static char *docs[NDOCS];
  static const char *const queries[] = {"items.0", "items.1.name", "items.2.0", "id", "name"};
  for (int i = 0; i < NDOCS; i++)
    docs[i] = gen_doc();
  uint64_t h = 0;
  for (long r = 0; r < rounds; r++) {
    for (int i = 0; i < NDOCS; i++) {
      struct jv *root = parse_doc(docs[i]);
      h = mix(h, doc_sum(root));
      const struct jv *q = lookup(root, queries[(r + i) % 5]);
      h = mix(h, q ? (uint64_t)q->kind + (uint64_t)q->n : 99);
      doc_free(root);
    }
  }
  for (int i = 0; i < NDOCS; i++)
    free(docs[i]);
  printf("json: %ld rounds of %d documents, checksum %016llx\n", rounds, NDOCS, (unsigned long long)h);
  return 0;
}
