#!/usr/bin/env bash
# A sweep as a SLURM array job on a one-node cluster started here, merged, and compared with
# the same sweep run whole: runs.csv, aggregate.csv and series.csv must be byte for byte the
# same. Needs root and Debian's slurm-wlm (`.ci/run` installs it). Without SLURM the script
# says it is skipped and succeeds, unless WANDEL_REQUIRE_SLURM=1 (CI), when it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if ! command -v sbatch >/dev/null || ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  if [[ "${WANDEL_REQUIRE_SLURM:-0}" == 1 ]]; then
    echo "slurm-array: SLURM is not installed (apt-get install slurm-wlm)" >&2
    exit 1
  fi
  echo "slurm-array: skipped (SLURM is not installed; apt-get install slurm-wlm to run it)"
  exit 0
fi

cargo build --release --locked --quiet
wandel="$root/target/release/wandel"
work=$(mktemp -d -t wandel-slurm.XXXXXX)
pids=()
cleanup() {
  local status=$?
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # The daemons may still write their spool while they stop: wait for them, and a directory
  # that cannot be removed yet is left to the system (the test's verdict is already given).
  for p in "${pids[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
  done
  rm -rf "$work" 2>/dev/null || true
  # The test's own verdict, not the cleanup's.
  exit "$status"
}
trap cleanup EXIT

# A one-node cluster: munge for authentication, then the controller and the node daemon, with
# their own configuration and state under $work (nothing in /etc is changed).
host=$(hostname -s)
mkdir -p "$work/spool/d" "$work/spool/ctld" "$work/log"
if ! munge -n >/dev/null 2>&1; then
  mkdir -p /run/munge && chown munge:munge /run/munge
  runuser -u munge -- /usr/sbin/munged
  for _ in $(seq 50); do munge -n >/dev/null 2>&1 && break; sleep 0.1; done
fi
cat > "$work/slurm.conf" <<CONF
ClusterName=wandeltest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmdSpoolDir=$work/spool/d
StateSaveLocation=$work/spool/ctld
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
MaxArraySize=1001
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=1000 State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
/usr/sbin/slurmctld -f "$SLURM_CONF" -i
for _ in $(seq 100); do [[ -s "$work/slurmctld.pid" ]] && break; sleep 0.1; done
pids+=("$(cat "$work/slurmctld.pid")")
/usr/sbin/slurmd -f "$SLURM_CONF"
for _ in $(seq 100); do [[ -s "$work/slurmd.pid" ]] && break; sleep 0.1; done
pids+=("$(cat "$work/slurmd.pid")")
for _ in $(seq 100); do sinfo -h -o %t 2>/dev/null | grep -q idle && break; sleep 0.2; done
sinfo

# The sweep: 2 points × 2 arms × 3 replications of the steel closure over 36 months.
cat > "$work/sweep.toml" <<TOML
base = "$root/scenarios/steel_closure.toml"
seed = 5
replications = 3
series = true
keep = ["unemployment_rate.mean", "job_years"]

[parameters]
"matching.applications_per_month" = [2.0, 4.0]
"simulation.months" = [36]

[[arms]]
name = "year_notice"

[[arms]]
name = "half_year_notice"
set = { "shocks.closure.0.announced" = "2026-07" }
TOML
"$wandel" sweep "$work/sweep.toml" --out "$work/whole" --quiet

# The array job: one shard per task, as a user would submit it.
cat > "$work/array.sh" <<JOB
#!/usr/bin/env bash
#SBATCH --array=0-2
#SBATCH --output=$work/log/task-%a.out
"$wandel" sweep "$work/sweep.toml" --shard \$SLURM_ARRAY_TASK_ID/\$SLURM_ARRAY_TASK_COUNT \\
    --out "$work/shard-\$SLURM_ARRAY_TASK_ID"
JOB
started=$(date +%s)
sbatch --wait --parsable "$work/array.sh" >/dev/null
echo "slurm-array: the array job of 3 tasks took $(( $(date +%s) - started )) s"
"$wandel" merge "$work"/shard-0 "$work"/shard-1 "$work"/shard-2 --out "$work/merged" --quiet
for f in runs.csv aggregate.csv series.csv; do
  cmp "$work/whole/$f" "$work/merged/$f"
done
echo "slurm-array: passed (3 shards run by SLURM and merged equal the whole sweep: runs.csv, aggregate.csv, series.csv)"
