#!/usr/bin/env bash
# How long each tcerr invocation the README shows takes, in the build the
# README's command makes (`cargo run -p tcerr`: the dev profile), and in
# release for comparison. Runs each RUNS times (default 20) and prints the
# fastest and the median wall time in milliseconds, process start to exit.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-20}
cargo build -q -p tcerr
cargo build -q --release -p tcerr
mapfile -t examples < <(sed -n 's/^\$ cargo run -q -p tcerr -- //p' README.md)
for profile in debug release; do
    echo "== target/$profile/tcerr (${runs} runs each: fastest, median)"
    for args in "${examples[@]}"; do
        times=()
        for _ in $(seq "$runs"); do
            start=$(date +%s%N)
            # shellcheck disable=SC2086 # the README's arguments, split as a shell would
            "target/$profile/tcerr" $args > /dev/null 2>&1 || true
            times+=($(( ($(date +%s%N) - start) / 1000 )))
        done
        sorted=$(printf '%s\n' "${times[@]}" | sort -n)
        fastest=$(echo "$sorted" | head -n 1)
        median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
        awk -v f="$fastest" -v m="$median" -v a="$args" \
            'BEGIN { printf "%6.1f ms %6.1f ms  tcerr %s\n", f / 1000, m / 1000, a }'
    done
done
