#!/usr/bin/env bash
# What depending on this crate costs: clean release builds of an empty binary
# crate, and of the same crate depending on this one by default, with one
# product feature (cvm) and with all-products, each in its own target
# directory, in one run; then the dependency tree of a default build (no
# proc-macro), and rebuilds with 20,000 and 100,000 codes (synthetic extra
# files). Works on a copy of the working tree in a temporary directory;
# takes a few minutes. Dependencies must have been downloaded (a build of
# the repo). ROUNDS=1 for one round of clean builds (default 2).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir lib
(cd "$repo" && git ls-files -co --exclude-standard -z | grep -zv '^data/' | xargs -0 tar -c) | tar -x -C lib
cargo new -q --bin empty
for variant in default cvm all; do
    cargo new -q --bin "$variant"
    case $variant in
        default) features='' ;;
        cvm) features=', features = ["cvm"]' ;;
        all) features=', features = ["all-products"]' ;;
    esac
    printf 'tencentcloud-error-codes = { path = "../lib"%s }\n' "$features" >> "$variant/Cargo.toml"
    cp lib/Cargo.lock "$variant/Cargo.lock"
done

build() { # crate, then extra environment
    local crate=$1
    shift
    (cd "$crate" && env CARGO_TARGET_DIR="$work/target-$crate" "$@" \
        /usr/bin/time -f "%e s wall, %M KB peak" cargo build --release -q --offline 2>&1 | tail -n 1)
}

echo "== clean release builds"
for round in $(seq "${ROUNDS:-2}"); do
    for crate in empty default cvm all; do
        rm -rf "$work/target-$crate"
        echo "$crate, round $round: $(build $crate)"
    done
done

echo "== proc-macro crates in a default build (none expected)"
(cd default && cargo tree -q --offline -e normal,build --prefix none | grep -c 'proc-macro' || true)

echo "== rebuilds with extra codes"
for n in 20000 100000; do
    python3 "$repo/benches/synth_catalog.py" $((n - 38)) "$work/extra-$n.toml"
    echo "$n codes: $(build default TENCENTCLOUD_ERROR_CODES_EXTRA="$work/extra-$n.toml")"
done
