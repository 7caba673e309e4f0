# Shared by the benchmarks: a platform of their own (own home and ports, so a developer's stays untouched), tokens,
# and reading wrk's output. Source it; do not run it.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PLATFORM_HOME=${BENCH_PLATFORM_HOME:-/tmp/mathshubs-bench}
export PLATFORM_POSTGRES_PORT=${PLATFORM_POSTGRES_PORT:-15432}
export PLATFORM_KAFKA_PORT=${PLATFORM_KAFKA_PORT:-19092}
export PLATFORM_KAFKA_CONTROLLER_PORT=${PLATFORM_KAFKA_CONTROLLER_PORT:-19093}
export PLATFORM_KEYCLOAK_PORT=${PLATFORM_KEYCLOAK_PORT:-18180}
export PLATFORM_KEYCLOAK_MANAGEMENT_PORT=${PLATFORM_KEYCLOAK_MANAGEMENT_PORT:-19180}
export PLATFORM_GATEWAY_PORT=${PLATFORM_GATEWAY_PORT:-18080}
export PLATFORM_CATALOGUE_PORT=${PLATFORM_CATALOGUE_PORT:-18081}
export PLATFORM_APPLICATIONS_PORT=${PLATFORM_APPLICATIONS_PORT:-18082}
export PLATFORM_SCHEDULING_PORT=${PLATFORM_SCHEDULING_PORT:-18083}
# The limiter stays in the path (its cost is part of the gateway's), with allowances no benchmark reaches.
export GATEWAY_RATE_LIMITS_ANONYMOUS_PER_ADDRESS_REQUESTS=${GATEWAY_RATE_LIMITS_ANONYMOUS_PER_ADDRESS_REQUESTS:-100000000}
export GATEWAY_RATE_LIMITS_PER_CLIENT_REQUESTS=${GATEWAY_RATE_LIMITS_PER_CLIENT_REQUESTS:-100000000}

GATEWAY=http://localhost:$PLATFORM_GATEWAY_PORT
CATALOGUE=http://localhost:$PLATFORM_CATALOGUE_PORT
APPLICATIONS=http://localhost:$PLATFORM_APPLICATIONS_PORT
SCHEDULING=http://localhost:$PLATFORM_SCHEDULING_PORT
REALM=http://localhost:$PLATFORM_KEYCLOAK_PORT/realms/maths-hubs

need() {
    command -v "$1" >/dev/null || { echo "bench: $1 is needed ($2)" >&2; exit 1; }
}

java_bin() {
    local jdk
    for jdk in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
        [ -x "$jdk/bin/java" ] && "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && { echo "$jdk/bin/java"; return; }
    done
    echo "bench: no JDK 21+ found" >&2; exit 1
}

platform_up() {
    if curl -fsS "$GATEWAY/q/health/ready" >/dev/null 2>&1; then
        echo "Using the benchmark platform already running at $GATEWAY"
    else
        echo "Starting a platform for the benchmarks (home $PLATFORM_HOME, gateway $GATEWAY)"
        "$ROOT/platform" up >"$PLATFORM_HOME.up.log" 2>&1 || { tail -20 "$PLATFORM_HOME.up.log"; exit 1; }
    fi
}

platform_down() {
    "$ROOT/platform" down >/dev/null 2>&1 || true
}

password_token() { # user
    curl -fsS -d grant_type=password -d client_id=maths-hubs-cli -d username="$1" -d password=demo-password \
        "$REALM/protocol/openid-connect/token" | jq -r .access_token
}

client_token() { # client secret
    curl -fsS -d grant_type=client_credentials -d client_id="$1" -d client_secret="$2" \
        "$REALM/protocol/openid-connect/token" | jq -r .access_token
}

# wrk's figures as "rps p50_ms p99_ms": requests per second and two latency percentiles in milliseconds.
wrk_figures() { # wrk output on stdin
    awk '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        /Non-2xx or 3xx responses/ { bad = $5 }
        END { if (bad > 0) { print "wrk saw " bad " non-2xx answers" > "/dev/stderr" }; printf "%.1f %.2f %.2f\n", rps, p50, p99 }'
}

ratio() { # a b -> a / b
    awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

machine() {
    echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $("$(java_bin)" -version 2>&1 | head -1)"
}
