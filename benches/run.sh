#!/usr/bin/env bash
# Runs benches/lookup.rs at 38 codes (codes.toml alone), with all-products
# (about 12,300 codes), and at 100,000 codes (codes.toml plus a synthetic
# extra file), then prints the ratios of each group.
# Sizes: SIZES="38 all" benches/run.sh (a number above 38 adds synthetic codes)
set -euo pipefail
cd "$(dirname "$0")/.."

shipped=$(grep -c '^\[\[code\]\]' codes.toml)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in ${SIZES:-38 all 100000}; do
    extra="" features=""
    if [ "$size" = all ]; then
        features="--features all-products"
    elif [ "$size" -gt "$shipped" ]; then
        extra="$tmp/extra-$size.toml"
        python3 benches/synth_catalog.py $((size - shipped)) "$extra"
    fi
    echo "== $size codes"
    # shellcheck disable=SC2086
    TENCENTCLOUD_ERROR_CODES_EXTRA="$extra" cargo bench --bench lookup $features -- --noplot
done
python3 benches/ratios.py
