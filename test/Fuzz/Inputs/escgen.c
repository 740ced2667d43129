// escgen: random allocation-heavy C programs for differential testing of the
// heap-to-stack rewrite.
//
//   escgen SEED [COUNT]   writes one program to stdout holding COUNT
//                         independent sub-programs (seeds SEED..SEED+COUNT-1);
//                         each prints "seed N: CHECKSUM".
//
// The output depends only on the seed. Programs are free of undefined
// behaviour by construction: every local pointer variable holds either NULL
// or the only reference to a live, fully initialised object of the size kept
// next to it; ownership moves (into a global slot, a box, another variable)
// clear the source; frees clear the variable; every use is guarded by a NULL
// check. Addresses never reach the checksum. Leaks are allowed.
//
// About 30% of the functions also build growable buffers (growable_buffer()):
// local buffers grown with realloc, for the plugin's starts-on-stack rewrite.
//
// About 40% of the seeds also get deep recursion (recursion()): a directly
// recursive function, a pair of mutually recursive ones, or both, whose
// heap temporaries (64..1024 bytes, some of variable size) are live across
// the recursive call. The depth is a run-time value (vseed) chosen so that a
// stack slot per level for any one of the big constant-size temporaries
// needs over 10 MiB, while the recursion's own frames (no address-taken
// locals) need about 3 MiB at most, even at -O0 or under ASan: well within
// the usual 8 MiB. Those decisions come from a second random stream, so the
// rest of a seed's program is the same as without recursion.
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NVARS = 4, NSLOTS = 8 };

static uint64_t rng;

