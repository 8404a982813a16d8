#!/usr/bin/env bash
# Record linkage, side by side with the peer on the same generated file in the same run:
#   peer    ../shared/bench/linkage-peer/run.sh: a Splink-style Fellegi-Sunter dedupe in DuckDB SQL (2 threads)
#   hearth  hearth link dedupe FILE --config config/linkage/people.toml --out DIR
# Each is timed with /usr/bin/time -v (wall clock and peak resident memory of the whole process, start-up and CSV
# reading included). Hearth's pairs are scored by `hearth link evaluate`; the peer writes no pair file, so its
# precision, recall and F1 are the ones it prints, computed the same way (pairwise, the entity being the rec_id
# up to its first '-', over the pairs it scores as matches).
#   bench/linkage.sh [RECORDS]      (default 1000000; ERRORS=low|moderate|high, SEED=1; build/release/hearth)
#   BLOCKING=1 bench/linkage.sh     also a second, untimed dedupe that writes the candidate pairs: blocking recall
#   MICRO=1 bench/linkage.sh        also `hearth link benchmark`: candidate pairs compared and scored per second on
#                                   one thread (Jaro-Winkler levels and term-frequency adjustment included)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$root/../shared}
bin=${HEARTH_BIN:-$root/build/release/hearth}
records=${1:-1000000}
errors=${ERRORS:-moderate}
seed=${SEED:-1}
config=${CONFIG:-$root/config/linkage/people.toml}
work=${BENCH_DIR:-/tmp/hearth-linkage-bench}
peer=$shared/bench/linkage-peer/run.sh
mkdir -p "$work"

[ -x "$bin" ] || { echo "bench: build the release binary first (make build, or HEARTH_BIN=...)" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then apt-get install -y -q time >/dev/null; fi

# Generated afresh each run (1,000,000 records take about a second and a half), so it always matches the binary.
file=$work/people-$records-$errors-$seed.csv
"$bin" link generate --records "$records" --errors "$errors" --seed "$seed" --out "$file" 2>"$work/generate.log"
echo "bench: $records records, $errors errors, seed $seed: $file" >&2

# The peer installs DuckDB from npm on first use: do that outside the timing, on a small file.
if [ ! -d "${PEER_DIR:-/tmp/linkage-peer}/node_modules/@duckdb/node-api" ]; then
  "$bin" link generate --records 1000 --out "$work/warmup.csv" 2>/dev/null
  bash "$peer" "$work/warmup.csv" >/dev/null
fi

# measure NAME CMD...: runs CMD under /usr/bin/time -v, its output in $work/NAME.out, the timing in NAME.time.
measure() {
  local name=$1
  shift
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || {
    echo "bench: $name failed (exit $?); see $work/$name.err" >&2
    return 1
  }
}
wall_seconds() {  # "Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.35" -> 62.35
  sed -n 's/.*Elapsed (wall clock) time.*): //p' "$1" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'
}
peak_mib() { sed -n 's/.*Maximum resident set size (kbytes): //p' "$1" | awk '{ printf "%.0f", $1 / 1024 }'; }
json_field() {  # json_field FILE SECTION KEY: a number from one line of `hearth link evaluate --json`
  grep "\"$2\"" "$1" | sed -n "s/.*\"$2\": {[^}]*\"$3\": \([0-9.]*\).*/\1/p" | head -1
}

rows=()
echo "bench: running the peer" >&2
if measure peer bash "$peer" "$file"; then
  p_secs=$(wall_seconds "$work/peer.time")
  p_mib=$(peak_mib "$work/peer.time")
  p_pairs=$(sed -n 's/.*matches \([0-9]*\).*/\1/p' "$work/peer.out")
  read -r p_p p_r p_f1 < <(sed -n 's/^P=\([0-9.]*\) R=\([0-9.]*\) F1=\([0-9.]*\).*/\1 \2 \3/p' "$work/peer.out") || true
  rows+=("| $records | peer (DuckDB) | $p_secs | $p_mib | $p_pairs | $p_p | $p_r | $p_f1 | 1.0 |")
fi

if ! "$bin" link dedupe --help >/dev/null 2>&1; then
  echo "bench: this hearth has no 'link dedupe' yet: only the peer was measured" >&2
elif [ ! -f "$config" ]; then
  echo "bench: no configuration at $config: only the peer was measured" >&2
else
  echo "bench: running hearth" >&2
  out=$work/hearth-out
  rm -rf "$out"
  if measure hearth "$bin" link dedupe "$file" --config "$config" --out "$out"; then
    h_secs=$(wall_seconds "$work/hearth.time")
    h_mib=$(peak_mib "$work/hearth.time")
    candidates=$(sed -n 's/.*candidate pairs *\([0-9,]*\) of.*/\1/p' "$work/hearth.out" | tr -d ,)
    "$bin" link evaluate --pairs "$out/pairs.csv" --input "$file" ${candidates:+--candidates "$candidates"} --json \
      >"$work/hearth-eval.json"
    "$bin" link evaluate --pairs "$out/pairs.csv" --input "$file" ${candidates:+--candidates "$candidates"} \
      >"$work/hearth-eval.txt"
    h_pairs=$(json_field "$work/hearth-eval.json" listed_pairs predicted)
    h_p=$(json_field "$work/hearth-eval.json" listed_pairs precision)
    h_r=$(json_field "$work/hearth-eval.json" listed_pairs recall)
    h_f1=$(json_field "$work/hearth-eval.json" listed_pairs f1)
    ratio=$(awk -v p="${p_secs:-0}" -v h="$h_secs" 'BEGIN { if (p > 0 && h > 0) printf "%.1f", p / h; else print "-" }')
    rows+=("| $records | hearth | $h_secs | $h_mib | $h_pairs | $(printf %.4f "${h_p:-0}") | $(printf %.4f "${h_r:-0}") | $(printf %.4f "${h_f1:-0}") | $ratio |")
    "$bin" link evaluate --clusters "$out/clusters.csv" --input "$file" >"$work/hearth-clusters-eval.txt" || true
    if [ "${BLOCKING:-0}" = 1 ]; then  # blocking recall needs the candidate list: a second, untimed run writes it
      "$bin" link dedupe "$file" --config "$config" --out "$work/hearth-candidates" --write-candidates --quiet
      "$bin" link evaluate --pairs "$out/pairs.csv" --input "$file" \
        --candidate-pairs "$work/hearth-candidates/candidates.csv" >"$work/hearth-blocking-eval.txt"
      rm -f "$work/hearth-candidates/candidates.csv"
    fi
  fi
fi

micro=""
if [ "${MICRO:-0}" = 1 ] && "$bin" link benchmark --help >/dev/null 2>&1; then
  echo "bench: micro-benchmark (one thread)" >&2
  micro=$("$bin" link benchmark "$file" --config "$config")
fi

echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
echo "Generated: hearth link generate --records $records --errors $errors --seed $seed (peer format)"
echo
echo "| records | tool | seconds | peak MiB | pairs | precision | recall | F1 | speed vs peer |"
echo "|---|---|---|---|---|---|---|---|---|"
for row in "${rows[@]}"; do echo "$row"; done
[ -z "$micro" ] || { echo; echo "Micro-benchmark: $micro"; }
echo
echo "(seconds: wall clock of the whole process; speed vs peer: peer seconds / tool seconds. Details in $work:"
echo " peer.out, hearth.out (the engine's summary), hearth-eval.txt, hearth-clusters-eval.txt, hearth-blocking-eval.txt)"
