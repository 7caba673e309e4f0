#!/usr/bin/env bash
# The NCETM's pulls over a million attendance rows: the full CSV export through the gateway (time, and the scheduling
# service's heap while it streams) against psql copying the same query's rows straight out of PostgreSQL; then an
# incremental pull of the rows changed since a moment ago against the first page of a full pull.
source "$(dirname "$0")/lib.sh"
need psql "apt-get install postgresql-client"
SESSIONS=${BENCH_SESSIONS:-1000}
PEOPLE=${BENCH_PEOPLE:-1000}

platform_up
export PGPASSWORD=scheduling
sql() { psql -qAt -h localhost -p "$PLATFORM_POSTGRES_PORT" -U scheduling scheduling -c "$1"; }
if [ -n "${BENCH_GROUP:-}" ]; then
    GROUP=$BENCH_GROUP   # the rows of an earlier run
else
GROUP=$(cat /proc/sys/kernel/random/uuid)
echo "Loading $SESSIONS sessions x $PEOPLE people = $((SESSIONS * PEOPLE)) attendance rows (Work Group $GROUP)"
sql "
INSERT INTO work_group (id, programme_code, hub_code, academic_year, status, revision)
    VALUES ('$GROUP', 'MN_KS2', 'CENTRAL', '2024/25', 'COMPLETED', 1);
INSERT INTO session (id, work_group_id, programme_code, academic_year, title, audience, delivery_mode, starts_at, ends_at,
                     term, status, sequence, created_at, updated_at)
    SELECT gen_random_uuid(), '$GROUP', 'MN_KS2', '2024/25', 'Bench session ' || i, 'EVERYONE', 'TWILIGHT',
           timestamptz '2024-09-02 15:00Z' + i * interval '4 hours', timestamptz '2024-09-02 16:00Z' + i * interval '4 hours',
           'AUTUMN', 'SCHEDULED', 0, now(), now()
    FROM generate_series(1, $SESSIONS) i;
INSERT INTO participant (id, application_id, work_group_id, programme_code, academic_year, urn, school_name, role, name, email, trn)
    SELECT gen_random_uuid(), gen_random_uuid(), '$GROUP', 'MN_KS2', '2024/25', (1000000 + i / 2)::text,
           'Bench Primary ' || i / 2, 'LEAD_TEACHER_YEAR_4', 'Teacher ' || i, 'teacher' || i || '@bench.example', '1234567'
    FROM generate_series(1, $PEOPLE) i;
INSERT INTO attendance (session_id, participant_id, attendance, revision, recorded_at, recorded_by)
    SELECT s.id, p.id, CASE WHEN random() < 0.9 THEN 'ATTENDED' ELSE 'APOLOGIES' END, 1, s.ends_at, 'bench'
    FROM session s CROSS JOIN participant p WHERE s.work_group_id = '$GROUP' AND p.work_group_id = '$GROUP';
ANALYZE attendance;"
fi

NCETM=$(client_token ncetm-integration ncetm-integration-secret)
heap_mib() { curl -s "$SCHEDULING_MANAGEMENT/q/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { sum += $NF } END { printf "%.0f", sum / 1048576 }'; }

# Baseline: the same rows straight out of PostgreSQL.
query="SELECT a.session_id, a.participant_id, p.work_group_id, p.programme_code, g.hub_code, p.academic_year, p.urn, s.title,
       s.work_group_id IS NULL, s.delivery_mode, s.starts_at, a.attendance, a.revision, a.recorded_at, a.updated_at
       FROM attendance a JOIN participant p ON p.id = a.participant_id JOIN session s ON s.id = a.session_id
       LEFT JOIN work_group g ON g.id = p.work_group_id WHERE p.work_group_id = '$GROUP' ORDER BY a.change_xid, a.session_id, a.participant_id"
start=$(date +%s.%N)
psql -qAt -h localhost -p "$PLATFORM_POSTGRES_PORT" -U scheduling scheduling -c "\\copy ($query) TO '/dev/null' WITH CSV"
psql_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')

# The export through the gateway, sampling the service's heap while it streams.
heap_before=$(heap_mib)
peak=$heap_before
curl -s -o /tmp/bench-attendance.csv -w '%{time_total}\n' -H "Authorization: Bearer $NCETM" -H 'Accept: text/csv' \
    "$GATEWAY/api/v1/participation/attendance?workGroupId=$GROUP" > /tmp/bench-export-time &
curl_pid=$!
while kill -0 "$curl_pid" 2>/dev/null; do
    now=$(heap_mib); [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.5
done
wait "$curl_pid"
export_s=$(awk '{ printf "%.2f", $1 }' /tmp/bench-export-time)
rows=$(( $(wc -l < /tmp/bench-attendance.csv) - 1 ))

# Incremental: 100 rows corrected a moment ago, against the first page of a full pull: the NCETM's two kinds of
# request, over everything (no filter), 1000 rows a page at most.
since=$(date -u +%FT%T.%NZ)
sql "UPDATE attendance SET attendance = 'ABSENT', revision = revision + 1
     WHERE (session_id, participant_id) IN (SELECT a.session_id, a.participant_id FROM attendance a
     JOIN participant p ON p.id = a.participant_id WHERE p.work_group_id = '$GROUP' LIMIT 100)"
timed() { curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $NCETM" "$1"; }
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] * 1000 }'; }
incremental_ms=$(for _ in 1 2 3 4 5; do timed "$GATEWAY/api/v1/participation/attendance?size=1000&updatedSince=$since"; done | median)
first_page_ms=$(for _ in 1 2 3 4 5; do timed "$GATEWAY/api/v1/participation/attendance?size=1000"; done | median)
changed=$(curl -s -H "Authorization: Bearer $NCETM" "$GATEWAY/api/v1/participation/attendance?size=1000&updatedSince=$since" | jq '.items | length')
total=$(sql "SELECT count(*) FROM attendance")

echo "RESULT participation-export: $rows rows as CSV through the gateway in $export_s s vs psql \\copy of the same query in $psql_s s = $(ratio "$export_s" "$psql_s")x the time; heap $heap_before MiB before, at most $peak MiB while streaming (+$((peak - heap_before)) MiB)"
echo "RESULT participation-incremental: of $total attendance rows, the $changed changed since a moment ago in $incremental_ms ms (median of 5) vs the first 1000-row page of a full pull in $first_page_ms ms = $(ratio "$incremental_ms" "$first_page_ms")x"
