"""Where the peers' benchmark harness is (gen.py, neutral.py, convert.py …): the one place that says so.

In order: $GONGSHI_BENCH_PEERS; ../shared/bench/peers beside this checkout (the layout of the development
machines); /work/shared/bench/peers, where those machines keep it, so that a clone made elsewhere (a clean clone
in /tmp, say) finds it too. The scripts in bench/ import it; bench/run and tests/CMakeLists.txt run it
(`python3 bench/peers.py` prints the folder, or says what is missing and exits 1).
"""
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
CANDIDATES = (os.path.join(_HERE, "..", "..", "shared", "bench", "peers"), "/work/shared/bench/peers")


def _is_harness(folder):
    return all(os.path.isfile(os.path.join(folder, name)) for name in ("gen.py", "neutral.py"))


def peers_dir():
    chosen = os.environ.get("GONGSHI_BENCH_PEERS")
    if chosen:
        if not _is_harness(chosen):
            sys.exit(f"GONGSHI_BENCH_PEERS={chosen}: no gen.py and neutral.py there — point it at the peers' "
                     "harness (shared/bench/peers)")
        return os.path.abspath(chosen)
    for candidate in CANDIDATES:
        if _is_harness(candidate):
            return os.path.abspath(candidate)
    sys.exit("the peers' benchmark harness is not found (looked in " + ", ".join(CANDIDATES)
             + ") — set GONGSHI_BENCH_PEERS to its folder (shared/bench/peers)")


def import_neutral():
    """The harness's reader of the neutral dataset (the module the peers' converters use)."""
    sys.path.insert(0, peers_dir())
    import neutral  # noqa: E402
    return neutral


if __name__ == "__main__":
    print(peers_dir())
