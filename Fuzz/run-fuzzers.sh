#!/usr/bin/env bash
# Runs each fuzz target in turn for FUZZ_SECONDS, one at a time (the machine is shared),
# after replaying the kept regression inputs. Called by `make fuzz` and `make fuzz-smoke`.
# New corpus entries go to $CORPUS/<target> (git-ignored), crashes to Fuzz/crashes/<target>-*;
# exits non-zero when any target crashed, after all have run.
set -uo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${FUZZ_SECONDS:-60}
BIN=${FUZZ_BIN:-.build-fuzz/release}
CORPUS=${FUZZ_CORPUS:-.build-fuzz/corpus}
LOGS=${FUZZ_LOGS:-.build-fuzz/logs}
CRASHES=Fuzz/crashes
TARGETS=${FUZZ_TARGETS:-front-matter slugs markdown post images new templates engine search cache}
# ASan reports the bad access itself; Swift's backtracer would catch the signal first.
export SWIFT_BACKTRACE=enable=no

# Seeds beyond Fuzz/seeds/<target>: the example site's and the fixtures' posts, and site.yml.
seeds() {
    case "$1" in
        front-matter | post) echo content/posts Tests/BroadsideTests/Fixtures/basic/content/posts ;;
        markdown) echo content/posts ;;
        templates | engine) echo themes/default/templates themes/default/templates/partials ;;
    esac
}

mkdir -p "$CRASHES" "$LOGS"
# The suppressions `make test-asan` uses, each with its reason (Tests/sanitizers/lsan.supp).
export LSAN_OPTIONS="suppressions=$PWD/Tests/sanitizers/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
failed=()
printf '%-13s %8s %12s %14s %8s\n' target seconds executions "cov/ft" crashes
for target in $TARGETS; do
    binary="$BIN/fuzz-$target"
    log="$LOGS/$target.log"
    mkdir -p "$CORPUS/$target"
    if [ "$target" = front-matter ]; then
        cp site.yml "$CORPUS/$target/example-site.yml"
        cp Tests/BroadsideTests/Fixtures/basic/site.yml "$CORPUS/$target/fixture-site.yml"
    fi
    : >"$log"

    # Every kept regression input must pass before fuzzing starts.
    regressions=(Fuzz/regressions/"$target"/*)
    if [ -e "${regressions[0]}" ] && ! "$binary" "${regressions[@]}" >>"$log" 2>&1; then
        echo "fuzz-$target: a kept regression input fails again; see $log" >&2
        failed+=("$target")
        continue
    fi

    before=$(ls "$CRASHES" | grep -c "^$target-")
    # shellcheck disable=SC2046  # seeds() lists folders without spaces
    "$binary" -max_total_time="$SECONDS_EACH" -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$CRASHES/$target-" \
        "$CORPUS/$target" "Fuzz/seeds/$target" $(seeds "$target") >>"$log" 2>&1
    status=$?
    after=$(ls "$CRASHES" | grep -c "^$target-")
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    coverage=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 | awk '{print $2 "/" $4}')
    printf '%-13s %8s %12s %14s %8s\n' "$target" "$SECONDS_EACH" "${runs:-?}" "${coverage:-?}" "$((after - before))"
    if [ "$status" -ne 0 ] || [ "$after" -ne "$before" ]; then
        echo "fuzz-$target failed (exit $status); the input is in $CRASHES/, the report in $log:" >&2
        grep -E -m1 -A14 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|Fatal error' "$log" >&2
        failed+=("$target")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing failed: ${failed[*]}" >&2
    exit 1
fi
