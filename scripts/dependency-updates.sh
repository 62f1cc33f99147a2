#!/usr/bin/env bash
# Lists newer releases of the parent, the version properties, the dependencies and the plugins,
# asking only Maven Central (through the Maven wrapper's settings). Nothing is changed; read the
# output beside the "Supported lines" table in the README before moving a line.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -N -Pdependency-updates validate "$@"
./mvnw -B -Pdependency-updates validate -pl devstack,platform,system-tests "$@" | grep -E "\->|updates|No dependencies" || true
