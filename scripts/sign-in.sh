#!/usr/bin/env bash
# Signs in as a demo user the way the dashboard does — the auth server's login form, then
# authorization code + PKCE (S256) for the public client "dashboard" — and prints the access token.
#   TOKEN=$(scripts/sign-in.sh office)            # password read from $SANJIAODI_DATA/auth/demo-users.txt
#   curl -H "Authorization: Bearer $TOKEN" localhost:8083/api/supervision/overview
set -euo pipefail
user=${1:?usage: scripts/sign-in.sh USER [PASSWORD]}
data=${SANJIAODI_DATA:-$(cd "$(dirname "$0")/.." && pwd)/data}
password=${2:-$(awk -v u="$user" '!/^#/ && $1 == u { print $2 }' "$data/auth/demo-users.txt")}
[[ -n "$password" ]] || { echo "no password for $user in $data/auth/demo-users.txt" >&2; exit 1; }
auth=${AUTH_SERVER:-http://localhost:9000}
redirect=${REDIRECT_URI:-http://localhost:8083/dashboard/callback.html}
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
verifier=$(head -c 48 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
challenge=$(printf '%s' "$verifier" | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\n')
state=$(head -c 12 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
authorize="$auth/oauth2/authorize?response_type=code&client_id=dashboard&scope=openid%20profile&state=$state"
authorize+="&redirect_uri=$(printf '%s' "$redirect" | sed 's#:#%3A#g; s#/#%2F#g')&code_challenge=$challenge&code_challenge_method=S256"
curl -fsS -c "$jar" -b "$jar" -H "Accept: text/html" -o /dev/null "$authorize"
csrf=$(curl -fsS -c "$jar" -b "$jar" "$auth/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//' || true)
status=$(curl -sS -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "username=$user" \
  --data-urlencode "password=$password" ${csrf:+--data-urlencode "_csrf=$csrf"} "$auth/login")
# the auth server refuses sign-ins of a user (or from an address) with too many recent failures
[[ "$status" != 429 ]] || { echo "sign-in throttled for $user (LOGIN_THROTTLED): too many failed sign-ins, wait 15 min" >&2; exit 1; }
location=$(curl -sS -c "$jar" -b "$jar" -H "Accept: text/html" -o /dev/null -w '%{redirect_url}' "$authorize")
code=$(printf '%s' "$location" | grep -o '[?&]code=[^&]*' | cut -d= -f2 || true)
[[ -n "$code" && "$location" == *"state=$state"* ]] || { echo "sign-in failed for $user (redirected to: $location)" >&2; exit 1; }
curl -fsS "$auth/oauth2/token" -d grant_type=authorization_code -d client_id=dashboard -d "code=$code" \
  --data-urlencode "redirect_uri=$redirect" -d "code_verifier=$verifier" \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
