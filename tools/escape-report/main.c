/* escape-report: the escape remarks of a whole build as Go-style text, JSON,
 * SARIF or a summary, a baseline gate for CI, and the differences between
 * two builds. See docs/ci.md. */
#include "assertions.h"
#include "baseline.h"
#include "inputs.h"
#include "object_records.h"
#include "reasons.h"
#include "remark_file.h"
#include "report.h"
#include "report_diff.h"
#include "report_json_read.h"
#include "source_path.h"
#include "xalloc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Exit statuses: 1 is reserved for regressions (the gate, --diff) and unmet
 * source assertions, so CI can tell them from a broken build. */
enum { EXIT_REGRESSION = 1, EXIT_BAD_INPUT = 2 };

enum format {
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_SARIF,
  FORMAT_SUMMARY,
  FORMAT_MARKDOWN
};

struct options {
  enum format format;
  int format_given, verbose, fail_on_new_escapes, diff;
  const char *output, *source_root, *baseline;
  char **paths;
  int path_count;
};

static void usage(FILE *out) {
  fputs("usage: escape-report [options] FILE|DIR...\n"
        "       escape-report --diff [options] OLD NEW\n"
        "  --format text|json|sarif|summary|markdown  report format\n"
        "                           (default text)\n"
        "  -v, --verbose            text: add the flow explanations\n"
        "  -o, --output FILE        write the report to FILE\n"
        "  --source-root DIR        report paths relative to DIR\n"
        "  --baseline FILE          list sites that left the stack since FILE\n"
        "                           (an earlier --format json report)\n"
        "  --fail-on-new-escapes    with --baseline: exit 1 if there are any\n"
        "  --diff OLD NEW           the sites whose verdict changed, the new\n"
        "                           and the removed ones (text, markdown or\n"
        "                           json); exit 1 if a site left the stack or\n"
        "                           a new one is on the heap. OLD and NEW are\n"
        "                           builds (FILE or DIR) or --format json\n"
        "                           reports\n"
        "  --list-reasons           print the reason ids this version knows\n"
        "  --version, -h, --help\n"
        "FILE: an object, archive, executable or shared library (its\n"
        "  .escape.records sections) or a record file (.opt.yaml,\n"
        "  .opt.bitstream), told apart by content.\n"
        "DIR: searched recursively for *.o, *.a, *.so, *.opt.yaml and\n"
        "  *.opt.bitstream; an X.o with records hides X.opt.yaml.\n",
        out);
}

static int parse_format(const char *name, enum format *format) {
  static const char *const names[] = {"text", "json", "sarif", "summary",
                                      "markdown"};
  for (int i = 0; i < 5; i++)
    if (strcmp(name, names[i]) == 0) {
      *format = (enum format)i;
      return 0;
    }
  return -1;
}

/* --diff takes exactly OLD and NEW; the gate, and the formats made for one
 * build (sarif, summary), have no meaning there. */
static int check_diff_options(const struct options *o, int path_count) {
  if (path_count != 2) {
    fprintf(stderr,
            "escape-report: --diff needs two paths, OLD and NEW (got %d)\n",
            path_count);
    return -1;
  }
  if (o->baseline) {
    fputs("escape-report: --diff cannot be combined with --baseline\n", stderr);
    return -1;
  }
  if (o->format == FORMAT_SARIF || o->format == FORMAT_SUMMARY) {
    fputs("escape-report: --diff writes text, markdown or json\n", stderr);
    return -1;
  }
  return 0;
}

