#include "remark_file.h"

#include "xalloc.h"

#include <llvm-c/Remarks.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The extra (YAML-only) arguments start with whichever of these comes
 * first: the message is the concatenation of the arguments before it, as in
 * LLVM's ore::setExtraArgs. */
static const char *const extra_arg_keys[] = {
    "ReasonKind", "InlinedFrom", "Assertion", "AssertionMet", "Mode"};

static int is_extra_arg(const char *key) {
  for (size_t i = 0; i < sizeof extra_arg_keys / sizeof *extra_arg_keys; i++)
    if (strcmp(key, extra_arg_keys[i]) == 0)
      return 1;
  return 0;
}

/* Remark strings point into the file buffer and are not NUL-terminated.
 * LLVM's YAML parser strips the quotes of a single-quoted scalar but keeps
 * its escaped quotes doubled ('it''s' reads as it''s); undo that here. */
static char *copy_string(LLVMRemarkStringRef s) {
  if (!s)
    return NULL;
  char *copy = xstrndup(LLVMRemarkStringGetData(s), LLVMRemarkStringGetLen(s));
  char *to = copy;
  for (const char *from = copy; *from; from++) {
    *to++ = *from;
    if (from[0] == '\'' && from[1] == '\'')
      from++;
  }
  *to = '\0';
  return copy;
}

static int string_equals(LLVMRemarkStringRef s, const char *text) {
  size_t n = strlen(text);
  return s && LLVMRemarkStringGetLen(s) == n &&
         memcmp(LLVMRemarkStringGetData(s), text, n) == 0;
}

static void read_location(LLVMRemarkEntryRef remark, struct site *site) {
  LLVMRemarkDebugLocRef loc = LLVMRemarkEntryGetDebugLoc(remark);
  if (!loc) {
    site->file = xstrdup("<unknown>");
    return;
  }
  site->file = copy_string(LLVMRemarkDebugLocGetSourceFilePath(loc));
  site->line = LLVMRemarkDebugLocGetSourceLine(loc);
  site->column = LLVMRemarkDebugLocGetSourceColumn(loc);
}

static void read_args(LLVMRemarkEntryRef remark, struct site *site) {
  int in_extra = 0;
  for (LLVMRemarkArgRef arg = LLVMRemarkEntryGetFirstArg(remark); arg;
       arg = LLVMRemarkEntryGetNextArg(arg, remark)) {
    char *key = copy_string(LLVMRemarkArgGetKey(arg));
    char *value = copy_string(LLVMRemarkArgGetValue(arg));
    in_extra = in_extra || is_extra_arg(key);
    if (!in_extra)
      xstrappend(&site->message, value, strlen(value));
    /* YAML may write the flag quoted or not; the parser unquotes it. */
    if (strcmp(key, "AssertionMet") == 0)
      site->assertion_met = strcmp(value, "true") == 0;
    char **field = strcmp(key, "Callee") == 0       ? &site->callee
                   : strcmp(key, "Size") == 0       ? &site->size
                   : strcmp(key, "Reason") == 0     ? &site->reason
                   : strcmp(key, "ReasonKind") == 0 ? &site->reason_kind
                   : strcmp(key, "Param") == 0      ? &site->param
                   : strcmp(key, "Assertion") == 0  ? &site->assertion
                   : strcmp(key, "Mode") == 0       ? &site->mode
                                                    : NULL;
    if (field && !*field)
      *field = value;
    else
      free(value);
    free(key);
  }
  if (!site->message)
    site->message = xstrdup("");
}

static int is_flow(const struct site *s) {
  return strcmp(s->remark_name, "EscapeFlow") == 0;
}

static int compare_places(const struct site *a, const struct site *b) {
  int c;
  if ((c = strcmp(a->file, b->file)) || (c = strcmp(a->function, b->function)))
    return c;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  return a->column < b->column ? -1 : a->column > b->column;
}

static int compare_site_pointers(const void *a, const void *b) {
  return compare_places(*(struct site *const *)a, *(struct site *const *)b);
}

/* -escape-explain emits one EscapeFlow remark per line at the allocation
 * site; fold each into the verdict of the same place and function of this
 * file, so that the explanation travels (and deduplicates) with it. The
 * verdicts are sorted by place once, so a file of any size stays linear-log. */
static void attach_flows(struct site_list *out, size_t first) {
  size_t n = out->count - first, verdicts = 0;
  struct site **by_place = xrealloc(NULL, (n + 1) * sizeof *by_place);
  for (size_t i = first; i < out->count; i++)
    if (out->items[i].verdict != VERDICT_NONE)
      by_place[verdicts++] = &out->items[i];
  qsort(by_place, verdicts, sizeof *by_place, compare_site_pointers);
  /* Owners are found before any site moves; the flows' text is appended to
   * them, and then the list is compacted. */
  unsigned char *folded = memset(xrealloc(NULL, n + 1), 0, n + 1);
  for (size_t i = first; i < out->count; i++) {
    struct site *flow = &out->items[i];
    if (!is_flow(flow))
      continue;
    struct site **owner = bsearch(&flow, by_place, verdicts, sizeof *by_place,
                                  compare_site_pointers);
    if (!owner)
      continue;
    if ((*owner)->flow)
      xstrappend(&(*owner)->flow, "\n", 1);
    xstrappend(&(*owner)->flow, flow->message, strlen(flow->message));
    site_free(flow);
    folded[i - first] = 1;
  }
  free(by_place);
  size_t kept = first;
  for (size_t i = first; i < out->count; i++)
    if (!folded[i - first])
      out->items[kept++] = out->items[i];
  out->count = kept;
  free(folded);
}

