#!/usr/bin/env bash
# The service report at the size issue 5 asks for: ten years of a service with >= 200,000 episodes. Makes the
# interchange file with `hearth demo --export` and imports it into a fresh database (or reuses both), then times
# `hearth report service --json` for the last year and for the whole ten years, then GET /api/v1/reports/service
# (the same JSON from the running server) and GET /reports/service (the dashboard page) for the same two periods as
# a signed-in analyst, with curl. Targets: the report in < 1 s, the
# dashboard in < 2 s. Prints user and system CPU beside the wall time: on a shared machine the wall time says as much
# about the other jobs as about Hearth.
#   bench/report.sh               (expects build/release/hearth: `make build` first; HEARTH_BIN overrides)
#   EPISODES=200000 TO=2026-11-22 RUNS=3 BENCH_DIR=/tmp/hearth-bench-report bench/report.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${HEARTH_BIN:-$root/build/release/hearth}
work=${BENCH_DIR:-/tmp/hearth-bench-report}
episodes=${EPISODES:-200000}
to=${TO:-2026-11-22}
runs=${RUNS:-3}
port=${PORT:-18091}
[ -x "$bin" ] || { echo "bench: build the release binary first (make build)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (/usr/bin/time)" >&2; exit 1; }
mkdir -p "$work"
file=$work/history-$episodes-$to.jsonl
db=$work/report-$episodes-$to.db

if [ ! -s "$file" ]; then
  echo "bench: making $file"
  "$bin" demo --export "$file" --episodes "$episodes" --years 10 --seed 20261122 --to "$to" >/dev/null 2>&1
fi
if [ ! -s "$db" ]; then
  echo "bench: importing into $db"
  rm -f "$db"-wal "$db"-shm
  "$bin" migrate --database "$db" >/dev/null
  /usr/bin/time -f 'bench: import %e s elapsed, %U s user, %S s system, peak RSS %M KiB' \
    "$bin" import "$file" --database "$db" >/dev/null 2>"$work/import.err" || { cat "$work/import.err"; exit 1; }
  tail -1 "$work/import.err"
fi
echo "bench: $(sqlite3 "$db" 'SELECT count(*) FROM episodes') episodes; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Dates: the last year, and the ten years, of the history.
year_from=$(date -u -d "$to - 1 year + 1 day" +%F)
decade_from=$(date -u -d "$to - 10 years + 1 day" +%F)

report() { # label, from
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" \
      "$bin" report service --from "$2" --to "$to" --json --database "$db" >"$work/report.json"
    read -r wall user sys rss <"$work/time.txt"
    printf 'report service %s (%s..%s): %s s elapsed, %s s user, %s s system, peak RSS %s KiB\n' \
      "$1" "$2" "$to" "$wall" "$user" "$sys" "$rss"
  done
}
report "one year" "$year_from"
report "ten years" "$decade_from"

# The dashboard: a signed-in analyst (the report's audience) asks for the page.
user=bench-analyst
if [ -z "$(sqlite3 "$db" "SELECT 1 FROM users WHERE username = '$user'")" ]; then
  printf 'bench-password-123\n' |
    "$bin" user add "$user" --role analyst --team Bench --password-stdin --database "$db" >/dev/null
fi
"$bin" serve --database "$db" --listen 127.0.0.1:$port --log-level warn >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  sleep 0.3
done
jar=$work/cookies.txt
rm -f "$jar"
csrf=$(curl -s -c "$jar" "http://127.0.0.1:$port/sign-in" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=$user&password=bench-password-123&csrf_token=$csrf" \
  "http://127.0.0.1:$port/sign-in"
grep -q hearth_session "$jar" || { echo "bench: sign-in failed" >&2; exit 1; }
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }  # the server's user + system CPU, in clock ticks
ticks=$(getconf CLK_TCK)
# timed_get PATH OUTFILE LABEL FROM: $runs GETs of PATH?from=FROM&to=TO, each with its time and the server's CPU.
timed_get() {
  for _ in $(seq 1 "$runs"); do
    before=$(cpu)
    out=$(curl -s -b "$jar" -o "$work/$2" -w '%{http_code} %{time_total} %{size_download}' \
      "http://127.0.0.1:$port$1?from=$4&to=$to")
    after=$(cpu)
    read -r code seconds bytes <<<"$out"
    [ "$code" = 200 ] || { echo "bench: GET $1 answered $code" >&2; exit 1; }
    printf 'GET %s %s: %s s (server CPU %s s), %s bytes\n' "$1" "$3" "$seconds" \
      "$(echo "scale=2; ($after - $before) / $ticks" | bc)" "$bytes"
  done
}
dashboard() { timed_get /reports/service page.html "$@"; }  # label, from
# The report's JSON from the server, which keeps its connections open between requests.
api() { timed_get /api/v1/reports/service api.json "$@"; }  # label, from
api "one year" "$year_from"
api "ten years" "$decade_from"
dashboard "one year" "$year_from"
dashboard "ten years" "$decade_from"
