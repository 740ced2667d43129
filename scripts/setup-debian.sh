#!/usr/bin/env bash
# Installs the Debian packages Escape needs, only those that are missing.
#   scripts/setup-debian.sh [GROUP...]   (default group: base)
# Each group is scripts/deps/GROUP.txt: one package per line, '#' comments,
# @N@ expanded for every LLVM major in $ESCAPE_LLVM_MAJORS (default "19 22").
# Idempotent; says what it does; fails clearly when it cannot install.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
majors=${ESCAPE_LLVM_MAJORS:-19 22}
groups=("$@")
[ ${#groups[@]} -gt 0 ] || groups=(base)

wanted=()
for g in "${groups[@]}"; do
  f="$here/deps/$g.txt"
  [ -f "$f" ] || { echo "setup: unknown dependency group '$g' (no $f)" >&2; exit 2; }
  while read -r pkg; do
    pkg=${pkg%%#*}; pkg=$(echo "$pkg" | tr -d '[:space:]')
    [ -n "$pkg" ] || continue
    if [[ $pkg == *@N@* ]]; then
      for n in $majors; do wanted+=("${pkg//@N@/$n}"); done
    else
      wanted+=("$pkg")
    fi
  done < "$f"
done

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#wanted[@]} packages of group(s) ${groups[*]} are installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
apt_opts=(-o DPkg::Lock::Timeout=600 -q)
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get "${apt_opts[@]}" update || { echo "setup: apt-get update failed" >&2; exit 1; }
if ! $sudo apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}"; then
  echo "setup: could not install: ${missing[*]}" >&2
  exit 1
fi
echo "setup: done"
