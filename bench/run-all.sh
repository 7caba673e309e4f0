#!/usr/bin/env bash
# Every benchmark, one after the other, on one platform of their own; the RESULT lines at the end are what
# BENCHMARKS.md records. About half an hour on a fresh platform (cpu-per-application warms it up until the JIT settles).
# BENCH_KEEP=1 leaves the platform running afterwards.
source "$(dirname "$0")/lib.sh"
here=$(dirname "$0")
out=$(mktemp)
echo "Machine: $(machine); $(date -u +%FT%TZ)" | tee "$out"
for bench in gateway-overhead submission-vs-pgbench opening-burst cpu-per-application enrolment-latency webhook-latency console-pages participation-export startup-memory; do
    echo "== $bench" | tee -a "$out"
    "$here/$bench.sh" 2>&1 | tee -a "$out" || echo "RESULT $bench: FAILED (exit $?)" | tee -a "$out"
done
echo
echo "Summary:"
grep -E '^(Machine|RESULT)' "$out"
[ "${BENCH_KEEP:-0}" = 1 ] || platform_down
