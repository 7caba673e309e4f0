#!/usr/bin/env bash
# Catalogue reads through the gateway against the same reads straight from the catalogue service, in the same run,
# alternating (direct, gateway, direct, gateway) so that the machine's noise falls on both. Target: >= 0.7x.
source "$(dirname "$0")/lib.sh"
need wrk "apt-get install wrk"
DURATION=${BENCH_DURATION:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
PATH_UNDER_TEST=/api/v1/programmes/MN_RKS1

platform_up
# Warm both paths (JIT, connection pools) before measuring.
wrk -t2 -c"$CONNECTIONS" -d5s "$CATALOGUE$PATH_UNDER_TEST" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "$GATEWAY$PATH_UNDER_TEST" >/dev/null

declare -a direct gateway
for round in 1 2; do
    read -r -a d < <(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$CATALOGUE$PATH_UNDER_TEST" | wrk_figures)
    read -r -a g < <(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$GATEWAY$PATH_UNDER_TEST" | wrk_figures)
    echo "round $round: direct ${d[0]} req/s (p50 ${d[1]} ms, p99 ${d[2]} ms); through the gateway ${g[0]} req/s (p50 ${g[1]} ms, p99 ${g[2]} ms)"
    direct+=("${d[0]}"); gateway+=("${g[0]}")
done
d_rps=$(awk -v a="${direct[0]}" -v b="${direct[1]}" 'BEGIN { printf "%.1f", (a + b) / 2 }')
g_rps=$(awk -v a="${gateway[0]}" -v b="${gateway[1]}" 'BEGIN { printf "%.1f", (a + b) / 2 }')
echo "RESULT gateway-overhead: through the gateway $g_rps req/s vs direct $d_rps req/s = $(ratio "$g_rps" "$d_rps")x (target >= 0.7x); GET $PATH_UNDER_TEST, wrk -t2 -c$CONNECTIONS -d${DURATION}s x2"
