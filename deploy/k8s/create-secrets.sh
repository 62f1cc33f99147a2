#!/usr/bin/env bash
# Makes the secrets the manifests read and no operator makes, once per cluster, in the namespace
# sanjiaodi (docs/deployment.md, "First installation"). Keys are generated here, on the operator's
# machine, and go straight into the cluster: they are never written to the repository. Every
# instance of a service reads the same key from its secret; none generates its own.
#   deploy/k8s/create-secrets.sh            the keys, the MongoDB users' passwords, the backup
#                                           bucket's credentials (S3_ACCESS_KEY_ID,
#                                           S3_ACCESS_SECRET_KEY) and the TLS certificate
#                                           (TLS_CERT, TLS_KEY: files) from the environment
#   deploy/k8s/create-secrets.sh witness    after the witness has started: its public verifier
#                                           key into the ConfigMap audit-service reads
# A secret that exists is kept: running it again never replaces a key (that would orphan what the
# old key signed or sealed). To rotate a key, see docs/deployment.md.
set -euo pipefail
NS=${NAMESPACE:-sanjiaodi}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
umask 077

exists() { kubectl -n "$NS" get "$1" "$2" >/dev/null 2>&1; }

# secret <name> <kubectl create secret generic arguments...>
secret() {
  local name=$1
  shift
  if exists secret "$name"; then
    echo "kept secret $name"
  else
    kubectl -n "$NS" create secret generic "$name" "$@" >/dev/null
    echo "made secret $name"
  fi
}

# an Ed25519 key pair as the services read it: PKCS#8 PEM and the X.509 public key beside it
ed25519() {
  openssl genpkey -algorithm ed25519 -out "$work/$1"
  openssl pkey -in "$work/$1" -pubout -out "$work/$1.pub"
}

if [ "${1:-}" = witness ]; then
  vkey=$(kubectl -n "$NS" exec witness-0 -- cat /data/witness.vkey)
  if exists configmap witness-verifier-key; then
    echo "kept configmap witness-verifier-key"
  else
    kubectl -n "$NS" create configmap witness-verifier-key --from-literal=vkey="$vkey" >/dev/null
    echo "made configmap witness-verifier-key: $vkey"
  fi
  exit 0
fi

kubectl get namespace "$NS" >/dev/null 2>&1 || kubectl create namespace "$NS"

# the key-encryption key of the confidential sources (AES-256, base64)
openssl rand -base64 32 | tr -d '\n' > "$work/sources-kek.key"
secret interview-sources-key --from-file=sources-kek.key="$work/sources-kek.key"

# each producer's statement key, and the audit log's checkpoint key
for service in interview-service rectification-service audit-service; do
  ed25519 "$service.pk8"
  secret "$service-statements-key" \
    --from-file=statements-ed25519.pk8="$work/$service.pk8" \
    --from-file=statements-ed25519.pk8.pub="$work/$service.pk8.pub"
done
ed25519 audit.pk8
secret audit-signing-key \
  --from-file=audit-ed25519.pk8="$work/audit.pk8" --from-file=audit-ed25519.pk8.pub="$work/audit.pk8.pub"

# the MongoDB users' passwords (the operator makes the connection strings from them)
for service in interview-service rectification-service audit-service; do
  secret "mongo-$service-password" --from-literal=password="$(openssl rand -hex 24)"
done

# PostgreSQL's base backups and WAL archive
if [ -n "${S3_ACCESS_KEY_ID:-}" ]; then
  secret sanjiaodi-backup-s3 \
    --from-literal=ACCESS_KEY_ID="$S3_ACCESS_KEY_ID" --from-literal=ACCESS_SECRET_KEY="${S3_ACCESS_SECRET_KEY:?}"
else
  echo "S3_ACCESS_KEY_ID is not set: make the secret sanjiaodi-backup-s3 before PostgreSQL's first backup"
fi

# the gateway's certificate
if [ -n "${TLS_CERT:-}" ]; then
  exists secret sanjiaodi-tls && echo "kept secret sanjiaodi-tls" \
    || { kubectl -n "$NS" create secret tls sanjiaodi-tls --cert="$TLS_CERT" --key="${TLS_KEY:?}" >/dev/null \
      && echo "made secret sanjiaodi-tls"; }
else
  echo "TLS_CERT is not set: make the secret sanjiaodi-tls (kubectl create secret tls, or cert-manager)"
fi
