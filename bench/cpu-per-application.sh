#!/usr/bin/env bash
# CPU time per application, summed over every process of the platform (PostgreSQL with all its backends, Kafka,
# Keycloak, the gateway and the three services), split by process: 1000 simultaneous applications through the gateway,
# counted until the work they start after their answers (outbox relay, consumers, mails) is done. Against as many
# simultaneous reads of the Work Group in the same run. Also the applications database's commits and rows per
# application. Target: <= 10 ms of CPU per application.
source "$(dirname "$0")/lib.sh"
need psql "apt-get install postgresql-client"
SCHOOLS=${BENCH_SCHOOLS:-1000}
PLACES=${BENCH_PLACES:-50}
# Warm-up bursts first, each as large as the measured one and to a Work Group of its own, not measured: a platform in
# service has compiled its hot code long before the rush. At least three times as many applications (BENCH_WARMUP),
# then more bursts until the JIT compilers take less than BENCH_JIT_SETTLED per cent of the platform's CPU in a burst,
# at most BENCH_WARMUP_MAX applications in all: on a platform minutes old the JIT took a third of each burst's CPU
# after four bursts and a sixth after twelve. Each warm-up burst's cost is printed, so a cold platform's figures show
# too.
WARMUP=${BENCH_WARMUP:-$((3 * SCHOOLS))}
JIT_SETTLED=${BENCH_JIT_SETTLED:-15}
WARMUP_MAX=${BENCH_WARMUP_MAX:-$((16 * SCHOOLS))}
(( WARMUP_MAX >= WARMUP )) || WARMUP_MAX=$WARMUP
# Then BENCH_ROUNDS measured bursts, each to a Work Group of its own after a quiet moment, and their median: one burst
# on the same warm platform measured anywhere from 7.6 to 13.2 ms.
ROUNDS=${BENCH_ROUNDS:-3}
IDLE=${BENCH_IDLE:-10}          # seconds of the platform idle, to show its background CPU
TIMEOUT=${BENCH_TIMEOUT:-300}   # seconds for the work after the answers
# PostgreSQL backends report their counters when idle, at most once a second, and at the latest 10 s later.
STATS_DELAY=11
TCK=$(getconf CLK_TCK)

sql() { # database query: each service's user, password and database have the same name (see lib.sh)
    PGPASSWORD=$1 psql -qAt -h localhost -p "$PLATFORM_POSTGRES_PORT" -U "$1" "$1" -c "$2"
}

# The polls that wait for a burst's work go through one connection per database, kept open, whose backend's CPU is
# then taken off PostgreSQL's: what the benchmark spends watching is not the platform's. A psql started for each poll
# cost a backend's start-up every time, and counting a rush's unfinished rows 15-80 ms of PostgreSQL's CPU; both were
# counted as the platform's, some 0.5 ms per application.
declare -A POLL_W POLL_R POLL_PID
poll_open() { # database
    local db=$1 w r
    mkfifo "$GEN/$db.in" "$GEN/$db.out"
    PGPASSWORD=$db psql -qAtX -h localhost -p "$PLATFORM_POSTGRES_PORT" -U "$db" "$db" <"$GEN/$db.in" >"$GEN/$db.out" &
    exec {w}>"$GEN/$db.in" {r}<"$GEN/$db.out"
    POLL_W[$db]=$w POLL_R[$db]=$r
    POLL_PID[$db]=$(poll "$db" "SELECT pg_backend_pid()")
    [[ ${POLL_PID[$db]} =~ ^[0-9]+$ ]] || { echo "bench: no polling connection to $db" >&2; exit 1; }
}
poll() { # database query: as sql, through the database's polling connection
    local line out=
    printf '%s;\n\\echo __polled__\n' "$2" >&"${POLL_W[$1]}"
    while IFS= read -r line <&"${POLL_R[$1]}"; do
        [ "$line" = __polled__ ] && break
        out+=${out:+$'\n'}$line
    done
    printf '%s\n' "$out"
}
# The polling backends' CPU so far, in ticks.
poll_ticks() {
    local db stat f sum=0
    for db in "${!POLL_PID[@]}"; do
        read -r stat <"/proc/${POLL_PID[$db]}/stat" || { echo "bench: the polling connection to $db closed" >&2; exit 1; }
        read -r -a f <<<"${stat##*) }"
        sum=$((sum + f[11] + f[12]))
    done
    echo "$sum"
}

