"""Page GETs from visitors that never connect (bots), and what the garbage collector costs meanwhile.

    python benchmarks/bot_load.py [--repo DIR] [--seconds 60]

Serves ``bench_app`` with ``flaskui.run`` (its GC settings) from the flaskui checkout ``--repo``,
runs ``wrk -t1 -c8`` on ``/page100`` for ``--seconds`` (every GET builds a page that waits
``FLASKUI_PRUNE_TIMEOUT`` for a browser that never comes), and prints GETs/s, the server's RSS at
the end, the time spent in each GC generation (from ``gc.callbacks``), the objects frozen at the end
and the cyclic garbage a full collection then finds. Interleave two trees::

    for i in 1 2; do python benchmarks/bot_load.py --repo /tmp/before; python benchmarks/bot_load.py; done
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import APPS, free_port, rss_bytes, wait_until_serving  # noqa: E402


def serve(port: int) -> None:
    """The server side: ``flaskui.run`` with GC timing; prints the totals as JSON when stopped."""
    from flaskui.server import patch

    patch()   # before the app is imported, as `flaskui run` does
    sys.path.insert(0, str(APPS))
    from bench_app import app

    import flaskui

    totals = {generation: [0, 0.0] for generation in range(3)}
    started = [0.0]

    def timed(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            totals[info["generation"]][0] += 1
            totals[info["generation"]][1] += time.perf_counter() - started[0]

    gc.callbacks.append(timed)
    flaskui.run(app, port=port)
    gc.callbacks.remove(timed)
    frozen = gc.get_freeze_count()
    gc.unfreeze()
    held = gc.collect()   # cyclic garbage the collector had not freed by the end
    print(json.dumps({**{f"gen{g}": {"collections": n, "seconds": round(s, 3)} for g, (n, s) in totals.items()},
                      "frozen objects": frozen, "garbage objects at the end": held}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", default=str(HERE.parent), help="flaskui checkout to measure")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.serve:
        serve(options.serve)
        return
    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port)],
                              env=dict(os.environ, PYTHONPATH=options.repo),
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/", server)
        out = subprocess.run(["wrk", "-t1", "-c8", f"-d{options.seconds}s", f"http://127.0.0.1:{port}/page100"],
                             capture_output=True, text=True, timeout=options.seconds + 60).stdout
        rss = rss_bytes(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
    gc_times = server.communicate(timeout=30)[0].strip().splitlines()[-1]
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    print(f"{options.repo}: {rps:.0f} GET/s, RSS at the end {rss / 2**20:.0f} MiB, GC {gc_times}")


if __name__ == "__main__":
    main()
