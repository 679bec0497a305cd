#!/usr/bin/env python3
"""Writes a synthetic extra catalog file of N codes, for benchmarks and
build-cost measurements at scale.

    python3 benches/synth_catalog.py 20000 /tmp/extra-20000.toml

Codes are shaped like real API-specific ones: a common code, or a product
prefix, then one or two dotted segments of CamelCase words, 15 to 50 bytes
(`InvalidParameterValue.InvalidDiskSnapshotId`). The same N gives the same
file. No two codes make the same variant name (the code without its dots),
and none is in codes.toml, so the file always builds.
"""

import random
import sys

ROOTS = [
    "FailedOperation", "InvalidParameter", "InvalidParameterValue", "LimitExceeded",
    "MissingParameter", "OperationDenied", "ResourceInUse", "ResourceInsufficient",
    "ResourceNotFound", "ResourceUnavailable", "ResourcesSoldOut", "UnauthorizedOperation",
    "UnsupportedOperation", "InvalidInstanceId", "InvalidImageId", "InvalidZone",
]
WORDS = [
    "Instance", "Disk", "Snapshot", "Image", "Zone", "Region", "Vpc", "Subnet", "Eni",
    "Address", "Bandwidth", "Quota", "Policy", "Role", "Key", "Pair", "Group", "Host",
    "Cluster", "Node", "Bucket", "Object", "Task", "Job", "State", "Type", "Id", "Name",
    "Tag", "Rule", "Port", "Protocol", "Cert", "Domain", "Record", "Backup", "Volume",
    "Invalid", "Not", "Found", "Malformed", "Limit", "Exceeded", "Busy", "Expired",
    "Duplicate", "Conflict", "Unsupported", "Pending", "Running", "Stopped", "Attached",
]
CATEGORIES = ["request", "resource", "quota", "operation", "permission"]


def segment(rng):
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def codes(n, seed=20261123):
    rng = random.Random(seed)
    seen_variants = set()
    while len(seen_variants) < n:
        parts = [rng.choice(ROOTS)] + [segment(rng) for _ in range(rng.randint(1, 2))]
        code = ".".join(parts)
        variant = code.replace(".", "")
        if 15 <= len(code) <= 50 and variant not in seen_variants:
            seen_variants.add(variant)
            yield code, rng.choice(CATEGORIES)


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit("usage: synth_catalog.py N OUTPUT.toml")
    n, output = int(sys.argv[1]), sys.argv[2]
    with open(output, "w", encoding="utf-8") as out:
        out.write(f"# {n} synthetic codes written by benches/synth_catalog.py; not real codes.\n")
        for i, (code, category) in enumerate(codes(n)):
            out.write(
                f'\n[[code]]\ncode = "{code}"\n'
                f'description = "Synthetic failure number {i}."\n'
                f'category = "{category}"\n'
            )


if __name__ == "__main__":
    main()
