/* escape-cc: a drop-in C compiler that is the tree's clang with the escape
 * plugin loaded and an optimization record written next to every object.
 *
 *   CC=escape-cc make            cmake -DCMAKE_C_COMPILER=escape-cc
 *
 * Every argument is passed to clang untouched, except --escape-runtime and
 * --escape-runtime=shared: compile with the plugin's -escape-runtime (what
 * stays on the heap takes libescrt's size classes) and, when linking, link
 * libescrt of the same tree, statically by default. The option reaches the
 * plugin through ESCAPE_OPTIONS, so an LTO link (where lld reads -mllvm
 * before it loads the plugin) gets it too. The wrapper execs clang, so its
 * exit status, signals and output are clang's. Environment: ESCAPE_CLANG
 * (the clang to run), ESCAPE_PLUGIN (the plugin to load). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The plugin and libescrt sit in <tree>/lib beside <tree>/bin/escape-cc, so
 * a build tree or an installed prefix works wherever it was moved. */
static void tree_lib_dir(char *out, size_t size) {
  char self[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n <= 0) {
    snprintf(out, size, "%s", ESCAPE_LIB_DIR);
    return;
  }
  self[n] = '\0';
  *strrchr(self, '/') = '\0';
  if (snprintf(out, size, "%s/../lib", self) >= (int)size)
    snprintf(out, size, "%s", ESCAPE_LIB_DIR);
}

static int has_arg(int argc, char **argv, const char *const *names) {
  for (int i = 1; i < argc; i++)
    for (const char *const *name = names; *name; name++)
      if (strcmp(argv[i], *name) == 0 ||
          (strchr(*name, '=') && strncmp(argv[i], *name, strlen(*name)) == 0))
        return 1;
  return 0;
}

/* clang links unless one of these stops it earlier; -l on a compile-only
 * command would warn, which -Werror builds turn into failures. */
static int links(int argc, char **argv) {
  static const char *const stop_early[] = {
      "-c", "-S", "-E", "-M", "-MM", "-fsyntax-only", NULL};
  return !has_arg(argc, argv, stop_early);
}

/* A user who asks for a record of their own (other passes, another file or
 * format) gets exactly that. */
static int wants_own_record(int argc, char **argv) {
  static const char *const record_flags[] = {
      "-fsave-optimization-record", "-fsave-optimization-record=",
      "-foptimization-record-file=", "-foptimization-record-passes=", NULL};
  return has_arg(argc, argv, record_flags);
}

static char *format(const char *fmt, const char *arg) {
  size_t n = strlen(fmt) + strlen(arg) + 1;
  char *s = malloc(n);
  if (!s) {
    perror("escape-cc");
    exit(1);
  }
  snprintf(s, n, fmt, arg);
  return s;
}

/* runtime=true for the plugin, after whatever ESCAPE_OPTIONS already says
 * (a later setting wins, so the user's runtime=false would not). */
static int add_runtime_option(void) {
  const char *old = getenv("ESCAPE_OPTIONS");
  char *options = format(old && *old ? "%s,runtime=true" : "%sruntime=true",
                         old ? old : "");
  if (setenv("ESCAPE_OPTIONS", options, 1) != 0) {
    perror("escape-cc: ESCAPE_OPTIONS");
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  const char *clang = getenv("ESCAPE_CLANG");
  if (!clang || !*clang)
    clang = ESCAPE_CLANG_PATH;
  char lib_dir[PATH_MAX];
  tree_lib_dir(lib_dir, sizeof lib_dir);
  const char *plugin = getenv("ESCAPE_PLUGIN");
  char default_plugin[PATH_MAX + 32];
  if (!plugin || !*plugin) {
    snprintf(default_plugin, sizeof default_plugin, "%s/EscapePlugin.so",
             lib_dir);
    plugin = default_plugin;
  }
  if (access(plugin, R_OK) != 0) {
    fprintf(stderr,
            "escape-cc: plugin %s not found (set ESCAPE_PLUGIN, or build the "
            "EscapePlugin target)\n",
            plugin);
    return 1;
  }

  /* clang + plugin (2) + record (2) + runtime (3) + arguments + NULL. */
  char **args = malloc(((size_t)argc + 8) * sizeof *args);
  if (!args) {
    perror("escape-cc");
    return 1;
  }
  int n = 0, runtime = 0;
  args[n++] = (char *)clang;
  args[n++] = format("-fpass-plugin=%s", plugin);
  /* clang 19-21 accept the plugin's -mllvm options only when the plugin is
   * also loaded as a clang plugin; 22 loads pass plugins early enough. */
  if (ESCAPE_LLVM_MAJOR < 22)
    args[n++] = format("-fplugin=%s", plugin);
  if (!wants_own_record(argc, argv)) {
    args[n++] = "-fsave-optimization-record";
    args[n++] = "-foptimization-record-passes=escape";
  }
  enum { NO_RUNTIME, STATIC_RUNTIME, SHARED_RUNTIME };
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--escape-runtime") == 0 ||
        strcmp(argv[i], "--escape-runtime=static") == 0)
      runtime = STATIC_RUNTIME;
    else if (strcmp(argv[i], "--escape-runtime=shared") == 0)
      runtime = SHARED_RUNTIME;
    else if (strncmp(argv[i], "--escape-runtime", 16) == 0) {
      fprintf(stderr, "escape-cc: unknown value in '%s' (--escape-runtime, "
                      "--escape-runtime=static or --escape-runtime=shared)\n",
              argv[i]);
      return 1;
    } else
      args[n++] = argv[i];
  }
  if (runtime != NO_RUNTIME && add_runtime_option() != 0)
    return 1;
  /* After every object, so that the archive resolves what they need. */
  if (runtime == STATIC_RUNTIME && links(argc, argv)) {
    args[n++] = format("%s/libescrt.a", lib_dir);
    args[n++] = "-pthread";
  } else if (runtime == SHARED_RUNTIME && links(argc, argv)) {
    args[n++] = format("-L%s", lib_dir);
    args[n++] = "-lescrt";
    args[n++] = format("-Wl,-rpath,%s", lib_dir);
  }
  args[n] = NULL;
  execv(clang, args);
  fprintf(stderr, "escape-cc: cannot run %s: ", clang);
  perror(NULL);
  return 127;
}
