#!/usr/bin/env bash
# Runs the whole Spotter platform locally: PostgreSQL databases, a Kafka broker and the three
# services, in the foreground until Ctrl-C (or SIGTERM), which stops everything.
# (Started in the background by another script, it ignores SIGINT as all such jobs do: use SIGTERM.)
# Usage: deploy/local/run.sh [--fresh] [--no-build] [--help]
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=deploy/local/lib/jdk.sh
source deploy/local/lib/jdk.sh

pg_host=${SPOTTER_PG_HOST:-127.0.0.1}
pg_port=${SPOTTER_PG_PORT:-5432}
pg_user=${SPOTTER_PG_USER:-postgres}
pg_password=${SPOTTER_PG_PASSWORD:-}
kafka_port=${SPOTTER_KAFKA_PORT:-9092}
controller_port=${SPOTTER_KAFKA_CONTROLLER_PORT:-9093}
run_dir=${SPOTTER_RUN_DIR:-.run}
# name, HTTP port, database
services=("screening-service 8081 spotter_screening" "session-service 8082 spotter_session"
          "alert-service 8083 spotter_alert")
kafka_lib=services/kafka-broker/target/lib
testing_classes=services/testing/target/classes

kafka_pid=""
service_pids=()

# Why: a one-glance reminder of the options and of the variables the script reads.
usage() {
  cat <<'EOF'
Usage: deploy/local/run.sh [--fresh] [--no-build] [--help]
Runs PostgreSQL databases, a Kafka broker and the three Spotter services until Ctrl-C.
  --fresh     drop and recreate the three databases and delete the Kafka data first
  --no-build  do not (re)build, even when sources are newer than the packaged services
  --help      show this help
Environment: SPOTTER_PG_HOST (127.0.0.1), SPOTTER_PG_PORT (5432), SPOTTER_PG_USER (postgres),
  SPOTTER_PG_PASSWORD (empty), SPOTTER_KAFKA_PORT (9092), SPOTTER_KAFKA_CONTROLLER_PORT (9093),
  SPOTTER_RUN_DIR (.run: keys, logs, Kafka data), JAVA_HOME (a JDK >= 21),
  SPOTTER_LOG_JSON (false: plain log lines), SPOTTER_OTEL_ENDPOINT (an OTLP collector for the traces).
EOF
}

# Why: every failure should end with one readable line, not a bare non-zero status.
die() { echo "run.sh: $*" >&2; exit 1; }
say() { echo "==> $*"; }

# Why: a port already taken (often by a leftover run) would make a component fail obscurely later.
check_ports_free() {
  local port
  for port in "$@"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      die "port $port is already in use (a previous run still going?); stop that process first"
    fi
  done
}

# Why: all database work goes through one psql invocation with the configured connection.
pg_sql() {
  PGPASSWORD=$pg_password psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres \
    -v ON_ERROR_STOP=1 -qtAX -c "$1"
}

# Why: pg_isready is the cheap, quiet check; psql is the fallback where it is not installed.
pg_ready() {
  command -v pg_isready >/dev/null || { pg_sql 'SELECT 1' >/dev/null 2>&1; return; }
  pg_isready -q -h "$pg_host" -p "$pg_port" -U "$pg_user"
}

