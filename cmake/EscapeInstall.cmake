# cmake --install <tree> --prefix P (or make install PREFIX=P): a relocatable
# Escape for one LLVM major.
#   P/bin/escape-cc, escape-report     the tools (escape-cc finds ../lib/)
#   P/lib/EscapePlugin.so              the pass plugin
#   P/lib/libescrt.so, libescrt.a      the runtime
#   P/lib/pkgconfig/escrt.pc           pkg-config --cflags --libs escrt
#   P/lib/cmake/escrt/EscrtConfig.cmake  find_package(Escrt CONFIG)
#   P/include/escrt.h                  the runtime's API
#   P/include/escape/escape.h          source assertions (escape-cc finds ../include/)
#   P/share/man/man1/*.1               escape-cc(1), escape-report(1)
# Paths in the pkg-config and CMake files are relative to the files, so the
# prefix can move. cpack -G DEB makes escape-llvm-N, installed under
# /usr/lib/escape-N beside clang-N's /usr/lib/llvm-N.
install(TARGETS escape-cc escape-report RUNTIME DESTINATION bin)
install(TARGETS EscapePlugin LIBRARY DESTINATION lib)
install(TARGETS escrt_shared escrt_static
  LIBRARY DESTINATION lib
  ARCHIVE DESTINATION lib)
install(FILES runtime/include/escrt.h DESTINATION include)
install(FILES include/escape/escape.h DESTINATION include/escape)
install(FILES "${PROJECT_BINARY_DIR}/runtime/install/escrt.pc"
  DESTINATION lib/pkgconfig)
install(FILES "${PROJECT_BINARY_DIR}/runtime/install/EscrtConfig.cmake"
  DESTINATION lib/cmake/escrt)
install(FILES docs/man/escape-cc.1 docs/man/escape-report.1
  DESTINATION share/man/man1)
install(FILES README.md docs/ci.md docs/remarks.md docs/runtime.md
  DESTINATION share/doc/escape)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME "escape-llvm-${LLVM_VERSION_MAJOR}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "Escape developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "Go-style escape analysis for C (LLVM ${LLVM_VERSION_MAJOR} plugin, libescrt, tools)")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr/lib/escape-${LLVM_VERSION_MAJOR}")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "clang-${LLVM_VERSION_MAJOR}, libllvm${LLVM_VERSION_MAJOR}, libjansson4, libc6 (>= 2.36)")
include(CPack)
