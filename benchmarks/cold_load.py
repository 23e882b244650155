"""Cold and warm time to content of one page, one flaskui tree against another, interleaved.

    python benchmarks/cold_load.py --repo /tmp/before [--path /page100] [--loads 15]

Starts ``flaskui run bench_app:app`` twice, with this checkout and with ``--repo`` first on the
path, and loads ``--path`` in a new Chromium context (empty cache) ``--loads`` times per tree,
alternating; reports the medians of ``bench.py``'s time to content (``.bench-last`` exists).
``/page100`` needs only Quasar's core tier, ``/page100rest`` also its rest tier (a select and a table).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import APPS, Browser, free_port, time_to_content, wait_until_serving  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", required=True, help="the other flaskui checkout")
    parser.add_argument("--path", default="/page100")
    parser.add_argument("--loads", type=int, default=15)
    options = parser.parse_args()
    trees = {"this tree": str(HERE.parent), options.repo: options.repo}
    servers = {}
    browser = None
    try:
        for name, repo in trees.items():
            port = free_port()
            servers[name] = (f"http://127.0.0.1:{port}", subprocess.Popen(
                [sys.executable, "-m", "flaskui", "run", "bench_app:app", "--port", str(port)],
                cwd=APPS, env=dict(os.environ, PYTHONPATH=repo), stdout=subprocess.DEVNULL,
                stderr=subprocess.STDOUT))
        for url, server in servers.values():
            wait_until_serving(url + "/", server)
        browser = Browser()
        times: dict[str, dict[str, list[float]]] = {name: {"cold_ms": [], "warm_ms": []} for name in trees}
        for i in range(options.loads + 1):   # the first round warms the servers and is dropped
            for name in (list(trees) if i % 2 else list(trees)[::-1]):
                measured = time_to_content(browser, servers[name][0] + options.path, 1)
                if i:
                    for key, value in measured.items():
                        times[name][key].append(value)
        for name, measured in times.items():
            print(f"{name}: {options.path} time to content cold {statistics.median(measured['cold_ms']):.1f} ms, "
                  f"warm {statistics.median(measured['warm_ms']):.1f} ms (medians of {options.loads})")
    finally:
        if browser is not None:
            browser.close()
        for _, server in servers.values():
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
