#!/usr/bin/env bash
# A ten-year history of a large service as one Hearth Interchange file (issue 5), the input the importer and the
# service report are benchmarked on. Prints the file's size, its record count and how long the generation took,
# with the process's peak memory.
#   bench/make_history.sh [FILE]     (expects build/release/hearth: `make build` first)
#   EPISODES=200000 YEARS=10 SEED=20261122 TO=2026-11-22 HEARTH_BIN=... bench/make_history.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${HEARTH_BIN:-$root/build/release/hearth}
file=${1:-/tmp/hearth-bench-history/history.jsonl}
[ -x "$bin" ] || { echo "bench: build the release binary first (make build)" >&2; exit 1; }
mkdir -p "$(dirname "$file")"

args=(demo --export "$file" --episodes "${EPISODES:-200000}" --years "${YEARS:-10}" --seed "${SEED:-20261122}")
[ -n "${TO:-}" ] && args+=(--to "$TO")
log=$(mktemp)
trap 'rm -f "$log" "$log.time"' EXIT
# GNU time gives wall time and peak resident memory; bash's own timer when it is not installed.
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f 'bench: %e s elapsed, %M KiB peak memory' -o "$log.time" "$bin" "${args[@]}" >"$log" 2>/dev/null
else
  start=$(date +%s.%N)
  "$bin" "${args[@]}" >"$log" 2>/dev/null
  echo "bench: $(echo "$(date +%s.%N) - $start" | bc) s elapsed" >"$log.time"
fi
cat "$log" "$log.time"
lines=$(wc -l <"$file")
echo "bench: $file: $(du -h "$file" | cut -f1) ($(stat -c %s "$file") bytes), $((lines - 1)) records + header"
