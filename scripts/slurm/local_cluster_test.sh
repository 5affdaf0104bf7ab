#!/usr/bin/env bash
# A real test of scripts/slurm/: starts a one-node Slurm cluster on this
# machine (munged, slurmctld and slurmd as root, their configuration, key,
# sockets, state and logs in a temporary directory, ports on 127.0.0.1),
# submits the build of INPUT as SHARDS array tasks plus the dependent merge
# (submit.sh), waits for them, compares the merged store byte for byte with
# one `eventloom build` of INPUT, and stops the daemons it started (by their
# process ids), whatever happens.
#
#   scripts/slurm/local_cluster_test.sh EVENTLOOM_BINARY [INPUT] [SHARDS] [RECORDS]
#
# INPUT defaults to ../shared/datasets/corpora/reuters21578.jsonl, SHARDS to 4;
# RECORDS > 0 builds only the first RECORDS lines of a JSON Lines INPUT (the
# sanitizer build, ten times slower, takes 1,500).
# Exit 0: the same bytes; 1: a difference or a failed job; 2: usage;
# 3: Slurm (or munge) is not installed or would not start, with the reason;
# 4: no INPUT (the shared corpora are missing: the test is skipped).
# Needs root (slurmd runs the jobs as the submitting user) and Debian's
# slurm-wlm and munge packages. The shard tasks ask for one core each, so
# this node runs as many at a time as it has cores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:?usage: local_cluster_test.sh EVENTLOOM_BINARY [INPUT] [SHARDS]}
bin=$(realpath "$bin")
input=$(realpath -m "${2:-$here/../../../shared/datasets/corpora/reuters21578.jsonl}")
shards=${3:-4}
records=${4:-0}
fail() { echo "local_cluster_test: $*" >&2; exit 3; }
[ "$(id -u)" -eq 0 ] || fail "must run as root (slurmd and munged here run as root)"
for p in munged slurmctld slurmd sbatch squeue scontrol sinfo; do
  command -v "$p" >/dev/null || [ -x "/usr/sbin/$p" ] || fail "$p not found: apt-get install slurm-wlm munge"
done
export PATH="$PATH:/usr/sbin"
[ -r "$input" ] || { echo "local_cluster_test: no input $input, skipped" >&2; exit 4; }

work=$(mktemp -d /tmp/eventloom-slurm.XXXXXX)
chmod 0755 "$work"  # the jobs (root here) and the daemons read it
pids=()
cleanup() {
  local rc=$?
  for ((k = ${#pids[@]} - 1; k >= 0; k--)); do kill "${pids[k]}" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
  done
  if [ $rc -ne 0 ] && [ -d "$work" ]; then
    for log in munged.log slurmctld.log slurmd.log; do
      [ -f "$work/$log" ] && { echo "--- $log (last lines)" >&2; tail -n 15 "$work/$log" >&2; }
    done
    for log in "$work"/out/parts/*.out; do
      [ -f "$log" ] && { echo "--- $log" >&2; tail -n 15 "$log" >&2; }
    done
  fi
  rm -rf "$work"
  exit $rc
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# Free ports on localhost, chosen from the pid so that two runs do not meet.
base=$((20000 + ($$ % 2000) * 4))
ctld_port=$base slurmd_port=$((base + 1))
host=$(hostname -s)
cpus=$(nproc)
mem=$(awk '/MemTotal/ {print int($2 / 1024 * 0.8)}' /proc/meminfo)

# munge: a fresh key, its socket and state in $work.
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/out"
if [ "$records" -gt 0 ]; then
  head -n "$records" "$input" >"$work/out/$(basename "$input")"
  input="$work/out/$(basename "$input")"
fi
chmod 0700 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 0400 "$work/munge/munge.key"
munged --foreground --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.sock" \
       --pid-file="$work/munge/munged.pid" --seed-file="$work/munge/munge.seed" \
       --log-file="$work/munged.log" --num-threads=2 &
pids+=($!)
for _ in $(seq 50); do [ -S "$work/munge/munge.sock" ] && break; sleep 0.1; done
[ -S "$work/munge/munge.sock" ] || fail "munged did not start (munged.log above)"

cat >"$work/slurm.conf" <<CONF
ClusterName=eventloomtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.sock
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MinJobAge=600
PlugStackConfig=$work/plugstack.conf
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
: >"$work/plugstack.conf"
export SLURM_CONF="$work/slurm.conf"

slurmctld -D -i -f "$SLURM_CONF" >>"$work/slurmctld.log" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >>"$work/slurmd.log" 2>&1 &
pids+=($!)
state=""
for _ in $(seq 150); do
  state=$(sinfo -h -n "$host" -o %T 2>/dev/null || true)
  case $state in idle*|mixed*|allocated*) break ;; esac
  for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || fail "a Slurm daemon exited (logs above)"; done
  sleep 0.2
done
case $state in idle*|mixed*|allocated*) ;; *) fail "the node did not come up (state '${state:-none}', logs above)" ;; esac
echo "local_cluster_test: one-node cluster up ($host, $cpus cpus, ports $ctld_port/$slurmd_port)" >&2

t0=$(date +%s.%N)
read -r array merge < <("$here/submit.sh" -n "$shards" -c 1 -m 1G -M 1G -o "$work/out/all.json" -b "$bin" "$input")
echo "local_cluster_test: array job $array, merge job $merge" >&2
merge_state=""
for _ in $(seq 36000); do  # up to an hour
  merge_state=$(scontrol -o show job "$merge" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p')
  case $merge_state in COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|OUT_OF_MEMORY|BOOT_FAIL|DEADLINE) break ;; esac
  sleep 0.1
done
t1=$(date +%s.%N)
if [ "$merge_state" != COMPLETED ]; then
  scontrol -o show job "$array" >&2 || true
  echo "local_cluster_test: merge job ended $merge_state" >&2
  exit 1
fi
echo "local_cluster_test: $shards shards + merge on Slurm: $(echo "$t1 - $t0" | bc) s" >&2
"$bin" build "$input" -j "$cpus" --quiet --json "$work/out/one.json"
if cmp -s "$work/out/one.json" "$work/out/all.json"; then
  echo "local_cluster_test: the merged store is one build's bytes ($(stat -c %s "$work/out/all.json") bytes)" >&2
else
  echo "local_cluster_test: the merged store differs from one build" >&2
  exit 1
fi