# Why: on a fresh machine the local cluster may simply be stopped; start it once before giving up.
ensure_postgres() {
  pg_ready && return 0
  if command -v pg_ctlcluster >/dev/null && [[ "$pg_host" =~ ^(127\.0\.0\.1|localhost|::1)$ ]]; then
    local version i
    for version in /etc/postgresql/*/; do
      [[ -d "$version" ]] || continue
      version=$(basename "$version")
      say "starting local PostgreSQL $version cluster"
      pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    done
    for ((i = 0; i < 15; i++)); do pg_ready && return 0; sleep 1; done
  fi
  die "PostgreSQL is not reachable at $pg_host:$pg_port as user $pg_user.
  Start it (e.g. 'sudo pg_ctlcluster <version> main start' or 'sudo service postgresql start'),
  or point SPOTTER_PG_HOST, SPOTTER_PG_PORT, SPOTTER_PG_USER, SPOTTER_PG_PASSWORD at a running server."
}

# Why: each service owns one database; they must exist before Flyway migrates them (--fresh empties them).
ensure_databases() {
  local fresh=$1 entry db
  for entry in "${services[@]}"; do
    db=${entry##* }
    if [[ "$fresh" == true ]]; then
      say "dropping database $db"
      pg_sql "DROP DATABASE IF EXISTS $db WITH (FORCE)"
    fi
    if [[ -z "$(pg_sql "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]]; then
      say "creating database $db"
      pg_sql "CREATE DATABASE $db"
    fi
  done
}

# Why: without the packaged services and the broker's jars there is nothing to run.
artifacts_missing() {
  local entry
  for entry in "${services[@]}"; do
    [[ -f "services/${entry%% *}/target/quarkus-app/quarkus-run.jar" ]] || return 0
  done
  [[ ! -d "$kafka_lib" || ! -d "$testing_classes" ]]
}

# Why: build only when something is missing or sources/poms changed since the oldest package.
needs_build() {
  artifacts_missing && return 0
  local oldest="" jar
  for jar in services/*/target/quarkus-app/quarkus-run.jar; do
    [[ -z "$oldest" || "$jar" -ot "$oldest" ]] && oldest=$jar
  done
  [[ -n "$(find services/*/src pom.xml services/*/pom.xml -type f -newer "$oldest" -print -quit)" ]]
}

# Why: the services verify bearer tokens with the public key; token.sh signs with the private one.
ensure_jwt_keys() {
  local dir=$run_dir/jwt
  [[ -f "$dir/private.pem" && -f "$dir/public.pem" ]] && return 0
  say "creating the local JWT key pair in $dir"
  mkdir -p "$dir"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem" 2>/dev/null \
    || die "openssl could not create $dir/private.pem"
  chmod 600 "$dir/private.pem"
  openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem" || die "openssl could not write $dir/public.pem"
}

# Why: alert-service encrypts the clinics' webhook secrets at rest with this key; it must stay the same across runs.
ensure_secret_key() {
  [[ -f "$run_dir/secret.key" ]] && return 0
  (umask 077 && openssl rand -base64 32 >"$run_dir/secret.key") || die "openssl could not create $run_dir/secret.key"
}

# Why: the services need the broker before they can report ready; its launcher prints a line once it answers.
start_kafka() {
  local log=$run_dir/logs/kafka.log started=$SECONDS
  say "starting Kafka on 127.0.0.1:$kafka_port (log: $log)"
  "$java" -cp "$kafka_lib/*:$testing_classes" dev.spotter.testing.KafkaBroker --lib "$kafka_lib" \
    --port "$kafka_port" --controller-port "$controller_port" --dir "$run_dir/kafka" >"$log" 2>&1 &
  kafka_pid=$!
  while ((SECONDS - started < 90)); do
    grep -q 'Kafka broker ready at' "$log" && { say "Kafka ready after $((SECONDS - started))s"; return 0; }
    kill -0 "$kafka_pid" 2>/dev/null || { tail -n 40 "$log" >&2; die "the Kafka launcher exited; see $log"; }
    sleep 1
  done
  tail -n 40 "$log" >&2
  die "Kafka not ready within 90 s; see $log and $run_dir/kafka/broker.log"
}

# Why: all three start together so their ~10 s start-ups overlap; each gets its own database and log.
# Why: a start cache shortens the start, but only on the JDK that made it (run.sh uses the same one) and run from the
# application's folder (it names its class path from there): the AOT cache a training start recorded (JDK 25 and later;
# deploy/local/bench.sh records one), else the class-data sharing archive the build made. Without either the service
# starts as well, slower.
class_archive() {
  local app=services/$1/target/quarkus-app
  if [[ -f "$app/app.aot" ]] && (( java_major >= 25 )); then
    echo "-XX:AOTCache=app.aot"
  elif [[ -f "$app/app-cds.jsa" ]]; then
    echo "-XX:SharedArchiveFile=app-cds.jsa"
  fi
  return 0
}

