//===-- LibcModel.cpp - The C library model table -------------------------===//
//
// Sorted by name for the binary search in lookupLibc. Sources: C17, POSIX.1
// 2017 and the glibc manual. A function that keeps a pointer for later calls,
// another thread or exit handlers says so with `h`.
//
//===----------------------------------------------------------------------===//
#include "LibcModel.h"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace escape {

#define P(N, E) {N, E}
#define NONE {nullptr, ""}

static const LibcFunction Table[] = {
    {"__assert_fail", {P("assertion", ""), P("file", ""), NONE, P("function", "")}, NONE},
    {"access", {P("path", "")}, NONE},
    {"asprintf", {P("strp", ""), P("fmt", "")}, P("...", "")},
    {"atof", {P("s", "")}, NONE},
    {"atoi", {P("s", "")}, NONE},
    {"atol", {P("s", "")}, NONE},
    {"atoll", {P("s", "")}, NONE},
    {"bcmp", {P("a", ""), P("b", "")}, NONE},
    {"bsearch", {P("key", "c4"), P("base", "r c4"), NONE, NONE, P("compar", "")}, NONE},
    {"chdir", {P("path", "")}, NONE},
    {"clock_gettime", {NONE, P("ts", "")}, NONE},
    {"close", {NONE}, NONE},
    {"dprintf", {NONE, P("fmt", "")}, P("...", "")},
    {"fclose", {P("stream", "")}, NONE},
    {"feof", {P("stream", "")}, NONE},
    {"ferror", {P("stream", "")}, NONE},
    {"fflush", {P("stream", "")}, NONE},
    {"fgetc", {P("stream", "")}, NONE},
    {"fgets", {P("s", "r"), NONE, P("stream", "")}, NONE},
    {"fileno", {P("stream", "")}, NONE},
    {"fopen", {P("path", ""), P("mode", "")}, NONE},
    {"fprintf", {P("stream", ""), P("fmt", "")}, P("...", "")},
    {"fputc", {NONE, P("stream", "")}, NONE},
    {"fputs", {P("s", ""), P("stream", "")}, NONE},
    {"fread", {P("ptr", ""), NONE, NONE, P("stream", "")}, NONE},
    {"fscanf", {P("stream", ""), P("fmt", "")}, P("...", "")},
    {"fseek", {P("stream", "")}, NONE},
    {"fstat", {NONE, P("buf", "")}, NONE},
    {"ftell", {P("stream", "")}, NONE},
    {"fwrite", {P("ptr", ""), NONE, NONE, P("stream", "")}, NONE},
    {"getc", {P("stream", "")}, NONE},
    {"getcwd", {P("buf", "r")}, NONE},
    {"getdelim", {P("lineptr", "f1"), P("n", ""), NONE, P("stream", "")}, NONE},
    {"getline", {P("lineptr", "f1"), P("n", ""), P("stream", "")}, NONE},
    {"gettimeofday", {P("tv", ""), P("tz", "")}, NONE},
    {"lstat", {P("path", ""), P("buf", "")}, NONE},
    {"memchr", {P("s", "r")}, NONE},
    {"memcmp", {P("a", ""), P("b", "")}, NONE},
    {"memcpy", {P("dest", "r"), P("src", "m0")}, NONE},
    {"memmove", {P("dest", "r"), P("src", "m0")}, NONE},
    {"mempcpy", {P("dest", "r"), P("src", "m0")}, NONE},
    {"memrchr", {P("s", "r")}, NONE},
    {"memset", {P("s", "r")}, NONE},
    {"mkdir", {P("path", "")}, NONE},
    {"on_exit", {NONE, P("arg", "h")}, NONE},
    {"open", {P("path", "")}, P("...", "")},
    {"perror", {P("s", "")}, NONE},
    {"printf", {P("fmt", "")}, P("...", "")},
    {"pthread_create", {P("thread", ""), P("attr", ""), NONE, P("arg", "h")}, NONE},
    {"pthread_join", {NONE, P("retval", "")}, NONE},
    {"pthread_mutex_destroy", {P("mutex", "")}, NONE},
    {"pthread_mutex_init", {P("mutex", ""), P("attr", "")}, NONE},
    {"pthread_mutex_lock", {P("mutex", "")}, NONE},
    {"pthread_mutex_unlock", {P("mutex", "")}, NONE},
    {"pthread_setspecific", {NONE, P("value", "h")}, NONE},
    {"putc", {NONE, P("stream", "")}, NONE},
    {"putenv", {P("string", "h")}, NONE},
    {"puts", {P("s", "")}, NONE},
    {"qsort", {P("base", "c3"), NONE, NONE, P("compar", "")}, NONE},
    {"read", {NONE, P("buf", "")}, NONE},
    {"remove", {P("path", "")}, NONE},
    {"rename", {P("old", ""), P("new", "")}, NONE},
    {"rmdir", {P("path", "")}, NONE},
    {"scanf", {P("fmt", "")}, P("...", "")},
    {"setbuf", {P("stream", ""), P("buf", "h")}, NONE},
    {"setenv", {P("name", ""), P("value", "")}, NONE},
    {"setvbuf", {P("stream", ""), P("buf", "h")}, NONE},
    {"snprintf", {P("str", ""), NONE, P("fmt", "")}, P("...", "")},
    {"sprintf", {P("str", ""), P("fmt", "")}, P("...", "")},
    {"sscanf", {P("str", ""), P("fmt", "")}, P("...", "")},
    {"stat", {P("path", ""), P("buf", "")}, NONE},
    {"stpcpy", {P("dest", "r"), P("src", "")}, NONE},
    {"stpncpy", {P("dest", "r"), P("src", "")}, NONE},
    {"strcasecmp", {P("a", ""), P("b", "")}, NONE},
    {"strcat", {P("dest", "r"), P("src", "")}, NONE},
    {"strchr", {P("s", "r")}, NONE},
    {"strchrnul", {P("s", "r")}, NONE},
    {"strcmp", {P("a", ""), P("b", "")}, NONE},
    {"strcoll", {P("a", ""), P("b", "")}, NONE},
    {"strcpy", {P("dest", "r"), P("src", "")}, NONE},
    {"strcspn", {P("s", ""), P("reject", "")}, NONE},
    {"strdup", {P("s", "")}, NONE},
    {"strerror_r", {NONE, P("buf", "r")}, NONE},
    {"strlen", {P("s", "")}, NONE},
    {"strncasecmp", {P("a", ""), P("b", "")}, NONE},
    {"strncat", {P("dest", "r"), P("src", "")}, NONE},
    {"strncmp", {P("a", ""), P("b", "")}, NONE},
    {"strncpy", {P("dest", "r"), P("src", "")}, NONE},
    {"strndup", {P("s", "")}, NONE},
    {"strnlen", {P("s", "")}, NONE},
    {"strpbrk", {P("s", "r"), P("accept", "")}, NONE},
    {"strrchr", {P("s", "r")}, NONE},
    {"strspn", {P("s", ""), P("accept", "")}, NONE},
    {"strstr", {P("haystack", "r"), P("needle", "")}, NONE},
    {"strtod", {P("nptr", "s1"), P("endptr", "")}, NONE},
    {"strtof", {P("nptr", "s1"), P("endptr", "")}, NONE},
    {"strtok", {P("str", "h"), P("delim", "")}, NONE},
    {"strtok_r", {P("str", "r s2"), P("delim", ""), P("saveptr", "R")}, NONE},
    {"strtol", {P("nptr", "s1"), P("endptr", "")}, NONE},
    {"strtold", {P("nptr", "s1"), P("endptr", "")}, NONE},
    {"strtoll", {P("nptr", "s1"), P("endptr", "")}, NONE},
    {"strtoul", {P("nptr", "s1"), P("endptr", "")}, NONE},
    {"strtoull", {P("nptr", "s1"), P("endptr", "")}, NONE},
    {"time", {P("tloc", "")}, NONE},
    {"ungetc", {NONE, P("stream", "")}, NONE},
    {"unlink", {P("path", "")}, NONE},
    {"vfprintf", {P("stream", ""), P("fmt", ""), P("ap", "")}, NONE},
    {"vprintf", {P("fmt", ""), P("ap", "")}, NONE},
    {"vsnprintf", {P("str", ""), NONE, P("fmt", ""), P("ap", "")}, NONE},
    {"vsprintf", {P("str", ""), P("fmt", ""), P("ap", "")}, NONE},
    {"write", {NONE, P("buf", "")}, NONE},
};

#undef P
#undef NONE

const LibcFunction *lookupLibc(llvm::StringRef Name) {
  auto Less = [](const LibcFunction &E, llvm::StringRef N) {
    return llvm::StringRef(E.Name) < N;
  };
  const LibcFunction *It =
      std::lower_bound(std::begin(Table), std::end(Table), Name, Less);
  if (It != std::end(Table) && Name == It->Name)
    return It;
  return nullptr;
}

} // namespace escape
