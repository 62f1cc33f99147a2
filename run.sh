#!/usr/bin/env bash
# Runs the whole system locally on the embedded default: the auth server (sign-in, first: it
# creates the signing key the services and the demo loader rely on), a real PostgreSQL 17 server
# (the services' event stores; binaries from Maven Central), a real Apache Kafka broker (KRaft, its
# own process), mongo-java-server with a file-backed store (read models, audit trail, files), and
# the three services.
# Builds what is missing, loads demo data through the public APIs, prints the URLs and the demo
# users. Ctrl-C stops everything this script started, and nothing else. Data stays in ./data
# (SANJIAODI_DATA) for the next run, the key and demo passwords in ./data/auth.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
DATA=${SANJIAODI_DATA:-$ROOT/data}
LOGS=$DATA/logs
mkdir -p "$LOGS"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
PIDS=()

log() { printf '[run] %s\n' "$*"; }

# Stops the given processes with SIGTERM and waits up to 30 s for them; what is still alive then is killed.
stop_group() {
  local pid alive
  for pid in "$@"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 60); do
    alive=0; for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    ((alive)) || break; sleep 0.5
  done
  for pid in "$@"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done
}

stop_all() {
  trap - INT TERM EXIT
  if ((${#PIDS[@]})); then
    log "stopping ${#PIDS[@]} processes ..."
    # the services first, and only then the stores and the broker they were still writing to;
    # only processes this script started (PIDS: auth, postgres, mongo, kafka, then the services)
    ((${#PIDS[@]} > 4)) && stop_group "${PIDS[@]:4}"
    for ((i=${#PIDS[@]} < 4 ? ${#PIDS[@]}-1 : 3; i>=0; i--)); do stop_group "${PIDS[i]}"; done
  fi
  log "stopped"
}
trap stop_all INT TERM EXIT

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { # port name pid
  for _ in $(seq 1 120); do
    port_busy "$1" && return 0
    kill -0 "$3" 2>/dev/null || { log "$2 exited; see $LOGS/$2.log"; tail -20 "$LOGS/$2.log"; exit 1; }
    sleep 0.5
  done
  log "$2 did not open port $1"; exit 1
}
wait_ready() { # url name pid
  for _ in $(seq 1 240); do
    curl -fsS "$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$3" 2>/dev/null || { log "$2 exited; see $LOGS/$2.log"; tail -30 "$LOGS/$2.log"; exit 1; }
    sleep 0.5
  done
  log "$2 is not ready; see $LOGS/$2.log"; exit 1
}

for port in 9000 5432 9092 9093 27017 8081 8082 8083 8090; do
  if port_busy "$port"; then log "port $port is already in use; stop whatever uses it first"; trap - EXIT; exit 1; fi
done

# A data directory from before the event stores moved to PostgreSQL has its events in
# MongoDB (domainevents): they are copied over once, by a documented command, never silently.
if [[ -d "$DATA/mongo" && ! -d "$DATA/postgres" && "${SANJIAODI_MIGRATED:-no}" != yes ]]; then
  log "$DATA was made before the event stores moved to PostgreSQL: their events are still in MongoDB."
  log "Copy them over once (the services' processors then replay from the start; consumers deduplicate):"
  log "  scripts/migrate-event-store.sh \"$DATA\""
  log "or start afresh with another SANJIAODI_DATA (or delete $DATA)."
  trap - EXIT; exit 1
fi

# Build only what is missing or older than its sources.
needs_build=no
for svc in interview-service rectification-service audit-service auth-server; do
  jar=$(ls "$svc/target/$svc-"*-exec.jar 2>/dev/null | head -1 || true)
  sources=(contracts platform "$svc"); [[ $svc == audit-service ]] && sources+=(supervision)
  if [[ -z "$jar" ]] || [[ -n "$(find "${sources[@]}" -newer "$jar" \( -name '*.java' -o -name '*.yml' -o -name '*.json' -o -name 'pom.xml' -o -path '*/resources/*' \) -not -path '*/node_modules/*' -not -path '*/target/*' -print -quit)" ]]; then
    needs_build=yes
  fi
done
[[ -f devstack/target/classpath.txt && -d devstack/target/classes ]] || needs_build=yes
witness_jar=$(ls witness/target/witness-*.jar 2>/dev/null | grep -v -- '-tests\.jar$' | head -1 || true)
if [[ -z "$witness_jar" ]] || [[ -n "$(find witness/src witness/pom.xml -newer "$witness_jar" -print -quit)" ]]; then
  needs_build=yes
fi
if [[ $needs_build == yes ]]; then
  log "building (./mvnw -B -q install -DskipTests) ..."
  ./mvnw -B -q install -DskipTests
  ./mvnw -B -q -pl devstack dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/classpath.txt
fi
DEVSTACK_CP="$ROOT/devstack/target/classes:$(cat devstack/target/classpath.txt)"

# First, so that <data>/auth/jwks.json exists (created once, reused afterwards) before anything signs
# or checks a token.
log "starting auth-server (sign-in; key and demo passwords in $DATA/auth) ..."
SANJIAODI_DATA="$DATA" "$JAVA" -Xmx256m -XX:+UseSerialGC \
  -jar "$(ls auth-server/target/auth-server-*-exec.jar | head -1)" >"$LOGS/auth-server.log" 2>&1 &
PIDS+=($!); wait_ready http://localhost:9000 auth-server "${PIDS[-1]}"

log "starting PostgreSQL 17 (the services' event stores, data in $DATA/postgres) ..."
"$JAVA" -Xmx128m -cp "$DEVSTACK_CP" io.sanjiaodi.devstack.DevPostgres --port 5432 --data "$DATA/postgres" >"$LOGS/postgres.log" 2>&1 &
PIDS+=($!)
# the port opens before the launcher has created the services' database: wait for its own word
for _ in $(seq 1 240); do
  grep -q "^DevPostgres (PostgreSQL" "$LOGS/postgres.log" 2>/dev/null && break
  kill -0 "${PIDS[-1]}" 2>/dev/null || { log "postgres exited; see $LOGS/postgres.log"; tail -30 "$LOGS/postgres.log"; exit 1; }
  sleep 0.5
done
grep -q "^DevPostgres (PostgreSQL" "$LOGS/postgres.log" || { log "postgres did not start; see $LOGS/postgres.log"; exit 1; }
log "$(grep -m1 "^DevPostgres (PostgreSQL" "$LOGS/postgres.log")"

# the official documents (PDF) embed a CJK TrueType font from the machine's packages
ls /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc /usr/share/fonts/truetype/wqy/wqy-microhei.ttc >/dev/null 2>&1 \
  || log "no CJK TrueType font: PDFs answer 503 DOCUMENT_FONT_MISSING until you install one (apt-get install fonts-wqy-zenhei)"
log "starting MongoDB-wire server (mongo-java-server, data in $DATA/mongo) ..."
"$JAVA" -Xmx512m -XX:+ExitOnOutOfMemoryError -cp "$DEVSTACK_CP" io.sanjiaodi.devstack.DevMongo --port 27017 --data "$DATA/mongo" >"$LOGS/mongo.log" 2>&1 &
PIDS+=($!); wait_port 27017 mongo "${PIDS[-1]}"

log "starting Apache Kafka broker (KRaft, data in $DATA/kafka) ..."
"$JAVA" -Xmx512m -cp "$DEVSTACK_CP" io.sanjiaodi.devstack.DevKafka --port 9092 --data "$DATA/kafka" >"$LOGS/kafka.log" 2>&1 &
PIDS+=($!); wait_port 9092 kafka "${PIDS[-1]}"

# Witness (witness/README.md): its key first, so audit-service starts knowing whose cosignatures count;
# the witness itself starts after audit-service, whose key it needs.
WITNESS_NAME=sanjiaodi.local/witness
WITNESS_JAR=$(ls witness/target/witness-*.jar | grep -v -- '-tests\.jar$' | head -1)
WITNESS_VKEY=$("$JAVA" -jar "$WITNESS_JAR" --init --name="$WITNESS_NAME" --data="$DATA/witness")
export AUDIT_WITNESSES_0_NAME=$WITNESS_NAME AUDIT_WITNESSES_0_URL=http://localhost:8090 \
  AUDIT_WITNESSES_0_VERIFIERKEY=$WITNESS_VKEY AUDIT_WITNESSES_REQUIRED=1 \
  AUDIT_COSIGNATURE_REFRESH=${AUDIT_COSIGNATURE_REFRESH:-1m}  # a quiet demo log is re-cosigned each minute

declare -A URL=([interview]=http://localhost:8081 [rectification]=http://localhost:8082 [audit]=http://localhost:8083)
for svc in interview rectification audit; do
  log "starting $svc-service ..."
  "$JAVA" -Xmx384m -XX:+UseSerialGC -Daxoniq.update-checker.disabled=true \
    -jar "$(ls "$svc-service/target/$svc-service-"*-exec.jar | head -1)" >"$LOGS/$svc-service.log" 2>&1 &
  PIDS+=($!)
done
i=$((${#PIDS[@]}-3))
for svc in interview rectification audit; do
  wait_ready "${URL[$svc]}" "$svc-service" "${PIDS[$i]}"; i=$((i+1))
done

# The witness trusts the log key it pinned on the first run ($DATA/witness/log.vkey), never a new one silently:
# if audit-service now shows another key, the witness keeps the pinned one and refuses the new log's checkpoints.
served_vkey=$(curl -fsS "${URL[audit]}/api/audit/log/verifier-key")
if [[ -f "$DATA/witness/log.vkey" ]]; then
  [[ "$(cat "$DATA/witness/log.vkey")" == "$served_vkey" ]] \
    || log "WARNING: audit-service's key differs from the one the witness pinned in $DATA/witness/log.vkey; it will refuse"
else
  printf '%s\n' "$served_vkey" >"$DATA/witness/log.vkey"
fi
log "starting the witness (its key and records in $DATA/witness) ..."
"$JAVA" -Xmx64m -XX:+UseSerialGC -jar "$WITNESS_JAR" --name="$WITNESS_NAME" --port=8090 --data="$DATA/witness" \
  --log="$(cat "$DATA/witness/log.vkey")" >"$LOGS/witness.log" 2>&1 &
PIDS+=($!); wait_port 8090 witness "${PIDS[-1]}"

if [[ "${SANJIAODI_DEMO:-yes}" == yes ]]; then
  # the loader signs its tokens with the auth server's key in $DATA/auth/jwks.json (DevTokens)
  SANJIAODI_DATA="$DATA" "$JAVA" -cp "$DEVSTACK_CP" io.sanjiaodi.devstack.DemoData "${URL[interview]}" "${URL[rectification]}" \
    || log "demo data could not be loaded (see above); the system runs anyway"
fi

cat <<TXT

  三交底 integrity interview platform is running.
  Dashboard:                ${URL[audit]}/dashboard/   (signs you in at http://localhost:9000/login)
  Demo users (user, role, name); passwords in $DATA/auth/demo-users.txt:
$(awk '!/^#/ && NF >= 4 { printf "    %-16s %-20s %s\n", $1, $3, $4 }' "$DATA/auth/demo-users.txt")
  Documents (PDF; ?format=docx for Word), e.g. as the office: ${URL[interview]}/api/interviews/{id}/documents/{record,commitment,lists}
                            and ${URL[rectification]}/api/ledgers/{ledgerId}/documents/{ledger,stage-evaluation,written-report}; verify a printed code at ${URL[audit]}/dashboard/#/verify
  interview-service:        ${URL[interview]}/swagger-ui.html   health: ${URL[interview]}/actuator/health
  rectification-service:    ${URL[rectification]}/swagger-ui.html   health: ${URL[rectification]}/actuator/health
  audit-service:            ${URL[audit]}/swagger-ui.html   health: ${URL[audit]}/actuator/health
  witness:                  http://localhost:8090/state   (cosigns ${URL[audit]}/api/audit/log/checkpoint; key $WITNESS_VKEY)
  auth-server:              http://localhost:9000/.well-known/openid-configuration   keys: http://localhost:9000/oauth2/jwks
  PostgreSQL: localhost:5432 (database sanjiaodi, user postgres)   Kafka: localhost:9092   MongoDB wire: localhost:27017
  logs: $LOGS
  Press Ctrl-C to stop everything started here.

TXT
wait
