#!/usr/bin/env bash
# What depending on this crate costs: clean release builds of an empty binary
# crate with and without it, a rebuild after a one-line edit of codes.toml,
# rebuilds with 1,000, 20,000 and 100,000 codes (synthetic extra files), and
# the build script's own time at 100,000 codes with and without an optimised
# build-override. Works on a copy of HEAD in a temporary directory; takes a
# few minutes. Dependencies must have been downloaded (a build of the repo).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir lib && git -C "$repo" archive HEAD | tar -x -C lib
cargo new -q --bin empty
cargo new -q --bin with
printf 'tencentcloud-error-codes = { path = "../lib" }\n' >> with/Cargo.toml
cp lib/Cargo.lock with/Cargo.lock

# The command's own output is discarded; its time and peak memory are printed.
measure() { /usr/bin/time -f "%e s wall, %M KB peak" "$@" 2>&1 >/dev/null | tail -n 1; }
build() { # crate, then extra environment
    local crate=$1
    shift
    (cd "$crate" && env CARGO_TARGET_DIR="$work/target-$crate" "$@" \
        /usr/bin/time -f "%e s wall, %M KB peak" cargo build --release -q --offline 2>&1 | tail -n 1)
}

echo "== clean release builds, two rounds"
for round in 1 2; do
    for crate in empty with; do
        rm -rf "$work/target-$crate"
        echo "$crate, round $round: $(build $crate)"
    done
done

echo "== rebuild after editing one line of codes.toml"
sed -i 's/^description = "Signature error."$/description = "Signature error!"/' lib/codes.toml
echo "with: $(build with)"

echo "== rebuilds with extra codes"
for n in 1000 20000 100000; do
    python3 "$repo/benches/synth_catalog.py" $((n - 38)) "$work/extra-$n.toml"
    echo "$n codes: $(build with TENCENTCLOUD_ERROR_CODES_EXTRA="$work/extra-$n.toml"), rlib $(stat -c %s "$work"/target-with/release/deps/libtencentcloud_error_codes-*.rlib | sort -n | tail -n 1) bytes"
done

script_time() {
    local script
    script=$(ls -t "$work"/target-with/release/build/tencentcloud-error-codes-*/build-script-build | head -n 1)
    mkdir -p "$work/out"
    (cd lib && OUT_DIR="$work/out" TENCENTCLOUD_ERROR_CODES_EXTRA="$work/extra-100000.toml" measure "$script")
}
echo "== the build script alone at 100,000 codes"
echo "default (opt-level 0): $(script_time)"
printf '\n[profile.release.build-override]\nopt-level = 3\n' >> with/Cargo.toml
rm -rf "$work/target-with"
echo "clean build of 'with', build-override opt-level 3: $(build with)"
echo "build-override opt-level 3: $(script_time)"
