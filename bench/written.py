#!/usr/bin/env python3
"""What one rebuild wrote, in bytes, by kind: read from `gongshi build -v` ("  wrote PATH" lines) and the sizes of
those files in the output folder.

usage: bench/written.py OUT BUILD_V_LOG

Prints one line, tab-separated: files, bytes in all, bytes of the whole-dataset downloads (data/*.csv|json at the
top of data/, rewritten from the years' bytes), bytes of the site's hash lists (SHA256SUMS, manifest.json), bytes of
everything else (pages, year partitions, sitemap parts, feed), and the site's bytes (every file under OUT).
"""
import os
import sys


def kind(path):
    if path in ("SHA256SUMS", "manifest.json"):
        return "hashes"
    parts = path.split("/")
    if len(parts) == 2 and parts[0] == "data" and parts[1].endswith((".csv", ".json")):
        return "whole"
    return "other"


def main():
    out, log = sys.argv[1], sys.argv[2]
    sums = {"whole": 0, "hashes": 0, "other": 0}
    files = 0
    seen = set()
    with open(log, encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("  wrote "):
                continue
            path = line[len("  wrote "):].rstrip("\n")
            full = os.path.join(out, path)
            if not os.path.isfile(full):
                continue
            files += 1
            seen.add(path)
            sums[kind(path)] += os.path.getsize(full)
    # the site's hash lists are rewritten whenever any file is (they hold every file's hash) but are not listed by -v
    if files:
        for path in ("SHA256SUMS", "manifest.json"):
            full = os.path.join(out, path)
            if os.path.isfile(full) and path not in seen:
                sums["hashes"] += os.path.getsize(full)
    site = 0
    for root, _, names in os.walk(out):
        for n in names:
            site += os.path.getsize(os.path.join(root, n))
    total = sum(sums.values())
    print(f"{files}\t{total}\t{sums['whole']}\t{sums['hashes']}\t{sums['other']}\t{site}")


if __name__ == "__main__":
    main()
