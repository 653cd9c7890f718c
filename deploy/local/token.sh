#!/usr/bin/env bash
# Prints a bearer token for a demo user of the local run, signed with the local key.
# Usage: deploy/local/token.sh <user> [hours]      (deploy/local/token.sh --list for the users)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
key="${SPOTTER_RUN_DIR:-$here/../../.run}/jwt/private.pem"

# user          clinic     role
users="
nurse.north     northside  tablet
tablet.north    northside  tablet
dr.north        northside  clinician
admin.north     northside  clinic-admin
tablet.river    riverside  tablet
dr.river        riverside  clinician
admin.river     riverside  clinic-admin
ops.local       -          ops
"

if [[ $# -lt 1 || "$1" == "--list" ]]; then
  echo "Demo users (user clinic role):"; echo "$users" | sed '/^$/d; s/^/  /'
  [[ $# -ge 1 ]] && exit 0 || exit 2
fi
user=$1 hours=${2:-12}
line=$(echo "$users" | awk -v u="$user" '$1 == u') || true
[[ -n "$line" ]] || { echo "unknown demo user '$user'; see --list" >&2; exit 2; }
[[ -f "$key" ]] || { echo "no signing key at $key: start the platform first (deploy/local/run.sh)" >&2; exit 1; }
read -r _ clinic role <<<"$line"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
# operations staff belong to no clinic ("-"): their token has no clinic claim
clinic_claim=$([[ "$clinic" == "-" ]] && echo "" || printf ',"clinic":"%s"' "$clinic")
payload=$(printf '{"iss":"spotter-local","sub":"%s","upn":"%s","groups":["%s"]%s,"iat":%d,"exp":%d}' \
  "$user" "$user" "$role" "$clinic_claim" "$now" $((now + hours * 3600)) | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$key" | b64url)
echo "$header.$payload.$signature"
