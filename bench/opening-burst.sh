#!/usr/bin/env bash
# The national opening: 1000 schools apply at the same moment for a Work Group with 50 places, through the gateway.
# Latency p50/p99 against a burst of as many reads in the same run; exactly 50 accepted; a gapless waiting list.
source "$(dirname "$0")/lib.sh"
SCHOOLS=${BENCH_SCHOOLS:-1000}
PLACES=${BENCH_PLACES:-50}

platform_up
HUB_ADMIN=$(password_token central.admin)
WEBSITE=$(client_token hub-website-central central-website-secret)

# Schools new to the register: random 7-digit URNs.
mapfile -t URNS < <(shuf -i 2000000-2999999 -n "$SCHOOLS")
register_schools "${URNS[@]}"
GROUP=$(open_work_group "$PLACES")
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
