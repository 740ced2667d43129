/* escape-cc: a drop-in C compiler that is the tree's clang with the escape
 * plugin loaded and the verdicts written into every object (the plugin's
 * records-section: the .escape.records section, which escape-report reads
 * and every build cache carries with the object).
 *
 *   CC=escape-cc make            cmake -DCMAKE_C_COMPILER=escape-cc
 *   CC="ccache escape-cc" make   with compiler_check = %compiler% --escape-identity
 *
 * Every argument is passed to clang untouched, except --escape-runtime and
 * --escape-runtime=shared: compile with the plugin's -escape-runtime (what
 * stays on the heap takes libescrt's size classes) and, when linking, link
 * libescrt of the same tree, statically by default. Options reach the
 * plugin through ESCAPE_OPTIONS, so an LTO link (where lld reads -mllvm
 * before it loads the plugin) gets them too. `escape-cc --escape-identity`
 * prints what decides the output besides the command line and the sources
 * (the clang, the plugin's contents, ESCAPE_OPTIONS): a build cache that
 * hashes it never returns an object of another plugin build or other
 * options. The wrapper execs clang, so its exit status, signals and output
 * are clang's. Environment: ESCAPE_CLANG (the clang to run), ESCAPE_PLUGIN
 * (the plugin to load). */
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* -flto, -flto=full, -flto=thin (the last of -flto* / -fno-lto wins). */
static int uses_lto(int argc, char **argv) {
  int lto = 0;
  for (int i = 1; i < argc; i++)
    if (strcmp(argv[i], "-flto") == 0 || strncmp(argv[i], "-flto=", 6) == 0)
      lto = 1;
    else if (strcmp(argv[i], "-fno-lto") == 0)
      lto = 0;
  return lto;
}

static int has_suffix(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The command compiles C: it stops before linking, or names a source. */
static int compiles(int argc, char **argv) {
  if (!links(argc, argv))
    return 1;
  for (int i = 1; i < argc; i++)
    if (argv[i][0] != '-' && (has_suffix(argv[i], ".c") ||
                              has_suffix(argv[i], ".i")))
      return 1;
  return 0;
}

/* The linker clang will run: the last -fuse-ld=, else the platform's. */
static const char *chosen_linker(int argc, char **argv) {
  const char *ld = NULL;
  for (int i = 1; i < argc; i++)
    if (strncmp(argv[i], "-fuse-ld=", 9) == 0)
      ld = argv[i] + 9;
  return ld;
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

/* The plugin's options: records-section=true before whatever
 * ESCAPE_OPTIONS says (a later setting wins, so the user's
 * records-section=false does), runtime=true after it (so the user's
 * runtime=false would not). */
static int set_plugin_options(int runtime) {
  const char *user = getenv("ESCAPE_OPTIONS");
  char *options = format(user && *user ? "records-section=true,%s"
                                       : "records-section=true%s",
                         user ? user : "");
  if (runtime)
    options = format("%s,runtime=true", options);
  if (setenv("ESCAPE_OPTIONS", options, 1) != 0) {
    perror("escape-cc: ESCAPE_OPTIONS");
    return 1;
  }
  return 0;
}

/* FNV-1a of a file's bytes, 0 when it cannot be read. */
static uint64_t file_hash(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  uint64_t h = 0xcbf29ce484222325u;
  unsigned char buf[1 << 16];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, f)) > 0)
    for (size_t i = 0; i < got; i++)
      h = (h ^ buf[i]) * 0x100000001b3u;
  fclose(f);
  return h;
}

/* One line per input of the compile that the command line does not show.
 * clang by size and modification time, as ccache checks a compiler; the
 * plugin by its contents, since rebuilding it keeps its path. */
static int print_identity(const char *clang, const char *plugin) {
  struct stat st;
  if (stat(clang, &st) != 0) {
    fprintf(stderr, "escape-cc: cannot stat clang %s: ", clang);
    perror(NULL);
    return 1;
  }
  const char *options = getenv("ESCAPE_OPTIONS");
  printf("escape-cc %s\n", ESCAPE_VERSION);
  printf("clang %s size %jd mtime %jd\n", clang, (intmax_t)st.st_size,
         (intmax_t)st.st_mtime);
  printf("plugin %s fnv1a %016" PRIx64 "\n", plugin, file_hash(plugin));
  printf("ESCAPE_OPTIONS=%s\n", options ? options : "");
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

  if (argc == 2 && strcmp(argv[1], "--escape-identity") == 0)
    return print_identity(clang, plugin);

  /* clang + plugin (2) + locations (1) + assertions (2) + LTO (6) +
   * runtime (3) + arguments + NULL. */
  char **args = malloc(((size_t)argc + 14) * sizeof *args);
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
  /* Source locations for the remarks without debug sections: a remark
   * filter turns on clang's location tracking, and this one names no pass,
   * so nothing is printed. (-fsave-optimization-record would add line
   * tables to every object.) The user's own -Rpass= comes later and wins. */
  args[n++] = "-Rpass=^escape-locations-only$";
  /* Source assertions (escape/escape.h) are checked: the header, next to
   * the plugin's lib directory in the build tree and the install, comes
   * after the user's include directories. */
  args[n++] = "-DESCAPE_ASSERTIONS";
  args[n++] = format("-idirafter%s/../include", lib_dir);
  /* LTO: the link runs the passes on the whole program. The compiles only
   * record the sites and keep source locations in the bitcode (location
   * tracking, above); LLVM 19 must be told that a compile precedes the
   * link. The link loads the plugin into lld, which clang 19-22 do not ask
   * it to do. */
  if (uses_lto(argc, argv)) {
    if (ESCAPE_LLVM_MAJOR < 20 && compiles(argc, argv)) {
      args[n++] = "-Xclang";
      args[n++] = "-mllvm";
      args[n++] = "-Xclang";
      args[n++] = "-escape-lto-prelink";
    }
    if (links(argc, argv)) {
      const char *ld = chosen_linker(argc, argv);
      if (!ld)
        args[n++] = "-fuse-ld=lld";
      if (!ld || strcmp(ld, "lld") == 0 || has_suffix(ld, "ld.lld"))
        args[n++] = format("-Wl,--load-pass-plugin=%s", plugin);
      else
        fprintf(stderr,
                "escape-cc: warning: an LTO link runs the escape plugin only "
                "in lld; -fuse-ld=%s links without it\n",
                ld);
    }
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
  if (set_plugin_options(runtime != NO_RUNTIME) != 0)
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
