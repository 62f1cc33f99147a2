#!/usr/bin/env bash
# Starts the compose broker with SASL/SCRAM. SCRAM credentials live in the KRaft metadata, so they
# are written when the storage is formatted (first start); later starts find the storage formatted
# and keep them. To change a password later use kafka-configs.sh --alter --add-config.
set -euo pipefail
: "${KAFKA_CLUSTER_ID:?}" "${KAFKA_BROKER_PASSWORD:?}" "${KAFKA_INTERVIEW_PASSWORD:?}"
: "${KAFKA_RECTIFICATION_PASSWORD:?}" "${KAFKA_AUDIT_PASSWORD:?}"
props=/tmp/server.properties
sed "s|@BROKER_PASSWORD@|${KAFKA_BROKER_PASSWORD}|" /opt/sanjiaodi/kafka/server.properties > "$props"
# the health check's client login (the broker's own user)
cat > /tmp/client.properties <<CLIENT
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="${KAFKA_BROKER_PASSWORD}";
CLIENT
/opt/kafka/bin/kafka-storage.sh format --cluster-id "$KAFKA_CLUSTER_ID" -c "$props" --ignore-formatted \
  --add-scram "SCRAM-SHA-512=[name=broker,password=${KAFKA_BROKER_PASSWORD}]" \
  --add-scram "SCRAM-SHA-512=[name=interview-service,password=${KAFKA_INTERVIEW_PASSWORD}]" \
  --add-scram "SCRAM-SHA-512=[name=rectification-service,password=${KAFKA_RECTIFICATION_PASSWORD}]" \
  --add-scram "SCRAM-SHA-512=[name=audit-service,password=${KAFKA_AUDIT_PASSWORD}]"
exec /opt/kafka/bin/kafka-server-start.sh "$props"
