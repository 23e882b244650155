"""Page GETs per second of the 100-element benchmark page, in-process (Flask test client).

    python benchmarks/page_build.py [--repo DIR]

Never-connected clients stay alive for FLASKUI_PRUNE_TIMEOUT, as on a real server, so the
garbage collector's share of the cost is included; the run also reports it with the GC off, and
the CPU time per GET with the GC settings of ``flaskui run`` (steadier than req/s on a busy machine).
"""
from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", default=str(Path(__file__).resolve().parent.parent),
                        help="flaskui checkout to measure")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=300)
    options = parser.parse_args()
    sys.path[:0] = [options.repo, str(Path(__file__).resolve().parent / "apps")]
    from bench_app import app

    client = app.test_client()
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
