#!/usr/bin/env bash
# Catalogue reads through the gateway against the same reads straight from the catalogue service, in the same run,
# alternating (direct, gateway, direct, gateway) so that the machine's noise falls on both. Target: >= 0.7x.
source "$(dirname "$0")/lib.sh"
need wrk "apt-get install wrk"
DURATION=${BENCH_DURATION:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
PATH_UNDER_TEST=/api/v1/programmes/MN_RKS1

platform_up
ROUNDS=${BENCH_ROUNDS:-3}
# Warm both paths (JIT, connection pools) until they are steady: the first seconds of a fresh JVM are not its speed.
wrk -t2 -c"$CONNECTIONS" -d20s "$CATALOGUE$PATH_UNDER_TEST" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d20s "$GATEWAY$PATH_UNDER_TEST" >/dev/null

# CPU seconds a process has used (user + system), from /proc.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$(cat "$PLATFORM_HOME/pids/$1.pid")/stat"; }

ratios=()
for round in $(seq "$ROUNDS"); do
    read -r -a d < <(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$CATALOGUE$PATH_UNDER_TEST" | wrk_figures)
    gw_before=$(cpu_seconds gateway); cat_before=$(cpu_seconds catalogue)
    read -r -a g < <(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$GATEWAY$PATH_UNDER_TEST" | wrk_figures)
    gw_cpu=$(awk -v a="$gw_before" -v b="$(cpu_seconds gateway)" -v n="${g[0]}" -v t="$DURATION" 'BEGIN { printf "%.3f", (b - a) * 1000 / (n * t) }')
    cat_cpu=$(awk -v a="$cat_before" -v b="$(cpu_seconds catalogue)" -v n="${g[0]}" -v t="$DURATION" 'BEGIN { printf "%.3f", (b - a) * 1000 / (n * t) }')
    echo "round $round: CPU per request through the gateway: gateway $gw_cpu ms, catalogue $cat_cpu ms"
    ratios+=("$(ratio "${g[0]}" "${d[0]}") ${g[0]} ${d[0]} ${g[2]} ${d[2]}")
    echo "round $round: direct ${d[0]} req/s (p50 ${d[1]} ms, p99 ${d[2]} ms); through the gateway ${g[0]} req/s (p50 ${g[1]} ms, p99 ${g[2]} ms); ratio $(ratio "${g[0]}" "${d[0]}")x"
done
# The median round: one disturbed round (the machine is shared) moves neither way.
read -r -a median < <(printf '%s\n' "${ratios[@]}" | sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p")
echo "RESULT gateway-cpu: the gateway spends $gw_cpu ms of CPU per request, the catalogue $cat_cpu ms (last round; on $(nproc) cores shared with wrk, the throughput ratio is mostly this CPU moving from the service to the gateway)"
echo "RESULT gateway-overhead: through the gateway ${median[1]} req/s vs direct ${median[2]} req/s = ${median[0]}x (target >= 0.7x; median of $ROUNDS rounds); p99 ${median[3]} ms vs ${median[4]} ms; GET $PATH_UNDER_TEST, wrk -t2 -c$CONNECTIONS -d${DURATION}s"
