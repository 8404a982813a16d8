#!/usr/bin/env bash
# Fails when an inner layer includes an outer one (DESIGN.md §4):
#   domain -> nothing but common; app -> no http, storage or cli; ports -> no storage or http;
#   SQL lives only in storage.
set -u
src=${1:?usage: check_layering.sh SRC_DIR}
fail=0
check() { # dir, forbidden-include-regex, why
  local hits
  hits=$(grep -rnE "#include [\"<]($2)/" "$src/$1" 2>/dev/null)
  if [ -n "$hits" ]; then echo "layering: $1 must not include $2 ($3):"; echo "$hits"; fail=1; fi
}
check domain 'http|storage|app|ports|cli|demo|boost/beast|sqlite3' "the domain has no I/O"
check ports 'http|storage|app|cli' "ports are abstract"
check app 'http|storage|cli' "use cases talk to ports, not to implementations"
check linkage 'http|storage|app|ports|cli|demo|domain' "linkage is a standalone library"
check storage 'http|app|cli' "storage implements ports"
sqlhits=$(grep -rnlE '"(SELECT|INSERT|UPDATE|DELETE) ' "$src" --include='*.cpp' --include='*.hpp' | grep -v "^$src/storage/")
if [ -n "$sqlhits" ]; then echo "layering: SQL outside src/storage:"; echo "$sqlhits"; fail=1; fi
if grep -rn 'sqlite3' "$src" --include='*.cpp' --include='*.hpp' -l | grep -v "^$src/storage/" | grep -q .; then
  echo "layering: sqlite3 used outside src/storage:"; grep -rln 'sqlite3' "$src" | grep -v "^$src/storage/"; fail=1
fi
[ $fail -eq 0 ] && echo "layering: ok"
exit $fail
