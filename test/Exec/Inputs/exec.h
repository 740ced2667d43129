// Shared helpers of the execution tests. They have external linkage and are
// never inlined, so -O2 keeps the calls (and the pointers they receive) and
// cannot argument-promote them away; the plugin still sees their bodies.
#ifndef ESCAPE_EXEC_H
#define ESCAPE_EXEC_H
#define _GNU_SOURCE 1
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOINLINE __attribute__((noinline))

// Writes a[i] = seed + i; reads nothing.
NOINLINE void fill(int *a, int n, int seed) {
  for (int i = 0; i < n; i++)
    a[i] = seed + i;
}

// Only reads: its parameter does not escape.
NOINLINE long sum(const int *a, int n) {
  long s = 0;
  for (int i = 0; i < n; i++)
    s += a[i];
  return s;
}

// Overwrites a few KiB of stack below the caller, so a pointer to a dead
// frame reads garbage instead of stale values.
NOINLINE int scribble(int v) {
  volatile unsigned char junk[4096];
  for (int i = 0; i < 4096; i++)
    junk[i] = (unsigned char)(v + i);
  return junk[v & 4095];
}

// Opaque to the optimizer: keeps a condition or a size from folding.
NOINLINE int opaque(int v) {
  __asm__ volatile("" : "+r"(v));
  return v;
}
struct Node {
  struct Node *next;
  int v;
};

// Reads a list; keeps no pointer.
NOINLINE long walk(const struct Node *n) {
  long s = 0;
  for (; n; n = n->next)
    s = (s * 10 + n->v) % 1000000007;
  return s;
}
#endif
