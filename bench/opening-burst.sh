#!/usr/bin/env bash
# The national opening: 1000 schools apply at the same moment for a Work Group with 50 places, through the gateway.
# Latency p50/p99 against a burst of as many reads in the same round; exactly 50 accepted; a gapless waiting list.
#
# A platform in service has compiled its hot code long before an opening, and a single burst's p99 moves by a third
# from one round to the next on two shared cores: so BENCH_WARMUP rounds first (not counted), then BENCH_ROUNDS rounds,
# each with schools and a Work Group of its own, and the median of their p99 ratios. BENCH_WARMUP=0 BENCH_ROUNDS=1 is
# a cold platform's single opening.
source "$(dirname "$0")/lib.sh"
SCHOOLS=${BENCH_SCHOOLS:-1000}
PLACES=${BENCH_PLACES:-50}
WARMUP=${BENCH_WARMUP:-3}
ROUNDS=${BENCH_ROUNDS:-3}

platform_up
HUB_ADMIN=$(password_token central.admin)
WEBSITE=$(client_token hub-website-central central-website-secret)
GEN=$(mktemp -d)
trap 'rm -rf "$GEN"' EXIT
JAVA=$(java_bin)
"${JAVA%/java}/javac" -d "$GEN" "$(dirname "$0")/OpeningBurst.java"

round() { # label
    local urns group
    # Schools new to the register: random 7-digit URNs.
    mapfile -t urns < <(shuf -i 2000000-2999999 -n "$SCHOOLS")
    register_schools "${urns[@]}"
    group=$(open_work_group "$PLACES")
    await_applications_know "$group" "${urns[0]}"
    echo "$1: Work Group $group, $PLACES places, $SCHOOLS schools"
    "$JAVA" -cp "$GEN" OpeningBurst "$GATEWAY" "$WEBSITE" "$HUB_ADMIN" "$group" "$PLACES" "${urns[@]}" | tee "$GEN/out" \
        || { echo "bench: the allocation was wrong or a school was not answered" >&2; exit 1; }
}

for ((i = 1; i <= WARMUP; i++)); do round "warm-up $i of $WARMUP" | grep -a '^RESULT' | sed 's/^RESULT/  warm-up:/'; done
RATIOS=()
for ((i = 1; i <= ROUNDS; i++)); do
    round "round $i of $ROUNDS"
    RATIOS+=("$(sed -n 's/.*p99 ratio \([0-9.]*\)x.*/\1/p' "$GEN/out")")
done
MEDIAN=$(printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
echo "RESULT opening-burst-median: $SCHOOLS schools, $ROUNDS rounds after $WARMUP warm-up rounds: p99 ratios ${RATIOS[*]}; median ${MEDIAN}x (target <= 2x)"