start_services() {
  local entry name port db
  for entry in "${services[@]}"; do
    read -r name port db <<<"$entry"
    say "starting $name on port $port (log: $run_dir/logs/$name.log)"
    # SPOTTER_DEMO_ENABLED: demo patients (screening-service) and on-call rosters (alert-service). SPOTTER_CORS_ORIGINS
    # is read by screening-service only (the tablet's origin, which reads patient names from it),
    # SPOTTER_TABLET_SCREENING_URL by session-service only; the mail and webhook settings by alert-service only: without
    # SPOTTER_SMTP_HOST, e-mail pages are written to its log instead of sent. Logs are plain lines here (JSON in
    # production) unless SPOTTER_LOG_JSON=true; SPOTTER_OTEL_ENDPOINT, when set, sends the traces to a collector.
    SPOTTER_DB_URL="jdbc:postgresql://$pg_host:$pg_port/$db" SPOTTER_DB_USER=$pg_user \
      SPOTTER_DB_PASSWORD=$pg_password SPOTTER_KAFKA_BOOTSTRAP="127.0.0.1:$kafka_port" \
      SPOTTER_JWT_PUBLIC_KEY="$run_dir/jwt/public.pem" SPOTTER_DEMO_ENABLED=true QUARKUS_HTTP_PORT=$port \
      SPOTTER_CORS_ORIGINS="http://127.0.0.1:8082,http://localhost:8082" SPOTTER_TABLET_SCREENING_URL="http://127.0.0.1:8081" \
      SPOTTER_MAIL_LOG_ONLY="${SPOTTER_MAIL_LOG_ONLY:-$([[ -n "${SPOTTER_SMTP_HOST:-}" ]] && echo false || echo true)}" \
      SPOTTER_CONSOLE_URL="http://127.0.0.1:8083/console/" SPOTTER_WEBHOOK_PRIVATE_NETWORKS=true \
      SPOTTER_SECRET_KEY="$(cat "$run_dir/secret.key")" SPOTTER_LOG_JSON="${SPOTTER_LOG_JSON:-false}" MALLOC_ARENA_MAX=2 \
      bash -c 'cd "$1" && shift && exec "$@"' run "services/$name/target/quarkus-app" \
      "$java" "@$root/deploy/jvm.options" $(class_archive "$name") -jar quarkus-run.jar >"$run_dir/logs/$name.log" 2>&1 &
    service_pids+=($!)
  done
}

# Why: "started" is not "usable"; readiness means the database and Kafka are reachable.
await_services() {
  local i=0 entry name port started=$SECONDS deadline health up='"status": *"UP"'
  for entry in "${services[@]}"; do
    read -r name port _ <<<"$entry"
    deadline=$((SECONDS + 120))
    while true; do
      health=$(curl -sS --max-time 5 "http://127.0.0.1:$port/q/health/ready" 2>/dev/null || true)
      [[ "$health" =~ $up ]] && break
      if ! kill -0 "${service_pids[$i]}" 2>/dev/null || ((SECONDS >= deadline)); then
        tail -n 40 "$run_dir/logs/$name.log" >&2
        die "$name did not become ready (see $run_dir/logs/$name.log)"
      fi
      sleep 1
    done
    say "$name ready ($((SECONDS - started))s since start)"
    i=$((i + 1))
  done
}

