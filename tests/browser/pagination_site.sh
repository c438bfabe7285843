#!/usr/bin/env bash
# The site of tests/browser/pagination.test.mjs: N synthetic projects (示例 / bench data, never published) made by the
# peers' benchmark generator with a small seed, converted with bench/convert.py and built with this build's gongshi
# — large enough for every kind of split list and for a list of several pages (issue 19).
# Usage: tests/browser/pagination_site.sh GONGSHI_BINARY PEERS_DIR WORK_DIR [N]
set -euo pipefail
bin=$1 peers=$2 work=$3 n=${4:-3000}
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work"
mkdir -p "$work"
python3 "$peers/gen.py" "$n" "$work/neutral" --seed 7 > /dev/null
GONGSHI_BENCH_PEERS=$peers python3 "$root/bench/convert.py" "$work/neutral/data" "$work/content" > /dev/null
"$bin" build --quiet --content "$work/content" --templates "$root/templates" --assets "$root/assets" \
  --out "$work/site" --no-search --jobs 2
