#!/usr/bin/env bash
# The front door's "is this family already known?" against a database of N stored people (default 1,000,000):
# generates N person records (`hearth link generate`, peer layout), loads them into a fresh database as
# households (one family per distinct postcode and street), starts `hearth serve` (which indexes every person at
# start-up) and times possible-match requests through the JSON API (POST /api/v1/referrals for a new household,
# answered 409 with the ranked matches): each probe is a stored person with a typo, a nickname or a date change,
# the kind of referral the check exists for.
#
#   HEARTH_BIN=build/release/hearth BENCH_DIR=/tmp/frontdoor bench/frontdoor.sh 1000000 [PROBES]
#   (LOAD_ONLY=1: generate and load the database, then stop.)
#
# Prints the index build time (from the server's log), the server's peak RSS, and per-request wall times
# (mean, median, 95th percentile, slowest) as the client saw them.
set -euo pipefail
records=${1:-1000000}
probes=${2:-200}
here=$(cd "$(dirname "$0")/.." && pwd)
hearth=${HEARTH_BIN:-$here/build/release/hearth}
dir=${BENCH_DIR:-/tmp/hearth-frontdoor}
mkdir -p "$dir"
csv=$dir/people-$records.csv
db=$dir/frontdoor-$records.db

if [ ! -f "$csv" ]; then
  "$hearth" link generate --records "$records" --errors moderate --seed 1 --out "$csv" >/dev/null
fi
if [ ! -f "$db" ]; then
  rm -f "$db" "$db-wal" "$db-shm"
  "$hearth" migrate --database "$db" >/dev/null
  # Bulk load with the sqlite3 shell: this script is test tooling, not the application (which writes through its
  # repositories). One family per distinct postcode and street; every person a child of it.
  sqlite3 "$db" <<SQL
.mode csv
.import $csv raw
BEGIN;
INSERT INTO families (area, address_line_1, postcode, postcode_key, created_at, updated_at)
  SELECT 'Bench', street, upper(postcode), replace(upper(postcode), ' ', ''), '2026-01-01T00:00:00Z',
         '2026-01-01T00:00:00Z'
  FROM raw GROUP BY upper(postcode), street;
CREATE TEMP TABLE household AS
  SELECT id, address_line_1 AS street, postcode FROM families WHERE area = 'Bench';
CREATE INDEX household_key ON household(street, postcode);
INSERT INTO people (family_id, given_name, family_name, given_name_key, family_name_key, date_of_birth, sex, role,
                    created_at, updated_at)
  SELECT h.id, r.first_name, r.surname, lower(r.first_name), lower(r.surname), nullif(r.dob, ''),
         CASE r.sex WHEN 'F' THEN 'female' WHEN 'M' THEN 'male' ELSE 'unknown' END,
         CASE WHEN r.dob >= '2001' THEN 'child' ELSE 'parent' END,
         '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
  FROM raw r JOIN household h ON h.street = r.street AND h.postcode = upper(r.postcode);
DROP TABLE raw;
COMMIT;
SQL
  printf 'benchbench-password\n' | "$hearth" user add bench --role front_door_coordinator --password-stdin \
    --database "$db" >/dev/null
fi
echo "people stored: $(sqlite3 "$db" 'SELECT count(*) FROM people')"
[ "${LOAD_ONLY:-0}" = 1 ] && exit 0  # just make the database
token=$("$hearth" user token bench --database "$db")

log=$dir/serve.log
/usr/bin/time -v "$hearth" serve --database "$db" --listen 127.0.0.1:0 --workers 2 >"$log" 2>&1 &
timer=$!
sleep 1
server=$(pgrep -P $timer)  # hearth itself: time(1) ignores SIGINT while it waits
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q 'listening on' "$log" && break
  sleep 1
done
port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$log" | head -1)
grep 'linkage index' "$log" | sed 's/^.*\] //'

python3 - "$port" "$token" "$csv" "$probes" <<'PY'
import csv, json, random, statistics, sys, time, urllib.request, urllib.error
port, token, path, probes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rows = []
with open(path, newline='') as f:
    for i, row in enumerate(csv.DictReader(f)):
        if i % 997 == 0 and row['first_name'] and row['surname'] and row['dob'] and len(row['dob']) == 10:
            rows.append(row)
random.seed(5)
rows = random.sample(rows, min(probes, len(rows)))
def alter(row, k):
    r = dict(row)
    if k % 3 == 0:  # a typo in the family name
        s = r['surname']; i = len(s) // 2; r['surname'] = s[:i] + s[i + 1:] if len(s) > 3 else s + 'e'
    elif k % 3 == 1:  # day and month the wrong way round, when that is a date
        y, m, d = r['dob'].split('-')
        if int(d) <= 12: r['dob'] = f'{y}-{d}-{m}'
    else:  # moved house
        r['postcode'] = ''; r['street'] = ''
    return r
times, found, refused = [], 0, 0
for k, row in enumerate(rows):
    r = alter(row, k)
    sex = {'F': 'female', 'M': 'male'}.get(r['sex'], 'unknown')
    body = {
        'received_on': '2026-01-05', 'source': 'school', 'reasons': ['education'], 'consent_given': True,
        'consent_given_by': 'Parent', 'consent_given_on': '2026-01-05', 'share_with': ['education'],
        'decision': 'advice', 'rationale': 'Benchmark probe.',
        'family': {'area': 'Bench', 'postcode': r['postcode'].upper() if r['postcode'] else None,
                   'address_line_1': r['street'] or None},
        'people': [{'given_name': r['first_name'], 'family_name': r['surname'], 'date_of_birth': r['dob'],
                    'sex': sex, 'role': 'child' if r['dob'] >= '2001' else 'parent'}],
    }
    body['family'] = {k2: v for k2, v in body['family'].items() if v}
    req = urllib.request.Request(f'http://127.0.0.1:{port}/api/v1/referrals', data=json.dumps(body).encode(),
                                 headers={'authorization': f'Bearer {token}', 'content-type': 'application/json'})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req) as resp:
            status, payload = resp.status, resp.read()
    except urllib.error.HTTPError as e:
        status, payload = e.code, e.read()
    elapsed = (time.perf_counter() - start) * 1000
    if status == 422:  # the generator's noise can make a value Hearth refuses: not a lookup, not timed
        if refused == 0: print('first refused probe:', payload[:400].decode(errors='replace'), file=sys.stderr)
        refused += 1
        continue
    times.append(elapsed)
    if status == 409:
        found += 1
    elif status != 201:
        print('unexpected', status, payload[:300]); sys.exit(1)
times.sort()
print(f'requests looked up: {len(times)} (refused as invalid, not timed: {refused}); '
      f'answered with possible matches: {found}')
print(f'wall ms per request: mean {statistics.mean(times):.2f}, median {statistics.median(times):.2f}, '
      f'p95 {times[int(len(times) * 0.95) - 1]:.2f}, slowest {times[-1]:.2f}')
PY
kill -INT $server 2>/dev/null || kill $server
wait $timer 2>/dev/null || true
trap - EXIT
grep -E 'Maximum resident set size' "$log" | sed 's/^\s*/server /'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
