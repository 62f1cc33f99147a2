#!/usr/bin/env bash
# How much CPU the whole local run uses when nobody uses it (issue #15: < 5 % of a core, no busy
# polling). Starts ./run.sh on a fresh data directory (demo data loaded), lets it settle, then reads
# every process's CPU time (utime + stime, /proc/<pid>/stat) twice, MEASURE seconds apart, and
# prints each process's share of one core and the total. Stops the run afterwards.
#   scripts/idle-cpu.sh [SETTLE_SECONDS] [MEASURE_SECONDS]     (defaults 90 and 60)
set -euo pipefail
cd "$(dirname "$0")/.."
SETTLE=${1:-90}
MEASURE=${2:-60}
DATA=$(mktemp -d /tmp/sanjiaodi-idle-XXXXXX)
LOG=$DATA/run.log
SANJIAODI_DATA=$DATA setsid ./run.sh >"$LOG" 2>&1 &
RUN=$!
trap 'kill -TERM -- -$RUN 2>/dev/null || true; wait $RUN 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 600); do
  grep -q "is running" "$LOG" && break
  kill -0 $RUN 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 1
done
grep -q "is running" "$LOG" || { echo "the run did not come up; $LOG"; exit 1; }
echo "running (fresh data directory $DATA); settling ${SETTLE} s ..."
sleep "$SETTLE"
HZ=$(getconf CLK_TCK)
# every process of the run's session: the JVMs and the PostgreSQL server's processes
# (the postmaster of this run's data directory and its children only, not another PostgreSQL here)
pids() {
  ps -o pid= -s "$RUN" 2>/dev/null || true
  for pm in $(pgrep -f "bin/postgres -D $DATA" || true); do echo "$pm"; pgrep -P "$pm" || true; done
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
declare -A before name
for pid in $(pids | sort -u); do
  before[$pid]=$(ticks "$pid")
  name[$pid]=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -oE '(io\.sanjiaodi\.devstack\.[A-Za-z]+|[a-z-]+-service-[0-9.]+-SNAPSHOT(-exec)?\.jar|auth-server[^ ]*\.jar|witness[^ ]*\.jar|postgres: [a-z ]+|bin/postgres)' | head -1 || true)
done
sleep "$MEASURE"
rows=$DATA/idle-rows.txt
: >"$rows"
for pid in "${!before[@]}"; do
  [[ -z "${name[$pid]}" ]] && continue
  after=$(ticks "$pid")
  awk -v a="$after" -v b="${before[$pid]}" -v hz="$HZ" -v s="$MEASURE" -v n="${name[$pid]}" \
    'BEGIN { printf "%.2f\t%s\n", (a - b) * 100 / hz / s, n }' >>"$rows"
done
echo "idle CPU of the local run, ${MEASURE} s after ${SETTLE} s of settling ($(nproc) cores), % of one core:"
# the PostgreSQL server's processes (postmaster, backends, workers) as one line
awk -F'\t' '{ n = ($2 ~ /postgres/) ? "PostgreSQL server (all its processes)" : $2; c[n] += $1; t += $1 }
  END { for (n in c) printf "%.2f\t%s\n", c[n], n; printf "%.2f\ttotal\n", t }' "$rows" \
  | sort -t$'\t' -k1,1 -rn | awk -F'\t' '{ printf "  %6.2f  %s\n", $1, $2 }'
