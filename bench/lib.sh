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
export PLATFORM_WEBHOOKS_PORT=${PLATFORM_WEBHOOKS_PORT:-18084}
export PLATFORM_CONSOLE_PORT=${PLATFORM_CONSOLE_PORT:-18085}
export PLATFORM_GATEWAY_MANAGEMENT_PORT=${PLATFORM_GATEWAY_MANAGEMENT_PORT:-19080}
export PLATFORM_CATALOGUE_MANAGEMENT_PORT=${PLATFORM_CATALOGUE_MANAGEMENT_PORT:-19081}
export PLATFORM_APPLICATIONS_MANAGEMENT_PORT=${PLATFORM_APPLICATIONS_MANAGEMENT_PORT:-19082}
export PLATFORM_SCHEDULING_MANAGEMENT_PORT=${PLATFORM_SCHEDULING_MANAGEMENT_PORT:-19083}
export PLATFORM_WEBHOOKS_MANAGEMENT_PORT=${PLATFORM_WEBHOOKS_MANAGEMENT_PORT:-19084}
export PLATFORM_CONSOLE_MANAGEMENT_PORT=${PLATFORM_CONSOLE_MANAGEMENT_PORT:-19085}
# The limiter stays in the path (its cost is part of the gateway's), with allowances no benchmark reaches.
export GATEWAY_RATE_LIMITS_ANONYMOUS_PER_ADDRESS_REQUESTS=${GATEWAY_RATE_LIMITS_ANONYMOUS_PER_ADDRESS_REQUESTS:-100000000}
export GATEWAY_RATE_LIMITS_PER_CLIENT_REQUESTS=${GATEWAY_RATE_LIMITS_PER_CLIENT_REQUESTS:-100000000}
export KIT_RATE_LIMITS_ANONYMOUS_PER_ADDRESS_REQUESTS=${KIT_RATE_LIMITS_ANONYMOUS_PER_ADDRESS_REQUESTS:-100000000}
export KIT_RATE_LIMITS_PER_CLIENT_REQUESTS=${KIT_RATE_LIMITS_PER_CLIENT_REQUESTS:-100000000}

GATEWAY=http://localhost:$PLATFORM_GATEWAY_PORT
CATALOGUE=http://localhost:$PLATFORM_CATALOGUE_PORT
APPLICATIONS=http://localhost:$PLATFORM_APPLICATIONS_PORT
SCHEDULING=http://localhost:$PLATFORM_SCHEDULING_PORT
# Health and metrics: the management interfaces.
GATEWAY_MANAGEMENT=http://localhost:$PLATFORM_GATEWAY_MANAGEMENT_PORT
SCHEDULING_MANAGEMENT=http://localhost:$PLATFORM_SCHEDULING_MANAGEMENT_PORT
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
    if curl -fsS "$GATEWAY_MANAGEMENT/q/health/ready" >/dev/null 2>&1; then
        echo "Using the benchmark platform already running at $GATEWAY"
    else
        echo "Starting a platform for the benchmarks (home $PLATFORM_HOME, gateway $GATEWAY)"
        "$ROOT/platform" up >"$PLATFORM_HOME.up.log" 2>&1 || { tail -20 "$PLATFORM_HOME.up.log"; exit 1; }
    fi
}

platform_down() {
    "$ROOT/platform" down >/dev/null 2>&1 || true
}

