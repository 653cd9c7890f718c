#!/usr/bin/env bash
# Checks the audit log's hash chains of the local run's services: every clinic's entries, link by link.
# Usage: deploy/local/audit-verify.sh [service...]      (default: all three)
# Elsewhere, the same check against any database (e.g. from a service's container):
#   java -cp 'quarkus-app/lib/main/*' dev.spotter.platform.audit.AuditChainCheck <jdbc-url> [user] [password]
# Exit status 0 when every chain holds, 1 when one is broken.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/lib/jdk.sh"
java_home=$(find_jdk)
pg_host=${SPOTTER_PG_HOST:-127.0.0.1} pg_port=${SPOTTER_PG_PORT:-5432} pg_user=${SPOTTER_PG_USER:-postgres}

status=0
for service in "${@:-screening-service session-service alert-service}"; do
  for name in $service; do
    lib="$root/services/$name/target/quarkus-app/lib/main"
    [[ -d "$lib" ]] || { echo "$name is not built: run deploy/local/run.sh or ./mvnw package first" >&2; exit 2; }
    echo "== $name"
    "$java_home/bin/java" -cp "$lib/*" dev.spotter.platform.audit.AuditChainCheck \
      "jdbc:postgresql://$pg_host:$pg_port/spotter_${name%-service}" "$pg_user" "${SPOTTER_PG_PASSWORD:-}" || status=$?
  done
done
exit $status