# shellcheck disable=SC2317 # reached through the traps
# Why: a polite SIGTERM lets the JVMs run their shutdown hooks; SIGKILL only for the stubborn.
stop_pids() {
  local label=$1 timeout=$2 pid alive i
  shift 2
  (($# > 0)) || return 0
  kill -TERM "$@" 2>/dev/null || true
  for ((i = 0; i < timeout * 5; i++)); do
    alive=()
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    ((${#alive[@]} == 0)) && return 0
    sleep 0.2
  done
  echo "run.sh: $label did not stop within ${timeout}s; killing ${alive[*]}" >&2
  kill -KILL "${alive[@]}" 2>/dev/null || true
}

# shellcheck disable=SC2317 # reached through the traps
# Why: services first (they still talk to Kafka while stopping), then the broker; nothing may linger.
stop_all() {
  trap '' INT TERM   # a second Ctrl-C must not abandon the shutdown half-way
  trap - EXIT
  if ((${#service_pids[@]} > 0)); then
    say "stopping the services"
    stop_pids services 15 "${service_pids[@]}"
  fi
  if [[ -n "$kafka_pid" ]]; then
    say "stopping Kafka"
    local broker
    broker=$(pgrep -P "$kafka_pid" || true)   # the broker child, in case the launcher cannot stop it
    stop_pids "the Kafka launcher" 25 "$kafka_pid"
    # shellcheck disable=SC2086 # one pid per word
    stop_pids "the Kafka broker" 15 $broker
  fi
  wait 2>/dev/null || true
  say "everything stopped"
}

# Why: when something dies on its own, say which one, so the right log gets read.
dead_components() {
  local i dead=()
  kill -0 "$kafka_pid" 2>/dev/null || dead+=(kafka)
  for i in "${!services[@]}"; do
    kill -0 "${service_pids[$i]}" 2>/dev/null || dead+=("${services[$i]%% *}")
  done
  echo "${dead[*]:-a component}"
}

# Why: the usage and the ready-made commands are what one needs right after start-up.
print_summary() {
  cat <<EOF

Spotter is running (Ctrl-C stops everything). Logs: $run_dir/logs
  screening-service  http://127.0.0.1:8081/api    health http://127.0.0.1:8081/q/health
  session-service    http://127.0.0.1:8082/api    health http://127.0.0.1:8082/q/health
  alert-service      http://127.0.0.1:8083/api    health http://127.0.0.1:8083/q/health
  OpenAPI at /q/openapi (any token) and metrics at /q/metrics (token.sh ops.local) on each port
  alert stream       http://127.0.0.1:8083/api/alerts/stream
  tablet app         http://127.0.0.1:8082/tablet/   (signed in: see "Open the tablet" below)
  clinician console  http://127.0.0.1:8083/console/  (sign in with dr.north's token; e-mail pages go to the alert-service log)
  Kafka              127.0.0.1:$kafka_port
Demo clinics: northside and riverside. Tokens (from the repository root):
  deploy/local/token.sh dr.north        (deploy/local/token.sh --list shows all demo users)
EOF
  [[ -n "${SPOTTER_RUN_DIR:-}" ]] && echo "  (token.sh needs SPOTTER_RUN_DIR=$run_dir too)"
  cat <<'EOF'
Try:
  curl -s -H "Authorization: Bearer $(deploy/local/token.sh tablet.north)" http://127.0.0.1:8081/api/patients
  curl -s -X POST -H "Authorization: Bearer $(deploy/local/token.sh tablet.north)" -H 'Content-Type: application/json' \
    -d '{"patientId":"00000000-0000-4000-8000-00000000a001","spotter":"Sam Spotter","bloodPressure":{"systolic":122,"diastolic":76},"painBefore":4}' http://127.0.0.1:8082/api/sessions
  curl -N -H "Authorization: Bearer $(deploy/local/token.sh dr.north)" http://127.0.0.1:8083/api/alerts/stream
Open the tablet (any browser; the token in the address signs it in):
  echo "http://127.0.0.1:8082/tablet/#token=$(deploy/local/token.sh tablet.north)"
Open the clinician console (dr.north is on call for northside):
  echo "http://127.0.0.1:8083/console/#token=$(deploy/local/token.sh dr.north)"
EOF
}

# Why: the order matters: databases and build first, then keys, Kafka, services; then block until a signal.
main() {
  local fresh=false build=true
  while (($# > 0)); do
    case $1 in
      --fresh) fresh=true ;;
      --no-build) build=false ;;
      -h | --help) usage; exit 0 ;;
      *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
  done
  local jdk
  jdk=$(find_jdk)
  java=$jdk/bin/java
  java_major=$(jdk_major "$jdk")
  mkdir -p "$run_dir"
  run_dir=$(cd "$run_dir" && pwd)
  check_ports_free 8081 8082 8083 "$kafka_port" "$controller_port"
  ensure_postgres
  ensure_databases "$fresh"
  if [[ "$build" == true ]] && needs_build; then
    say "building the services (./mvnw -B -q install -DskipTests); this takes a few minutes"
    ./mvnw -B -q install -DskipTests || die "the build failed (see above)"
  elif artifacts_missing; then
    die "the services are not built; run without --no-build (or ./mvnw -B -q install -DskipTests)"
  fi
  ensure_jwt_keys
  ensure_secret_key
  if [[ "$fresh" == true ]]; then say "deleting the Kafka data"; rm -rf "$run_dir/kafka"; fi
  mkdir -p "$run_dir/logs"
  trap stop_all EXIT
  trap 'stop_all; exit 0' INT TERM
  start_kafka
  start_services
  await_services
  print_summary
  # Wakes on a signal (trap above) or when a component dies unexpectedly.
  wait -n "$kafka_pid" "${service_pids[@]}" || true
  die "$(dead_components) exited unexpectedly; see the logs in $run_dir/logs"
}

main "$@"
