#!/usr/bin/env bash
# Side-by-side load test, one run on one machine (compare ratios, not absolute figures):
#   floor        the shared minimal Beast server: one SQLite point read per request (../shared/bench/floor)
#   family page  GET /families/{random id} as a signed-in coordinator: session check, visibility check, five reads,
#                template rendering, and a durable audit row per view
#   api read     GET /api/v1/families/{random id} with a bearer token: the same use case, JSON out
# Each: wrk, 2 threads, 50 connections, $DURATION seconds, on loopback. A demo database of $FAMILIES families.
#   bench/run.sh                 (expects build/release/hearth: `make build` first)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
bin=${HEARTH_BIN:-$root/build/release/hearth}
families=${FAMILIES:-5000}
duration=${DURATION:-10}
work=${BENCH_DIR:-/tmp/hearth-bench}
port=18090
mkdir -p "$work"
command -v wrk >/dev/null || { apt-get install -y -q wrk >/dev/null; }
[ -x "$bin" ] || { echo "bench: build the release binary first (make build)" >&2; exit 1; }

db=$work/bench.db
# A fresh demo database every run, so runs compare (a trail grown by earlier runs slows the page: docs/performance.md).
rm -f "$db" "$db-wal" "$db-shm" "$work/bench-access.db" "$work/bench-access.db-wal" "$work/bench-access.db-shm"
if [ ! -s "$db" ]; then
  "$bin" migrate --database "$db" >/dev/null
  "$bin" demo --database "$db" --families "$families" >/dev/null 2>&1
  printf 'bench-password-123\n' | "$bin" user add bench --role front_door_coordinator --team Bench --password-stdin --database "$db" >/dev/null
fi
token=$("$bin" user token bench --database "$db")

"$bin" serve --database "$db" --listen 127.0.0.1:$port --log-level warn --workers "${WORKERS:-4}" >"$work/serve.log" 2>&1 &
hearth_pid=$!
FLOOR_DIR=$work/floor bash "$shared/bench/floor/run.sh" serve >"$work/floor.log" 2>&1 &
floor_pid=$!
trap 'kill $hearth_pid $floor_pid 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && curl -sf "http://127.0.0.1:18080/hello" >/dev/null && break
  sleep 0.3
done

jar=$work/cookies.txt
rm -f "$jar"
csrf=$(curl -s -c "$jar" "http://127.0.0.1:$port/sign-in" | sed -n 's/.*name="csrf_token" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=bench&password=bench-password-123&csrf_token=$csrf" "http://127.0.0.1:$port/sign-in"
session=$(awk '$6 == "__Host-hearth_session" {print $7}' "$jar")
[ -n "$session" ] || { echo "bench: sign-in failed" >&2; exit 1; }

cat >"$work/floor.lua" <<'LUA'
request = function() return wrk.format("GET", "/x?id=" .. math.random(1, 200000)) end
LUA
cat >"$work/family_page.lua" <<LUA
request = function()
  return wrk.format("GET", "/families/" .. math.random(1, $families), {["Cookie"] = "__Host-hearth_session=$session"})
end
LUA
cat >"$work/api_read.lua" <<LUA
request = function()
  return wrk.format("GET", "/api/v1/families/" .. math.random(1, $families), {["Authorization"] = "Bearer $token"})
end
LUA

measure() { # name url script
  local out
  out=$(wrk -t2 -c50 -d"${duration}s" --latency -s "$3" "$2")
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$rps" "$p50" "$p99" "${non2xx:-0}"
  echo "$rps" >"$work/$1.rps"
}

echo "machine: $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ); $families demo families; wrk -t2 -c50 -d${duration}s"
echo
echo '| target | requests/s | p50 | p99 | non-2xx |'
echo '| --- | ---: | ---: | ---: | ---: |'
measure floor "http://127.0.0.1:18080/x" "$work/floor.lua"
measure family_page "http://127.0.0.1:$port/families/1" "$work/family_page.lua"
measure api_read "http://127.0.0.1:$port/api/v1/families/1" "$work/api_read.lua"
echo
awk -v f="$(cat "$work/floor.rps")" -v p="$(cat "$work/family_page.rps")" -v a="$(cat "$work/api_read.rps")" \
  'BEGIN { printf "family page = %.0f%% of the floor; api read = %.0f%% of the floor\n", 100*p/f, 100*a/f }'
