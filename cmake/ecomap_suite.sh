#!/usr/bin/env bash
# The steps of the test run that are not unit tests, each run by ctest as one test
# (registered with ecomap_add_suite / ecomap_add_setup, cmake/EcomapSuites.cmake).
#
#   ecomap_suite.sh build PRESET
#       configure the preset (first time only) and build it
#   ecomap_suite.sh run NAME FORMAT RESULTS_DIR -- COMMAND [ARGS...]
#       run a suite, show its output, write RESULTS_DIR/NAME.counts ("PASSED FAILED") and
#       RESULTS_DIR/NAME.log; exit 0 only when the command exited 0 and reported no failure.
#       FORMAT says how the suite reports its checks:
#         line   a last line "NAME: N passed, M failed" (CLI, schema, browser suites)
#         tap    node --test's "# pass N" / "# fail M" (or "ℹ pass N" / "ℹ fail M")
#         ctest  a nested ctest's "... M tests failed out of T"
#         exit   one check: the exit code
#   ecomap_suite.sh fuzz FUZZER
#       run the importer fuzzer for ECOMAP_FUZZ_SECONDS (60) on a copy of tests/fuzz/corpus
#   ecomap_suite.sh schema CORE_TESTS OUT_DIR
#       write sample exports with the core tests, then validate them against the schema
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}   # emscripten 3.1.6 needs Debian's acorn

# [SECTION] build a preset ------------------------------------------------------------

step_build() {  # preset
  local preset=$1
  cd "$ROOT" || exit 1
  mkdir -p build
  if [ ! -f "build/$preset/build.ninja" ]; then
    cmake --preset "$preset" > "build/configure-$preset.log" 2>&1 \
      || { cat "build/configure-$preset.log"; echo "configuring the $preset preset failed"; exit 1; }
  fi
  cmake --build --preset "$preset" || { echo "building the $preset preset failed"; exit 1; }
}

# [SECTION] run a suite and count its checks --------------------------------------------

counts_of() {  # name format log -> "PASSED FAILED" or nothing
  local name=$1 format=$2 log=$3 line
  case $format in
    line)
      line=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed\$" "$log" | tail -n1)
      [ -n "$line" ] && sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\1 \2/' <<<"$line";;
    tap)
      local pass fail
      pass=$(grep -E '^(# |ℹ )pass [0-9]+$' "$log" | tail -n1 | grep -oE '[0-9]+$')
      fail=$(grep -E '^(# |ℹ )fail [0-9]+$' "$log" | tail -n1 | grep -oE '[0-9]+$')
      [ -n "$pass" ] && [ -n "$fail" ] && echo "$pass $fail";;
    ctest)
      line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n1)
      [ -n "$line" ] && sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\2 \1/' <<<"$line" \
        | awk '{print $1 - $2, $2}';;
    exit) ;;  # decided by the exit code alone
  esac
}

step_run() {  # name format results -- command...
  local name=$1 format=$2 results=$3
  shift 3
  [ "${1:-}" = -- ] && shift
  mkdir -p "$results"
  local log="$results/$name.log" counts="$results/$name.counts"
  rm -f "$counts"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]} passed failed parsed
  if [ "$format" = exit ]; then
    if [ "$rc" -eq 0 ]; then passed=1 failed=0; else passed=0 failed=1; fi
  else
    parsed=$(counts_of "$name" "$format" "$log")
    if [ -z "$parsed" ]; then
      echo "$name: the suite printed no summary (exit code $rc)"
      passed=0 failed=1
    else
      read -r passed failed <<<"$parsed"
      # A suite that exits non-zero has failed, whatever its last line says.
      [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
    fi
  fi
  echo "$passed $failed" > "$counts"
  [ "$failed" -eq 0 ]
}

# [SECTION] fuzzing ------------------------------------------------------------------------

step_fuzz() {  # fuzzer executable
  local fuzzer=$1 seconds=${ECOMAP_FUZZ_SECONDS:-60}
  local work; work=$(dirname "$fuzzer")
  local corpus="$work/corpus"
  mkdir -p "$corpus" && cp -n "$ROOT"/tests/fuzz/corpus/* "$corpus"/ 2>/dev/null
  echo "Fuzzing the importer for ${seconds}s"
  (cd "$work" && "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 "$corpus" > "$work/fuzz.log" 2>&1)
  local rc=$?
  if [ "$rc" -eq 0 ]; then
    grep -E 'stat::number_of_executed_units|Done' "$work/fuzz.log" | tail -n2
  else
    tail -n 40 "$work/fuzz.log"
  fi
  return "$rc"
}

# [SECTION] schema ---------------------------------------------------------------------------

step_schema() {  # core tests executable, output directory
  local tests=$1 out=$2
  rm -rf "$out" && mkdir -p "$out"
  ECOMAP_EXPORT_DIR="$out" "$tests" "[export-samples]" > "$out.log" 2>&1 \
    || { cat "$out.log"; echo "writing the sample exports failed"; return 1; }
  node "$ROOT/tests/schema/validate.mjs" "$out"
}

step=${1:-}
[ $# -gt 0 ] && shift
case $step in
  build) step_build "$@";;
  run) step_run "$@";;
  fuzz) step_fuzz "$@";;
  schema) step_schema "$@";;
  *) echo "usage: ecomap_suite.sh build|run|fuzz|schema ..." >&2; exit 2;;
esac
