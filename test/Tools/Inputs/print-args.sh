#!/bin/sh
# Stands in for clang (ESCAPE_CLANG): prints each argument on its own line,
# bracketed, then ESCAPE_OPTIONS when set, and exits with $PRINT_ARGS_STATUS.
for a in "$@"; do printf '[%s]\n' "$a"; done
[ -n "${ESCAPE_OPTIONS:-}" ] && printf 'ESCAPE_OPTIONS=%s\n' "$ESCAPE_OPTIONS"
exit "${PRINT_ARGS_STATUS:-0}"
