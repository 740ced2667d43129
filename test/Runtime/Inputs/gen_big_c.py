# Writes a large C file (many functions with loops, switches, structs and
# strings) for clang to compile in the LD_PRELOAD test.
import sys

n = int(sys.argv[1])
out = ['#include <stdio.h>', '#include <string.h>',
       'struct node { int key; struct node *next; char name[16]; };']
for i in range(n):
    out.append(f'''
static int f{i}(int x, struct node *p) {{
  int acc = {i};
  for (int k = 0; k < x; k++) {{
    switch ((k + {i}) % 5) {{
    case 0: acc += k * {i % 13}; break;
    case 1: acc ^= (acc << 3) + k; break;
    case 2: if (p && p->key > k) acc -= p->key; break;
    case 3: acc += (int)strlen("function {i} with a string");
    default: acc = acc * 31 + {i};
    }}
  }}
  return p ? acc + f{max(i - 1, 0)}(x / 2, p->next) : acc;
}}''' if i else f'''
static int f0(int x, struct node *p) {{ return x + (p ? p->key : 0); }}''')
out.append('int main(void) { struct node n = {1, 0, "a"}; int s = 0;')
for i in range(0, n, max(n // 50, 1)):
    out.append(f'  s += f{i}(10, &n);')
out.append('  printf("%d\\n", s); return 0; }')
print('\n'.join(out))
