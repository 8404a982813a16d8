#!/usr/bin/env bash
# hearth import at the size issue 5 asks for (>= 200,000 episodes, >= 3,000,000 records; < 60 s, peak RSS < 2 GiB)
# on this machine. FILE: an interchange file (e.g. from `hearth demo --export FILE --episodes 200000` once that lands;
# any file of that size will do). Imports it into an empty database under /usr/bin/time -v, then imports it again
# (nothing changes) and exports the result.
#   bench/import.sh FILE        (expects build/release/hearth: `make build` first; HEARTH_BIN overrides)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${HEARTH_BIN:-$root/build/release/hearth}
file=${1:?usage: bench/import.sh FILE.jsonl}
work=${BENCH_DIR:-/tmp/hearth-bench-import}
[ -x "$bin" ] || { echo "bench: build the release binary first (make build)" >&2; exit 1; }
mkdir -p "$work"
db=$work/import.db
rm -f "$db" "$db-wal" "$db-shm" "$work/import-access.db"*
echo "bench: $(wc -l <"$file") lines, $(du -h "$file" | cut -f1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin" migrate --database "$db" >/dev/null
run() { # label, command...
  local label=$1; shift
  /usr/bin/time -v "$@" 2>"$work/time.txt" >"$work/out.txt" || { cat "$work/time.txt"; exit 1; }
  head -n 1 "$work/out.txt"  # the import's summary (records new, changed, unchanged)
  # CPU beside wall time: the machine is shared, so the wall time depends on everyone else's load.
  printf '%s: %s elapsed, CPU %s s user + %s s system, peak RSS %s MiB (load average after: %s)\n' "$label" \
    "$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')" \
    "$(grep 'User time' "$work/time.txt" | awk '{print $NF}')" \
    "$(grep 'System time' "$work/time.txt" | awk '{print $NF}')" \
    "$(( $(grep 'Maximum resident' "$work/time.txt" | awk '{print $NF}') / 1024 ))" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}
run "import into an empty database" "$bin" import "$file" --database "$db"
echo "bench: $(sqlite3 "$db" 'SELECT count(*) FROM episodes') episodes imported"
run "import again (changes nothing)" "$bin" import "$file" --database "$db"
run "export" "$bin" export --database "$db" --out "$work/export.jsonl"
