# Finds the LLVM of one major and refuses majors the plugin does not support.
#
# -DESCAPE_LLVM_MAJOR=N picks /usr/lib/llvm-N through llvm-config-N; -DLLVM_DIR=... also works.
# Debian's LLVMConfigVersion.cmake only matches an exact major.minor, so the version is
# checked here by hand instead of through find_package(LLVM <version>).
set(ESCAPE_SUPPORTED_MAJORS 19 20 21 22)
set(ESCAPE_LLVM_MAJOR "" CACHE STRING "LLVM major to build against (19..22)")

if(ESCAPE_LLVM_MAJOR AND NOT LLVM_DIR)
  if(NOT ESCAPE_LLVM_MAJOR IN_LIST ESCAPE_SUPPORTED_MAJORS)
    message(FATAL_ERROR "Escape supports LLVM majors 19 to 22; ESCAPE_LLVM_MAJOR=${ESCAPE_LLVM_MAJOR} is not one of them")
  endif()
  find_program(ESCAPE_LLVM_CONFIG llvm-config-${ESCAPE_LLVM_MAJOR}
               HINTS /usr/lib/llvm-${ESCAPE_LLVM_MAJOR}/bin NO_CACHE)
  if(NOT ESCAPE_LLVM_CONFIG)
    message(FATAL_ERROR "llvm-config-${ESCAPE_LLVM_MAJOR} not found: install llvm-${ESCAPE_LLVM_MAJOR}-dev (scripts/setup-debian.sh does).")
  endif()
  execute_process(COMMAND ${ESCAPE_LLVM_CONFIG} --cmakedir
                  OUTPUT_VARIABLE LLVM_DIR OUTPUT_STRIP_TRAILING_WHITESPACE)
endif()

find_package(LLVM REQUIRED CONFIG)

if(NOT LLVM_VERSION_MAJOR IN_LIST ESCAPE_SUPPORTED_MAJORS)
  message(FATAL_ERROR "Escape supports LLVM majors 19 to 22; found LLVM ${LLVM_PACKAGE_VERSION} in ${LLVM_DIR}.")
endif()
message(STATUS "Escape: LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")

set(ESCAPE_LLVM_BINDIR "${LLVM_TOOLS_BINARY_DIR}")
set(ESCAPE_CLANG "${ESCAPE_LLVM_BINDIR}/clang")
if(NOT EXISTS "${ESCAPE_CLANG}")
  message(FATAL_ERROR "clang of LLVM ${LLVM_VERSION_MAJOR} not found at ${ESCAPE_CLANG}: install clang-${LLVM_VERSION_MAJOR}.")
endif()
