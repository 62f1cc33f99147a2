#!/usr/bin/env bash
# Whole-pipeline benchmark against the local run (start ./run.sh first, in another terminal).
# Usage: scripts/benchmark.sh [--concurrency=16] [--duration=60] [--warmup=15] [--baseline=10]
#                             [--rebuild-events=1000000] [--report=target/benchmark-report.md] ...
# Prints the report and writes it as Markdown (copy it into docs/benchmarks.md). See benchmark/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls benchmark/target/benchmark-*-exec.jar 2>/dev/null | head -1 || true)
if [[ -z "$jar" ]] || [[ -n "$(find benchmark/src supervision/src/main -newer "$jar" -type f -print -quit)" ]]; then
  ./mvnw -B -q install -DskipTests -pl benchmark -am
  jar=$(ls benchmark/target/benchmark-*-exec.jar | head -1)
fi
exec java -Xmx1g -jar "$jar" "$@"
