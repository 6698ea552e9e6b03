#!/usr/bin/env bash
# Runs every libFuzzer target of a build made with -DAMP_FUZZ=ON for a bounded
# time each, starting from the committed seeds, and prints one line per target
# and a closing "N passed, N failed". A crash leaves its input in
# <build>/fuzz-artifacts/<target>/ (turn it into a regression: see README.md).
#
# Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS_PER_TARGET] [TARGET...]
#   SECONDS_PER_TARGET defaults to 60; targets default to all four.
# Extra libFuzzer flags can be passed in AMP_FUZZ_FLAGS (e.g. "-jobs=2 -workers=2").
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$(cd "${1:?usage: run.sh BUILD_DIR [SECONDS] [TARGET...]}" && pwd)"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : $# ))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(framing session textsync analysis)

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

passed=0
failed=0
for t in "${targets[@]}"; do
  bin="$build/tests/fuzz/fuzz_$t"
  if [ ! -x "$bin" ]; then
    echo "FAIL fuzz_$t: $bin is not built (configure with CC=clang -DAMP_FUZZ=ON)"
    failed=$((failed + 1))
    continue
  fi
  work="$build/fuzz-corpus/$t"          # grows across runs in the same build folder
  artifacts="$build/fuzz-artifacts/$t/"
  seeds=("$here/corpus/$t")
  [ -d "$here/regressions/$t" ] && seeds+=("$here/regressions/$t")
  if [ "$t" = analysis ]; then
    # The fixture projects' and rule fixtures' TypeScript, flattened.
    extra="$build/fuzz-seeds/analysis"
    rm -rf "$extra" && mkdir -p "$extra"
    i=0
    while IFS= read -r -d '' f; do
      cp "$f" "$extra/$(printf '%04d' $i)-$(basename "$f")"
      i=$((i + 1))
    done < <(find "$root/tests/projects" "$root/tests/rules" -name '*.ts' -not -path '*/node_modules/*' -print0 | sort -z)
    seeds+=("$extra")
  fi
  mkdir -p "$work" "$artifacts"
  log="$build/fuzz-artifacts/$t.log"
  start=$(date +%s)
  # -timeout: one input over 30 s is a hang; -rss_limit_mb: a leak or a blow-up.
  # shellcheck disable=SC2086
  max_len=8192
  [ "$t" = analysis ] && max_len=65536
  "$bin" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 -max_len=$max_len \
    -print_final_stats=1 -artifact_prefix="$artifacts" ${AMP_FUZZ_FLAGS:-} \
    "$work" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ $rc -eq 0 ]; then
    echo "ok   fuzz_$t: ${runs:-?} inputs in $(( $(date +%s) - start )) s, corpus $(ls "$work" | wc -l)"
    passed=$((passed + 1))
  else
    echo "FAIL fuzz_$t (exit $rc): crash input in $artifacts; log $log"
    grep -E 'ERROR|property broken|SUMMARY|^ +#[0-9] ' "$log" | head -n 40
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ]
