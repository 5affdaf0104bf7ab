#!/usr/bin/env bash
# The figures of docs/benchmarks.md, "The SQLite store (issue 20)": store
# sizes, inspect and timeline on the JSON and the SQLite store (hyperfine,
# warm cache, medians), and build --json against build --db.
#   scripts/bench_store.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
B=${1:-build}/eventloom
OUT=${2:-/tmp/eventloom-bench-store}
SHARED=${EVENTLOOM_SHARED_DIR:-../shared}
R=$SHARED/datasets/corpora/reuters21578.jsonl
T=$SHARED/datasets/corpora/timeline17.jsonl
mkdir -p "$OUT"

for c in r t; do
  in=$R; [ $c = t ] && in=$T
  [ -f "$OUT/$c.json" ] || "$B" build "$in" -j 2 --quiet --json "$OUT/$c.json" || true
  [ -f "$OUT/$c.sqlite" ] || "$B" build "$in" -j 2 --quiet --db "$OUT/$c.sqlite" || true
done
ls -l "$OUT"/*.json "$OUT"/*.sqlite

run_pair() {  # corpus-letter, name, command with STORE for the store
  local c=$1 name=$2 cmd=$3
  hyperfine --style basic --warmup 1 --runs 10 -i --export-json "$OUT/$c-$name-sqlite.json" \
    -n "$c $name sqlite" "${cmd//STORE/$OUT/$c.sqlite} >/dev/null 2>&1"
  hyperfine --style basic --runs 3 -i --export-json "$OUT/$c-$name-json.json" \
    -n "$c $name json" "${cmd//STORE/$OUT/$c.json} >/dev/null 2>&1"
}
run_pair r actor "$B inspect STORE actor Reagan"
run_pair r top "$B inspect STORE top -n 20"
run_pair r path "$B inspect STORE path Japan Brazil"
run_pair r month "$B timeline STORE --from 1987-06 --to 1987-06 -o $OUT/month.svg"
run_pair r march "$B timeline STORE --from 1987-03 --to 1987-03 -o $OUT/month.svg"
run_pair t actor "$B inspect STORE actor 'Tony Hayward'"
run_pair t top "$B inspect STORE top -n 20"
run_pair t path "$B inspect STORE path 'Tony Hayward' barack-hussein-obama"
run_pair t month "$B timeline STORE --from 2010-06 --to 2010-06 -o $OUT/month.svg"

hyperfine --style basic --runs 5 -i --export-json "$OUT/build.json" \
  -n "build --json" "$B build $R -j 2 --quiet --json $OUT/b.json" \
  -n "build --db" "$B build $R -j 2 --quiet --db $OUT/b.sqlite"
