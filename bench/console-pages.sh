#!/usr/bin/env bash
# The hub console's pages against the API calls each makes: a hub admin signed in on Keycloak's page asks for each
# main page (Work Groups, a Work Group's 30 applications, one application, sessions, a register of 30 people... lead
# teachers of the accepted schools, completion), and the same person's token makes the page's own API calls through
# the gateway as the page makes them. Target: every page p50 and p95 <= 2x its API calls'.
source "$(dirname "$0")/lib.sh"
SCHOOLS=${BENCH_CONSOLE_SCHOOLS:-30}
WARMUP=${BENCH_CONSOLE_WARMUP:-1500}
ROUNDS=${BENCH_CONSOLE_ROUNDS:-500}

platform_up
group=$(open_work_group "$SCHOOLS")
base=$(( 800000 + RANDOM % 90000 ))
urns=()
for i in $(seq 0 $((SCHOOLS - 1))); do urns+=("$((base + i))"); done
register_schools "${urns[@]}"
website=$(client_token hub-website-central central-website-secret)
hub_admin=$(password_token central.admin)
# The applications service learns of the Work Group from the catalogue's event: a moment after it opens.
for _ in $(seq 60); do
    curl -fsS -o /dev/null -H "Authorization: Bearer $hub_admin" "$GATEWAY/api/v1/work-groups/$group/applications" 2>/dev/null && break
    sleep 1
done
application=
for urn in "${urns[@]}"; do
    reference=$(curl -fsS -H "Authorization: Bearer $website" -H 'Content-Type: application/json' \
        "$GATEWAY/api/v1/work-groups/$group/applications" -d "{
      \"school\": {\"urn\": \"$urn\", \"name\": \"Bench Primary $urn\", \"address\": \"1 Bench Lane\", \"telephone\": \"01902 556360\",
                 \"localAuthority\": \"Wolverhampton\"},
      \"headteacher\": {\"name\": \"Ann Head\", \"email\": \"head$urn@school.example\"},
      \"mainContact\": {\"name\": \"Sam Lead\", \"email\": \"sam$urn@school.example\", \"trn\": \"1234567\", \"schoolRoles\": \"Maths lead\"},
      \"leadTeachers\": [{\"role\": \"LEAD_TEACHER_RECEPTION\", \"name\": \"Rita Reception\", \"email\": \"rita$urn@school.example\", \"trn\": \"2345678\", \"schoolRoles\": \"Class teacher\"},
                         {\"role\": \"LEAD_TEACHER_YEAR_1\", \"name\": \"Yusuf One\", \"email\": \"yusuf$urn@school.example\", \"trn\": \"3456789\", \"schoolRoles\": \"Class teacher\"},
                         {\"role\": \"LEAD_TEACHER_YEAR_2\", \"name\": \"Yolanda Two\", \"email\": \"yolanda$urn@school.example\", \"trn\": \"4567890\", \"schoolRoles\": \"Class teacher\"},
                         {\"role\": \"MATHS_LEAD\", \"name\": \"Sam Lead\", \"email\": \"sam$urn@school.example\", \"trn\": \"1234567\", \"schoolRoles\": \"Maths lead\"}],
      \"headteacherStatement\": \"Secure number sense.\"}" | jq -r .reference)
    application=${application:-$reference}
done
start=$(coming_year_start)
session=$(curl -fsS -H "Authorization: Bearer $hub_admin" -H 'Content-Type: application/json' \
    "$GATEWAY/api/v1/work-groups/$group/sessions" -d "{\"title\": \"Bench local session\", \"audience\": \"LEAD_TEACHERS\",
    \"deliveryMode\": \"FACE_TO_FACE\", \"startsAt\": \"$start-10-14T16:00\", \"endsAt\": \"$start-10-14T17:30\",
    \"location\": \"Bench College\"}" | jq -r .id)
# Every accepted school's lead teachers enrolled in it before measuring: the register is full.
for _ in $(seq 60); do
    enrolled=$(curl -fsS -H "Authorization: Bearer $hub_admin" "$GATEWAY/api/v1/sessions/$session/attendance?size=1000" | jq '.items | length')
    [ "$enrolled" -ge $((SCHOOLS * 3)) ] && break
    sleep 1
done
echo "Work Group $group: $SCHOOLS applications, a session of $enrolled people"
"$(java_bin)" "$(dirname "$0")/ConsolePages.java" "$GATEWAY" "$REALM" central.admin "$group" "$session" "$application" \
    "$WARMUP" "$ROUNDS" | while read -r page p50 p95 api50 api95; do
    echo "RESULT console-page-$page: page p50 $p50 ms, p95 $p95 ms; its API calls p50 $api50 ms, p95 $api95 ms; ratio p50 $(ratio "$p50" "$api50")x, p95 $(ratio "$p95" "$api95")x (target <= 2x)"
done
