/* Go's size classes (src/internal/runtime/gc/sizeclasses.go): object size
 * and span length in 8 KiB pages per class, and Go's two lookup tables from a
 * request size to its class. Class 0 is "large": a run of whole pages.
 *
 * One change from Go: requests of 17..24 bytes map to the 32-byte class, not
 * the 24-byte one, because a 24-byte slot is only 8-aligned and C promises
 * max_align_t (16) to malloc. The 24-byte class stays reachable through
 * escrt_malloc_class when the compiler knows the alignment need is 8. */
#include "internal.h"

ESCRT_HIDDEN const uint32_t escrt_class_size_table[68] = {
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112,
    128, 144, 160, 176, 192, 208, 224, 240, 256, 288,
    320, 352, 384, 416, 448, 480, 512, 576, 640, 704,
    768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304,
    2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784,
    6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384,
    18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768,
};

ESCRT_HIDDEN const uint8_t escrt_class_npages[68] = {
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 2, 1, 2,
    1, 3, 2, 3, 1, 3, 2, 3, 4, 5, 6, 1, 7, 6, 5, 4, 3, 5, 7, 2,
    9, 7, 5, 8, 3, 10, 7, 4,
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

ESCRT_HIDDEN escrt_slot_tests escrt_class_slot;

/* The slot test's constants (escrt_span_is_slot): c = ceil(2^64 / size) and
 * nelems * e with e = c * size - 2^64 (1 when e = 0). Every span of a class
 * has the same length, so they are per class. */
void escrt_sizeclass_init(void) {
  for (unsigned c = 1; c < ESCRT_NUM_CLASSES; c++) {
    uint32_t size = escrt_class_size_table[c];
    uint64_t n = ((uint64_t)escrt_class_npages[c] << ESCRT_PAGE_SHIFT) / size;
    uint64_t d = UINT64_MAX / size + 1;
    uint64_t e = d * size; /* mod 2^64 */
    escrt_class_slot.divisor[c] = d;
    escrt_class_slot.limit[c] = e ? n * e : 1;
  }
}

unsigned escrt_size_class(size_t size) { return escrt_class_of(size); }

size_t escrt_class_size(unsigned cls) {
  return cls < ESCRT_NUM_CLASSES ? escrt_class_size_table[cls] : 0;
}
