/* A request handler: HTTP-like request texts are parsed into a request tree
 * (the request, its path segments, headers and query parameters: heap,
 * returned to the caller), routed through a trie built at start-up (heap,
 * long-lived), answered with a response whose body is built on the heap and
 * returned, and both trees are dropped. The per-request scratch (a
 * lowercased header name, the percent-decoding buffer, a path segment
 * compared with the routes) is function-local: TEMP.
 *   reqtree [SCALE-PERCENT]   prints a checksum */
#include "common.h"

struct kv { /* a header or a query parameter */
  char *key, *val;
  struct kv *next;
};
struct seg {
  char *name;
  struct seg *next;
};
struct request {
  char method[8];
  int nseg, nhdr, nparam;
  struct seg *segs;
  struct kv *headers, *params;
};
struct response {
  int status;
  char *body;
  size_t len;
  struct kv *headers;
};
struct route { /* the router's trie: heap, built once */
  char name[16];
  int handler;
  struct route *child, *sibling;
};
struct cursor {
  const char *s;
  size_t p;
  int line;
};

static const char *const segwords[] = {"api", "v1", "v2", "users", "orders", "items", "Search",
                                       "static", "img", "42", "7", "me", "Cart", "checkout"};
static const char *const hdrnames[] = {"Host", "User-Agent", "Accept", "Accept-Encoding",
                                       "Cookie", "X-Request-Id", "Content-Type", "Authorization"};
static const char *const hdrvals[] = {"example.org", "Mozilla/5.0 (X11; Linux x86_64)", "*/*",
                                      "gzip, deflate", "session=abc123; theme=dark",
                                      "4bf92f3577b34da6", "application/json", "Bearer eyJhbGciOi"};
static const char *const qkeys[] = {"q", "page", "sort", "filter", "lang"};
static const char *const qvals[] = {"hello%20world", "2", "price%2Cdesc", "a%3Db", "pt-PT"};

static char *dup_n(const char *s, size_t n) {
  char *d = need(malloc(n + 1));
  memcpy(d, s, n);
  d[n] = 0;
  return d;
}

/* ---- generating a request text ---- */

static size_t gen_request(char *out) {
  size_t n = 0;
  const char *m = rng_below(4) ? "GET " : "POST ";
  n += (size_t)sprintf(out + n, "%s", m);
  unsigned nseg = 1 + rng_below(5);
  for (unsigned i = 0; i < nseg; i++)
    n += (size_t)sprintf(out + n, "/%s", segwords[rng_below(14)]);
  unsigned nq = rng_below(4);
  for (unsigned i = 0; i < nq; i++)
    n += (size_t)sprintf(out + n, "%c%s=%s", i ? '&' : '?', qkeys[rng_below(5)], qvals[rng_below(5)]);
  n += (size_t)sprintf(out + n, " HTTP/1.1\r\n");
  unsigned nh = 2 + rng_below(7);
  for (unsigned i = 0; i < nh; i++) {
    unsigned k = rng_below(8);
    n += (size_t)sprintf(out + n, "%s: %s\r\n", hdrnames[k], hdrvals[(k + rng_below(2)) % 8]);
  }
  n += (size_t)sprintf(out + n, "\r\n");
  return n;
}

/* ---- parsing ---- */

