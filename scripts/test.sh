#!/usr/bin/env bash
# `make test` (and CI): installs dependencies, builds a RelWithDebInfo tree and an ASan+UBSan tree, then runs every
# stage even when an earlier one fails, prints one PASS/FAIL line per stage and exits non-zero if any failed.
#
#   a. unit tests (ctest)                           build/test
#   b. unit tests under ASan+UBSan (ctest)          build/asan
#   c. integration tests (node --test)              HEARTH_BIN=build/test/hearth
#   d. integration tests under ASan+UBSan           HEARTH_BIN=build/asan/hearth
#   e. browser tests (node --test, Chromium)        HEARTH_BIN=build/test/hearth
#
# Each stage's output is also kept in test-results/<stage>.log.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1

jobs="$(nproc)"
sanitizer_env=(
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
)
results_dir=test-results
mkdir -p "$results_dir"

header() {
  printf '\n==== %s ====\n' "$*"
}

stage_names=()
stage_results=()
stage_notes=()
failed=0
tests_passed=0
tests_failed=0

record() { # record NAME RESULT [NOTE]
  stage_names+=("$1")
  stage_results+=("$2")
  stage_notes+=("${3:-}")
  [[ "$2" == FAIL ]] && failed=1
  return 0
}

# Adds the counts from a stage's log to the totals: ctest's "N% tests passed, F tests failed out of T" and the
# "# pass N" / "# fail N" / "# cancelled N" lines of node's TAP reporter. A failed stage that counted no failed test
# (a crash, a build error) still counts as one failure.
count_tests() { # count_tests LOG RC
  local log="$1" rc="$2" passed=0 fails=0 line
  line="$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)"
  if [[ -n "$line" ]]; then
    local f t
    f="$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")"
    t="$(sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")"
    passed=$((t - f))
    fails=$f
  fi
  local n
  n="$(grep -E '^# pass [0-9]+$' "$log" | tail -n 1 | awk '{print $3}')"
  passed=$((passed + ${n:-0}))
  n="$(grep -E '^# fail [0-9]+$' "$log" | tail -n 1 | awk '{print $3}')"
  fails=$((fails + ${n:-0}))
  n="$(grep -E '^# cancelled [0-9]+$' "$log" | tail -n 1 | awk '{print $3}')"
  fails=$((fails + ${n:-0}))
  if ((rc != 0 && fails == 0)); then
    fails=1
  fi
  tests_passed=$((tests_passed + passed))
  tests_failed=$((tests_failed + fails))
}

# run_stage NAME LOGNAME COMMAND...: runs the command (output to the terminal and to the log) and records the result.
run_stage() {
  local name="$1" log="$results_dir/$2.log"
  shift 2
  header "$name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  count_tests "$log" "$rc"
  if ((rc == 0)); then
    record "$name" PASS
  else
    record "$name" FAIL "exit $rc"
  fi
}

skip_stage() { # skip_stage NAME REASON
  header "$1"
  echo "skipped: $2"
  record "$1" SKIP "$2"
}

not_built() { # not_built NAME TREE
  header "$1"
  echo "not run: $2 did not build"
  record "$1" FAIL "$2 did not build"
  tests_failed=$((tests_failed + 1))
}

has_node_tests() {
  compgen -G "$1/*.test.mjs" >/dev/null
}

# Set-up. Without the dependencies nothing can build, so that failure ends the run here.
header "Installing dependencies"
if ! bash scripts/install-deps.sh --test; then
  echo "make test: FAILED (scripts/install-deps.sh --test)"
  exit 1
fi

build_tree() { # build_tree DIR CMAKE_ARGS...
  local dir="$1"
  shift
  cmake -S . -B "$dir" "$@" && cmake --build "$dir" -j"$jobs"
}

header "Building build/test (RelWithDebInfo)"
test_built=1
build_tree build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHEARTH_TESTS=ON || test_built=0
if ((test_built)); then record "Build build/test" PASS; else record "Build build/test" FAIL; fi

header "Building build/asan (Debug, AddressSanitizer + UndefinedBehaviorSanitizer)"
asan_built=1
build_tree build/asan -DCMAKE_BUILD_TYPE=Debug -DHEARTH_SANITIZE=ON -DHEARTH_TESTS=ON || asan_built=0
if ((asan_built)); then record "Build build/asan" PASS; else record "Build build/asan" FAIL; fi

# (a)
stage="Unit tests (build/test)"
if ((test_built)); then
  run_stage "$stage" unit \
    ctest --test-dir build/test --output-on-failure -j2
else
  not_built "$stage" build/test
fi

# (b)
stage="Unit tests under ASan+UBSan (build/asan)"
if ((asan_built)); then
  run_stage "$stage" unit-asan \
    env "${sanitizer_env[@]}" ctest --test-dir build/asan --output-on-failure -j2
else
  not_built "$stage" build/asan
fi

# (c) The spec reporter is for people; a TAP copy goes to a file, and its closing counts are printed after it.
integration_tap="$results_dir/integration.tap"
# shellcheck disable=SC2317 # invoked through run_stage
run_integration() {
  rm -f "$integration_tap"
  HEARTH_BIN=build/test/hearth node --test \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$integration_tap" \
    tests/integration/
  local rc=$?
  if [[ -f "$integration_tap" ]]; then
    grep -E '^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ' "$integration_tap"
  fi
  return "$rc"
}
stage="Integration tests (build/test/hearth)"
if ((test_built)); then
  run_stage "$stage" integration run_integration
else
  not_built "$stage" build/test
fi

# (d)
stage="Integration tests under ASan+UBSan (build/asan/hearth)"
if ! has_node_tests tests/integration; then
  skip_stage "$stage" "no tests/integration/*.test.mjs"
elif ((asan_built)); then
  run_stage "$stage" integration-asan \
    env HEARTH_BIN=build/asan/hearth "${sanitizer_env[@]}" node --test --test-reporter=tap tests/integration/
else
  not_built "$stage" build/asan
fi

# (e)
stage="Browser tests (build/test/hearth, Chromium)"
if ! has_node_tests tests/browser; then
  skip_stage "$stage" "no tests/browser/*.test.mjs"
elif ((test_built)); then
  run_stage "$stage" browser \
    env HEARTH_BIN=build/test/hearth node --test --test-reporter=tap tests/browser/
else
  not_built "$stage" build/test
fi

header "Summary"
for i in "${!stage_names[@]}"; do
  note="${stage_notes[$i]}"
  printf '%-4s  %s%s\n' "${stage_results[$i]}" "${stage_names[$i]}" "${note:+ ($note)}"
done
if ((failed)); then
  echo "make test: FAILED"
else
  echo "make test: all stages passed"
fi
echo "tests: ${tests_passed} passed, ${tests_failed} failed"
((failed)) && exit 1
exit 0
