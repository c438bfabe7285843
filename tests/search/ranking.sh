#!/usr/bin/env bash
# The search ranking test on synthetic content (issue 20): N projects made by bench/search_content.py (from the
# repository alone), built with this build's gongshi, then bench/search_ranking.mjs --assert: 30 queries of each
# kind drawn from the content, each expected page first.
# Usage: tests/search/ranking.sh GONGSHI_BINARY WORK_DIR [N]
set -euo pipefail
bin=$1 work=$2 n=${3:-10000}
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work"
mkdir -p "$work"
python3 "$root/bench/search_content.py" "$n" "$work/content"
"$bin" build --quiet --content "$work/content" --templates "$root/templates" --assets "$root/assets" \
  --out "$work/site" --jobs 2
node "$root/bench/search_ranking.mjs" "$work/content" "$work/site" --per-kind 30 --assert
rm -rf "$work"
