#!/usr/bin/env bash
# Loads the demo data from the seed pages through the platform's own API, as the NCETM would:
# the three Maths Hubs, the 2024/25 Work Groups as history, the Mastering Number KS2 2024/25 central
# sessions, and open Work Groups for the coming academic year at every hub (dates relative to today, so
# applying can be tried whenever the demo runs). Safe to run again: what exists is left alone.
#
# Needs: GATEWAY_URL (e.g. http://localhost:8080) and KEYCLOAK_URL (the realm, e.g. http://localhost:8180/realms/maths-hubs).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
: "${GATEWAY_URL:?set GATEWAY_URL}"
: "${KEYCLOAK_URL:?set KEYCLOAK_URL}"
command -v jq >/dev/null || { echo "load-demo-data: jq is needed (apt-get install jq)" >&2; exit 1; }

token=$(curl -fsS -d grant_type=password -d client_id=maths-hubs-cli -d username=ncetm.admin -d password=demo-password \
  "$KEYCLOAK_URL/protocol/openid-connect/token" | jq -r .access_token)

api() { # method path [body]
  local method=$1 path=$2 body=${3:-}
  local args=(-sS -o /tmp/demo-load.$$ -w '%{http_code}' -X "$method" -H "Authorization: Bearer $token" -H 'Accept: application/json')
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
  local status
  status=$(curl "${args[@]}" "$GATEWAY_URL$path")
  if [ "${status:0:1}" != 2 ]; then
    echo "load-demo-data: $method $path answered $status: $(cat /tmp/demo-load.$$)" >&2
    rm -f /tmp/demo-load.$$
    return 1
  fi
  cat /tmp/demo-load.$$
  rm -f /tmp/demo-load.$$
}


# Creates a Work Group unless the hub already has one of this programme and year; moves it to a status.
work_group() { # json final-status
  local json=$1 final=$2 hub programme year existing id
  hub=$(jq -r .hubCode <<<"$json"); programme=$(jq -r .programmeCode <<<"$json"); year=$(jq -r .academicYear <<<"$json")
  existing=$(curl -fsS "$GATEWAY_URL/api/v1/work-groups?hub=$hub&programme=$programme&academicYear=${year/\//%2F}" | jq -r '.items[0].id // empty')
  if [ -n "$existing" ]; then
    echo "$existing"
    return
  fi
  id=$(api POST /api/v1/work-groups "$json" | jq -r .id)
  local path
  case $final in
    OPEN) path=(OPEN) ;;
    COMPLETED) path=(OPEN CLOSED RUNNING COMPLETED) ;;
  esac
  for status in "${path[@]}"; do
    api PUT "/api/v1/work-groups/$id/status" "{\"status\":\"$status\"}" >/dev/null
  done
  echo "$id"
}

central_sessions() { # programme year file
  local programme=$1 year=$2 file=$3 count
  count=$(curl -fsS "$GATEWAY_URL/api/v1/central-sessions?programme=$programme&academicYear=${year/\//%2F}" | jq '.items | length')
  [ "$count" -gt 0 ] && return 0
  jq -c '.[]' "$file" | while read -r session; do
    api POST /api/v1/central-sessions "$(jq -c --arg p "$programme" --arg y "$year" '. + {programmeCode: $p, academicYear: $y}' <<<"$session")" >/dev/null
  done
}

echo "Loading demo data through $GATEWAY_URL"
jq -c '.[]' "$here/hubs.json" | while read -r hub; do
  api PUT "/api/v1/hubs/$(jq -r .code <<<"$hub")" "$(jq -c 'del(.code)' <<<"$hub")" >/dev/null
done
echo "  Maths Hubs: Central, SHaW, North Mids"

jq -c '.[]' "$here/history-2024-25.json" | while read -r entry; do
  work_group "$(jq -c .workGroup <<<"$entry")" "$(jq -r .finalStatus <<<"$entry")" >/dev/null
done
echo "  2024/25 Work Groups (completed): Central Mastering Number R/KS1 (50 places) and KS2"

central_sessions MN_KS2 2024/25 "$here/central-sessions-mn-ks2-2024-25.json"
echo "  Mastering Number KS2 2024/25 central sessions (6)"

# The coming academic year: the one after the year today falls in.
today=$(date -u +%F)
month=$((10#$(date -u +%m))); this_year=$((10#$(date -u +%Y)))
start=$(( month >= 9 ? this_year + 1 : this_year ))
year="$start/$(printf '%02d' $(( (start + 1) % 100 )))"
opens="$(date -u -d "$today -7 days" +%F)T09:00:00Z"
closes="$(date -u -d "$today +90 days" +%F)T17:00:00Z"
confirms=$(date -u -d "$today +96 days" +%F)
for hub in CENTRAL SHAW NORTH_MIDS; do
  jq -c '.[]' "$here/open-programmes.json" | while read -r offer; do
    work_group "$(jq -c --arg hub "$hub" --arg year "$year" --arg opens "$opens" --arg closes "$closes" --arg confirms "$confirms" \
      '. + {hubCode: $hub, academicYear: $year, applicationWindow: {opensAt: $opens, closesAt: $closes, confirmationDate: $confirms}}' <<<"$offer")" OPEN >/dev/null
  done
done
echo "  $year Work Groups open now (until ${closes%T*}) at all three hubs: MN_RKS1, MN_KS2, TFM_DEV, TFM_SUSTAINING"

sed -e "s/START-/$start-/g" -e "s/END-/$((start + 1))-/g" "$here/central-sessions-mn-rks1-template.json" > "/tmp/demo-sessions.$$"
central_sessions MN_RKS1 "$year" "/tmp/demo-sessions.$$"
rm -f "/tmp/demo-sessions.$$"
echo "  Mastering Number R/KS1 $year central sessions (6)"
