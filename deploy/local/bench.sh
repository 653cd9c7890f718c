#!/usr/bin/env bash
# Runs the benchmark and fault harness (services/bench): simulated clinics against the three packaged
# services, a broker of its own and PostgreSQL, with the latency floor measured in the same run.
# Usage: deploy/local/bench.sh [--no-build] [harness options, see --help]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=deploy/local/lib/jdk.sh
source deploy/local/lib/jdk.sh

# Why: a one-glance reminder of the options and of the variables the script reads.
usage() {
  cat <<'HELP'
Usage: deploy/local/bench.sh [--no-build] [options]
Builds the services and the harness (unless --no-build), then runs the harness. Options (default):
  --clinics N (10)  --tablets M per clinic (10)  --symptoms-per-second R (2)
  --heartbeat S (15)  --angle-every S (20)  --hold S (60)  --holds N (2)  --rest S (20)
  --patients-per-tablet N (2, enrolled before the load)  --warm-up S (60)  --measure S (120)
  --faults  --fault-gap S (20)  --service-jvm-options "OPTIONS" (@deploy/jvm.options)
  --aot-cache true|false (true: on JDK 25+, a service without an AOT cache gets a training start that records one)
  --out DIR (services/bench/target/bench): results.md, latency.svg, *.hgrm, the services' logs
Environment: SPOTTER_PG_HOST/PORT/USER/PASSWORD (127.0.0.1:5432, postgres), SPOTTER_TEST_DB_SUFFIX
  (appended to the harness's databases, spotter_bench_*), JAVA_HOME (a JDK >= 21).
HELP
}

build=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    --help|-h) usage; exit 0 ;;
    *) args+=("$arg") ;;
  esac
done

JAVA_HOME=$(find_jdk)
export JAVA_HOME
if $build; then
  ./mvnw -B -q package -DskipTests -pl services/bench -am
fi
[[ -d services/bench/target/lib ]] || { echo "bench.sh: services/bench is not built; run without --no-build" >&2; exit 1; }

exec "$JAVA_HOME/bin/java" -Xmx512m -Dtesting.kafka.lib=services/kafka-broker/target/lib \
  -cp "services/bench/target/classes:services/bench/target/lib/*" dev.spotter.bench.Bench \
  --out services/bench/target/bench "${args[@]}"
