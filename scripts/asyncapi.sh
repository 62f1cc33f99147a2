#!/usr/bin/env bash
# Writes the AsyncAPI document of the published language again from the contract records (after an
# event changed) and checks it: contracts/src/main/resources/asyncapi/sanjiaodi.asyncapi.json.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl contracts test -Dtest=AsyncApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dexec.skip=true || true
cp contracts/target/asyncapi/sanjiaodi.asyncapi.json contracts/src/main/resources/asyncapi/sanjiaodi.asyncapi.json
./mvnw -B -q -pl contracts test -Dtest=AsyncApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false
echo "written and checked: contracts/src/main/resources/asyncapi/sanjiaodi.asyncapi.json"
