#!/usr/bin/env bash
# ApplicationAccepted -> enrolment visible in scheduling. The events go onto the broker as the applications service's
# outbox relay sends them (so that what is measured is the scheduling side, not how fast this machine can also take
# applications); the clock stops when scheduling has committed the enrolments (its processed-event row, written in the
# same transaction). At 100 events a second, against 1 a second in the same run. Target: p99 <= 200 ms.
source "$(dirname "$0")/lib.sh"
need psql "apt-get install postgresql-client"
RATE=${BENCH_RATE:-100}
LOAD=${BENCH_ACCEPTANCES:-3000}
IDLE=${BENCH_IDLE_ACCEPTANCES:-20}

platform_up
HUB_ADMIN=$(password_token central.admin)
year_start=$(coming_year_start)
YEAR=$(coming_year)
GROUP=$(open_work_group 1000)
# Each accepted school's people are enrolled in the group's local sessions and its programme's central ones.
for _ in $(seq 60); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $HUB_ADMIN" -H 'Content-Type: application/json' \
        "$GATEWAY/api/v1/work-groups/$GROUP/sessions" -d "{\"title\": \"Autumn\", \"audience\": \"EVERYONE\",
        \"deliveryMode\": \"FACE_TO_FACE\", \"startsAt\": \"$year_start-10-14T16:00\", \"endsAt\": \"$year_start-10-14T17:30\"}")
    [ "$code" = 201 ] && break
    sleep 0.5
done
[ "$code" = 201 ] || { echo "bench: scheduling never heard of Work Group $GROUP" >&2; exit 1; }

java=$(java_bin)
producer=("$java" -cp "$PLATFORM_HOME/kafka/libs/*" "$(dirname "$0")/AcceptedEvents.java" "localhost:$PLATFORM_KAFKA_PORT" "$GROUP" MN_RKS1 "$YEAR")
echo "Baseline: $IDLE acceptances at 1 a second"
"${producer[@]}" 1 "$IDLE" /tmp/bench-sent-idle.csv 2>/dev/null
echo "Load: $LOAD acceptances at $RATE a second"
"${producer[@]}" "$RATE" "$LOAD" /tmp/bench-sent-load.csv 2>/dev/null
sleep 10   # the last events cross

PGPASSWORD=scheduling psql -qAt -F, -h localhost -p "$PLATFORM_POSTGRES_PORT" -U scheduling scheduling -c "
    SELECT event_id, extract(epoch FROM processed_at) FROM processed_event" | sort > /tmp/bench-processed.csv

latencies() { # sent file -> sorted latencies in ms
    sort "$1" | join -t, - /tmp/bench-processed.csv | awk -F, '{ printf "%.1f\n", ($3 - $2) * 1000 }' | sort -n
}
pct() { awk -v p="$1" '{ v[NR] = $1 } END { i = int(p / 100 * NR + 0.999); if (i < 1) i = 1; print v[i] }'; }
idle_p50=$(latencies /tmp/bench-sent-idle.csv | pct 50); idle_p99=$(latencies /tmp/bench-sent-idle.csv | pct 99)
load_p50=$(latencies /tmp/bench-sent-load.csv | pct 50); load_p99=$(latencies /tmp/bench-sent-load.csv | pct 99)
seen=$(latencies /tmp/bench-sent-load.csv | wc -l)
echo "RESULT enrolment-latency: at $RATE/s p50 $load_p50 ms, p99 $load_p99 ms (target p99 <= 200 ms; $seen of $LOAD schools enrolled, 5 people each); at 1/s p50 $idle_p50 ms, p99 $idle_p99 ms; p99 ratio $(ratio "$load_p99" "$idle_p99")x"
