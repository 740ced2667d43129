# Warnings for our own code (not for LLVM's headers, which are included as SYSTEM).
set(ESCAPE_C_WARNINGS -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes)
set(ESCAPE_CXX_WARNINGS -Wall -Wextra -Wno-unused-parameter)