static uint64_t next(void) { // splitmix64
  uint64_t z = (rng += 0x9e3779b97f4a7c15u);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

static int pick(int n) { return (int)(next() % (uint64_t)n); }
static int chance(int percent) { return pick(100) < percent; }

static int indent;

static void out(const char *fmt, ...) {
  va_list ap;
  printf("%*s", indent * 2, "");
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  putchar('\n');
}

// A size expression: a constant (0, small, at and over the plugin's limits)
// or a value the optimizer cannot see.
static void size_expr(char *buf, size_t len) {
  static const int sizes[] = {0,  1,   3,   8,   15,   16,   17,   24,
                              32, 48,  64,  100, 128,  255,  256,  257,
                              512, 1000, 1024, 1025, 2048, 4096, 5000, 70000};
  int n = (int)(sizeof sizes / sizeof *sizes);
  int k = pick(n);
  if (sizes[k] >= 4096 && chance(70))
    k = pick(n / 2);
  if (chance(35))
    snprintf(buf, len, "vsize(%d)", pick(64));
  else
    snprintf(buf, len, "%d", sizes[k]);
}

// A condition that varies at run time: on the function's argument s.
static void cond_expr(char *buf, size_t len) {
  int a = pick(7);
  snprintf(buf, len, "((s + %d) %% %d == 0)", a, 2 + pick(3));
}

static void library(void) {
  puts("#include <stdint.h>\n"
       "#include <stdio.h>\n"
       "#include <stdlib.h>\n"
       "#include <string.h>\n"
       "#define NOINLINE __attribute__((noinline))\n"
       "typedef unsigned char u8;\n"
       "struct box { u8 *p; size_t n; struct box *next; };\n"
       "static unsigned long chk;\n"
       "static volatile unsigned vseed = 12345;\n"
       "void *g_slot[8];\n"
       "size_t g_size[8];\n"
       "static void mix(unsigned long v) { chk = chk * 1000003u + v; }\n"
       "static size_t vsize(unsigned k) {\n"
       "  static const size_t t[] = {0, 1, 7, 16, 24, 31, 64, 200, 255, 256, 257, 700, 1024, 1025, 3000, 9000};\n"
       "  return t[(vseed * 7 + k) % 16];\n"
       "}\n"
       "NOINLINE unsigned long rd(const u8 *p, size_t n) {\n"
       "  unsigned long s = 0;\n"
       "  for (size_t i = 0; i < n; i++) s = s * 31 + p[i];\n"
       "  return s;\n"
       "}\n"
       "static inline unsigned long rd_in(const u8 *p, size_t n) {\n"
       "  unsigned long s = 7;\n"
       "  for (size_t i = 0; i < n; i += 3) s = s * 17 + p[i];\n"
       "  return s;\n"
       "}\n"
       "NOINLINE void wr(u8 *p, size_t n, unsigned s) {\n"
       "  for (size_t i = 0; i < n; i++) p[i] = (u8)(s + i * 7);\n"
       "}\n"
       "static inline void wr_in(u8 *p, size_t n, unsigned s) {\n"
       "  for (size_t i = 0; i < n; i++) p[i] = (u8)(s ^ i);\n"
       "}\n"
       "NOINLINE u8 *id(u8 *p) { return p; }\n"
       "NOINLINE u8 *either(u8 *a, u8 *b, int c) { return c ? a : b; }\n"
       "NOINLINE void keep(int k, u8 *p, size_t n) { free(g_slot[k]); g_slot[k] = p; g_size[k] = n; }\n"
       "NOINLINE u8 *take(int k, size_t *n) {\n"
       "  u8 *p = g_slot[k];\n"
       "  *n = g_size[k];\n"
       "  g_slot[k] = NULL;\n"
       "  g_size[k] = 0;\n"
       "  return p;\n"
       "}\n"
       "NOINLINE void release(u8 *p) { free(p); }\n"
       "NOINLINE u8 *make(size_t n, unsigned s) { u8 *p = malloc(n); if (p) wr(p, n, s); return p; }\n"
       "NOINLINE unsigned long box_sum(const struct box *b) {\n"
       "  unsigned long s = 0;\n"
       "  for (; b; b = b->next) s = s * 3 + (b->p ? rd(b->p, b->n) : 1);\n"
       "  return s;\n"
       "}\n"
       "NOINLINE unsigned long rec(int d, size_t n, unsigned s) {\n"
       "  u8 *p = malloc(n);\n"
       "  if (!p) return 0;\n"
       "  wr(p, n, s);\n"
       "  unsigned long r = rd(p, n);\n"
       "  if (d > 0) r += rec(d - 1, n, s + 1) * 3;\n"
       "  if (d & 1) free(p); else release(p);\n"
       "  return r;\n"
       "}\n"
       "NOINLINE unsigned long peek(const u8 *p, size_t n, size_t i) {\n"
       "  return p[i % n] * 131u + p[n - 1] + n;\n"
       "}\n"
       "NOINLINE void poke(u8 *p, size_t n, size_t i, unsigned v) {\n"
       "  p[i % n] = (u8)v;\n"
       "  p[0] ^= (u8)(v >> 3);\n"
       "}\n"
       "static size_t rsize(unsigned k) {\n"
       "  static const size_t t[] = {64, 100, 128, 256, 300, 512, 777, 1024};\n"
       "  return t[(vseed * 5 + k) % 8];\n"
       "}\n"
       "struct node { struct node *next; u8 *buf; size_t n; unsigned key; };\n"
       "struct tnode { struct tnode *l, *r; unsigned key; };\n"
       "struct rec { unsigned key; u8 *data; size_t n; };\n"
       "struct bufs { u8 *a, *b, *c; size_t na, nb, nc; };\n"
       "struct pcopy { unsigned tag; u8 *p; size_t n; };\n"
       "volatile uintptr_t g_addr;\n"
       "NOINLINE void link(struct node *a, struct node *b) { a->next = b; }\n"
       "NOINLINE void push(struct node **h, struct node *n) { n->next = *h; *h = n; }\n"
       "NOINLINE unsigned long walk(const struct node *h) {\n"
       "  unsigned long s = 11;\n"
       "  for (; h; h = h->next) s = s * 5 + h->key + (h->buf ? rd(h->buf, h->n) : 0);\n"
       "  return s;\n"
       "}\n"
       "NOINLINE void node_free(struct node *h) { if (h) { free(h->buf); free(h); } }\n"
       "NOINLINE void list_free(struct node *h) {\n"
       "  while (h) { struct node *nx = h->next; free(h->buf); free(h); h = nx; }\n"
       "}\n"
       "NOINLINE void set_kids(struct tnode *t, struct tnode *l, struct tnode *r) { t->l = l; t->r = r; }\n"
       "NOINLINE unsigned long tree_sum(const struct tnode *t) {\n"
       "  return t ? t->key * 7u + tree_sum(t->l) * 3u + tree_sum(t->r) * 5u : 1;\n"
       "}\n"
       "NOINLINE void tree_free(struct tnode *t) { if (t) { tree_free(t->l); tree_free(t->r); free(t); } }\n"
       "NOINLINE unsigned long tab_sum(struct rec *const *t, size_t k) {\n"
       "  unsigned long s = 3;\n"
       "  for (size_t i = 0; i < k; i++)\n"
       "    s = s * 9 + (t[i] ? t[i]->key + (t[i]->data ? rd(t[i]->data, t[i]->n) : 0) : 1);\n"
       "  return s;\n"
       "}\n"
       "NOINLINE unsigned long bufs_sum(const struct bufs *b) {\n"
       "  return (b->a ? rd(b->a, b->na) : 1) * 7 + (b->b ? rd(b->b, b->nb) : 2) * 3 +\n"
       "         (b->c ? rd(b->c, b->nc) : 5);\n"
       "}\n"
       "NOINLINE void bufs_free(struct bufs *b) { free(b->a); free(b->b); free(b->c); free(b); }\n"
       "NOINLINE uintptr_t launder(uintptr_t k) { return k; }\n"
       "NOINLINE void g_clear(void) {\n"
       "  for (int k = 0; k < 8; k++) { free(g_slot[k]); g_slot[k] = NULL; g_size[k] = 0; }\n"
       "}");
}

static char prefix[32];
static int nfuncs;

// Growable buffers: a local allocation grown with realloc starts on the stack
// when every realloc result stays in the function, and a realloc of what may
// still be the stack buffer becomes malloc + copy. The shapes below exercise
// that rewrite: builders that stay within their first capacity (the stack
// path) and ones that pass it (the heap path, sometimes past 256 and 1024
// bytes), shrinking, realloc(p, 0), a buffer per loop iteration, a pointer
// that may be NULL; and, to be refused, buffers that leave the function. They
// stay free of undefined behaviour like the rest: a realloc's new tail is
// written before it is read, the old pointer is dead after a successful
// realloc and freed after a failed one, and a realloc(p, 0) result is only
// freed, since whether it is NULL depends on the allocator (the C library,
// libescrt, the rewrite's malloc for a stack buffer).

static int grows;            // whether the current function gets growable buffers
static int has_grown_helper; // whether the subprogram has <prefix>grown
static int grown_first;      // <prefix>grown's first capacity (-1: not constant)

// A first capacity in elements: a constant, or one the optimizer cannot see
// of 1..300 (on both sides of the stack limit for bytes). Returns the
// constant, or -1.
static int first_capacity(char *buf, size_t len) {
  static const int sizes[] = {1, 2, 4, 8, 16, 24, 32, 64, 100, 128, 200, 256, 257, 512, 1024, 1025};
  if (chance(25)) {
    int mul = 1 + 2 * pick(20), add = pick(300); // in this order, whatever the compiler
    snprintf(buf, len, "(1 + (s * %d + %d) %% 300)", mul, add);
    return -1;
  }
  int size = sizes[pick((int)(sizeof sizes / sizeof *sizes))];
  snprintf(buf, len, "%d", size);
  return size;
}

// A number of elements to append to a buffer of first capacity first (-1:
// unknown): within it, just past it, well past it, or past 1024.
static void element_count(char *buf, size_t len, int first) {
  static const int ranges[] = {40, 300, 700, 2500};
  int count;
  if (first < 0 || chance(20)) {
    int mul = 1 + 2 * pick(20), add = pick(100), range = ranges[pick(4)];
    snprintf(buf, len, "(s * %d + %d) %% %d", mul, add, range);
    return;
  }
  switch (pick(5)) {
  case 0: count = first / 2; break;
  case 1: count = first; break;
  case 2: count = first + 1 + pick(8); break;
  case 3: count = 2 * first + pick(50); break;
  default: count = 300 + pick(2000); break;
  }
  snprintf(buf, len, "%d", count);
}

// The next capacity after cap: doubled, or cap + a step.
static void next_capacity(char *buf, size_t len, const char *cap) {
  static const int steps[] = {4, 16, 64, 300};
  if (chance(50))
    snprintf(buf, len, "%s * 2", cap);
  else
    snprintf(buf, len, "%s + %d", cap, steps[pick(4)]);
}

// What happens to a finished buffer ptr of bytes bytes (NULL or fully
// initialised): mostly freed here, which the rewrite needs; otherwise moved to
// the variable v<var> (and on to whatever the function does with it), or
// stored to a global, or given to callees that keep or free it, which leave it
// on the heap.
static void buffer_destination(const char *ptr, const char *bytes, int var) {
  switch (pick(10)) {
  case 0:
    out("free(v%d); v%d = (u8 *)%s; n%d = %s;", var, var, ptr, var, bytes);
    break;
  case 1: {
    int k = pick(NSLOTS);
    out("free(g_slot[%d]); g_slot[%d] = %s; g_size[%d] = %s;", k, k, ptr, k, bytes);
    break;
  }
  case 2:
    out("keep(%d, (u8 *)%s, %s);", pick(NSLOTS), ptr, bytes);
    break;
  case 3:
    out("release((u8 *)%s);", ptr);
    break;
  default:
    out("free(%s);", ptr);
    break;
  }
}

// Grows cap once, or until it holds need (NULL: once), and reallocs buf of
// elements of type to it; on failure frees buf and leaves the loop around it
// with buf NULL.
static void grow_to(const char *type, const char *need) {
  char next[64];
  if (need) {
    next_capacity(next, sizeof next, "ncap");
    out("  size_t ncap = cap;");
    out("  while (%s > ncap) ncap = %s;", need, next);
  } else {
    next_capacity(next, sizeof next, "cap");
    out("  size_t ncap = %s;", next);
  }
  out("  %s *grown = realloc(buf, ncap * sizeof *grown);", type);
  out("  if (!grown) { free(buf); buf = NULL; break; }");
  out("  buf = grown; cap = ncap;");
}

// An array builder appending one element at a time, growing when full.
static void element_builder(int var) {
  static const char *const types[] = {"u8", "unsigned", "uint64_t"};
  const char *type = types[pick(3)];
  char cap[64], count[64];
  element_count(count, sizeof count, first_capacity(cap, sizeof cap));
  out("{ size_t cap = %s, len = 0; %s *buf = malloc(cap * sizeof *buf);", cap, type);
  out("  for (int i = 0; buf && i < %s; i++) {", count);
  indent += 2;
  out("if (len == cap) {");
  grow_to(type, NULL);
  out("}");
  out("buf[len++] = (%s)(s * %d + (unsigned)i);", type, 1 + pick(50));
  indent -= 2;
  out("  }");
  out("  if (buf) mix(%s((const u8 *)buf, len * sizeof *buf));", chance(70) ? "rd" : "rd_in");
  if (chance(30))
    out("  if (buf && len) mix(buf[len / 2]);");
  indent++;
  buffer_destination("buf", "len * sizeof *buf", var);
  indent--;
  out("}");
}

// A string builder appending chunks and keeping a terminating NUL.
static void string_builder(int var) {
  char cap[64], chunk[64];
  first_capacity(cap, sizeof cap);
  if (chance(50))
    snprintf(chunk, sizeof chunk, "%d", 1 + pick(40));
  else
    snprintf(chunk, sizeof chunk, "1 + (s + (unsigned)i) %% %d", 1 + pick(40));
  static const int counts[] = {2, 5, 20, 60, 150};
  out("{ size_t cap = %s, len = 0; u8 *buf = malloc(cap);", cap);
  out("  for (int i = 0; buf && i < %d; i++) {", counts[pick(5)]);
  indent += 2;
  out("size_t chunk = %s;", chunk);
  out("if (len + chunk + 1 > cap) {");
  grow_to("u8", "len + chunk + 1");
  out("}");
  switch (pick(3)) {
  case 0: out("wr(buf + len, chunk, s + (unsigned)i);"); break;
  case 1: out("memset(buf + len, 'a' + i %% 26, chunk);"); break;
  default: out("memcpy(buf + len, \"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH\" + i %% 4, chunk);"); break;
  }
  out("len += chunk;");
  indent -= 2;
  out("  }");
  out("  if (buf) { buf[len] = 0; mix(%s); }",
      chance(50) ? "strlen((const char *)buf)" : "rd(buf, len + 1)");
  indent++;
  buffer_destination("buf", "len + 1", var);
  indent--;
  out("}");
}

// A buffer written, resized to big (mostly a growth), read, then shrunk, or
// resized to 0 (whose result is only freed).
static void grow_then_shrink(void) {
  static const int sizes[] = {1, 8, 16, 64, 200, 256, 300, 1000, 1500};
  enum { NSIZES = sizeof sizes / sizeof *sizes };
  char first[64];
  first_capacity(first, sizeof first);
  int big = sizes[pick(NSIZES)];
  out("{ size_t n = %s; u8 *buf = malloc(n);", first);
  out("  if (buf) {");
  out("    wr(buf, n, s + %d);", pick(100));
  out("    size_t big = %d; u8 *grown = realloc(buf, big);", big);
  out("    if (!grown) free(buf);");
  out("    else {");
  out("      if (big > n) wr_in(grown + n, big - n, s);");
  out("      mix(rd(grown, big));");
  if (chance(20)) {
    out("      free(realloc(grown, 0));");
  } else {
    out("      size_t small = %d; u8 *shrunk = realloc(grown, small);", 1 + pick(big));
    out("      if (!shrunk) free(grown);");
    out("      else { mix(rd(shrunk, small)); free(shrunk); }");
  }
  out("    }");
  out("  } }");
}

// A buffer per loop iteration, grown (or shrunk) in some iterations, freed in
// every one.
static void buffer_per_iteration(void) {
  char first[64];
  first_capacity(first, sizeof first);
  static const char *const resized[] = {"n + (size_t)i * %d", "n * (size_t)(i + 1) + %d",
                                        "1 + n / (size_t)(i + %d)"};
  const char *resize = resized[pick(3)];
  char size[64];
  snprintf(size, sizeof size, resize, 1 + pick(40));
  out("for (int i = 0; i < %d; i++) {", 1 + pick(12));
  out("  size_t n = %s; u8 *buf = malloc(n); if (!buf) continue;", first);
  out("  wr(buf, n, s + (unsigned)i);");
  out("  if (i %% %d == 0) {", 1 + pick(3));
  out("    size_t nn = %s; u8 *grown = realloc(buf, nn);", size);
  out("    if (!grown) { free(buf); continue; }");
  out("    if (nn > n) wr(grown + n, nn - n, s);");
  out("    buf = grown; n = nn;");
  out("  }");
  out("  mix(rd(buf, n)); free(buf);");
  out("}");
}

// realloc of a pointer that is the buffer or NULL (realloc(NULL, n) is
// malloc(n)).
static void grow_maybe_null(const char *cond, int var) {
  char first[64];
  first_capacity(first, sizeof first);
  out("{ size_t n = %s; u8 *buf = %s ? malloc(n) : NULL;", first, cond);
  out("  if (buf) wr(buf, n, s); else n = 0;");
  out("  size_t nn = n + %d; u8 *grown = realloc(buf, nn);", 1 + pick(600));
  out("  if (!grown) free(buf);");
  out("  else {");
  out("    wr_in(grown + n, nn - n, s + 1); mix(rd(grown, nn));");
  indent += 2;
  buffer_destination("grown", "nn", var);
  indent -= 2;
  out("  } }");
}

// <prefix>grown(s, want, &len): a buffer grown in a loop, or by one realloc,
// returned to the caller, which frees it (or inlines the function and keeps
// the buffer local).
static void grown_helper(void) {
  char cap[64];
  grown_first = first_capacity(cap, sizeof cap);
  out("// a growable buffer returned to the caller");
  out("%su8 *%sgrown(unsigned s, size_t want, size_t *len) {",
      chance(50) ? "NOINLINE static " : "static ", prefix);
  indent++;
  if (chance(50)) {
    out("size_t cap = %s, n = 0; u8 *buf = malloc(cap);", cap);
    out("while (buf && n < want) {");
    indent++;
    out("if (n == cap) {");
    grow_to("u8", NULL);
    out("}");
    out("buf[n] = (u8)(s + n * 5); n++;");
    indent--;
    out("}");
    out("*len = buf ? n : 0;");
    out("return buf;");
  } else {
    out("size_t n = %s; u8 *buf = malloc(n);", cap);
    out("if (!buf) { *len = 0; return NULL; }");
    out("wr(buf, n, s);");
    out("if (want <= n) { *len = n; return buf; }");
    out("u8 *grown = realloc(buf, want);");
    out("if (!grown) { free(buf); *len = 0; return NULL; }");
    out("wr(grown + n, want - n, s + 1); *len = want;");
    out("return grown;");
  }
  indent--;
  out("}");
}

// A call of <prefix>grown, its result read and passed on.
static void grown_call(int var) {
  char count[64];
  element_count(count, sizeof count, grown_first);
  out("{ size_t len; u8 *buf = %sgrown(s + %d, %s, &len); if (buf) mix(rd(buf, len));", prefix,
      pick(10), count);
  indent++;
  buffer_destination("buf", "len", var);
  indent--;
  out("}");
}

// One growable-buffer shape; var is a variable the buffer may move to, cond a
// run-time condition.
static void growable_buffer(int var, const char *cond) {
  switch (pick(has_grown_helper ? 7 : 6)) {
  case 0: case 1: element_builder(var); break;
  case 2: string_builder(var); break;
  case 3: grow_then_shrink(); break;
  case 4: buffer_per_iteration(); break;
  case 5: grow_maybe_null(cond, var); break;
  default: grown_call(var); break;
  }
}

// Local linked structures, for -escape-mode=precise: stores through pointers
// into objects of the function itself (obj->f = v) flow into those objects
// instead of the heap, so lists, trees, tables of pointers, structs of
// buffers and structs copied with memcpy that carry a pointer, all built and
// freed in one function, may move to the stack. About 40% of the functions
// get such shapes, each a block of its own added before a statement (so the
// statements themselves are those of the same seed without them): all their
// decisions, and the subprogram's <prefix>mklist helper, come from a third
// random stream (lrng). Besides the shapes that precise mode may move, some
// must stay on the heap: an inner object stored into an outer one that is
// stored to a global slot or returned, objects freed in a NOINLINE callee, a
// node kept across loop iterations, an address round-tripped through
// uintptr_t (stored to a volatile global, or passed to a callee). The same
// rules hold as for the rest: every node, record and struct is fully
// initialised before it is read (calloc'd ones may rely on the zeros), a
// block either allocates all its nodes or frees the ones it got and uses
// none, every object is freed exactly once (through a variable, a pointer
// loaded out of a live node, or a callee), a node is freed only after the
// pointers loaded out of it, and a buffer taken over from v<i> (ownership
// moves: v<i> becomes NULL) goes back to v<i> if it is still NULL, else is
// freed with its node. Addresses are never read as data: a struct is summed
// field by field, and the global slot that receives a node gets size 0.

static uint64_t lrng;       // the linked-structure stream
static int linked;          // whether the current function builds linked structures
static int has_list_helper; // whether the subprogram has <prefix>mklist

static void swap_streams(void) {
  uint64_t t = rng;
  rng = lrng;
  lrng = t;
}

// Initialises node nd (a struct node *, just allocated; zeroed when calloced)
// with key, buffer and size: a malloc'd or calloc'd buffer, none, or (when
// borrow) the buffer of a variable v<i>, which becomes NULL. Returns that i,
// or -1.
static int node_init(const char *nd, int idx, int calloced, int borrow) {
  char sz[48];
  size_expr(sz, sizeof sz);
  if (!calloced || chance(50))
    out("%s->next = NULL;", nd);
  out("%s->key = s * %d + %d;", nd, 1 + 2 * pick(9), idx);
  switch (pick(borrow ? 7 : 6)) {
  case 0:
    if (!calloced || chance(50))
      out("%s->buf = NULL; %s->n = 0;", nd, nd);
    return -1;
  case 1:
    out("%s->n = %s; %s->buf = calloc(%s->n, 1); if (!%s->buf) %s->n = 0;", nd, sz, nd, nd, nd,
        nd);
    return -1;
  case 6: {
    int v = pick(NVARS);
    out("%s->buf = v%d; %s->n = n%d; v%d = NULL; n%d = 0;", nd, v, nd, v, v, v);
    return v;
  }
  default:
    out("%s->n = %s; %s->buf = malloc(%s->n); if (%s->buf) wr(%s->buf, %s->n, s + %d); else "
        "%s->n = 0;",
        nd, sz, nd, nd, nd, nd, nd, pick(100), nd);
    return -1;
  }
}

// Gives the buffer of node nd back to v<var> when v<var> is still NULL (the
// node then frees NULL).
static void give_back(const char *nd, int var) {
  if (var >= 0)
    out("if (!v%d) { v%d = %s->buf; n%d = %s->n; %s->buf = NULL; %s->n = 0; }", var, var, nd, var,
        nd, nd, nd);
}

// "struct node *a0 = malloc(sizeof *a0), ..." for k nodes named <p>0..;
// calloced[i] says which are calloc'd.
static void declare_nodes(const char *type, const char *p, int k, int *calloced) {
  char line[512];
  int len = snprintf(line, sizeof line, "{ %s *", type);
  for (int i = 0; i < k; i++) {
    calloced[i] = chance(30);
    len += snprintf(line + len, sizeof line - (size_t)len, "%s%s%d = ", i ? ", *" : "", p, i);
    if (calloced[i])
      len += snprintf(line + len, sizeof line - (size_t)len, "calloc(1, sizeof *%s%d)", p, i);
    else
      len += snprintf(line + len, sizeof line - (size_t)len, "malloc(sizeof *%s%d)", p, i);
  }
  out("%s;", line);
  len = snprintf(line, sizeof line, "  if (");
  for (int i = 0; i < k; i++)
    len += snprintf(line + len, sizeof line - (size_t)len, "%s%s%d", i ? " && " : "", p, i);
  out("%s) {", line);
}

// The else branch of declare_nodes: frees whichever nodes were allocated.
static void close_nodes(const char *p, int k) {
  char line[256];
  int len = snprintf(line, sizeof line, "  } else {");
  for (int i = 0; i < k; i++)
    len += snprintf(line + len, sizeof line - (size_t)len, " free(%s%d);", p, i);
  out("%s } }", line);
}

// Frees the list from head (a variable) node by node, buffers through the
// pointers loaded out of the nodes; or, to stay on the heap, in a callee.
static void free_list(const char *head) {
  switch (pick(5)) {
  case 0:
    out("list_free(%s);", head);
    break;
  case 1:
    out("while (%s) { struct node *nx = %s->next; node_free(%s); %s = nx; }", head, head, head,
        head);
    break;
  default:
    out("while (%s) { struct node *nx = %s->next; free(%s->buf); free(%s); %s = nx; }", head, head,
        head, head, head);
    break;
  }
}

// A list of 2..5 nodes a0 -> a1 -> ..., linked by stores and by link(),
// walked, and freed node by node.
static void linked_list(void) {
  int k = 2 + pick(4), calloced[8], borrowed[8];
  declare_nodes("struct node", "a", k, calloced);
  indent += 2;
  for (int i = 0; i < k; i++) {
    char nd[8];
    snprintf(nd, sizeof nd, "a%d", i);
    borrowed[i] = node_init(nd, i, calloced[i], 1);
  }
  for (int i = 0; i + 1 < k; i++) {
    if (chance(50))
      out("link(a%d, a%d);", i, i + 1);
    else
      out("a%d->next = a%d;", i, i + 1);
  }
  switch (pick(4)) {
  case 0: out("for (const struct node *w = a0; w; w = w->next) mix(w->key + w->n);"); break;
  case 1: out("mix(walk(a0->next));"); break;
  default: out("mix(walk(a0));"); break;
  }
  if (chance(30)) // a write through a pointer loaded out of a node
    out("if (a0->next->buf && a0->next->n) { a0->next->buf[0] ^= (u8)s; mix(walk(a0)); }");
  for (int i = 0; i < k; i++) {
    char nd[8];
    snprintf(nd, sizeof nd, "a%d", i);
    give_back(nd, borrowed[i]);
  }
  switch (pick(5)) {
  case 0: case 1:
    out("{ struct node *h = a0; a0 = NULL;");
    indent++;
    free_list("h");
    indent--;
    out("}");
    break;
  case 2: { // through the variables, in any order
    int order[8];
    for (int i = 0; i < k; i++)
      order[i] = i;
    for (int i = k - 1; i > 0; i--) {
      int j = pick(i + 1), t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int i = 0; i < k; i++) {
      if (chance(20))
        out("node_free(a%d);", order[i]);
      else
        out("free(a%d->buf); free(a%d);", order[i], order[i]);
    }
    break;
  }
  default: // through pointers loaded from the head, the last node first
    for (int i = k - 1; i >= 0; i--) {
      char path[128] = "a0";
      for (int j = 0; j < i; j++)
        strcat(path, "->next");
      out("free(%s->buf); free(%s);", path, path);
    }
    break;
  }
  indent -= 2;
  close_nodes("a", k);
}

// The path from t0 to node i of a tree in heap order (children 2i+1, 2i+2).
static void tree_path(char *buf, int i) {
  if (i == 0) {
    strcpy(buf, "t0");
    return;
  }
  tree_path(buf, (i - 1) / 2);
  strcat(buf, i % 2 ? "->l" : "->r");
}

// A binary tree of 3..7 nodes in heap order, linked by stores and by
// set_kids(), summed by the recursive tree_sum(), freed leaves first (through
// variables or pointers loaded from the root), or by tree_free().
static void small_tree(void) {
  int k = 3 + pick(5), calloced[8];
  declare_nodes("struct tnode", "t", k, calloced);
  indent += 2;
  for (int i = 0; i < k; i++) {
    if (!calloced[i] || chance(50))
      out("t%d->l = t%d->r = NULL;", i, i);
    out("t%d->key = s + %d;", i, pick(1000));
  }
  for (int i = 0; 2 * i + 1 < k; i++) {
    char r[8] = "NULL";
    if (2 * i + 2 < k)
      snprintf(r, sizeof r, "t%d", 2 * i + 2);
    if (chance(50))
      out("set_kids(t%d, t%d, %s);", i, 2 * i + 1, r);
    else
      out("t%d->l = t%d; t%d->r = %s;", i, 2 * i + 1, i, r);
  }
  out("mix(tree_sum(t0));");
  if (chance(30))
    out("mix(tree_sum(t0->l) + t0->r->key);");
  if (chance(15)) {
    out("tree_free(t0);");
  } else {
    for (int i = k - 1; i >= 0; i--) {
      char path[64];
      if (chance(50))
        tree_path(path, i);
      else
        snprintf(path, sizeof path, "t%d", i);
      out("free(%s);", path);
    }
  }
  indent -= 2;
  close_nodes("t", k);
}

// A record of the table (tab[j], a variable) with a data buffer.
static void table_record(const char *slot) {
  char sz[48];
  size_expr(sz, sizeof sz);
  out("{ struct rec *e = %s; if (e) {", chance(30) ? "calloc(1, sizeof *e)" : "malloc(sizeof *e)");
  out("  e->key = s * 5 + %d; e->n = %s; e->data = malloc(e->n);", pick(100), sz);
  out("  if (e->data) wr(e->data, e->n, s + %d); else e->n = 0;", pick(100));
  out("  %s = e; } }", slot);
}

// A calloc'd (or local) table of pointers to records with buffers, filled at
// some indexes (one site each, or one site in a loop), read and freed.
static void pointer_table(void) {
  int k = 2 + pick(5), heap = chance(70);
  if (heap)
    out("{ size_t k = %d; struct rec **tab = calloc(k, sizeof *tab); if (tab) {", k);
  else
    out("{ size_t k = %d; struct rec *tab[%d] = {0}; {", k, k);
  indent += 2;
  if (chance(70)) {
    for (int j = 0; j < k; j++)
      if (chance(75)) {
        char slot[16];
        snprintf(slot, sizeof slot, "tab[%d]", j);
        table_record(slot);
      }
  } else {
    out("for (size_t j = 0; j < k; j += %d)", 1 + pick(2));
    indent++;
    table_record("tab[j]");
    indent--;
  }
  if (chance(60))
    out("mix(tab_sum(tab, k));");
  else
    out("for (size_t j = 0; j < k; j++) if (tab[j]) mix(tab[j]->key + (tab[j]->data ? "
        "rd(tab[j]->data, tab[j]->n) : 0));");
  if (chance(50))
    out("for (size_t j = 0; j < k; j++) if (tab[j]) { free(tab[j]->data); free(tab[j]); }");
  else
    for (int j = k - 1; j >= 0; j--)
      out("if (tab[%d]) { free(tab[%d]->data); free(tab[%d]); }", j, j, j);
  if (heap)
    out("free(tab);");
  indent -= 2;
  out("} }");
}

// A struct holding 2 or 3 buffers (the struct malloc'd, calloc'd or local),
// each malloc'd or calloc'd, or one taken over from a variable; summed,
// written through a loaded pointer, freed member by member or by bufs_free().
static void struct_of_buffers(void) {
  static const char *const names[] = {"a", "b", "c"};
  int where = pick(3), bvar = -1, bmem = -1;
  if (where == 0)
    out("{ struct bufs *b = malloc(sizeof *b); if (b) {");
  else if (where == 1)
    out("{ struct bufs *b = calloc(1, sizeof *b); if (b) {");
  else
    out("{ struct bufs bl, *b = &bl; {");
  indent += 2;
  int m = 2 + pick(2);
  for (int i = 0; i < 3; i++) {
    const char *f = names[i];
    char sz[48];
    size_expr(sz, sizeof sz);
    if (i >= m) {
      if (where != 1 || chance(50))
        out("b->%s = NULL; b->n%s = 0;", f, f);
    } else if (bvar < 0 && chance(15)) {
      bvar = pick(NVARS);
      bmem = i;
      out("b->%s = v%d; b->n%s = n%d; v%d = NULL; n%d = 0;", f, bvar, f, bvar, bvar, bvar);
    } else if (chance(25)) {
      out("b->n%s = %s; b->%s = calloc(b->n%s, 1); if (!b->%s) b->n%s = 0;", f, sz, f, f, f, f);
    } else {
      out("b->n%s = %s; b->%s = malloc(b->n%s); if (b->%s) wr(b->%s, b->n%s, s + %d); else "
          "b->n%s = 0;",
          f, sz, f, f, f, f, f, pick(100), f);
    }
  }
  out("mix(bufs_sum(b));");
  if (chance(40))
    out("if (b->b && b->nb) { b->b[b->nb / 2] = (u8)(s + %d); mix(rd(b->b, b->nb)); }", pick(50));
  if (bvar >= 0) {
    const char *f = names[bmem];
    out("if (!v%d) { v%d = b->%s; n%d = b->n%s; b->%s = NULL; b->n%s = 0; }", bvar, bvar, f, bvar,
        f, f, f);
  }
  if (where != 2 && chance(20)) {
    out("bufs_free(b);");
  } else {
    switch (pick(3)) {
    case 0: out("free(b->a); free(b->b); free(b->c);"); break;
    case 1: out("free(b->c); free(b->a); free(b->b);"); break;
    default: out("{ u8 *x = b->b; free(b->a); free(b->c); free(x); }"); break;
    }
    if (where != 2)
      out("free(b);");
  }
  indent -= 2;
  out("} }");
}

// A struct carrying a pointer copied with memcpy (local to heap, heap to
// local, heap to heap); the buffer is freed once, through the copy.
static void struct_copy(void) {
  char sz[48];
  size_expr(sz, sizeof sz);
  int kind = pick(3);
  if (kind == 0)
    out("{ struct pcopy x, *px = &x, *y = malloc(sizeof *y);");
  else if (kind == 1)
    out("{ struct pcopy y0, *px = malloc(sizeof *px), *y = &y0;");
  else
    out("{ struct pcopy *px = malloc(sizeof *px), *y = malloc(sizeof *y);");
  out("  if (px && y) {");
  out("    px->tag = s + %d; px->n = %s; px->p = malloc(px->n);", pick(100), sz);
  out("    if (px->p) wr(px->p, px->n, s + %d); else px->n = 0;", pick(100));
  out("    memcpy(y, px, sizeof *y);");
  out("    mix(y->tag); if (y->p) mix(%s(y->p, y->n));", chance(50) ? "rd" : "rd_in");
  if (chance(40))
    out("    if (y->p && y->n) { y->p[0] = (u8)s; mix(rd(px->p, px->n)); }");
  out("    free(y->p);");
  out("  }");
  if (kind == 0)
    out("  free(y); }");
  else if (kind == 1)
    out("  free(px); }");
  else
    out("  free(px); free(y); }");
}

// push(&h, node) onto a local head: stores through a parameter.
static void pushed_list(void) {
  int k = 2 + pick(3), calloced[8], borrowed[8];
  out("{ struct node *h = NULL;");
  indent++;
  declare_nodes("struct node", "a", k, calloced);
  indent += 2;
  for (int i = 0; i < k; i++) {
    char nd[8];
    snprintf(nd, sizeof nd, "a%d", i);
    borrowed[i] = node_init(nd, i, calloced[i], 1);
    out("push(&h, a%d);", i);
  }
  out("mix(walk(h));");
  for (int i = 0; i < k; i++) {
    char nd[8];
    snprintf(nd, sizeof nd, "a%d", i);
    give_back(nd, borrowed[i]);
  }
  free_list("h");
  indent -= 2;
  close_nodes("a", k);
  indent--;
  out("}");
}

// A list grown in a loop (prepended or appended, by stores or link()) and
// freed after it.
static void list_in_loop(void) {
  char sz[48];
  size_expr(sz, sizeof sz);
  int append = chance(50);
  out("{ struct node *h = NULL, *tail = NULL;");
  out("  for (int i = 0; i < %d; i++) {", 1 + pick(12));
  out("    struct node *c = %s; if (!c) continue;",
      chance(30) ? "calloc(1, sizeof *c)" : "malloc(sizeof *c)");
  out("    c->next = NULL; c->key = s + (unsigned)i; c->n = %s; c->buf = malloc(c->n);", sz);
  out("    if (c->buf) wr(c->buf, c->n, s + (unsigned)i); else c->n = 0;");
  if (append)
    out("    if (tail) %s; else h = c; tail = c;", chance(50) ? "link(tail, c)" : "tail->next = c");
  else
    out("    %s; h = c; if (!tail) tail = c;", chance(50) ? "link(c, h)" : "c->next = h");
  out("  }");
  out("  mix(walk(h)); if (tail) mix(tail->key);");
  indent++;
  free_list("h");
  indent--;
  out("}");
}

// Negative: an outer node holding an inner buffer (and maybe an inner node)
// stored to a global slot (size 0: never read as bytes); g_clear() frees the
// outer node, the inner objects leak.
static void stored_to_global(void) {
  int inner = chance(50);
  out("{ struct node *o = malloc(sizeof *o); if (o) {");
  indent += 2;
  node_init("o", 0, 0, 1);
  if (inner) {
    out("struct node *in = calloc(1, sizeof *in);");
    out("if (in) { in->key = s; %s; }", chance(50) ? "link(o, in)" : "o->next = in");
  }
  out("mix(walk(o));");
  int k = pick(NSLOTS);
  out("free(g_slot[%d]); g_slot[%d] = o; g_size[%d] = 0;", k, k, k);
  indent -= 2;
  out("} }");
}

// Negative: a node kept across loop iterations (the previous one is freed
// after the next is allocated), maybe linked to it.
static void kept_across_iterations(void) {
  char sz[48];
  size_expr(sz, sizeof sz);
  int linkprev = chance(50);
  out("{ struct node *prev = NULL;");
  out("  for (int i = 0; i < %d; i++) {", 2 + pick(10));
  out("    struct node *c = malloc(sizeof *c); if (!c) continue;");
  out("    c->next = NULL; c->key = s * 3 + (unsigned)i; c->n = %s; c->buf = malloc(c->n);", sz);
  out("    if (c->buf) wr(c->buf, c->n, s + (unsigned)i); else c->n = 0;");
  if (linkprev)
    out("    link(c, prev); mix(walk(c)); c->next = NULL;");
  out("    if (prev) { mix(walk(prev)); free(prev->buf); free(prev); }");
  out("    prev = c;");
  out("  }");
  out("  if (prev) { mix(walk(prev)); %s } }",
      chance(50) ? "node_free(prev);" : "free(prev->buf); free(prev);");
}

// Negative: a node whose address goes through uintptr_t (a volatile global,
// or a callee that returns it) and comes back.
static void through_integer(void) {
  out("{ struct node *o = %s; if (o) {", chance(50) ? "malloc(sizeof *o)" : "calloc(1, sizeof *o)");
  indent += 2;
  int borrowed = node_init("o", 0, 0, 1);
  if (chance(50))
    out("g_addr = (uintptr_t)o; o = NULL; o = (struct node *)g_addr; g_addr = 0;");
  else
    out("o = (struct node *)launder((uintptr_t)o);");
  out("mix(walk(o));");
  give_back("o", borrowed);
  out("free(o->buf); free(o);");
  indent -= 2;
  out("} }");
}

// A call of <prefix>mklist: the list it returns walked and freed here.
static void list_helper_call(void) {
  out("{ struct node *h = %smklist(s + %d, %d); mix(walk(h));", prefix, pick(50), 1 + pick(5));
  indent++;
  free_list("h");
  indent--;
  out("}");
}

// <prefix>mklist(s, k): a list built in a loop, or two nodes with buffers
// (inner objects of the returned head), returned to the caller, which frees it
// (or inlines the helper, and the list is local there).
static void list_helper(void) {
  out("// a list returned to the caller");
  out("%sstruct node *%smklist(unsigned s, int k) {", chance(50) ? "NOINLINE static " : "static ",
      prefix);
  indent++;
  if (chance(50)) {
    char sz[48];
    size_expr(sz, sizeof sz);
    out("struct node *h = NULL;");
    out("for (int i = 0; i < k; i++) {");
    out("  struct node *c = malloc(sizeof *c); if (!c) break;");
    out("  c->key = s + (unsigned)i; c->n = %s; c->buf = malloc(c->n);", sz);
    out("  if (c->buf) wr(c->buf, c->n, s + (unsigned)i); else c->n = 0;");
    out("  %s; h = c;", chance(50) ? "link(c, h)" : "c->next = h");
    out("}");
    out("return h;");
  } else {
    int calloced[8];
    out("(void)k;");
    declare_nodes("struct node", "x", 2, calloced);
    indent += 2;
    node_init("x0", 0, calloced[0], 0);
    node_init("x1", 1, calloced[1], 0);
    out("%s;", chance(50) ? "link(x0, x1)" : "x0->next = x1");
    out("return x0;");
    indent -= 2;
    close_nodes("x", 2);
    out("return NULL;");
  }
  indent--;
  out("}");
}

// One linked structure, at random (on the linked stream).
static void linked_structure(void) {
  switch (pick(has_list_helper ? 18 : 15)) {
  case 0: case 1: case 2: linked_list(); break;
  case 3: case 4: small_tree(); break;
  case 5: case 6: pointer_table(); break;
  case 7: case 8: struct_of_buffers(); break;
  case 9: struct_copy(); break;
  case 10: pushed_list(); break;
  case 11: list_in_loop(); break;
  case 12: stored_to_global(); break;
  case 13: kept_across_iterations(); break;
  case 14: through_integer(); break;
  default: list_helper_call(); break;
  }
}

// One statement on the variables v0..v3 (sizes n0..n3) of a generated
// function; depth bounds the nesting of loops and blocks.
static void statement(int depth) {
  int i = pick(NVARS), j = (i + 1 + pick(NVARS - 1)) % NVARS;
  if (linked) { // from the linked stream: the statement below is the same with or without
    swap_streams();
    if (chance(20))
      linked_structure();
    swap_streams();
  }
  char sz[48], c[48];
  size_expr(sz, sizeof sz);
  cond_expr(c, sizeof c);
  enum { GROWABLE_BUFFER = 26 }; // never picked: only for functions that grow buffers
  switch (grows && chance(15) ? GROWABLE_BUFFER : pick(depth < 2 ? 26 : 22)) {
  case 0: case 1: case 2: // allocate into a variable
    out("free(v%d); n%d = %s; v%d = malloc(n%d); if (v%d) wr(v%d, n%d, s + %d);", i, i,
        sz, i, i, i, i, i, pick(100));
    break;
  case 3:
    out("free(v%d); n%d = %s; v%d = calloc(n%d, 1);", i, i, sz, i, i);
    break;
  case 4: {
    int a = 16 << pick(3);
    out("free(v%d); n%d = %d; v%d = aligned_alloc(%d, n%d); if (v%d) wr_in(v%d, n%d, s);",
        i, i, a * (1 + pick(8)), i, a, i, i, i, i);
    break;
  }
  case 5: case 6: // read
    out("if (v%d) mix(%s(v%d, n%d));", i, chance(50) ? "rd" : "rd_in", i, i);
    break;
  case 7: { // partial write
    int at = pick(40);
    out("if (v%d && n%d > %d) v%d[%d] = (u8)(s + %d);", i, i, at, i, at, pick(9));
    break;
  }
  case 8: // free on some paths
    out("if %s { free(v%d); v%d = NULL; n%d = 0; }", c, i, i, i);
    break;
  case 9: // freed in a callee
    out("release(v%d); v%d = NULL; n%d = 0;", i, i, i);
    break;
  case 10: // ownership moves to another variable
    out("free(v%d); v%d = v%d; n%d = n%d; v%d = NULL; n%d = 0;", j, j, i, j, i, i, i);
    break;
  case 11: // through a callee that returns its parameter
    out("v%d = id(v%d);", i, i);
    break;
  case 12: // a merged pointer, read
    out("{ u8 *t = either(v%d, v%d, %s); if (t) mix(rd(t, t == v%d ? n%d : n%d)); }", i,
        j, c, i, i, j);
    break;
  case 13: // into a global slot, and back
    out("keep(%d, v%d, n%d); v%d = NULL; n%d = 0;", pick(NSLOTS), i, i, i, i);
    break;
  case 14:
    out("free(v%d); v%d = take(%d, &n%d);", i, i, pick(NSLOTS), i);
    break;
  case 15: { // a fresh object stored straight into a global
    int k = pick(NSLOTS);
    out("free(g_slot[%d]); g_size[%d] = %s; g_slot[%d] = malloc(g_size[%d]); "
        "if (g_slot[%d]) wr(g_slot[%d], g_size[%d], s);",
        k, k, sz, k, k, k, k, k);
    break;
  }
  case 16: // a local box and a heap box holding the pointer
    if (chance(50)) {
      out("{ struct box b = {v%d, n%d, NULL}; mix(box_sum(&b)); }", i, i);
    } else {
      out("{ struct box *b = malloc(sizeof *b); b->p = v%d; b->n = n%d; b->next = NULL;", i, i);
      out("  mix(box_sum(b)); v%d = b->p; free(b); }", i);
    }
    break;
  case 17: // helper that returns a fresh object
    out("free(v%d); n%d = %s; v%d = make(n%d, s);", i, i, sz, i, i);
    break;
  case 18: // recursion
    out("mix(rec(%d, %s, s));", pick(30), sz);
    break;
  case 19: // mixed origins reaching one free
    out("free(v%d); n%d = 6; v%d = %s ? malloc(6) : (u8 *)strdup(\"hello\"); if (v%d) wr(v%d, 6, s);",
        i, i, i, c, i, i);
    break;
  case 20: // realloc
    out("if (v%d) { size_t nn = n%d + %d; u8 *w = realloc(v%d, nn); if (w) { wr(w + n%d, nn - n%d, s); "
        "v%d = w; n%d = nn; } }",
        i, i, 1 + pick(300), i, i, i, i, i);
    break;
  case 21: // pointer to integer and back
    out("{ uintptr_t k = (uintptr_t)v%d; u8 *q = (u8 *)k; if (q) mix(rd(q, n%d)); }", i, i);
    break;
  case 22: { // a temporary per iteration, freed on every path
    int k = 1 + pick(20);
    out("for (int i = 0; i < %d; i++) {", k);
    out("  size_t n = %s; u8 *t = malloc(n); if (!t) continue;", sz);
    out("  wr(t, n, s + i); mix(rd(t, n));");
    out("  if %s free(t); else release(t);", c);
    out("}");
    break;
  }
  case 23: // a pointer carried into the next iteration
    out("{ u8 *prev = NULL; size_t pn = 0;");
    out("  for (int i = 0; i < %d; i++) {", 1 + pick(20));
    out("    size_t n = %s; u8 *t = malloc(n); if (!t) continue; wr(t, n, s + i);", sz);
    out("    if (prev) { mix(rd(prev, pn)); memcpy(t, prev, n < pn ? n : pn); }");
    out("    free(prev); prev = t; pn = n; }");
    out("  if (prev) mix(rd(prev, pn)); free(prev); }");
    break;
  case 24: // a list built in a loop
    out("{ struct box *h = NULL;");
    out("  for (int i = 0; i < %d; i++) {", 1 + pick(12));
    out("    struct box *b = malloc(sizeof *b); b->n = %s; b->p = malloc(b->n);", sz);
    out("    if (b->p) wr(b->p, b->n, s + i); b->next = h; h = b; }");
    out("  mix(box_sum(h));");
    out("  while (h) { struct box *nx = h->next; free(h->p); free(h); h = nx; } }");
    break;
  case 25: // nested loop or block over more statements
    if (chance(50)) {
      out("for (int it%d = 0; it%d < %d; it%d++) {", depth, depth, 1 + pick(5), depth);
    } else {
      out("if %s {", c);
    }
    indent++;
    for (int k = 1 + pick(5); k > 0; k--)
      statement(depth + 1);
    indent--;
    out("}");
    break;
  case GROWABLE_BUFFER:
    growable_buffer(i, c);
    break;
  }
  // Calls to earlier functions, lending a variable (read only).
  if (nfuncs > 0 && chance(12)) {
    int f = pick(nfuncs);
    out("mix(%sf%d(s + %d, v%d, n%d));", prefix, f, 1 + pick(9), i, i);
  }
  if (chance(10))
    out("if %s goto out;", c);
}

static void function(int idx) {
  const char *noinline = chance(50) ? "NOINLINE " : "";
  out("%s%sunsigned long %sf%d(unsigned s, const u8 *arg, size_t an) {", noinline,
      chance(50) ? "static " : "", prefix, idx);
  indent++;
  grows = chance(30);
  swap_streams();
  linked = chance(40);
  swap_streams();
  out("u8 *v0 = NULL, *v1 = NULL, *v2 = NULL, *v3 = NULL;");
  out("size_t n0 = 0, n1 = 0, n2 = 0, n3 = 0;");
  out("unsigned long r = s;");
  out("if (arg) mix(rd(arg, an));");
  for (int k = 6 + pick(16); k > 0; k--)
    statement(0);
  indent--;
  out("out:");
  indent++;
  out("r += chk;");
  out("if (v1) r += rd(v1, n1);");
  out("free(v1); free(v2); free(v3);");
  if (chance(40)) { // a reader in tail position receives the last object
    out("if (v0) return r + rd(v0, n0);");
  } else {
    out("free(v0);");
  }
  out("return r;");
  indent--;
  out("}");
}

// Deep recursion. Every level holds one or two "big" temporaries of
// constant size, each of at least `big` bytes, where the depth is such that
// depth * big >= REC_STACK for direct recursion, and depth / 2 * big >=
// REC_STACK for mutual recursion (each function runs at every other level):
// a plugin that gives any one of them a stack slot per level needs over
// REC_STACK of stack, whatever else it keeps on the heap. Besides, a level
// may hold one small or variable-size temporary (64..1024 bytes), and may use
// a scratch object that it frees before the call. All temporaries are used
// before and after the recursive call and freed on every path. The depth is
// at most REC_STACK / 256 = 40960; allocations are bounded by REC_ALLOCS per
// subprogram, for run time.
enum { REC_STACK = 10 << 20, REC_ALLOCS = 60000 };

static const int rec_sizes[] = {64, 96, 128, 200, 256, 320, 384, 512, 640, 768, 1000, 1024};
enum { REC_NSIZES = sizeof rec_sizes / sizeof *rec_sizes };

// A size of rec_sizes of at least lo, at random.
static int rec_size(int lo) {
  int k = 0;
  while (rec_sizes[k] < lo)
    k++;
  return rec_sizes[k + pick(REC_NSIZES - k)];
}

// One recursive function name(int d, unsigned s) that recurses through
// callee (itself or its partner), with big temporaries of at least big
// bytes and at most allocs allocations per level.
static void rec_function(const char *name, const char *callee, const char *attrs, int big,
                         int allocs) {
  out("%sunsigned long %s(int d, unsigned s) {", attrs, name);
  indent++;
  out("unsigned long r = (unsigned long)d * %d + s;", 1 + pick(97));
  int nbig = allocs >= 2 ? 1 + pick(2) : 1;
  int extra = allocs > nbig && chance(50) ? pick(nbig + 1) : -1; // its index
  if (allocs > nbig + (extra >= 0) && chance(20)) // a scratch object freed before the call
    out("{ size_t nk = %d; u8 *k = malloc(nk); if (k) { memset(k, d & 255, nk); r += peek(k, nk, s); free(k); } }",
        rec_size(0));
  int nt = nbig + (extra >= 0);
  for (int t = 0; t < nt; t++) {
    char sz[64];
    if (t != extra)
      snprintf(sz, sizeof sz, "%d", rec_size(big));
    else if (chance(30))
      snprintf(sz, sizeof sz, "%d", rec_sizes[pick(4)]);
    else if (chance(50))
      snprintf(sz, sizeof sz, "rsize(%d)", pick(8));
    else
      snprintf(sz, sizeof sz, "64 + (size_t)(d %% 16) * %d", 10 + pick(51));
    out("size_t n%d = %s;", t, sz);
    if (chance(30)) {
      out("u8 *t%d = calloc(n%d, 1);", t, t);
      if (chance(50))
        out("if (t%d) poke(t%d, n%d, d, s + %d);", t, t, t, pick(100));
    } else {
      out("u8 *t%d = malloc(n%d);", t, t);
      out("if (t%d) memset(t%d, (int)((s + %d) & 255), n%d);", t, t, pick(256), t);
    }
    if (chance(50))
      out("if (t%d) r ^= peek(t%d, n%d, s);", t, t, t);
  }
  int mul = 1 + 2 * pick(8), add = pick(50);
  out("if (d > 0) r += %s(d - 1, s * %d + %d) * %d;", callee, mul, add, 1 + pick(9));
  for (int t = 0; t < nt; t++) {
    if (chance(30))
      out("if (t%d) { poke(t%d, n%d, s, d); r = r * 7 + peek(t%d, n%d, d * %d); }", t, t, t, t, t,
          1 + pick(13));
    else
      out("if (t%d) r = r * 7 + peek(t%d, n%d, d * %d);", t, t, t, 1 + pick(13));
  }
  int down = chance(50);
  for (int t = 0; t < nt; t++)
    out("free(t%d);", down ? nt - 1 - t : t);
  out("return r;");
  indent--;
  out("}");
}

static const char *rec_attrs(void) {
  static const char *const a[] = {"NOINLINE ", "NOINLINE static ", "static ", ""};
  return a[pick(4)];
}

static int ceil_div(int a, int b) { return (a + b - 1) / b; }

static int min_int(int a, int b) { return a < b ? a : b; }

// Emits the recursive functions of a subprogram (on the second random
// stream) and the calls run() makes to them into calls[0..1] (empty: none).
static void recursion(char calls[2][128]) {
  calls[0][0] = calls[1][0] = 0;
  if (!chance(40))
    return;
  int kind = pick(5); // 0, 1: direct; 2, 3: mutual; 4: both
  // Both: half the budget each, and bigger temporaries so less deep.
  int budget = kind == 4 ? REC_ALLOCS / 2 : REC_ALLOCS;
  if (kind < 2 || kind == 4) {
    char name[48];
    snprintf(name, sizeof name, "%srd", prefix);
    int big = rec_size(kind == 4 ? 512 : 256), depth = ceil_div(REC_STACK, big);
    out("// direct recursion: temporaries live across the recursive call");
    rec_function(name, name, rec_attrs(), big, min_int(4, budget / depth));
    snprintf(calls[0], sizeof calls[0], "mix(%s(%d + (int)(vseed %% 8), %d));", name, depth,
             pick(1000));
  }
  if (kind >= 2) {
    char a[48], b[48];
    snprintf(a, sizeof a, "%sma", prefix);
    snprintf(b, sizeof b, "%smb", prefix);
    int big = rec_size(kind == 4 ? 768 : 512), depth = 2 * ceil_div(REC_STACK, big);
    int allocs = min_int(4, budget / depth);
    const char *battrs = rec_attrs();
    out("// mutual recursion: temporaries live across the recursive calls");
    out("%sunsigned long %s(int d, unsigned s);", battrs, b);
    rec_function(a, b, rec_attrs(), big, allocs);
    rec_function(b, a, battrs, big, allocs);
    snprintf(calls[1], sizeof calls[1], "mix(%s(%d + (int)(vseed %% 8), %d));", a, depth,
             pick(1000));
  }
}

static void subprogram(unsigned seed) {
  rng = seed * 0x2545f4914f6cdd1du + 1;
  snprintf(prefix, sizeof prefix, "s%u_", seed);
  nfuncs = 0;
  has_grown_helper = chance(30);
  if (has_grown_helper)
    grown_helper();
  // Linked structures come from their own stream, so the rest stays as it was.
  lrng = seed * 0xd1342543de82ef95u + 0x632be59bd9b4e019u;
  swap_streams();
  has_list_helper = chance(40);
  if (has_list_helper)
    list_helper();
  swap_streams();
  int n = 2 + pick(5);
  for (int k = 0; k < n; k++) {
    function(k);
    nfuncs++;
  }
  // Recursion comes from its own stream, so the rest stays as it was.
  uint64_t main_rng = rng;
  rng = seed * 0x9e3779b97f4a7c15u + 0x5851f42d4c957f2du;
  char calls[2][128];
  recursion(calls);
  int late = pick(4); // bit k: calls[k] after the other calls
  rng = main_rng;
  out("void %srun(void) {", prefix);
  indent++;
  out("chk = %u;", seed);
  out("u8 *arg = malloc(32); wr(arg, 32, %u);", seed);
  for (int k = 0; k < 2; k++)
    if (calls[k][0] && !(late >> k & 1))
      out("%s", calls[k]);
  for (int k = 0; k < 4 + pick(6); k++) {
    int f = pick(n), sv = pick(1000);
    out("mix(%sf%d(%d, %s, 32));", prefix, f, sv, chance(50) ? "arg" : "NULL");
  }
  for (int k = 0; k < 2; k++)
    if (calls[k][0] && (late >> k & 1))
      out("%s", calls[k]);
  out("free(arg);");
  out("g_clear();");
  // Flushed, so a crash in a later seed keeps the earlier seeds' lines.
  out("printf(\"seed %u: %%lu\\n\", chk);", seed);
  out("fflush(stdout);");
  indent--;
  out("}");
}

int main(int argc, char **argv) {
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: escgen SEED [COUNT]\n");
    return 2;
  }
  unsigned seed = (unsigned)strtoul(argv[1], NULL, 10);
  unsigned count = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 1;
  library();
  for (unsigned k = 0; k < count; k++)
    subprogram(seed + k);
  out("int main(void) {");
  for (unsigned k = 0; k < count; k++)
    out("  s%u_run();", seed + k);
  out("  return 0;");
  out("}");
  return 0;
}
