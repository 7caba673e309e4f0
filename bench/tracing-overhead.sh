#!/usr/bin/env bash
# What traces cost (issue 19's target: <= 5% of throughput): the same submissions and opening burst on a platform
# without tracing, then on one whose every process exports each span (OTLP/HTTP) to a collector stand-in here that
# accepts and drops them; same run, same load. Figures: applications/s through the gateway (submission-vs-pgbench)
# and CPU per application summed over every process (cpu-per-application, the steadiest on these machines).
source "$(dirname "$0")/lib.sh"
need python3 "apt-get install python3"
here=$(dirname "$0")

# The collector stand-in: answers every OTLP export 200 with an empty body, as a collector does.
SINK_PORT=${BENCH_OTLP_PORT:-14318}
python3 - "$SINK_PORT" <<'PY' &
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200); self.send_header("Content-Type", "application/x-protobuf"); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
PY
SINK=$!
trap 'kill $SINK 2>/dev/null; platform_down' EXIT

measure() { # label
    local label=$1 line
    platform_down
    line=$("$here/submission-vs-pgbench.sh" | grep '^RESULT')
    THROUGHPUT[$label]=$(sed -E 's/.*through the gateway ([0-9.]+) applications\/s.*/\1/' <<<"$line")
    line=$("$here/cpu-per-application.sh" | grep '^RESULT cpu-per-application:')
    CPU[$label]=$(sed -E 's/^RESULT cpu-per-application: ([0-9.]+) ms.*/\1/' <<<"$line")
    echo "$label: ${THROUGHPUT[$label]} applications/s, ${CPU[$label]} ms CPU per application"
}

declare -A THROUGHPUT=() CPU=()
unset PLATFORM_OTLP_ENDPOINT
measure off
export PLATFORM_OTLP_ENDPOINT=http://127.0.0.1:$SINK_PORT
measure on
echo "RESULT tracing-overhead: with every span exported ${THROUGHPUT[on]} applications/s vs ${THROUGHPUT[off]} without = $(ratio "${THROUGHPUT[on]}" "${THROUGHPUT[off]}")x the throughput (target >= 0.95x); CPU per application ${CPU[on]} ms vs ${CPU[off]} ms = $(ratio "${CPU[on]}" "${CPU[off]}")x"
