#!/usr/bin/env bash
# The national opening: 1000 schools apply at the same moment for a Work Group with 50 places, through the gateway.
# Latency p50/p99 against a burst of as many reads in the same run; exactly 50 accepted; a gapless waiting list.
source "$(dirname "$0")/lib.sh"
SCHOOLS=${BENCH_SCHOOLS:-1000}
PLACES=${BENCH_PLACES:-50}

platform_up
ADMIN=$(password_token ncetm.admin)
HUB_ADMIN=$(password_token central.admin)
WEBSITE=$(client_token hub-website-central central-website-secret)

# Schools new to the register: random 7-digit URNs, registered straight at the service (setup, not measured).
mapfile -t URNS < <(shuf -i 2000000-2999999 -n "$SCHOOLS")
{
    echo "URN,EstablishmentName,TypeOfEstablishment (code),TypeOfEstablishment (name),EstablishmentStatus (code),EstablishmentStatus (name),PhaseOfEducation (code),PhaseOfEducation (name),StatutoryLowAge,StatutoryHighAge,LA (name),DistrictAdministrative (code)"
    for urn in "${URNS[@]}"; do echo "$urn,Bench Primary $urn,34,Academy converter,1,Open,2,Primary,4,11,Wolverhampton,E08000031"; done
} > /tmp/bench-schools.csv
curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: text/csv; charset=ISO-8859-1' --data-binary @/tmp/bench-schools.csv \
    "$APPLICATIONS/api/v1/schools/import" >/dev/null

year_start=$(( $(date -u +%m) >= 9 ? $(date -u +%Y) + 1 : $(date -u +%Y) ))
GROUP=$(curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$GATEWAY/api/v1/work-groups" -d "{
  \"programmeCode\": \"MN_RKS1\", \"hubCode\": \"CENTRAL\", \"academicYear\": \"$year_start/$(printf '%02d' $(( (year_start + 1) % 100 )))\",
  \"capacity\": $PLACES, \"lead\": \"Benchmark Work Group\", \"allocationPolicy\": \"FIRST_COME_FIRST_SERVED\",
  \"applicationWindow\": {\"opensAt\": \"$(date -u -d '-1 day' +%FT%TZ)\", \"closesAt\": \"$(date -u -d '+30 days' +%FT%TZ)\",
  \"confirmationDate\": \"$(date -u -d '+31 days' +%F)\"}}" | jq -r .id)
curl -fsS -X PUT -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$GATEWAY/api/v1/work-groups/$GROUP/status" \
    -d '{"status": "OPEN"}' >/dev/null
# The applications service hears of the group over Kafka.
for _ in $(seq 60); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $WEBSITE" -H 'Content-Type: application/json' \
        "$GATEWAY/api/v1/work-groups/$GROUP/eligibility-check" -d "{\"urn\": \"${URNS[0]}\"}")
    [ "$code" = 200 ] && break
    sleep 0.5
done
[ "$code" = 200 ] || { echo "bench: the applications service never heard of Work Group $GROUP" >&2; exit 1; }

echo "Work Group $GROUP: $PLACES places, $SCHOOLS schools"
"$(java_bin)" "$(dirname "$0")/OpeningBurst.java" "$GATEWAY" "$WEBSITE" "$HUB_ADMIN" "$GROUP" "$PLACES" "${URNS[@]}"
