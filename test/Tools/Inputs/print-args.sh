#!/bin/sh
# Stands in for clang (ESCAPE_CLANG): prints each argument on its own line,
# bracketed, and exits with $PRINT_ARGS_STATUS.
for a in "$@"; do printf '[%s]\n' "$a"; done
exit "${PRINT_ARGS_STATUS:-0}"
