#!/usr/bin/env bash
# Benchmarks of `eventloom build`: throughput, peak memory and the share of
# time per stage, on Reuters-21578 and Timeline17; writes docs/benchmarks.md.
#
#   scripts/bench.sh [--runs N] [--out FILE] [--build DIR] [CORPUS.jsonl...]
#
# Builds in Release (build-bench/, or DIR), then for each corpus: eventloom_bench
# (stage shares in CPU time, each the median of 3 passes, the analysis stage in
# tokens/s; in-process MB/s), /usr/bin/time on the CLI (peak RSS) and
# hyperfine on the CLI (wall time, median of N runs). The machine may be
# shared: read medians and ratios, and use callgrind instruction counts
# (scripts/bench.sh does not) for before/after comparisons.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=5
OUT=docs/benchmarks.md
BUILD=build-bench
CORPORA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --build) BUILD=$2; shift 2 ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) CORPORA+=("$1"); shift ;;
  esac
done
SHARED=${EVENTLOOM_SHARED_DIR:-../shared}
if [ ${#CORPORA[@]} -eq 0 ]; then
  CORPORA=("$SHARED/datasets/corpora/reuters21578.jsonl" "$SHARED/datasets/corpora/timeline17.jsonl")
fi
for c in "${CORPORA[@]}"; do [ -r "$c" ] || { echo "bench: cannot read $c" >&2; exit 2; }; done
command -v hyperfine >/dev/null || { echo "bench: hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DEVENTLOOM_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target eventloom_bin eventloom_bench >/dev/null
BIN=$BUILD/eventloom
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

{
  echo "# Benchmarks"
  echo
  echo "Written by \`scripts/bench.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' with local changes')."
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM;"
  echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared: compare medians and ratios)."
  echo "Release build (\`-O3\`), \`eventloom build CORPUS --json OUT -q\` with all cores unless noted."
  echo
  echo "Targets (issue 9): \`build\` at 25 MB/s or more on Reuters-21578 to the JSON export, peak RSS at most 4x the input."
  echo "Targets (issue 14, the learned analysis): tagger and name tagger together at 500,000 tokens/s or more on one core;"
  echo "\`build\` of Reuters-21578 with \`-j 2\` at most a third slower than before the learned core (about 2.1 s then);"
  echo "peak RSS below 10x the input plus the models' size (models/, about 14 MB)."
  echo
  echo "## The CLI"
  echo
  echo "| corpus | MB | wall, median of $RUNS (hyperfine) | MB/s | peak RSS | RSS / input | JSON written |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
} > "$TMP/head.md"

for c in "${CORPORA[@]}"; do
  name=$(basename "$c")
  mb=$(awk -v b="$(stat -c %s "$c")" 'BEGIN {printf "%.1f", b / 1e6}')
  # --ignore-failure: a corpus with skipped records (Timeline17 has empty
  # ones) makes `build` exit 1 after writing everything.
  hyperfine --ignore-failure --style none --warmup 1 --runs "$RUNS" --export-json "$TMP/$name.hf.json" \
    "$BIN build $c --json $TMP/out.json -q" >/dev/null
  median=$(python3 -c "import json,sys; print('%.2f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$TMP/$name.hf.json")
  /usr/bin/time -f '%M' -o "$TMP/rss" "$BIN" build "$c" --json "$TMP/out.json" -q 2>/dev/null || true
  tail -n 1 "$TMP/rss" > "$TMP/rss1" && mv "$TMP/rss1" "$TMP/rss"
  rss_mb=$(awk '{printf "%.0f", $1 / 1024}' "$TMP/rss")
  json_mb=$(awk -v b="$(stat -c %s "$TMP/out.json")" 'BEGIN {printf "%.0f MB", b / 1e6}')
  awk -v n="$name" -v mb="$mb" -v t="$median" -v r="$rss_mb" -v j="$json_mb" \
    'BEGIN {printf "| %s | %s | %s s | %.1f | %s MB | %.1fx | %s |\n", n, mb, t, mb / t, r, r / mb, j}' >> "$TMP/head.md"
  "$BUILD/eventloom_bench" --repeat 3 --stage-repeat 3 "$c" > "$TMP/$name.bench.md"
done

{
  cat "$TMP/head.md"
  echo
  echo "## In process, and the share of each stage (\`eventloom_bench\`)"
  echo
  echo "End to end is build_corpus() and write_json() into a byte counter (no disk); the stage table runs"
  echo "every stage of extraction on one thread, each timed on its own in CPU time (the median of 3 passes);"
  echo "consolidation and the JSON writer use all cores inside (their per-document and per-record work),"
  echo "so theirs is the CPU time of all threads. The analysis stage (the part-of-speech tagger and the"
  echo "name tagger, analyse_article()) is also given in tokens of sentences per second."
  echo
  for c in "${CORPORA[@]}"; do cat "$TMP/$(basename "$c").bench.md"; done
  # Hand-written notes (profiles, what stands in the way) survive a re-run.
  if [ -f "$OUT" ]; then sed -n '/^<!-- notes: kept by scripts\/bench.sh -->$/,$p' "$OUT"; fi
} > "$TMP/out.md"
mv "$TMP/out.md" "$OUT"
echo "bench: wrote $OUT" >&2
