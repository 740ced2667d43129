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
       "NOINLINE void g_clear(void) {\n"
       "  for (int k = 0; k < 8; k++) { free(g_slot[k]); g_slot[k] = NULL; g_size[k] = 0; }\n"
       "}");
}

static char prefix[32];
static int nfuncs;

// One statement on the variables v0..v3 (sizes n0..n3) of a generated
// function; depth bounds the nesting of loops and blocks.
static void statement(int depth) {
  int i = pick(NVARS), j = (i + 1 + pick(NVARS - 1)) % NVARS;
  char sz[48], c[48];
  size_expr(sz, sizeof sz);
  cond_expr(c, sizeof c);
  switch (pick(depth < 2 ? 26 : 22)) {
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