static int parse_options(int argc, char **argv, struct options *o) {
  enum {
    OPT_FORMAT = 256,
    OPT_ROOT,
    OPT_BASELINE,
    OPT_FAIL,
    OPT_DIFF,
    OPT_LIST_REASONS,
    OPT_VERSION
  };
  static const struct option longopts[] = {
      {"format", required_argument, NULL, OPT_FORMAT},
      {"verbose", no_argument, NULL, 'v'},
      {"output", required_argument, NULL, 'o'},
      {"source-root", required_argument, NULL, OPT_ROOT},
      {"baseline", required_argument, NULL, OPT_BASELINE},
      {"fail-on-new-escapes", no_argument, NULL, OPT_FAIL},
      {"diff", no_argument, NULL, OPT_DIFF},
      {"list-reasons", no_argument, NULL, OPT_LIST_REASONS},
      {"version", no_argument, NULL, OPT_VERSION},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0},
  };
  int c;
  while ((c = getopt_long(argc, argv, "vo:h", longopts, NULL)) != -1) {
    switch (c) {
    case OPT_FORMAT:
      if (parse_format(optarg, &o->format) != 0) {
        fprintf(stderr,
                "escape-report: unknown format '%s' (text, json, "
                "sarif, summary, markdown)\n",
                optarg);
        return -1;
      }
      o->format_given = 1;
      break;
    case 'v':
      o->verbose = 1;
      break;
    case 'o':
      o->output = optarg;
      break;
    case OPT_ROOT:
      o->source_root = optarg;
      break;
    case OPT_BASELINE:
      o->baseline = optarg;
      break;
    case OPT_FAIL:
      o->fail_on_new_escapes = 1;
      break;
    case OPT_DIFF:
      o->diff = 1;
      break;
    case OPT_LIST_REASONS:
      reason_kinds_print(stdout);
      exit(0);
    case OPT_VERSION:
      printf("escape-report %s\n", ESCAPE_VERSION);
      exit(0);
    case 'h':
      usage(stdout);
      exit(0);
    default:
      usage(stderr);
      return -1;
    }
  }
  if (o->fail_on_new_escapes && !o->baseline) {
    fputs("escape-report: --fail-on-new-escapes needs --baseline FILE\n",
          stderr);
    return -1;
  }
  if (o->diff && check_diff_options(o, argc - optind) != 0)
    return -1;
  if (optind == argc) {
    fputs("escape-report: no remark files or directories given\n", stderr);
    usage(stderr);
    return -1;
  }
  o->paths = argv + optind;
  o->path_count = argc - optind;
  return 0;
}

