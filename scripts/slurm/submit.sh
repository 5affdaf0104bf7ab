#!/usr/bin/env bash
# Submit a sharded eventloom build to Slurm: an array of SHARDS build tasks,
# then a merge that starts only when all of them succeeded.
#
#   scripts/slurm/submit.sh -n 16 -o /shared/out/all.json /shared/news/2025/ [more inputs]
#
# Options (everything must be on a file system every node sees):
#   -n SHARDS    array tasks, one shard each (default 4)
#   -c CPUS      cores per shard task, given to build -j (default 2)
#   -m MEM       memory per shard task, as sbatch --mem (default 4G)
#   -M MEM       memory of the merge task (default 8G; about 2x the merged store)
#   -p DIR       where the parts go (default: OUT's directory/parts)
#   -o OUT       the merged store: .json, or .sqlite/.db for SQLite (required)
#   -b BINARY    the eventloom binary (default: eventloom on PATH)
#   -x ARGS      more sbatch arguments for both jobs (e.g. "--partition=long --account=x")
#   -F           split by whole files (build --shard-by file): a shard reads only its own
#                files; for many more files than shards (one file goes to one shard)
# Prints the two job ids ("ARRAY MERGE"); wait for the merge with
# `squeue -j MERGE` or `sbatch --wait`, its log is eventloom-merge-MERGE.out.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
shards=4 cpus=2 mem=4G merge_mem=8G parts="" out="" bin="" extra="" build_args=""
while getopts "n:c:m:M:p:o:b:x:F" opt; do
  case $opt in
    n) shards=$OPTARG ;; c) cpus=$OPTARG ;; m) mem=$OPTARG ;; M) merge_mem=$OPTARG ;;
    p) parts=$OPTARG ;; o) out=$OPTARG ;; b) bin=$OPTARG ;; x) extra=$OPTARG ;; F) build_args="--shard-by file" ;;
    *) sed -n '2,19p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ -z "$out" ] || [ $# -eq 0 ]; then sed -n '2,19p' "$0" >&2; exit 2; fi
bin=$(realpath "${bin:-$(command -v eventloom)}")
out=$(realpath -m "$out")
parts=$(realpath -m "${parts:-$(dirname "$out")/parts}")
mkdir -p "$parts"
rm -f "$parts"/part-*.json  # parts of an earlier run would be merged too
inputs=()
for i in "$@"; do inputs+=("$(realpath "$i")"); done
export EVENTLOOM="$bin" PARTS="$parts" OUT="$out" SHARDS="$shards" INPUTS="${inputs[*]}" BUILD_ARGS="$build_args"
# shellcheck disable=SC2086
array=$(sbatch --parsable --export=ALL --array="0-$((shards - 1))" --cpus-per-task="$cpus" --mem="$mem" \
        --chdir="$parts" $extra "$here/shards.sbatch")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable --export=ALL --dependency="afterok:$array" --kill-on-invalid-dep=yes \
        --cpus-per-task="$cpus" --mem="$merge_mem" --chdir="$parts" $extra "$here/merge.sbatch")
echo "${array} ${merge%%;*}"
