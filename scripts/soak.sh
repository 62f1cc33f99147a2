#!/usr/bin/env bash
# Long fault-injection soak (not part of CI): hundreds of rounds of kill -9 / stop / restart /
# SIGSTOP+SIGCONT of every process and poison records on the event topics, while three interview
# clients and a rectification client run, then the independent check. Usage:
#   scripts/soak.sh [ROUNDS] [FAULTS] [CLIENTS]
# (default 200 rounds of every fault kind, 3 interview clients; FAULTS: names of
# system-tests/.../fault/Fault.java, e.g. PAUSE_POSTGRES,KILL_KAFKA,POISON, or a node's name for
# its classic fault, e.g. POSTGRES,KAFKA)
# The report (one line per round, figures per fault kind) lands in
# system-tests/target/fault-injection/<time>/report.txt; copy its figures into docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-200}
ONLY=${2:-}
CLIENTS=${3:-3}
./mvnw -B -q install -DskipTests
./mvnw -B -pl system-tests verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FaultInjectionIT -Dfault.rounds="$ROUNDS" -Dfault.only="$ONLY" -Dfault.clients="$CLIENTS"
report=$(ls -td system-tests/target/fault-injection/*/ | head -1)report.txt
echo "report: $report"
cat "$report"
