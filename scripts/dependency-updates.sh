#!/usr/bin/env bash
# Lists newer releases of the parent, the version properties, the dependencies and the plugins of
# every module (the parent's dependency management and the versions some modules pin themselves:
# poi, jqwik, nimbus-jose-jwt, ...), asking only Maven Central. Nothing is changed; read the output
# beside the "Supported lines" table in the README before moving a line.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -Pdependency-updates validate "$@"
