#!/usr/bin/env bash
# Long fault-injection soak (not part of CI): hundreds of rounds of kill -9 / stop / restart of
# every process while the load generator runs, then the independent check. Usage:
#   scripts/soak.sh [ROUNDS] [FAULTS]   (default 200 rounds of every fault; FAULTS e.g. POSTGRES,KAFKA)
# The report lands in system-tests/target/fault-injection/<time>/report.txt; copy its figures
# into docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-200}
ONLY=${2:-}
./mvnw -B -q install -DskipTests
./mvnw -B -pl system-tests verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FaultInjectionIT -Dfault.rounds="$ROUNDS" -Dfault.only="$ONLY"
report=$(ls -td system-tests/target/fault-injection/*/ | head -1)report.txt
echo "report: $report"
cat "$report"