# CPU ticks so far of the JIT compilers (threads "C1 CompilerThre..." and "C2 CompilerThre...") of the JVMs given.
jit_ticks() { # pid...
    local pid t comm stat f total=0
    for pid in "$@"; do
        for t in /proc/"$pid"/task/*; do
            read -r comm 2>/dev/null <"$t/comm" || continue
            [[ $comm == C[12]\ CompilerThre* ]] || continue
            read -r stat 2>/dev/null <"$t/stat" || continue
            read -r -a f <<<"${stat##*) }"   # f[0] is field 3 (state); f[11] and f[12] are utime and stime
            total=$((total + f[11] + f[12]))
        done
    done
    echo "$total"
}

# CPU ticks so far of the whole machine, every core's busy time (user, nice, system, irq, softirq).
machine_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }

# The four Quarkus processes of the platform, as ./platform recorded them.
service_pids() {
    local c
    for c in gateway catalogue applications scheduling webhooks; do tr -dc 0-9 <"$PLATFORM_HOME/pids/$c.pid"; echo; done
}

# CPU ticks so far (utime + stime) of one component of the platform: its recorded process and that process's children
# (PostgreSQL's backends, a JVM's launcher). Prints a number.
component_ticks() { # component
    local pid q line total=0 f
    pid=$(tr -dc 0-9 <"$PLATFORM_HOME/pids/$1.pid" 2>/dev/null) || { echo 0; return; }
    for q in $pid $(pgrep -P "$pid" 2>/dev/null); do
        read -r line 2>/dev/null <"/proc/$q/stat" || continue
        read -r -a f <<<"${line##*) }"
        total=$((total + f[11] + f[12]))
    done
    echo "$total"
}

# Every process of the platform's CPU ticks so far, summed.
platform_ticks() {
    local c total=0
    for c in postgres kafka keycloak gateway catalogue applications scheduling webhooks; do
        total=$((total + $(component_ticks "$c")))
    done
    echo "$total"
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

# Registers schools (URNs as arguments) straight at the applications service: setup, not measured, and larger than
# the gateway takes.
register_schools() {
    local admin
    admin=$(password_token ncetm.admin)
    {
        echo "URN,EstablishmentName,TypeOfEstablishment (code),TypeOfEstablishment (name),EstablishmentStatus (code),EstablishmentStatus (name),PhaseOfEducation (code),PhaseOfEducation (name),StatutoryLowAge,StatutoryHighAge,LA (name),DistrictAdministrative (code)"
        for urn in "$@"; do echo "$urn,Bench Primary $urn,34,Academy converter,1,Open,2,Primary,4,11,Wolverhampton,E08000031"; done
    } > /tmp/bench-schools.csv
    curl -fsS -H "Authorization: Bearer $admin" -H 'Content-Type: text/csv; charset=ISO-8859-1' --data-binary @/tmp/bench-schools.csv \
        "$APPLICATIONS/api/v1/schools/import" >/dev/null
}

# The coming academic year's first calendar year (it starts in September), and the year itself, such as 2027/28.
coming_year_start() { echo $(( $(date -u +%m) >= 9 ? $(date -u +%Y) + 1 : $(date -u +%Y) )); }
coming_year() { local start; start=$(coming_year_start); echo "$start/$(printf '%02d' $(( (start + 1) % 100 )))"; }

# Publishes an open first-come-first-served MN_RKS1 Work Group at Central for the coming year; prints its id.
open_work_group() { # places
    local admin id
    admin=$(password_token ncetm.admin)
    id=$(curl -fsS -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$GATEWAY/api/v1/work-groups" -d "{
      \"programmeCode\": \"MN_RKS1\", \"hubCode\": \"CENTRAL\", \"academicYear\": \"$(coming_year)\", \"capacity\": $1,
      \"lead\": \"Benchmark Work Group\", \"allocationPolicy\": \"FIRST_COME_FIRST_SERVED\",
      \"applicationWindow\": {\"opensAt\": \"$(date -u -d '-1 day' +%FT%TZ)\", \"closesAt\": \"$(date -u -d '+30 days' +%FT%TZ)\",
      \"confirmationDate\": \"$(date -u -d '+31 days' +%F)\"}}" | jq -r .id)
    curl -fsS -X PUT -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' "$GATEWAY/api/v1/work-groups/$id/status" \
        -d '{"status": "OPEN"}' >/dev/null
    echo "$id"
}

# Waits until the applications service has heard of a Work Group over Kafka (its eligibility check answers for a
# registered school), or gives up after 30 s.
await_applications_know() { # group urn
    local code token
    token=$(client_token hub-website-central central-website-secret)
    for _ in $(seq 60); do
        code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            "$GATEWAY/api/v1/work-groups/$1/eligibility-check" -d "{\"urn\": \"$2\"}")
        [ "$code" = 200 ] && return 0
        sleep 0.5
    done
    echo "bench: the applications service never heard of Work Group $1" >&2
    exit 1
}

machine() {
    echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $("$(java_bin)" -version 2>&1 | head -1)"
}
