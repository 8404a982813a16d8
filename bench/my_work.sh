#!/usr/bin/env bash
# The "My work" page for a manager of a team of 20 workers (issue 3): a demo database of at least 20,000 episodes
# with 20 intervention workers in every families team, a manager in Families Team West, and wrk at 20 concurrent
# connections on loopback. Prints requests/s and the latency distribution (p99 is the figure the issue asks about).
#   bench/my_work.sh             (expects build/release/hearth: `make build` first)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${HEARTH_BIN:-$root/build/release/hearth}
families=${FAMILIES:-23000}
duration=${DURATION:-10}
connections=${CONNECTIONS:-20}
work=${BENCH_DIR:-/tmp/hearth-bench-work}
port=18091
mkdir -p "$work"
command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null; }
[ -x "$bin" ] || { echo "bench: build the release binary first (make build)" >&2; exit 1; }

db=$work/work.db
if [ ! -s "$db" ] || [ -n "${FRESH:-}" ]; then
  rm -f "$db" "$db-wal" "$db-shm" "$work/work-access.db" "$work/work-access.db-wal" "$work/work-access.db-shm"
  "$bin" migrate --database "$db" >/dev/null
  "$bin" demo --database "$db" --families "$families" --team-size 20 2>/dev/null | tail -1
  printf 'bench-password-123\n' | "$bin" user add benchmgr --role manager --team "Families Team West" --password-stdin --database "$db" >/dev/null
fi
episodes=$(sqlite3 "$db" 'SELECT count(*) FROM episodes')
team_workers=$(sqlite3 "$db" "SELECT count(*) FROM users u JOIN teams t ON t.id = u.team_id WHERE t.name = 'Families Team West' AND u.role IN ('intervention_worker', 'family_aide')")
echo "bench: $episodes episodes; Families Team West has $team_workers workers"

"$bin" serve --database "$db" --listen 127.0.0.1:$port --log-level warn --workers "${WORKERS:-4}" >"$work/serve.log" 2>&1 &
hearth_pid=$!
trap 'kill $hearth_pid 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.3; done

jar=$work/cookies.txt
rm -f "$jar"
csrf=$(curl -s -c "$jar" "http://127.0.0.1:$port/sign-in" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=benchmgr&password=bench-password-123&csrf_token=$csrf" "http://127.0.0.1:$port/sign-in"
session=$(awk '$6 == "__Host-hearth_session" {print $7}' "$jar")
[ -n "$session" ] || { echo "bench: sign-in failed" >&2; exit 1; }
rows=$(curl -s -H "Cookie: __Host-hearth_session=$session" "http://127.0.0.1:$port/my-work" | grep -c 'href="/episodes/' || true)
echo "bench: the manager's list has $rows families"

wrk -t"${THREADS:-2}" -c"$connections" -d"${duration}s" --latency -H "Cookie: __Host-hearth_session=$session" \
  "http://127.0.0.1:$port/my-work" | sed -n '/Latency Distribution/,/Transfer/p;/Requests\/sec/p'
