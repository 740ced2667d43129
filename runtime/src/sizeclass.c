/* Go's size classes (src/internal/runtime/gc/sizeclasses.go): object size
 * and span length in 8 KiB pages per class (include/escape/SizeClasses.def,
 * shared with the plugin), and Go's two lookup tables from a request size to
 * its class. Class 0 is "large": a run of whole pages.
 *
 * One change from Go: requests of 17..24 bytes map to the 32-byte class, not
 * the 24-byte one, because a 24-byte slot is only 8-aligned and C promises
 * max_align_t (16) to malloc. The 24-byte class stays reachable through
 * escrt_malloc_class when the compiler knows the alignment need is 8. */
#include "internal.h"

ESCRT_HIDDEN const uint32_t escrt_class_size_table[68] = {
    0,
#define ESCRT_SIZE_CLASS(Class, ObjectSize, SpanPages) ObjectSize,
#include "escape/SizeClasses.def"
};

ESCRT_HIDDEN const uint8_t escrt_class_npages[68] = {
    0,
#define ESCRT_SIZE_CLASS(Class, ObjectSize, SpanPages) SpanPages,
#include "escape/SizeClasses.def"
};

ESCRT_HIDDEN const uint8_t escrt_class_by8[129] = {
    1, 1, 2, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
    12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18, 19, 19, 19, 19, 20, 20, 20,
    20, 21, 21, 21, 21, 22, 22, 22, 22, 23, 23, 23, 23, 24, 24, 24, 24, 25, 25, 25,
    25, 26, 26, 26, 26, 27, 27, 27, 27, 27, 27, 27, 27, 28, 28, 28, 28, 28, 28, 28,
    28, 29, 29, 29, 29, 29, 29, 29, 29, 30, 30, 30, 30, 30, 30, 30, 30, 31, 31, 31,
    31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 31, 32, 32, 32, 32, 32, 32, 32,
    32, 32, 32, 32, 32, 32, 32, 32, 32,
};

ESCRT_HIDDEN const uint8_t escrt_class_by128[249] = {
    32, 33, 34, 35, 36, 37, 37, 38, 38, 39, 39, 40, 40, 40, 41, 41, 41, 42, 43, 43,
    44, 44, 44, 44, 44, 45, 45, 45, 45, 45, 45, 46, 46, 46, 46, 47, 47, 47, 47, 47,
    47, 48, 48, 48, 49, 49, 50, 51, 51, 51, 51, 51, 51, 51, 51, 51, 51, 52, 52, 52,
    52, 52, 52, 52, 52, 52, 52, 53, 53, 54, 54, 54, 54, 55, 55, 55, 55, 55, 56, 56,
    56, 56, 56, 56, 56, 56, 56, 56, 56, 57, 57, 57, 57, 57, 57, 57, 57, 57, 57, 58,
    58, 58, 58, 58, 58, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59, 59,
    59, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 61, 61, 61,
    61, 61, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 63, 63, 63, 63, 63, 63, 63,
    63, 63, 63, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 64, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65,
    65, 65, 65, 65, 65, 65, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 67, 67, 67,
    67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67, 67,
    67, 67, 67, 67, 67, 67, 67, 67, 67,
};

/* size <= 1024: escrt_class_by8[(size + 7) / 8]; 1024 < size <= 32 KiB:
 * escrt_class_by128[(size - 1024 + 127) / 128] (see escrt_class_of). */

escrt_slot_test escrt_slot_tests[ESCRT_NUM_CLASSES];
/* The exported name (see escrt_region in pageheap.c: a copy of it in a
 * program has zero limits, which no address passes). */
extern escrt_slot_test escrt_class_slot[ESCRT_NUM_CLASSES]
    __attribute__((alias("escrt_slot_tests")));

/* The slot test's constants (escrt_span_is_slot): c = ceil(2^64 / size) and
 * nelems * e with e = c * size - 2^64 (1 when e = 0). Every span of a class
 * has the same length, so they are per class. */
void escrt_sizeclass_init(void) {
  for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++) {
    uint32_t size = escrt_class_size_table[c];
    uint64_t n = ((uint64_t)escrt_class_npages[c] << ESCRT_PAGE_SHIFT) / size;
    uint64_t d = UINT64_MAX / size + 1;
    uint64_t e = d * size; /* mod 2^64 */
    escrt_slot_tests[c].divisor = d;
    escrt_slot_tests[c].limit = e ? n * e : 1;
    escrt_slot_tests[c].size = size;
  }
}

unsigned escrt_size_class(size_t size) { return escrt_class_of(size); }

size_t escrt_class_size(unsigned cls) {
  return cls < ESCRT_NUM_CLASSES ? escrt_class_size_table[cls] : 0;
}