static void read_entry(LLVMRemarkEntryRef remark, struct site_list *out) {
  struct site *site = site_list_push(out);
  read_location(remark, site);
  site->function = copy_string(LLVMRemarkEntryGetFunctionName(remark));
  if (!site->function)
    site->function = xstrdup("");
  site->remark_name = copy_string(LLVMRemarkEntryGetRemarkName(remark));
  if (!site->remark_name)
    site->remark_name = xstrdup("");
  site->verdict = verdict_from_remark_name(site->remark_name);
  read_args(remark, site);
  /* Flow lines may come indented as Go prints them; each format indents
   * them its own way. */
  if (is_flow(site)) {
    size_t indent = strspn(site->message, " \t");
    memmove(site->message, site->message + indent,
            strlen(site->message + indent) + 1);
  }
}

/* LLVM's YAML errors read "YAML:19:1: error: unknown key.\n<source line>";
 * keep the position and the first line, with the real file name. Bitstream
 * errors carry no position, so the number of remarks read before the error
 * says where it is. */
static void report_parse_error(const char *where, const char *message,
                               size_t remarks_before) {
  unsigned line, column;
  int consumed = 0;
  if (sscanf(message, "YAML:%u:%u: error: %n", &line, &column, &consumed) ==
          2 &&
      consumed > 0)
    fprintf(stderr, "escape-report: %s:%u:%u: error: %.*s\n", where, line,
            column, (int)strcspn(message + consumed, "\n"), message + consumed);
  else
    fprintf(stderr, "escape-report: %s: error: %.*s (after %zu remarks)\n",
            where, (int)strcspn(message, "\n"), message, remarks_before);
}

/* The YAML parser would echo binary garbage back in its error message; name
 * the first NUL byte instead. */
static int reject_binary(const char *where, const char *buf, size_t size) {
  const char *nul = memchr(buf, '\0', size);
  if (!nul)
    return 0;
  unsigned line = 1, column = 1;
  for (const char *p = buf; p < nul; p++, column++)
    if (*p == '\n')
      line++, column = 0;
  fprintf(stderr,
          "escape-report: %s:%u:%u: error: binary data (NUL byte at offset "
          "%zu), not a remark file\n",
          where, line, column, (size_t)(nul - buf));
  return -1;
}

static char *read_whole_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "escape-report: %s: error: %s\n", path, strerror(errno));
    return NULL;
  }
  char *buf = NULL;
  size_t len = 0, cap = 0, got;
  do {
    if (cap - len < 65536)
      buf = xrealloc(buf, cap = 2 * cap + 65536);
    got = fread(buf + len, 1, cap - len, f);
    len += got;
  } while (got > 0);
  int failed = ferror(f);
  fclose(f);
  if (failed) {
    fprintf(stderr, "escape-report: %s: error: read failed\n", path);
    free(buf);
    return NULL;
  }
  *size = len;
  return buf;
}

int remark_buffer_read(const char *where, const char *buf, size_t size,
                       struct site_list *out, size_t *escape_remarks) {
  /* clang writes an empty record when a translation unit has no remarks. */
  if (size == 0)
    return 0;
  int is_bitstream = size >= 4 && memcmp(buf, "RMRK", 4) == 0;
  if (!is_bitstream && reject_binary(where, buf, size))
    return -1;
  /* The parser's strings point into buf: it lives until the parser dies. */
  LLVMRemarkParserRef parser = is_bitstream
                                   ? LLVMRemarkParserCreateBitstream(buf, size)
                                   : LLVMRemarkParserCreateYAML(buf, size);
  size_t first = out->count, remarks_read = 0;
  LLVMRemarkEntryRef remark;
  while ((remark = LLVMRemarkParserGetNext(parser))) {
    remarks_read++;
    if (string_equals(LLVMRemarkEntryGetPassName(remark), "escape")) {
      read_entry(remark, out);
      ++*escape_remarks;
    }
    LLVMRemarkEntryDispose(remark);
  }
  int status = 0;
  if (LLVMRemarkParserHasError(parser)) {
    report_parse_error(where, LLVMRemarkParserGetErrorMessage(parser),
                       remarks_read);
    status = -1;
  }
  LLVMRemarkParserDispose(parser);
  attach_flows(out, first);
  return status;
}

int remark_file_read(const char *path, struct site_list *out,
                     size_t *escape_remarks) {
  size_t size;
  char *buf = read_whole_file(path, &size);
  if (!buf)
    return -1;
  int status = remark_buffer_read(path, buf, size, out, escape_remarks);
  free(buf);
  return status;
}
