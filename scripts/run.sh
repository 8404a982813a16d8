#!/usr/bin/env bash
# `make run`: installs dependencies, builds the release binary, prepares var/hearth.db on first use (schema, demo
# data and an administrator with a one-off random password) and serves Hearth on http://127.0.0.1:8080.
set -euo pipefail

cd "$(dirname "$0")/.."

readonly bin=build/release/hearth
readonly db=var/hearth.db
readonly access_log=var/hearth-access.db  # the audit trail's access log lives beside the database
readonly listen=127.0.0.1:8080

bash scripts/install-deps.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DHEARTH_TESTS=OFF
cmake --build build/release -j"$(nproc)"

mkdir -p var

if [[ -e "$db" ]]; then
  echo "run: reusing the existing database $db (delete var/hearth.db and var/hearth-access.db to start afresh with new demo data and a new admin password)"
else
  # 20 characters from an alphabet without the look-alikes I, O, l, 0 and 1. tr discards most random bytes, so read
  # a generous chunk.
  password=""
  while ((${#password} < 20)); do
    password+="$(head -c 512 /dev/urandom | LC_ALL=C tr -dc 'A-HJ-NP-Za-km-z2-9')"
  done
  password="${password:0:20}"

  # An access log without its database would name users of some earlier database: start both afresh.
  rm -f "$access_log" "$access_log-wal" "$access_log-shm"
  # A half-prepared database would be reused next time without an administrator: remove it if any step fails.
  if ! { "$bin" migrate --database "$db" &&
    "$bin" demo --database "$db" &&
    printf '%s' "$password" |
    "$bin" user add admin --role administrator --team Administration --database "$db" --password-stdin; }; then
    rm -f "$db" "$db-wal" "$db-shm" "$db-journal" "$access_log" "$access_log-wal" "$access_log-shm"
    echo "run: preparing $db failed; removed it so the next run starts afresh" >&2
    exit 1
  fi

  message="Sign in at http://${listen}/sign-in as admin with password ${password} (shown once: keep it somewhere safe)"
  border="+$(printf '%*s' $((${#message} + 2)) '' | tr ' ' '-')+"
  printf '\n%s\n| %*s |\n| %s |\n| %*s |\n%s\n\n' "$border" "${#message}" '' "$message" "${#message}" '' "$border"
fi

exec "$bin" serve --database "$db" --listen "$listen"
