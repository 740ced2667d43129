#include "object_records.h"

#include "remark_file.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

static const char section_name[] = ".escape.records";
static const char header_tag[] = "ESCAPE-RECORDS ";
enum { FORMAT_VERSION = 1 };
/* A header is at most the tag, three 19-digit numbers and " zlib " (79
 * bytes): a line longer than this is garbage, not a long header. */
enum { HEADER_MAX = 128 };
/* deflate never shrinks data more than 1032 times: a header that promises
 * more is corrupt, and is not worth allocating for. */
enum { ZLIB_MAX_RATIO = 1032 };

int object_records_is_object(const char *path) {
  unsigned char magic[8];
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  size_t got = fread(magic, 1, sizeof magic, f);
  fclose(f);
  return (got >= 4 && memcmp(magic, "\177ELF", 4) == 0) ||
         (got == 8 && memcmp(magic, "!<arch>\n", 8) == 0);
}

/* What one pass over a file's sections does: read their records, or (out
 * NULL) only count the sections, quietly. */
struct visit {
  struct site_list *out;
  size_t *escape_remarks;
  size_t sections;
};

/* "escape-report: path(member): error: ...", unless only counting. */
__attribute__((format(printf, 3, 4))) static int
complain(const struct visit *v, const char *where, const char *format, ...) {
  if (!v->out)
    return -1;
  fprintf(stderr, "escape-report: %s: error: ", where);
  va_list args;
  va_start(args, format);
  vfprintf(stderr, format, args);
  va_end(args);
  fputc('\n', stderr);
  return -1;
}

/* libelf's last error, which this clears. */
static int elf_failure(const struct visit *v, const char *where) {
  return complain(v, where, "%s", elf_errmsg(elf_errno()));
}

/* A decimal number of at most 19 digits (no overflow), at *p; advances *p
 * past it. */
static int parse_number(const char **p, const char *end, size_t *value) {
  const char *start = *p;
  *value = 0;
  while (*p < end && **p >= '0' && **p <= '9' && *p - start < 19)
    *value = *value * 10 + (size_t)(*(*p)++ - '0');
  return *p > start && (*p == end || **p < '0' || **p > '9') ? 0 : -1;
}

static int parse_word(const char **p, const char *end, const char *word) {
  size_t n = strlen(word);
  if ((size_t)(end - *p) < n || memcmp(*p, word, n) != 0)
    return -1;
  *p += n;
  return 0;
}

struct header {
  size_t version, size;
  size_t inflated; /* the YAML's size for a zlib blob, else 0 */
  int zlib;
};

/* The header line [line, end) without its '\n'. The version comes first, so
 * that any header of a newer version is named as such. */
static int parse_header(const char *line, const char *end, struct header *h) {
  memset(h, 0, sizeof *h);
  const char *p = line;
  if (parse_word(&p, end, header_tag) || parse_number(&p, end, &h->version))
    return -1;
  if (h->version != FORMAT_VERSION)
    return 0;
  if (parse_word(&p, end, " ") || parse_number(&p, end, &h->size))
    return -1;
  if (p == end)
    return 0;
  h->zlib = 1;
  if (parse_word(&p, end, " zlib ") || parse_number(&p, end, &h->inflated))
    return -1;
  return p == end ? 0 : -1;
}

static int read_payload(struct visit *v, const char *where, size_t offset,
                        unsigned blob, const struct header *h,
                        const char *payload) {
  char *label = xrealloc(NULL, strlen(where) + 32);
  sprintf(label, "%s:blob %u", where, blob);
  int status;
  if (!h->zlib) {
    status =
        remark_buffer_read(label, payload, h->size, v->out, v->escape_remarks);
  } else if (h->inflated / ZLIB_MAX_RATIO > h->size) {
    status = complain(v, where,
                      "%s offset %zu: blob %u: %zu bytes of zlib cannot "
                      "inflate to %zu",
                      section_name, offset, blob, h->size, h->inflated);
  } else {
    char *yaml = xrealloc(NULL, h->inflated + 1);
    uLongf got = h->inflated;
    if (uncompress((Bytef *)yaml, &got, (const Bytef *)payload, h->size) !=
            Z_OK ||
        got != h->inflated)
      status = complain(v, where,
                        "%s offset %zu: blob %u: the zlib data does not "
                        "inflate to %zu bytes",
                        section_name, offset, blob, h->inflated);
    else
      status = remark_buffer_read(label, yaml, got, v->out, v->escape_remarks);
    free(yaml);
  }
  free(label);
  return status;
}

/* One section's blobs, in order. A bad header stops the section (nothing
 * after it can be found); a bad payload only its blob. */
