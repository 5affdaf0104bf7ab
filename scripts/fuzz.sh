#!/usr/bin/env bash
# Run each libFuzzer target for SECONDS (default 60) with seed corpora made
# from examples/ (and tests' inputs) and the corpora kept in the repository
# (fuzz/corpus/<target>/, read only: the HTML one holds deep nesting and
# declared charsets; a case worth keeping goes there), one after the other.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: html jsonl segment time json_read
#
# Builds with clang, ASan and UBSan in build-fuzz/. Crashes are written to
# build-fuzz/fuzz/crashes/<target>/ (turn each into a regression case in
# tests/test_robustness.cpp);
# the grown corpora stay in build-fuzz/fuzz/corpus/<target>/ between runs.
# Prints each target's executions and whether it crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=(html jsonl segment time json_read)
command -v clang++ >/dev/null || { echo "fuzz: clang++ is missing (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }

BUILD=build-fuzz
cmake -S . -B "$BUILD" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DEVENTLOOM_FUZZ=ON -DEVENTLOOM_SANITIZE=ON -DEVENTLOOM_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target eventloom_bin $(printf 'fuzz_%s ' "${TARGETS[@]}") >/dev/null

# Seed corpora: whole example files, their paragraphs, and a JSON store of
# the examples for the graph reader.
seed() {  # target dir
  local t=$1 dir=$2
  mkdir -p "$dir"
  case $t in
    html) cp examples/html/* "$dir"/ ;;
    jsonl) cp examples/*.jsonl "$dir"/ 2>/dev/null || true
           printf '{"id":"a","title":"T","date":"2024-11-22","text":"He said \\"no\\" on Monday."}\n' > "$dir/min.jsonl" ;;
    segment|time) cp examples/*.txt "$dir"/
           awk -v d="$dir" 'BEGIN {RS=""} {f = d "/para-" NR ".txt"; print > f; close(f)}' examples/*.txt ;;
    json_read) ASAN_OPTIONS=detect_leaks=0 "$BUILD/eventloom" build examples --json "$dir/examples.json" -q
               printf '{"eventloom":["eventloom-graph",1],"documents":[]}\n' > "$dir/min.json" ;;
  esac
}

status=0
for t in "${TARGETS[@]}"; do
  bin="$BUILD/fuzz/fuzz_$t"
  corpus="$BUILD/fuzz/corpus/$t"
  [ -d "$corpus" ] || seed "$t" "$corpus"
  crashes="$BUILD/fuzz/crashes/$t"
  mkdir -p "$crashes"
  log="$BUILD/fuzz/$t.log"
  kept="fuzz/corpus/$t"
  seeds=()
  [ -d "$kept" ] && seeds=("$kept")
  set +e
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" "${seeds[@]}" > "$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -m1 'stat::number_of_executed_units' "$log" | awk '{print $2}')
  if [ $rc -eq 0 ]; then
    echo "fuzz_$t: ${runs:-?} executions in ${SECONDS_EACH} s, no crash"
  else
    echo "fuzz_$t: FAILED after ${runs:-?} executions (exit $rc); see $log and $crashes/"
    status=1
  fi
done
exit $status