static int is_directory(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* What the files of one command-line path held. */
struct yield {
  size_t with_records; /* record files, and objects with .escape.records */
  size_t remarks;      /* of pass escape */
  int failed;
};

static int read_file(const struct record_file *file, struct site_list *sites,
                     struct yield *yield) {
  int status;
  if (file->kind == INPUT_OBJECT) {
    size_t sections = 0;
    status = object_records_read(file->path, sites, &yield->remarks, &sections);
    yield->with_records += sections > 0;
  } else {
    /* clang writes a record file for every translation unit, empty or
     * not. */
    yield->with_records++;
    status = remark_file_read(file->path, sites, &yield->remarks);
  }
  yield->failed |= status != 0;
  return status;
}

/* Says so when a directory or an object held no records, since a build that
 * forgot escape-cc would otherwise pass any gate silently. A path that gave
 * an error has said enough. */
static void say_what_held_nothing(const char *path, const struct yield *y) {
  if (y->failed)
    return;
  int directory = is_directory(path);
  if (y->with_records == 0 && directory)
    fprintf(stderr,
            "escape-report: %s: no records found (objects with "
            ".escape.records, *.opt.yaml, *.opt.bitstream)\n",
            path);
  else if (y->with_records == 0 && object_records_is_object(path))
    fprintf(stderr, "escape-report: %s: no .escape.records section\n", path);
  else if (y->remarks == 0 && directory)
    fprintf(stderr,
            "escape-report: %s: %zu files with records, no remarks of pass "
            "escape\n",
            path, y->with_records);
}

/* Returns through *with_records how many files held records. */
static int read_inputs(char *const *paths, int path_count,
                       struct site_list *sites, size_t *with_records) {
  int status = 0;
  struct record_files files = {0};
  size_t yields_size = (size_t)path_count * sizeof(struct yield);
  struct yield *yields = memset(xrealloc(NULL, yields_size), 0, yields_size);
  for (int i = 0; i < path_count; i++) {
    int collected = inputs_collect(paths[i], (size_t)i, &files);
    yields[i].failed = collected != 0;
    status |= collected;
  }
  for (size_t f = 0; f < files.count; f++)
    status |= read_file(&files.items[f], sites, &yields[files.items[f].input]);
  *with_records = 0;
  for (int i = 0; i < path_count; i++) {
    say_what_held_nothing(paths[i], &yields[i]);
    *with_records += yields[i].with_records;
  }
  free(yields);
  inputs_free(&files);
  return status;
}

/* Consecutive sites mostly come from one record file and share their file
 * name: remember the last answer, since finding it may stat the disk. */
static void relativize(struct site_list *sites, const char *source_root) {
  char *last_file = NULL, *last_relative = NULL;
  for (size_t i = 0; i < sites->count; i++) {
    char *file = sites->items[i].file;
    if (!last_file || strcmp(file, last_file) != 0) {
      free(last_file);
      free(last_relative);
      last_file = xstrdup(file);
      last_relative = source_path_relative(file, source_root);
    }
    sites->items[i].file = xstrdup(last_relative);
    free(file);
  }
  free(last_file);
  free(last_relative);
}

static void write_report(FILE *out, const struct options *o,
                         const struct site_list *sites) {
  switch (o->format) {
  case FORMAT_TEXT:
    report_text(out, sites, o->verbose);
    break;
  case FORMAT_JSON:
    report_json(out, sites);
    break;
  case FORMAT_SARIF:
    report_sarif(out, sites, o->source_root);
    break;
  case FORMAT_SUMMARY:
    report_summary(out, sites);
    break;
  case FORMAT_MARKDOWN:
    report_markdown(out, sites);
    break;
  }
}

/* The gate's findings go to stdout when the gate is all that was asked for,
 * and to stderr when stdout carries a report. Returns the regressions. */
static size_t run_gate(const struct options *o, const struct site_list *sites,
                       int *status) {
  struct site_list baseline = {0};
  size_t regressions = 0;
  if (report_json_load(o->baseline, &baseline) != 0) {
    *status = -1;
  } else {
    FILE *out = o->format_given && !o->output ? stderr : stdout;
    regressions = baseline_print_regressions(out, &baseline, sites);
    fprintf(stderr,
            "escape-report: %zu site%s left the stack since %s "
            "(%zu sites now, %zu in the baseline)\n",
            regressions, regressions == 1 ? "" : "s", o->baseline,
            site_list_count_verdicts(sites),
            site_list_count_verdicts(&baseline));
  }
  site_list_free(&baseline);
  return regressions;
}

/* -o FILE, or stdout; NULL after saying why FILE cannot be written. */
static FILE *open_output(const struct options *o) {
  FILE *out = o->output ? fopen(o->output, "w") : stdout;
  if (!out)
    perror(o->output);
  return out;
}

/* Returns -1 when what was written to FILE may not all be there. */
static int close_output(FILE *out, const struct options *o) {
  if (out != stdout && fclose(out) != 0) {
    perror(o->output);
    return -1;
  }
  return 0;
}

/* One side of --diff: an earlier JSON report (its paths as written), or a
 * build read as for a report. A build without records is an error: against
 * it every site would look new, or removed. */
static int read_diff_side(const struct options *o, char *path,
                          struct site_list *sites) {
  int status;
  if (report_json_is_json(path)) {
    status = report_json_load(path, sites);
  } else {
    size_t with_records = 0;
    status = read_inputs(&path, 1, sites, &with_records);
    relativize(sites, o->source_root);
    if (status == 0 && with_records == 0) {
      fprintf(stderr,
              "escape-report: error: %s: no records to compare (was the "
              "build made with escape-cc?)\n",
              path);
      status = -1;
    }
  }
  site_list_sort_unique(sites);
  return status;
}

static int run_diff(const struct options *o) {
  static const enum diff_format diff_formats[] = {
      [FORMAT_TEXT] = DIFF_TEXT,
      [FORMAT_JSON] = DIFF_JSON,
      [FORMAT_MARKDOWN] = DIFF_MARKDOWN,
  };
  struct site_list was = {0}, now = {0};
  int status = read_diff_side(o, o->paths[0], &was);
  status |= read_diff_side(o, o->paths[1], &now);
  size_t worse = 0;
  FILE *out = status == 0 ? open_output(o) : NULL;
  if (out) {
    worse = report_diff(out, diff_formats[o->format], &was, &now);
    status = close_output(out, o);
  }
  site_list_free(&was);
  site_list_free(&now);
  if (!out || status != 0)
    return EXIT_BAD_INPUT;
  return worse ? EXIT_REGRESSION : 0;
}

int main(int argc, char **argv) {
  struct options o = {0};
  if (parse_options(argc, argv, &o) != 0)
    return EXIT_BAD_INPUT;
  if (o.diff)
    return run_diff(&o);
  struct site_list sites = {0};
  size_t with_records = 0;
  int status = read_inputs(o.paths, o.path_count, &sites, &with_records);
  relativize(&sites, o.source_root);
  site_list_sort_unique(&sites);

  size_t regressions = 0;
  if (o.baseline) {
    regressions = run_gate(&o, &sites, &status);
    if (o.fail_on_new_escapes && with_records == 0) {
      fputs("escape-report: error: no records to check against the "
            "baseline (was the build made with escape-cc?)\n",
            stderr);
      status = -1;
    }
  }
  if (!o.baseline || o.format_given || o.output) {
    FILE *out = open_output(&o);
    if (!out)
      return EXIT_BAD_INPUT;
    write_report(out, &o, &sites);
    status |= close_output(out, &o);
  }
  /* An unmet assertion is what the user asked the build to refuse: with
   * the plugin's assertions=warn the compile went on, and this is the gate,
   * whatever the format. */
  size_t unmet = assertions_count(&sites).unmet;
  if (unmet)
    fprintf(stderr, "escape-report: %zu unmet assertion%s in source\n", unmet,
            unmet == 1 ? "" : "s");
  site_list_free(&sites);
  if (status != 0)
    return EXIT_BAD_INPUT;
  return (o.fail_on_new_escapes && regressions) || unmet ? EXIT_REGRESSION : 0;
}