static int read_blobs(struct visit *v, const char *where, const char *data,
                      size_t size) {
  int status = 0;
  unsigned blob = 0;
  for (size_t at = 0; at < size;) {
    if (data[at] == '\0') {
      at++;
      continue;
    }
    size_t window = size - at < HEADER_MAX ? size - at : HEADER_MAX;
    const char *newline = memchr(data + at, '\n', window);
    struct header h;
    if (!newline || parse_header(data + at, newline, &h) != 0)
      return complain(v, where,
                      "%s offset %zu: not a record header (\"%s%d <n>\" "
                      "expected)",
                      section_name, at, header_tag, FORMAT_VERSION);
    if (h.version != FORMAT_VERSION)
      return complain(v, where,
                      "%s offset %zu: unsupported record version %zu (this "
                      "escape-report reads version %d)",
                      section_name, at, h.version, FORMAT_VERSION);
    size_t payload = (size_t)(newline + 1 - data);
    if (h.size > size - payload)
      return complain(v, where,
                      "%s offset %zu: truncated blob: the header says %zu "
                      "bytes, %zu follow",
                      section_name, at, h.size, size - payload);
    status |= read_payload(v, where, at, ++blob, &h, data + payload);
    at = payload + h.size;
  }
  return status;
}

static int visit_section(struct visit *v, const char *where, Elf_Scn *scn) {
  v->sections++;
  if (!v->out)
    return 0;
  Elf_Data *data = elf_getdata(scn, NULL);
  if (!data)
    return elf_failure(v, where);
  /* An empty (or SHT_NOBITS) section has no bytes: no records. */
  if (!data->d_buf)
    return 0;
  return read_blobs(v, where, data->d_buf, data->d_size);
}

static int visit_elf(struct visit *v, Elf *elf, const char *where) {
  GElf_Ehdr ehdr;
  size_t count, names;
  if (!gelf_getehdr(elf, &ehdr) || elf_getshdrnum(elf, &count) != 0 ||
      elf_getshdrstrndx(elf, &names) != 0)
    return elf_failure(v, where);
  /* libelf takes section headers past the end of a cut file for none. */
  if (count == 0 && ehdr.e_shoff != 0)
    return complain(v, where, "truncated: the section headers are missing");
  int status = 0;
  for (Elf_Scn *scn = NULL; (scn = elf_nextscn(elf, scn));) {
    GElf_Shdr shdr;
    if (!gelf_getshdr(scn, &shdr))
      return elf_failure(v, where);
    const char *name = elf_strptr(elf, names, shdr.sh_name);
    if (name && strcmp(name, section_name) == 0)
      status |= visit_section(v, where, scn);
  }
  return status;
}

/* Members that are not ELF (the symbol and name tables, LLVM bitcode of an
 * LTO build) hold no records. libelf cuts a member that the file cuts, so a
 * cut archive shows as a cut object. */
static int visit_archive(struct visit *v, int fd, Elf *archive,
                         const char *path) {
  int status = 0;
  Elf_Cmd cmd = ELF_C_READ_MMAP;
  Elf *member;
  while ((member = elf_begin(fd, cmd, archive))) {
    Elf_Arhdr *arhdr = elf_getarhdr(member);
    if (arhdr && elf_kind(member) == ELF_K_ELF) {
      char *where = xrealloc(NULL, strlen(path) + strlen(arhdr->ar_name) + 3);
      sprintf(where, "%s(%s)", path, arhdr->ar_name);
      status |= visit_elf(v, member, where);
      free(where);
    }
    cmd = elf_next(member);
    elf_end(member);
  }
  return status;
}

static int visit_file(struct visit *v, const char *path) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return complain(v, path, "%s", strerror(errno));
  elf_version(EV_CURRENT);
  Elf *file = elf_begin(fd, ELF_C_READ_MMAP, NULL);
  int status;
  if (!file)
    status = elf_failure(v, path);
  else if (elf_kind(file) == ELF_K_AR)
    status = visit_archive(v, fd, file, path);
  else if (elf_kind(file) == ELF_K_ELF)
    status = visit_elf(v, file, path);
  else
    status = complain(v, path, "not an ELF file or archive");
  elf_end(file);
  close(fd);
  return status;
}

int object_records_read(const char *path, struct site_list *out,
                        size_t *escape_remarks, size_t *sections) {
  struct visit v = {out, escape_remarks, 0};
  int status = visit_file(&v, path);
  *sections += v.sections;
  return status;
}

int object_records_present(const char *path) {
  struct visit v = {NULL, NULL, 0};
  visit_file(&v, path);
  return v.sections > 0;
}
