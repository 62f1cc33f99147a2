#!/usr/bin/env bash
# Copies the event stores of a local data directory made before the move to PostgreSQL (then
# Axon's events in MongoDB's domainevents collections) into <data>/postgres, one schema per service,
# in (timestamp, aggregate, sequence) order, then drops the old collections. Run it once, with the
# system stopped; ./run.sh then starts as usual and every processor replays from the first event
# (the outbox re-sends; consumers deduplicate by event id; projections skip what they have).
# Usage: scripts/migrate-event-store.sh [data directory, default $SANJIAODI_DATA or ./data]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=$(realpath "${1:-${SANJIAODI_DATA:-data}}")
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if [[ ! -f devstack/target/classpath.txt || ! -d devstack/target/classes ]]; then
  ./mvnw -B -q install -DskipTests -pl devstack -am
  ./mvnw -B -q -pl devstack dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/classpath.txt
fi
exec "$JAVA" -Xmx1g -cp "devstack/target/classes:$(cat devstack/target/classpath.txt)" \
  io.sanjiaodi.devstack.MigrateEventStore --data "$DATA"
