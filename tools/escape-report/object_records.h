/* The escape records inside objects: every .escape.records section of an
 * ELF file (object, executable, shared library) or of the members of an ar
 * archive, read with libelf.
 *
 * The section (format version 1, written by the plugin's records-section,
 * plugin/RecordSection.h; docs/ci.md, "Records inside objects"):
 *   ELF section .escape.records, SHT_PROGBITS, no flags: never loaded, and
 *   concatenated by linkers, so executables and shared libraries keep the
 *   records of every object they were linked from until they are stripped.
 *   Content: blobs, each an ASCII header line and n bytes of payload:
 *     "ESCAPE-RECORDS 1 <n>\n"            the payload is the YAML itself
 *     "ESCAPE-RECORDS 1 <n> zlib <m>\n"   the payload is a zlib stream
 *                                         (RFC 1950) of the m bytes of YAML
 *   n and m are decimal byte counts. The YAML is what
 *   -fsave-optimization-record writes into a .opt.yaml file for pass
 *   escape. NUL bytes may stand before a header (a linker's padding).
 * A header of another version is an error naming it; a cut blob or bytes
 * that are no header are an error naming the offset in the section. */
#ifndef ESCAPE_REPORT_OBJECT_RECORDS_H
#define ESCAPE_REPORT_OBJECT_RECORDS_H

#include "site.h"

/* Whether the file starts like an ELF file or an ar archive. 0 as well when
 * it cannot be read: whoever reads it next says why. */
int object_records_is_object(const char *path);

/* Appends the escape remarks of every blob of every .escape.records section
 * of the ELF file or archive at `path` to `out`, adds their number to
 * *escape_remarks and the number of sections to *sections (an object
 * without one adds nothing). On an unreadable file or section it prints
 * "path(member): error: ..." and returns -1; the blobs read before the
 * error are kept, and a blob whose YAML is malformed does not stop the
 * next one. */
int object_records_read(const char *path, struct site_list *out,
                        size_t *escape_remarks, size_t *sections);

/* Whether the file has a .escape.records section; quiet on errors, which
 * object_records_read reports. */
int object_records_present(const char *path);

#endif
