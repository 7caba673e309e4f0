#!/usr/bin/env bash
# Submitting applications through the gateway (HTTP, token, validation, eligibility, events, the lot) against pgbench
# running the same database transaction (submission.pgbench), same concurrency, same run. Target: >= 0.5x.
source "$(dirname "$0")/lib.sh"
need wrk "apt-get install wrk"
need pgbench "apt-get install postgresql-client"
DURATION=${BENCH_DURATION:-15}
CLIENTS=${BENCH_CLIENTS:-8}
# A platform in service has compiled its hot code long before it is measured: warm-up rounds of DURATION go on until
# the JIT compilers take under JIT_SETTLED percent of the machine's CPU in a round (at most WARMUP_ROUNDS). On a fresh
# platform the C2 compiler was still at work through minutes of load, and the throughput doubled once it was done;
# the first round's figure is reported as the cold one.
JIT_SETTLED=${BENCH_JIT_SETTLED:-5}
WARMUP_ROUNDS=${BENCH_WARMUP_ROUNDS:-8}
BASE=7100000

platform_up
WEBSITE=$(client_token hub-website-central central-website-secret)
# Enough schools for the run: thread t of wrk uses BASE + t * 100000 + 1.. (two threads) when measured, and from
# BASE + t * 100000 + 5000 + (r - 1) * 2500 + 1 in warm-up round r.
mapfile -t URNS < <(for t in 0 1; do seq $((BASE + t * 100000 + 1)) $((BASE + t * 100000 + 5000 + WARMUP_ROUNDS * 2500)); done)
register_schools "${URNS[@]}"

# A group with one place, once the applications service has heard of it.
new_group() {
    local id
    id=$(open_work_group 1)
    for _ in $(seq 60); do
        [ "$(PGPASSWORD=applications psql -qAt -h localhost -p "$PLATFORM_POSTGRES_PORT" -U applications applications \
            -c "SELECT count(*) FROM work_group WHERE id = '$id'")" = 1 ] && break
        sleep 0.5
    done
    echo "$id"
}

# One place, so nearly every application takes the waiting-list path, as in submission.pgbench.
HTTP_GROUP=$(new_group)
mapfile -t JVMS < <(service_pids)
cold=
for round in $(seq "$WARMUP_ROUNDS"); do
    jit0=$(jit_ticks "${JVMS[@]}"); all0=$(machine_ticks)
    read -r -a warm < <(wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency -s "$(dirname "$0")/submit.lua" "$GATEWAY" -- \
        "$((BASE + 5000 + (round - 1) * 2500))" "$HTTP_GROUP" "$WEBSITE" | wrk_figures)
    jit=$(( ($(jit_ticks "${JVMS[@]}") - jit0) * 100 / ($(machine_ticks) - all0 + 1) ))
    echo "warm-up round $round: ${warm[0]} applications/s, the JIT compilers ${jit}% of the machine's CPU"
    [ -n "$cold" ] || cold="${warm[0]} applications/s (p50 ${warm[1]} ms, p99 ${warm[2]} ms)"
    [ "$jit" -ge "$JIT_SETTLED" ] || break
done
HTTP_GROUP=$(new_group)
read -r -a http < <(wrk -t2 -c"$CLIENTS" -d"${DURATION}s" --latency -s "$(dirname "$0")/submit.lua" "$GATEWAY" -- "$BASE" "$HTTP_GROUP" "$WEBSITE" | wrk_figures)

SQL_GROUP=$(new_group)
PGPASSWORD=applications psql -qAt -h localhost -p "$PLATFORM_POSTGRES_PORT" -U applications applications \
    -c "SET client_min_messages = warning; DROP SEQUENCE IF EXISTS bench_urn; CREATE SEQUENCE bench_urn MINVALUE 1000000 START 1000000 MAXVALUE 9999999"
sql_tps=$(PGPASSWORD=applications pgbench -n -h localhost -p "$PLATFORM_POSTGRES_PORT" -U applications -c "$CLIENTS" -j 2 \
    -T "$DURATION" -D group="$SQL_GROUP" -f "$(dirname "$0")/submission.pgbench" applications 2>/dev/null \
    | awk '/^tps/ { printf "%.1f", $3 }')
PGPASSWORD=applications psql -qAt -h localhost -p "$PLATFORM_POSTGRES_PORT" -U applications applications -c "DROP SEQUENCE bench_urn"
echo "RESULT submission: through the gateway ${http[0]} applications/s (p50 ${http[1]} ms, p99 ${http[2]} ms) vs pgbench $sql_tps tps of the same transaction = $(ratio "${http[0]}" "$sql_tps")x (target >= 0.5x); $CLIENTS concurrent, ${DURATION}s each, after $round warm-up rounds (the first, cold: $cold = $(ratio "${cold%% *}" "$sql_tps")x)"