static int hexval(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

/* s[0..n) percent-decoded into a scratch buffer, returned as a heap copy. */
static char *decode(const char *s, size_t n) {
  TEMP(char, buf, 256);
  size_t k = 0;
  for (size_t i = 0; i < n && k < 255; i++) {
    if (s[i] == '%' && i + 2 < n + 1) {
      buf[k++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
      i += 2;
    } else {
      buf[k++] = s[i] == '+' ? ' ' : s[i];
    }
  }
  char *d = dup_n(buf, k);
  TEMP_FREE(buf);
  return d;
}

static void parse_target(struct request *rq, const char *s, size_t n) {
  struct seg **tail = &rq->segs;
  size_t i = 0;
  while (i < n && s[i] == '/') {
    size_t j = ++i;
    while (j < n && s[j] != '/' && s[j] != '?')
      j++;
    struct seg *g = need(malloc(sizeof *g));
    g->name = dup_n(s + i, j - i);
    g->next = NULL;
    *tail = g;
    tail = &g->next;
    rq->nseg++;
    i = j;
  }
  struct kv **ptail = &rq->params;
  while (i < n && (s[i] == '?' || s[i] == '&')) {
    size_t k = ++i;
    while (k < n && s[k] != '=')
      k++;
    size_t v = k + 1, e = v;
    while (e < n && s[e] != '&')
      e++;
    struct kv *p = need(malloc(sizeof *p));
    p->key = decode(s + i, k - i);
    p->val = decode(s + v, e - v);
    p->next = NULL;
    *ptail = p;
    ptail = &p->next;
    rq->nparam++;
    i = e;
  }
}

/* One "Name: value" line at the cursor; the name is lowercased in scratch
 * and stored as a heap copy. Returns 0 at the blank line. */
static struct kv *parse_header(struct cursor *c) {
  const char *s = c->s + c->p;
  if (s[0] == '\r')
    return NULL;
  TEMP(char, lname, 64);
  size_t n = 0;
  while (s[n] != ':' && n < 63) {
    char ch = s[n];
    lname[n++] = (ch >= 'A' && ch <= 'Z') ? (char)(ch | 0x20) : ch;
  }
  size_t v = n + 1;
  while (s[v] == ' ')
    v++;
  size_t e = v;
  while (s[e] != '\r')
    e++;
  struct kv *h = need(malloc(sizeof *h));
  h->key = dup_n(lname, n);
  h->val = dup_n(s + v, e - v);
  h->next = NULL;
  c->p += e + 2;
  c->line++;
  TEMP_FREE(lname);
  return h;
}

API static struct request *parse_request(const char *text) {
  struct cursor cur = {text, 0, 0}, *c = &cur;
  struct request *rq = need(calloc(1, sizeof *rq));
  size_t m = 0;
  while (text[m] != ' ' && m < 7) {
    rq->method[m] = text[m];
    m++;
  }
  size_t t = m + 1, e = t;
  while (text[e] != ' ')
    e++;
  parse_target(rq, text + t, e - t);
  while (text[c->p] != '\n')
    c->p++;
  c->p++;
  struct kv **tail = &rq->headers;
  struct kv *h;
  while ((h = parse_header(c))) {
    *tail = h;
    tail = &h->next;
    rq->nhdr++;
  }
  return rq;
}

/* ---- routing and answering ---- */

static struct route *route_add(struct route *parent, const char *name, int handler) {
  struct route *r = parent->child;
  while (r && strcmp(r->name, name) != 0)
    r = r->sibling;
  if (!r) {
    r = need(calloc(1, sizeof *r));
    snprintf(r->name, sizeof r->name, "%s", name);
    r->sibling = parent->child;
    parent->child = r;
  }
  if (handler)
    r->handler = handler;
  return r;
}

API static struct route *build_routes(void) {
  struct route *root = need(calloc(1, sizeof *root));
  int handler = 1;
  for (int a = 0; a < 14; a++)
    for (int b = 0; b < 14; b += 3) {
      struct route *r = route_add(root, segwords[a], 0);
      for (char *p = r->name; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
          *p |= 0x20;
      struct route *q = route_add(r, segwords[b], handler++);
      for (char *p = q->name; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
          *p |= 0x20;
    }
  return root;
}

static void free_routes(struct route *r) {
  while (r) {
    struct route *next = r->sibling;
    struct route *c = r->child;
    while (c) {
      struct route *cn = c->sibling;
      free(c);
      c = cn;
    }
    free(r);
    r = next;
  }
}

/* The handler of the longest matching prefix; segments compared lowercased. */
static int route(const struct route *root, const struct request *rq) {
  TEMP(char, seg, 64);
  int handler = 404;
  const struct route *at = root;
  for (const struct seg *g = rq->segs; g && at; g = g->next) {
    size_t n = 0;
    for (const char *p = g->name; *p && n < 63; p++)
      seg[n++] = (*p >= 'A' && *p <= 'Z') ? (char)(*p | 0x20) : *p;
    seg[n] = 0;
    const struct route *c = at->child;
    while (c && strcmp(c->name, seg) != 0)
      c = c->sibling;
    if (c && c->handler)
      handler = c->handler;
    at = c;
  }
  TEMP_FREE(seg);
  return handler;
}

static void body_put(struct response *r, size_t *cap, const char *s, size_t n) {
  if (r->len + n + 1 > *cap) {
    while (r->len + n + 1 > *cap)
      *cap *= 2;
    r->body = need(realloc(r->body, *cap));
  }
  memcpy(r->body + r->len, s, n);
  r->len += n;
  r->body[r->len] = 0;
}

API static struct response *respond(const struct request *rq, int handler) {
  struct response *r = need(malloc(sizeof *r));
  size_t cap = 128;
  r->status = handler == 404 ? 404 : 200;
  r->body = need(malloc(cap));
  r->len = 0;
  r->headers = NULL;
  body_put(r, &cap, "{\"handler\":", 11);
  char num[16];
  int k = snprintf(num, sizeof num, "%d", handler);
  body_put(r, &cap, num, (size_t)k);
  for (const struct kv *p = rq->params; p; p = p->next) {
    body_put(r, &cap, ",\"", 2);
    body_put(r, &cap, p->key, strlen(p->key));
    body_put(r, &cap, "\":\"", 3);
    body_put(r, &cap, p->val, strlen(p->val));
    body_put(r, &cap, "\"", 1);
  }
  body_put(r, &cap, "}", 1);
  for (const struct kv *h = rq->headers; h; h = h->next)
    if (h->key[0] == 'a' || h->key[0] == 'x') { /* echoed: accept*, x-request-id */
      struct kv *e = need(malloc(sizeof *e));
      e->key = dup_n(h->key, strlen(h->key));
      e->val = dup_n(h->val, strlen(h->val));
      e->next = r->headers;
      r->headers = e;
    }
  return r;
}

static void free_kvs(struct kv *p) {
  while (p) {
    struct kv *next = p->next;
    free(p->key);
    free(p->val);
    free(p);
    p = next;
  }
}

API static void free_request(struct request *rq) {
  for (struct seg *g = rq->segs, *next; g; g = next) {
    next = g->next;
    free(g->name);
    free(g);
  }
  free_kvs(rq->headers);
  free_kvs(rq->params);
  free(rq);
}

API static void free_response(struct response *r) {
  free_kvs(r->headers);
  free(r->body);
  free(r);
}

int main(int argc, char **argv) {
  long requests = scaled(argc, argv, 1200000);
  static char texts[64][1024];
  for (int i = 0; i < 64; i++)
    gen_request(texts[i]);
  struct route *routes = build_routes();
  uint64_t h = 0;
  for (long i = 0; i < requests; i++) {
    struct request *rq = parse_request(texts[i % 64]);
    int handler = route(routes, rq);
    struct response *rs = respond(rq, handler);
    h = mix(h, (uint64_t)rs->status * 1000 + (uint64_t)rq->nseg * 100 + (uint64_t)rq->nhdr * 10 + (uint64_t)rq->nparam);
    h = mix_bytes(h, rs->body, rs->len);
    for (const struct kv *e = rs->headers; e; e = e->next)
      h = mix_bytes(h, e->val, strlen(e->val));
    free_response(rs);
    free_request(rq);
  }
  free_routes(routes->child);
  free(routes);
  printf("reqtree: %ld requests, checksum %016llx\n", requests, (unsigned long long)h);
  return 0;
}
