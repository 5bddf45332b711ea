#!/usr/bin/env bash
# Files, lines and files of at most 10 lines of C# per project at a commit:  bash scripts/measure/code-size.sh <rev>
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
rev="${1:-HEAD}"
for project in $(git ls-tree -d --name-only "$rev" src/ tests/ | sort); do
  files=$(git ls-tree -r --name-only "$rev" -- "$project" | grep '\.cs$' || true)
  [ -z "$files" ] && continue
  n=0; lines=0; small=0
  for f in $files; do l=$(git show "$rev:$f" | wc -l); n=$((n+1)); lines=$((lines+l)); [ "$l" -le 10 ] && small=$((small+1)); done
  printf '%-40s %5d files %7d lines %4d files of at most 10 lines\n' "$project" "$n" "$lines" "$small"
done