# The applications database's counters (commits, rows inserted, updated, deleted) into an array, read from another
# database so that reading them adds no commit.
db_counters() { # into
    local -n into=$1
    read -r -a into < <(sql catalogue "SELECT xact_commit || ' ' || tup_inserted || ' ' || tup_updated || ' ' || tup_deleted
                                       FROM pg_stat_database WHERE datname = 'applications'")
    [ ${#into[@]} = 4 ] || { echo "bench: cannot read pg_stat_database" >&2; exit 1; }
}

# Every process of the platform, as ./platform recorded them: the pid in each $PLATFORM_HOME/pids/<component>.pid.
# Read once, so that a component restarted during the run is noticed rather than half counted.
declare -A ROOT_PID=()
COMPONENTS=()
find_components() {
    local c f
    for c in postgres kafka keycloak gateway catalogue applications scheduling \
             $(for f in "$PLATFORM_HOME"/pids/*.pid; do [ -e "$f" ] && basename "$f" .pid; done); do
        [ -z "${ROOT_PID[$c]:-}" ] && [ -s "$PLATFORM_HOME/pids/$c.pid" ] || continue
        ROOT_PID[$c]=$(tr -dc 0-9 <"$PLATFORM_HOME/pids/$c.pid")
        COMPONENTS+=("$c")
    done
    [ ${#COMPONENTS[@]} -gt 0 ] || { echo "bench: no pid files in $PLATFORM_HOME/pids" >&2; exit 1; }
}

# CPU so far of each component, in clock ticks: its recorded process and all that process's descendants at the time
# of the sample (PostgreSQL forks a backend per connection), found by walking up every process's ppid, as
# /proc/<pid>/task/*/children needs a kernel option this one may not have. Each process counts utime + stime +
# cutime + cstime (fields 14-17 of /proc/<pid>/stat): utime and stime are its own CPU, cutime and cstime that of its
# children that have exited and been waited for (reaped). So a backend whose connection closed between two samples
# still counts, in the postmaster's cutime, and a live one counts once, in its own utime and stime (a backend has no
# children; its cutime is 0). A component that is gone prints nothing. Prints "component ticks" lines.
cpu_sample() {
    local roots=() c
    for c in "${COMPONENTS[@]}"; do roots+=("${ROOT_PID[$c]}=$c"); done
    cat /proc/[0-9]*/stat 2>/dev/null | awk -v roots="${roots[*]}" '
        { pid = $1; rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " ")   # f[1] is field 3 (state)
          parent[pid] = f[2]; ticks[pid] = f[12] + f[13] + f[14] + f[15] }
        END {
            n = split(roots, r, " ")
            for (i = 1; i <= n; i++) { split(r[i], kv, "="); root[kv[1]] = kv[2] }
            for (pid in ticks) {
                p = pid
                for (depth = 0; depth < 100 && (p in parent) && !(p in root); depth++) p = parent[p]
                if (p in root) total[root[p]] += ticks[pid]
            }
            for (p in root) if (p in ticks) print root[p], total[root[p]]
        }'
}

# PostgreSQL's CPU by database: a backend's title (its cmdline) is "postgres: user database host(port) state"; the
# postmaster's other children are "background". Prints "pid database ticks" (utime + stime) per child of the postmaster.
pg_sample() {
    local pid title stat db host f
    [ -n "${ROOT_PID[postgres]:-}" ] || return 0
    for pid in $(pgrep -P "${ROOT_PID[postgres]}"); do
        [[ " ${POLL_PID[*]} " == *" $pid "* ]] && continue   # the benchmark's own, taken off
        title=
        { read -r -d '' title <"/proc/$pid/cmdline"; } 2>/dev/null
        [ -n "$title" ] || continue
        read -r stat 2>/dev/null <"/proc/$pid/stat" || continue
        read -r _ _ db host _ <<<"$title"
        [[ ${host:-} == *'('* || ${host:-} == '[local]' ]] || db=background
        read -r -a f <<<"${stat##*) }"   # f[0] is field 3 (state)
        echo "$pid $db $((f[11] + f[12]))"
    done
}

# The JIT compilers' CPU so far, in ticks, summed over every JVM of the platform.
jit_sample() {
    local c pids=()
    for c in "${COMPONENTS[@]}"; do pids+=("${ROOT_PID[$c]}"); done
    jit_ticks "${pids[@]}"
}

declare -A idle0 idle1 reads0 reads1 apps0 apps1 answered warm0 warm1
sample() { # into: an associative array of ticks per component, and .at, the time in seconds; $GEN/<into>.pg too
    local -n into=$1
    local c t
    into=()
    while read -r c t; do into[$c]=$t; done < <(cpu_sample)
    into[.polls]=$(poll_ticks)
    [ -z "${into[postgres]:-}" ] || into[postgres]=$((into[postgres] - into[.polls]))
    pg_sample >"$GEN/$1.pg"
    into[.jit]=$(jit_sample)
    for c in "${COMPONENTS[@]}"; do into[.jit.$c]=$(jit_ticks "${ROOT_PID[$c]}"); done
    into[.at]=$EPOCHREALTIME
    for c in "${COMPONENTS[@]}"; do
        [ -n "${into[$c]:-}" ] || { echo "bench: $c (pid ${ROOT_PID[$c]}) is no longer running" >&2; exit 1; }
    done
}

# The load generator: OpeningBurst, compiled once, one burst per run (-Dphase). Once its JVM is up it waits for a
# file (-Dgo), so that the sample before the burst (into the array named as before, or - for none) leaves its start
# out. GEN_MS is its own CPU during the burst, which is not part of the platform's.
JAVA=$(java_bin)
GEN=$(mktemp -d)
trap 'rm -rf "$GEN"' EXIT
"${JAVA%/java}/javac" -d "$GEN" "$(dirname "$0")/OpeningBurst.java"
generate() { # phase group places before urns...
    local phase=$1 group=$2 places=$3 before=$4 pid rc=0
    shift 4
    rm -f "$GEN/go" "$GEN/go.ready"
    "$JAVA" -Dphase="$phase" -Dgo="$GEN/go" -cp "$GEN" OpeningBurst "$GATEWAY" "$WEBSITE" "$HUB_ADMIN" "$group" "$places" \
        "$@" >"$GEN/out" &
    pid=$!
    while [ ! -e "$GEN/go.ready" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
    [ "$before" = - ] || sample "$before"
    touch "$GEN/go"
    wait "$pid" || rc=$?
    cat "$GEN/out"
    (( rc == 0 )) || echo "bench: not every one of the $phase was answered with a 2xx" >&2
    GEN_MS=$(sed -n 's/^load generator: \([0-9]*\) ms.*/\1/p' "$GEN/out")
    [ -n "$GEN_MS" ] || { echo "bench: the load generator failed" >&2; exit 1; }
}

# Waits for the work a Work Group's applications start after their answers: none still SUBMITTED, every one
# acknowledged (its mails and confirmation links written), every event published and every due mail sent (applications
# and scheduling), scheduling's projection of the schools showing
# every application and as many accepted and waitlisted, the catalogue counting the places given. Each poll is a
# query on a polling connection (poll_open): its CPU is taken off PostgreSQL's, and its one commit in the applications
# database too (APPLICATIONS_POLLS). Sets APPLIED, the applications made.
APPLICATIONS_POLLS=0
settled() { # group
    local deadline=$((SECONDS + TIMEOUT)) apps sched places a
    local mails_due="(SELECT count(*) FROM notification WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now())"
    local by_status="count(*) || '|' || count(*) FILTER (WHERE status = 'ACCEPTED') || '|' || count(*) FILTER (WHERE status = 'WAITLISTED')"
    while (( SECONDS < deadline )); do
        sleep 0.5
        apps=$(poll applications "SELECT $by_status || '|' || count(*) FILTER (WHERE status = 'SUBMITTED')
                || '|' || (SELECT count(*) FROM outbox_event WHERE published_at IS NULL) || '|' || $mails_due
                || '|' || (SELECT count(*) FROM acknowledgement_due)
            FROM application WHERE work_group_id = '$1'")
        APPLICATIONS_POLLS=$((APPLICATIONS_POLLS + 1))
        IFS='|' read -r -a a <<<"$apps"
        [ "${a[3]}|${a[4]}|${a[5]}|${a[6]}" = "0|0|0|0" ] || continue
        sched=$(poll scheduling "SELECT $by_status || '|' || (SELECT count(*) FROM outbox_event WHERE published_at IS NULL)
                || '|' || $mails_due
            FROM school_application WHERE work_group_id = '$1'")
        [ "$sched" = "${a[0]}|${a[1]}|${a[2]}|0|0" ] || continue
        places=$(poll catalogue "SELECT places_allocated FROM work_group WHERE id = '$1'")
        [ "$places" = "${a[1]}" ] && { APPLIED=${a[0]}; return 0; }
    done
    echo "bench: after ${TIMEOUT}s the work after Work Group $1's applications is not done: applications (all,accepted,waitlisted,submitted,unpublished events,mails due,acknowledgements due) $apps; scheduling (all,accepted,waitlisted,unpublished events,mails due) ${sched:-?}; catalogue places ${places:-?}" >&2
    exit 1
}

platform_up
find_components
for db in applications scheduling catalogue; do poll_open "$db"; done
HUB_ADMIN=$(password_token central.admin)
WEBSITE=$(client_token hub-website-central central-website-secret)
echo "Processes: $(for c in "${COMPONENTS[@]}"; do printf '%s %s, ' "$c" "${ROOT_PID[$c]}"; done | sed 's/, $//') (and their descendants)"

# Schools new to the register, random 7-digit URNs, none that has applied before on this platform (accepted into
# another group of the programme this year, a school is ineligible): the warm-up's first, then the measured ones.
sql applications "SELECT DISTINCT urn FROM application" >"$GEN/applied"
mapfile -t ALL_URNS < <(shuf -i 3000000-3999999 -n $((2 * (WARMUP_MAX + ROUNDS * SCHOOLS))) | grep -vxFf "$GEN/applied" \
    | head -n $((WARMUP_MAX + ROUNDS * SCHOOLS)))
[ ${#ALL_URNS[@]} = $((WARMUP_MAX + ROUNDS * SCHOOLS)) ] || { echo "bench: too few unused URNs" >&2; exit 1; }
WARM_URNS=("${ALL_URNS[@]:0:WARMUP_MAX}")
MEASURED_URNS=("${ALL_URNS[@]:WARMUP_MAX}")
register_schools "${ALL_URNS[@]}"

# One warm-up burst of reads and applications to a new Work Group; sets WARM_JIT, the JIT's per cent of the platform's
# CPU from the applications' burst until their work is done.
warm_burst() { # n
    local chunk=("${WARM_URNS[@]:$1 * SCHOOLS:SCHOOLS}") group c sum=0
    group=$(open_work_group "$PLACES")
    await_applications_know "$group" "${chunk[0]}"
    generate reads "$group" "$PLACES" - "${chunk[@]}" >/dev/null
    generate applications "$group" "$PLACES" warm0 "${chunk[@]}" >/dev/null
    settled "$group"
    sample warm1
    for c in "${COMPONENTS[@]}"; do sum=$((sum + ${warm1[$c]} - ${warm0[$c]})); done
    WARM_JIT=$(( 100 * (${warm1[.jit]} - ${warm0[.jit]}) / (sum > 0 ? sum : 1) ))
    awk -v n="$(($1 + 1))" -v t="$sum" -v j="$(( ${warm1[.jit]} - ${warm0[.jit]} ))" -v tck="$TCK" -v a="$SCHOOLS" \
        'BEGIN { printf "  warm-up burst %d: %.1f ms of the platform per application, the JIT %.1f ms of it\n", n, t * 1000 / tck / a, j * 1000 / tck / a }'
}

if (( WARMUP_MAX > 0 )); then
    echo "Warm-up: bursts of $SCHOOLS reads and $SCHOOLS applications, each to a Work Group of $PLACES places, not measured: at least $((WARMUP / SCHOOLS)), then until the JIT takes under $JIT_SETTLED% of a burst's CPU (at most $((WARMUP_MAX / SCHOOLS)))"
    WARM_JIT=100
    for ((i = 0; i < WARMUP_MAX / SCHOOLS; i++)); do
        (( i < WARMUP / SCHOOLS || WARM_JIT >= JIT_SETTLED )) || break
        warm_burst "$i"
    done
    echo "Warm-up done after $i bursts ($((i * SCHOOLS)) applications); the JIT $WARM_JIT% of the last one's CPU"
fi

# One measured round: a quiet moment, the idle background, a burst of reads and one of applications to a new Work Group,
# the work behind them; prints its table and RESULT lines.
measured_round() { # round
URNS=("${MEASURED_URNS[@]:$1 * SCHOOLS:SCHOOLS}")
GROUP=$(open_work_group "$PLACES")
# The applications service hears of the groups over Kafka.
await_applications_know "$GROUP" "${URNS[0]}"
sleep "$STATS_DELAY"

echo "Idle: ${IDLE}s"
db_counters db_idle0
sample idle0
sleep "$IDLE"
sample idle1
db_counters db0
db0_at=$EPOCHREALTIME

echo "Work Group $GROUP: $PLACES places, $SCHOOLS schools"
generate reads "$GROUP" "$PLACES" reads0 "${URNS[@]}"
sample reads1
GEN_READS_MS=$GEN_MS

APPLICATIONS_POLLS=0   # the warm-up's polls were before the first reading
generate applications "$GROUP" "$PLACES" apps0 "${URNS[@]}"
answered_at=$EPOCHREALTIME
sample answered
GEN_APPS_MS=$GEN_MS
settled "$GROUP"
sample apps1
sleep "$STATS_DELAY"
db_counters db1
db1_at=$EPOCHREALTIME

IFS='|' read -r accepted waitlisted last_position positions < <(sql applications "SELECT
    count(*) FILTER (WHERE status = 'ACCEPTED'), count(*) FILTER (WHERE status = 'WAITLISTED'),
    coalesce(max(waiting_list_position), 0), count(DISTINCT waiting_list_position)
    FROM application WHERE work_group_id = '$GROUP'")
if [ "$accepted" = "$PLACES" ] && [ "$waitlisted" = $((SCHOOLS - PLACES)) ] && [ "$last_position" = "$waitlisted" ] \
    && [ "$positions" = "$waitlisted" ]; then allocation="allocation correct"; else allocation="ALLOCATION WRONG"; fi
echo "allocation: $APPLIED applications, $accepted accepted of $PLACES places, waiting list $waitlisted (positions 1..$last_position, $positions distinct): $allocation"
awk -v a="${apps0[.at]}" -v b="$answered_at" -v c="${apps1[.at]}" -v p="$APPLICATIONS_POLLS" \
    -v polled="$(( (${apps1[.polls]} - ${apps0[.polls]}) * 1000 / TCK ))" \
    'BEGIN { printf "applications: answered in %.1f s, their work done %.1f s later (%d polls of the applications database; the polls took %d ms of PostgreSQL'"'"'s CPU, not counted)\n", b - a, c - b, p, polled }'

# The table, the RESULT line: in awk, from "component idle0 idle1 reads0 reads1 apps0 apps1" lines in ticks.
report=$({
    for c in "${COMPONENTS[@]}"; do
        echo "$c ${idle0[$c]} ${idle1[$c]} ${reads0[$c]} ${reads1[$c]} ${apps0[$c]} ${apps1[$c]} $(( ${apps1[.jit.$c]} - ${apps0[.jit.$c]} ))"
    done
} | awk -v tck="$TCK" -v reads="$SCHOOLS" -v applied="$APPLIED" -v schools="$SCHOOLS" \
        -v idle_s="$(awk -v a="${idle0[.at]}" -v b="${idle1[.at]}" 'BEGIN { print b - a }')" \
        -v reads_s="$(awk -v a="${reads0[.at]}" -v b="${reads1[.at]}" 'BEGIN { print b - a }')" \
        -v apps_s="$(awk -v a="${apps0[.at]}" -v b="${apps1[.at]}" 'BEGIN { print b - a }')" \
        -v gen_reads="$GEN_READS_MS" -v gen_apps="$GEN_APPS_MS" \
        -v db_idle0="${db_idle0[*]}" -v db0="${db0[*]}" -v db1="${db1[*]}" -v polls="$APPLICATIONS_POLLS" \
        -v db_idle_s="$(awk -v a="${idle0[.at]}" -v b="${idle1[.at]}" 'BEGIN { print b - a }')" \
        -v db_s="$(awk -v a="$db0_at" -v b="$db1_at" 'BEGIN { print b - a }')" \
        -v jit="$(( ${apps1[.jit]} - ${apps0[.jit]} ))" -v allocation="$allocation" '
    function ms(ticks) { return ticks * 1000 / tck }
    {
        c[NR] = $1; idle[NR] = ms($3 - $2) / idle_s; rd[NR] = ms($5 - $4); ap[NR] = ms($7 - $6); jt[NR] = ms($8)
        sum_idle += idle[NR]; sum_rd += rd[NR]; sum_ap += ap[NR]
    }
    END {
        n = NR
        printf "\nCPU, ms: each component is its recorded process and all its descendants; reads window %.1f s, applications window %.1f s\n", reads_s, apps_s
        printf "%-13s %9s %10s %9s %13s %11s %13s %9s\n", "component", "idle ms/s", "reads", "per read", "applications", "per appl.", "net of idle", "of it JIT"
        for (i = 1; i <= n; i++)
            printf "%-13s %9.1f %10.0f %9.3f %13.0f %11.3f %13.3f %9.3f\n", c[i], idle[i], rd[i], rd[i] / reads, ap[i], ap[i] / applied,
                (ap[i] - idle[i] * apps_s) / applied, jt[i] / applied
        printf "%-13s %9.1f %10.0f %9.3f %13.0f %11.3f %13.3f\n", "platform", sum_idle, sum_rd, sum_rd / reads, sum_ap,
            sum_ap / applied, (sum_ap - sum_idle * apps_s) / applied
        printf "%-13s %9s %10.0f %9.3f %13.0f %11.3f %13s\n", "load gen.", "-", gen_reads, gen_reads / reads, gen_apps,
            gen_apps / applied, "-"
        printf "of the platform'"'"'s CPU in the applications window, the JIT compilers'"'"': %.1f ms per application\n", ms(jit) / applied
        printf "(net of idle: less each component'"'"'s idle CPU per second times the applications window; the load generator is not part of the platform'"'"'s sum)\n"

        # The applications database: after less before, less the idle rate over the same time, less the polls
        # (one commit each).
        split(db_idle0, i0, " "); split(db0, d0, " "); split(db1, d1, " ")
        for (k = 1; k <= 4; k++) {
            idle_rate[k] = (d0[k] - i0[k]) / db_idle_s
            per[k] = (d1[k] - d0[k] - idle_rate[k] * db_s - (k == 1 ? polls : 0)) / applied
        }
        printf "applications db per application: %.2f commits, %.2f rows inserted, %.2f rows updated, %.2f rows deleted (idle: %.1f commits/s, taken off over the %.0f s between the readings, and %d polls)\n",
            per[1], per[2], per[3], per[4], idle_rate[1], db_s, polls

        # The components by their CPU per application, largest first.
        for (i = 1; i <= n; i++) order[i] = i
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (ap[order[j]] > ap[order[i]]) { t = order[i]; order[i] = order[j]; order[j] = t }
        split_list = ""
        for (i = 1; i <= n; i++) split_list = split_list sprintf("%s%s %.1f", i > 1 ? ", " : "", c[order[i]], ap[order[i]] / applied)
        if (applied != schools) note = sprintf(" (ONLY %d of %d applications made)", applied, schools)
        printf "RESULT cpu-per-application: %.1f ms CPU per application summed over every process (target <= 10 ms); %s; applications db: %.2f commits, %.2f rows inserted, %.2f rows updated per application; %.1fx the CPU of a read of the Work Group (%.2f ms); %.1f ms net of the idle background; JIT compilation %.1f ms of it; %d schools, %s%s\n",
            sum_ap / applied, split_list, per[1], per[2], per[3], (sum_ap / applied) / (sum_rd / reads), sum_rd / reads,
            (sum_ap - sum_idle * apps_s) / applied, ms(jit) / applied, schools, allocation, note
    }')
grep -v '^RESULT' <<<"$report"

# What the answers themselves cost: the platform's CPU from the burst's start to its last answer (the work deferred
# behind the answers left out), with the load generator's, against the same for the reads. On a machine whose CPU is
# the limit, a burst's p99 follows this ratio (bench/opening-burst.sh measures the p99s, with more noise).
until_answered=$(for c in "${COMPONENTS[@]}"; do
        echo "$c ${apps0[$c]} ${answered[$c]} ${reads0[$c]} ${reads1[$c]}"
    done | awk -v tck="$TCK" -v n="$SCHOOLS" -v gen_apps="$GEN_APPS_MS" -v gen_reads="$GEN_READS_MS" \
        -v jit_apps="$(( ${answered[.jit]} - ${apps0[.jit]} ))" -v jit_reads="$(( ${reads1[.jit]} - ${reads0[.jit]} ))" '
    function ms(ticks) { return ticks * 1000 / tck }
    { a = ms($3 - $2) / n; r = ms($5 - $4) / n; sum_a += a; sum_r += r
      parts = parts sprintf("%s%s %.2f", NR > 1 ? ", " : "", $1, a) }
    END {
        printf "RESULT cpu-until-answered: %.1f ms of the platform per application from the burst to its last answer (%s; JIT %.1f) and %.1f ms of the load generator, against %.1f and %.1f ms per read (JIT %.1f): %.2fx\n",
            sum_a, parts, ms(jit_apps) / n, gen_apps / n, sum_r, gen_reads / n, ms(jit_reads) / n,
            (sum_a + gen_apps / n) / (sum_r + gen_reads / n)
    }')
echo "$until_answered"

# PostgreSQL's CPU in the applications window by database: the backends alive at the end, less what each had at the
# start; the rest is the postmaster, its background processes and the connections closed meanwhile.
[ -z "${ROOT_PID[postgres]:-}" ] || awk -v tck="$TCK" -v applied="$APPLIED" -v total="$(( ${apps1[postgres]} - ${apps0[postgres]} ))" '
    FNR == NR { before[$1] = $3; next }
    { d = $3 - ($1 in before ? before[$1] : 0); by[$2] += d; sum += d }
    END {
        by["postmaster, autovacuum workers, closed connections"] = total - sum
        line = ""
        for (;;) {
            best = ""; for (k in by) if (best == "" || by[k] > by[best]) best = k
            if (best == "") break
            line = line sprintf("%s%s %.2f", line == "" ? "" : ", ", best, by[best] * 1000 / tck / applied); delete by[best]
        }
        print "postgres by database, ms per application: " line
    }' "$GEN/apps0.pg" "$GEN/apps1.pg"
grep '^RESULT' <<<"$report"
}

CPU_PER_APPLICATION=() UNTIL_ANSWERED=()
for ((r = 0; r < ROUNDS; r++)); do
    echo
    echo "Round $((r + 1)) of $ROUNDS"
    measured=$(measured_round "$r") || { printf '%s\n' "$measured"; exit 1; }
    sed 's/^RESULT /  round '"$((r + 1))"': /' <<<"$measured"
    CPU_PER_APPLICATION+=("$(sed -n 's/^RESULT cpu-per-application: \([0-9.]*\) ms.*/\1/p' <<<"$measured")")
    UNTIL_ANSWERED+=("$(sed -n 's/^RESULT cpu-until-answered: .*: \([0-9.]*\)x$/\1/p' <<<"$measured")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "RESULT cpu-until-answered: median $(median "${UNTIL_ANSWERED[@]}")x the CPU of a read until the last answer (rounds: ${UNTIL_ANSWERED[*]})"
echo "RESULT cpu-per-application: $(median "${CPU_PER_APPLICATION[@]}") ms CPU per application summed over every process, the median of $ROUNDS rounds (${CPU_PER_APPLICATION[*]}; target <= 10 ms)"
