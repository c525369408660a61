#!/usr/bin/env bash
# Follow the README's quick start, as written, on a fresh clone, and time each command.
# Usage: scripts/newcomer_check.sh [REPO]   (REPO defaults to this checkout; its HEAD is cloned)
set -euo pipefail
repo=$(cd "${1:-$(dirname "$0")/..}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone --quiet "$repo" "$work/course"
cd "$work/course"
# The commands of the README's first ```bash block under "Quick start", comments stripped.
mapfile -t commands < <(awk '/^## Quick start/{q=1} q&&/^```bash/{b=1;next} b&&/^```/{exit} b' README.md | sed 's/#.*//; s/[[:space:]]*$//' | grep -v '^$')
[ ${#commands[@]} -gt 0 ] || { echo "no quick-start commands found in README.md" >&2; exit 1; }
for cmd in "${commands[@]}"; do
  echo "== $cmd"
  start=$(date +%s)
  bash -c "$cmd" </dev/null > "$work/out.log" 2>&1 || { tail -40 "$work/out.log"; echo "FAILED: $cmd" >&2; exit 1; }
  echo "   ok in $(( $(date +%s) - start )) s"
done
test -f _build/html/index.html || { echo "make book wrote no _build/html/index.html" >&2; exit 1; }
echo "quick start works as written"
