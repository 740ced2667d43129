/* measure: runs a command and writes what it cost, as /usr/bin/time -f
 * '%U %S %e %M' does, but to the microsecond: user CPU seconds, system CPU
 * seconds, wall seconds, peak resident set (KB), on one line.
 * /usr/bin/time prints hundredths of a second: for a program that runs for
 * 0.4 s that is a step of 2.5%, as large as the differences the benchmarks
 * look for, while the kernel accounts a child's CPU time (user + system) to
 * the nanosecond and reports it in microseconds.
 *   measure -o FILE COMMAND [ARG...]
 * The exit status is the command's (128 + the signal when one killed it,
 * 127 when it could not be run); FILE is written in every case the command
 * ran. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(struct timeval tv) { return tv.tv_sec + tv.tv_usec * 1e-6; }

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc < 4 || strcmp(argv[1], "-o") != 0) {
    fprintf(stderr, "usage: measure -o FILE COMMAND [ARG...]\n");
    return 2;
  }
  FILE *out = fopen(argv[2], "we"); /* "e": not left open in the command */
  if (!out) {
    fprintf(stderr, "measure: %s: %s\n", argv[2], strerror(errno));
    return 2;
  }
  double start = now();
  pid_t pid = fork();
  if (pid < 0) {
    fprintf(stderr, "measure: fork: %s\n", strerror(errno));
    return 2;
  }
  if (pid == 0) {
    execvp(argv[3], argv + 3);
    fprintf(stderr, "measure: %s: %s\n", argv[3], strerror(errno));
    _exit(127);
  }
  int status;
  struct rusage ru;
  while (wait4(pid, &status, 0, &ru) < 0)
    if (errno != EINTR) {
      fprintf(stderr, "measure: wait4: %s\n", strerror(errno));
      return 2;
    }
  double wall = now() - start;
  fprintf(out, "%.6f %.6f %.6f %ld\n", seconds(ru.ru_utime), seconds(ru.ru_stime), wall,
          ru.ru_maxrss);
  if (fclose(out) != 0) {
    fprintf(stderr, "measure: %s: %s\n", argv[2], strerror(errno));
    return 2;
  }
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}
