"""Page GETs per second of the 100-element benchmark page, in-process (Flask test client).

    python benchmarks/page_build.py [--repo DIR]
    python benchmarks/page_build.py --instructions [--repo DIR]   # needs valgrind

Never-connected clients stay alive for FLASKUI_PRUNE_TIMEOUT, as on a real server, so the
garbage collector's share of the cost is included; the run also reports it with the GC off, and
the CPU time per GET with the GC settings of ``flaskui run`` (steadier than req/s on a busy machine).

``--instructions`` counts the CPU instructions per GET instead, with ``flaskui run``'s GC settings:
valgrind (cachegrind, no cache simulation) runs 50 and then 250 GETs, and the difference is divided
by 200. The count barely moves between runs (under 1 %) however busy the machine is, so it shows
changes of a few percent that timings on this machine cannot; it is not a time (memory stalls and
the C code's speed are not in it). About 20 s per tree.
"""
from __future__ import annotations

import argparse
import gc
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path


def instructions(repo: str, gets: int) -> int:
    """Instructions valgrind counts for this script run with ``--gets gets`` on ``repo``."""
    command = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
               sys.executable, __file__, "--repo", repo, "--gets", str(gets)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count in valgrind's output:\n{result.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", default=str(Path(__file__).resolve().parent.parent),
                        help="flaskui checkout to measure")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--instructions", action="store_true", help="count instructions per GET (valgrind)")
    parser.add_argument("--gets", type=int, help="internal: just make this many GETs (what --instructions counts)")
    options = parser.parse_args()
    if options.instructions:
        per_get = (instructions(options.repo, 250) - instructions(options.repo, 50)) / 200
        print(f"{options.repo}: {per_get:,.0f} instructions per GET")
        return
    sys.path[:0] = [options.repo, str(Path(__file__).resolve().parent / "apps")]
    from bench_app import app

    client = app.test_client()
    if options.gets is not None:
        gc.freeze()                          # what `flaskui run` does (server.py)
        gc.set_threshold(20_000, 20, 20)
        app.config["FLASKUI_GC_FREEZE_INTERVAL"] = 300
        for _ in range(options.gets):
            client.get("/page100")
        return
    for _ in range(50):
        client.get("/page100")

    def rate() -> float:
        start = time.perf_counter()
        for _ in range(options.requests):
            client.get("/page100")
        return options.requests / (time.perf_counter() - start)

    def cpu_ms() -> float:
        start = time.process_time()
        for _ in range(options.requests):
            client.get("/page100")
        return (time.process_time() - start) / options.requests * 1000

    with_gc = [rate() for _ in range(options.rounds)]
    gc.disable()
    without_gc = [rate() for _ in range(options.rounds)]
    gc.enable()
    tracked = len(gc.get_objects())
    gc.freeze()                          # what `flaskui run` does (server.py)
    gc.set_threshold(20_000, 20, 20)
    cpu = [cpu_ms() for _ in range(options.rounds)]
    print(f"{options.repo}: {statistics.median(with_gc):.0f} req/s (GC off: {statistics.median(without_gc):.0f}), "
          f"{tracked} objects tracked; with flaskui run's GC settings {statistics.median(cpu):.3f} CPU ms per GET")


if __name__ == "__main__":
    main()
