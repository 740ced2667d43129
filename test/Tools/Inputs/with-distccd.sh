#!/bin/bash
# with-distccd.sh DIR COMMAND...: runs COMMAND against a distccd that this
# script starts on 127.0.0.1 (a free port; its log is DIR/distccd.log) and
# stops when COMMAND ends: DISTCC_HOSTS names it, and distcc may not fall
# back to compiling locally. Daemon and command are bounded to 120 s each.
set -u
dir=$1
shift
mkdir -p "$dir/client"
chmod 777 "$dir" # distccd started by root drops to user distccd; its TMPDIR too
daemon=
for try in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 30000))
  TMPDIR=$dir timeout 120 distccd --no-detach --daemon --allow 127.0.0.1 --listen 127.0.0.1 \
    --port "$port" --enable-tcp-insecure --log-file "$dir/distccd.log" -j 2 &
  daemon=$!
  for _ in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  kill -0 "$daemon" 2>/dev/null && break
  daemon=
done
[ -n "$daemon" ] || { echo "with-distccd.sh: distccd did not start" >&2; exit 1; }
env DISTCC_HOSTS="127.0.0.1:$port/2" DISTCC_FALLBACK=0 DISTCC_SKIP_LOCAL_RETRY=1 \
  DISTCC_DIR="$dir/client" timeout 120 "$@"
status=$?
kill "$daemon"
wait "$daemon" 2>/dev/null
exit "$status"
