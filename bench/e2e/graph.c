/* Path finding on a maze: many shortest-path queries (BFS) over a grid with
 * walls. Each query keeps its visited states in a hash set of heap nodes
 * (they live until the query ends; the path is read back through their
 * parent links) and returns the path as a heap array. Every expansion
 * gathers the open neighbours of a cell in scratch and orders them towards
 * the goal in a second scratch array; the set's bucket array of a query is
 * scratch too. Those are function-local: TEMP / TEMPZ.
 *   graph [SCALE-PERCENT]   prints a checksum */
#include "common.h"

#define W 512
#define H 512
#define BUCKETS 128
#define RADIUS 14

struct pos {
  int x, y;
};
struct state { /* heap: in the set and the queue until the query ends */
  struct pos at;
  int dist;
  struct state *parent, *next_in_set, *next_in_queue;
};
struct path { /* heap: returned */
  int len;
  struct pos *cells;
};

static unsigned char wall[H][W];

static void gen_maze(void) {
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      wall[y][x] = rng_below(100) < 28;
}

static int open_cell(int x, int y) { return x >= 0 && y >= 0 && x < W && y < H && !wall[y][x]; }

static unsigned cell_hash(struct pos p) { return ((unsigned)p.x * 73856093u) ^ ((unsigned)p.y * 19349663u); }

static struct state *find(struct state **set, struct pos p) {
  for (struct state *s = set[cell_hash(p) % BUCKETS]; s; s = s->next_in_set)
    if (s->at.x == p.x && s->at.y == p.y)
      return s;
  return NULL;
}

/* The open neighbours of a cell (scratch), the ones nearer the goal first
 * (a second scratch array); returns how many were written to out. */
static int neighbours(struct pos at, struct pos goal, struct pos *out) {
  TEMP(struct pos, nb, 8);
  TEMP(int, score, 8);
  static const int dx[] = {1, -1, 0, 0}, dy[] = {0, 0, 1, -1};
  int n = 0;
  for (int d = 0; d < 4; d++) {
    struct pos p = {at.x + dx[d], at.y + dy[d]};
    if (open_cell(p.x, p.y)) {
      nb[n] = p;
      score[n] = abs(goal.x - p.x) + abs(goal.y - p.y);
      n++;
    }
  }
  for (int i = 0; i < n; i++) { /* insertion sort, stable */
    int best = i;
    for (int j = i + 1; j < n; j++)
      if (score[j] < score[best])
        best = j;
    struct pos tp = nb[best];
    int ts = score[best];
    for (int j = best; j > i; j--) {
      nb[j] = nb[j - 1];
      score[j] = score[j - 1];
    }
    nb[i] = tp;
    score[i] = ts;
    out[i] = nb[i];
  }
  TEMP_FREE(nb);
  TEMP_FREE(score);
  return n;
}

static struct path *make_path(const struct state *end) {
  struct path *p = need(malloc(sizeof *p));
  p->len = end->dist + 1;
  p->cells = need(malloc((size_t)p->len * sizeof *p->cells));
  for (const struct state *s = end; s; s = s->parent)
    p->cells[s->dist] = s->at;
  return p;
}

/* BFS from a to b within RADIUS of a; the path, or NULL. */
API static struct path *shortest(struct pos a, struct pos b) {
  TEMPZ(struct state *, set, BUCKETS);
  TEMP(struct pos, nb, 4);
  struct state *all = NULL, *head, *tail;
  struct path *found = NULL;
  head = tail = need(malloc(sizeof *head));
  head->at = a;
  head->dist = 0;
  head->parent = NULL;
  head->next_in_queue = NULL;
  head->next_in_set = set[cell_hash(a) % BUCKETS];
  set[cell_hash(a) % BUCKETS] = head;
  all = head;
  for (struct state *s = head; s; s = s->next_in_queue) {
    if (s->at.x == b.x && s->at.y == b.y) {
      found = make_path(s);
      break;
    }
    int n = neighbours(s->at, b, nb);
    for (int i = 0; i < n; i++) {
      if (abs(nb[i].x - a.x) > RADIUS || abs(nb[i].y - a.y) > RADIUS || find(set, nb[i]))
        continue;
      struct state *t = need(malloc(sizeof *t));
      t->at = nb[i];
      t->dist = s->dist + 1;
      t->parent = s;
      t->next_in_queue = NULL;
      unsigned k = cell_hash(nb[i]) % BUCKETS;
      t->next_in_set = set[k];
      set[k] = t;
      tail->next_in_queue = t;
      tail = t;
    }
  }
  (void)all;
  for (struct state *s = head, *next; s; s = next) {
    next = s->next_in_queue;
    free(s);
  }
  TEMP_FREE(nb);
  TEMP_FREE(set);
  return found;
}

int main(int argc, char **argv) {
  long queries = scaled(argc, argv, 40000);
  gen_maze();
  uint64_t h = 0;
  long reached = 0;
  for (long q = 0; q < queries; q++) {
    struct pos a = {(int)rng_below(W - 2 * RADIUS) + RADIUS, (int)rng_below(H - 2 * RADIUS) + RADIUS};
    struct pos b = {a.x + (int)rng_below(2 * RADIUS + 1) - RADIUS, a.y + (int)rng_below(2 * RADIUS + 1) - RADIUS};
    wall[a.y][a.x] = wall[b.y][b.x] = 0;
    struct path *p = shortest(a, b);
    if (p) {
      reached++;
      h = mix(h, (uint64_t)p->len);
      for (int i = 0; i < p->len; i++)
        h = mix(h, (uint64_t)p->cells[i].x << 32 | (uint64_t)p->cells[i].y);
      free(p->cells);
      free(p);
    } else {
      h = mix(h, 0);
    }
  }
  printf("graph: %ld queries, %ld reached, checksum %016llx\n", queries, reached, (unsigned long long)h);
  return 0;
}
