#!/usr/bin/env bash
# Downloads the SDK wheels pinned in data/sdk-requirements.txt (versions
# and hashes) into DIR, default target/sdk, and prints the refresh command
# that reads them. Needs pip and access to PyPI; nothing else does.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-target/sdk}
mkdir -p "$dir"
python3 -m pip download --no-deps --only-binary=:all: --require-hashes \
    -r data/sdk-requirements.txt -d "$dir"
wheels=$(ls "$dir"/tencentcloud_sdk_python*.whl | sort)
echo
echo "cargo run --release -p tencentcloud-error-codes-import -- refresh --python-sdk" $wheels
