#!/usr/bin/env bash
# Start-up time and memory of each service: each started afresh with the infrastructure already up, time to ready
# from Quarkus' own "started in" line, and resident memory once ready and after the other benchmarks' load. The
# gateway (no database, no Kafka) is the baseline the services are compared with.
source "$(dirname "$0")/lib.sh"

platform_up
LOGS=$PLATFORM_HOME/logs
PIDS=$PLATFORM_HOME/pids
rss_mib() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$(cat "$PIDS/$1.pid")/status"; }
started_in() { grep -oE 'started in [0-9.]+s' "$LOGS/$1.log" | tail -1 | grep -oE '[0-9.]+'; }

declare -A loaded_rss
for c in gateway catalogue applications scheduling; do loaded_rss[$c]=$(rss_mib "$c"); done

declare -A start rss
for c in gateway catalogue applications scheduling; do
    "$ROOT/platform" down "$c" >/dev/null
    "$ROOT/platform" up "$c" >/dev/null
    sleep 5   # let start-up work (Flyway, Kafka consumers joining) settle before reading memory
    start[$c]=$(started_in "$c")
    rss[$c]=$(rss_mib "$c")
    echo "$c: started in ${start[$c]} s; resident ${rss[$c]} MiB when ready, ${loaded_rss[$c]} MiB after the benchmarks' load (-Xmx from PLATFORM_APP_JAVA_OPTS: ${PLATFORM_APP_JAVA_OPTS:--Xms64m -Xmx384m})"
done
for c in catalogue applications scheduling; do
    echo "RESULT startup-memory $c: started in ${start[$c]} s ($(ratio "${start[$c]}" "${start[gateway]}")x the gateway's ${start[gateway]} s), ${rss[$c]} MiB resident when ready ($(ratio "${rss[$c]}" "${rss[gateway]}")x the gateway's ${rss[gateway]} MiB), ${loaded_rss[$c]} MiB after load"
done
