#!/usr/bin/env bash
# Runs benches/lookup.rs at 38 codes (codes.toml alone) and at 1,000, 20,000
# and 100,000 codes (codes.toml plus a synthetic extra file), then prints the
# ratios of each group. Sizes: SIZES="38 1000" benches/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

shipped=$(grep -c '^\[\[code\]\]' codes.toml)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in ${SIZES:-38 1000 20000 100000}; do
    extra=""
    if [ "$size" -gt "$shipped" ]; then
        extra="$tmp/extra-$size.toml"
        python3 benches/synth_catalog.py $((size - shipped)) "$extra"
    fi
    echo "== $size codes"
    TENCENTCLOUD_ERROR_CODES_EXTRA="$extra" cargo bench --bench lookup -- --noplot
done
python3 benches/ratios.py
