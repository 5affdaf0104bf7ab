#!/usr/bin/env bash
# Rendering benchmarks (issue 8): a 5,000-item timeline (< 2 s) and a
# 1,000-actor network (< 5 s). Compiles bench/render_bench.cpp against the
# library of a build directory and runs it.
#   scripts/bench_render.sh [build-dir] [runs] [dir to keep the SVGs in]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
RUNS=${2:-3}
cmake --build "$BUILD" --target eventloom >/dev/null
OUT="$BUILD/render_bench"
g++ -std=c++17 -O2 -DNDEBUG -Wall -Wextra -Wpedantic -Iinclude bench/render_bench.cpp "$BUILD/libeventloom.a" \
  $(pkg-config --libs libgvc libcgraph gumbo) -lboost_date_time -lboost_graph -lfmt -lsimdjson -lpthread -o "$OUT"
"$OUT" "$RUNS" ${3:+"$3"}
