#!/usr/bin/env bash
# ApplicationAccepted -> enrolment visible in scheduling: from the moment the applications service records the
# acceptance (its outbox row) to the moment scheduling has taken the event in (its processed-event row, written in the
# same transaction as the enrolments). At 100 acceptances a second, against 1 a second in the same run as the
# baseline. Target: p99 <= 200 ms.
source "$(dirname "$0")/lib.sh"
need psql "apt-get install postgresql-client"
RATE=${BENCH_RATE:-100}
LOAD=${BENCH_ACCEPTANCES:-3000}
IDLE=${BENCH_IDLE_ACCEPTANCES:-20}

platform_up
ADMIN=$(password_token ncetm.admin)
WEBSITE=$(client_token hub-website-central central-website-secret)
mapfile -t URNS < <(shuf -i 3000000-3999999 -n $((IDLE + LOAD)))
{
    echo "URN,EstablishmentName,TypeOfEstablishment (code),TypeOfEstablishment (name),EstablishmentStatus (code),EstablishmentStatus (name),PhaseOfEducation (code),PhaseOfEducation (name),StatutoryLowAge,StatutoryHighAge,LA (name),DistrictAdministrative (code)"
    for urn in "${URNS[@]}"; do echo "$urn,Bench Primary $urn,34,Academy converter,1,Open,2,Primary,4,11,Wolverhampton,E08000031"; done
} > /tmp/bench-schools.csv
curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: text/csv; charset=ISO-8859-1' --data-binary @/tmp/bench-schools.csv \
    "$APPLICATIONS/api/v1/schools/import" >/dev/null

year_start=$(( $(date -u +%m) >= 9 ? $(date -u +%Y) + 1 : $(date -u +%Y) ))
GROUP=$(curl -fsS -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$GATEWAY/api/v1/work-groups" -d "{
  \"programmeCode\": \"MN_RKS1\", \"hubCode\": \"CENTRAL\", \"academicYear\": \"$year_start/$(printf '%02d' $(( (year_start + 1) % 100 )))\",
  \"capacity\": $((IDLE + LOAD)), \"lead\": \"Benchmark Work Group\", \"allocationPolicy\": \"FIRST_COME_FIRST_SERVED\",
  \"applicationWindow\": {\"opensAt\": \"$(date -u -d '-1 day' +%FT%TZ)\", \"closesAt\": \"$(date -u -d '+30 days' +%FT%TZ)\",
  \"confirmationDate\": \"$(date -u -d '+31 days' +%F)\"}}" | jq -r .id)
curl -fsS -X PUT -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$GATEWAY/api/v1/work-groups/$GROUP/status" \
    -d '{"status": "OPEN"}' >/dev/null
for _ in $(seq 60); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $WEBSITE" -H 'Content-Type: application/json' \
        "$GATEWAY/api/v1/work-groups/$GROUP/eligibility-check" -d "{\"urn\": \"${URNS[0]}\"}")
    [ "$code" = 200 ] && break
    sleep 0.5
done
# Every enrolment needs a session to enrol in: one local session for the group.
HUB_ADMIN=$(password_token central.admin)
for _ in $(seq 60); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $HUB_ADMIN" -H 'Content-Type: application/json' \
        "$GATEWAY/api/v1/work-groups/$GROUP/sessions" -d "{\"title\": \"Autumn\", \"audience\": \"EVERYONE\",
        \"deliveryMode\": \"FACE_TO_FACE\", \"startsAt\": \"$year_start-10-14T16:00\", \"endsAt\": \"$year_start-10-14T17:30\"}")
    [ "$code" = 201 ] && break
    sleep 0.5
done

java=$(java_bin)
echo "Baseline: $IDLE acceptances at 1 a second"
"$java" "$(dirname "$0")/SteadyApplications.java" "$GATEWAY" "$WEBSITE" "$GROUP" 1 "${URNS[@]:0:IDLE}"
echo "Load: $LOAD acceptances at $RATE a second"
"$java" "$(dirname "$0")/SteadyApplications.java" "$GATEWAY" "$WEBSITE" "$GROUP" "$RATE" "${URNS[@]:IDLE}"
sleep 5   # the last events cross

export PGPASSWORD
PGPASSWORD=applications psql -qAt -F, -h localhost -p "$PLATFORM_POSTGRES_PORT" -U applications applications -c "
    SELECT o.event_id, a.urn, extract(epoch FROM o.occurred_at) FROM outbox_event o JOIN application a ON a.id::text = o.aggregate_key
    WHERE a.work_group_id = '$GROUP' AND o.type = 'uk.mathshubs.applications.application.accepted.v1'" | sort > /tmp/bench-accepted.csv
PGPASSWORD=scheduling psql -qAt -F, -h localhost -p "$PLATFORM_POSTGRES_PORT" -U scheduling scheduling -c "
    SELECT event_id, extract(epoch FROM processed_at) FROM processed_event" | sort > /tmp/bench-processed.csv
printf '%s\n' "${URNS[@]:0:IDLE}" > /tmp/bench-idle-urns.txt

latencies() { # which: idle or load -> sorted latencies in ms
    join -t, /tmp/bench-accepted.csv /tmp/bench-processed.csv | awk -F, -v which="$1" '
        NR == FNR { idle[$1] = 1; next }
        { is_idle = ($2 in idle); if ((which == "idle") == is_idle) printf "%.1f\n", ($4 - $3) * 1000 }' /tmp/bench-idle-urns.txt - | sort -n
}
pct() { awk -v p="$1" '{ v[NR] = $1 } END { i = int(p / 100 * NR + 0.999); if (i < 1) i = 1; print v[i] }'; }
idle_p50=$(latencies idle | pct 50); idle_p99=$(latencies idle | pct 99)
load_p50=$(latencies load | pct 50); load_p99=$(latencies load | pct 99)
seen=$(latencies load | wc -l)
echo "RESULT enrolment-latency: at $RATE/s p50 $load_p50 ms, p99 $load_p99 ms (target p99 <= 200 ms; $seen of $LOAD acceptances enrolled); at 1/s p50 $idle_p50 ms, p99 $idle_p99 ms; p99 ratio $(ratio "$load_p99" "$idle_p99")x"
