#!/usr/bin/env bash
# Writes .env beside docker-compose.yml with a random password for every server login of the compose
# system (PostgreSQL, the Kafka SCRAM users, the MongoDB users), the MongoDB replica set's key and the
# Kafka cluster id, unless it
# exists. docker compose reads .env by itself; the file is mode 600 and never committed (.gitignore).
set -euo pipefail
cd "$(dirname "$0")/.."
file=.env
if [[ -e $file ]]; then
  echo "$file exists; delete it (and the volumes) for new secrets"
  exit 0
fi
secret() { head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }
umask 077
{
  echo "POSTGRES_PASSWORD=$(secret)"
  echo "KAFKA_CLUSTER_ID=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  for name in BROKER INTERVIEW RECTIFICATION AUDIT; do echo "KAFKA_${name}_PASSWORD=$(secret)"; done
  echo "MONGO_ROOT_PASSWORD=$(secret)"
  # the replica set's internal authentication key (base64, 6 to 1024 characters)
  echo "MONGO_REPLICA_KEY=$(head -c 512 /dev/urandom | base64 | tr -d '\n')"
  for name in INTERVIEW RECTIFICATION AUDIT; do echo "MONGO_${name}_PASSWORD=$(secret)"; done
} > "$file"
echo "wrote $file"
