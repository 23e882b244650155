"""Server CPU of flaskui with many ticking tabs, to compare two trees (bench.py compares frameworks).

    python benchmarks/tick_cpu.py [--repo DIR] [--clients 500] [--tick 0.1] [--seconds 10]

Starts ``flaskui run bench_app:app`` with the flaskui checkout ``--repo`` first on the path,
connects ``--clients`` protocol clients (``loader.py``, in benchmarks/.venv-nicegui, which
``bench.py`` creates) to ``/ticker``, whose ``ui.timer`` fires every ``--tick`` seconds, and prints
the server's CPU percent over ``--seconds``. Interleave runs of two trees on a noisy machine::

    for i in 1 2 3; do python benchmarks/tick_cpu.py --repo /tmp/before; python benchmarks/tick_cpu.py; done
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import APPS, Loader, cpu_seconds, free_port, wait_until_serving  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", default=str(HERE.parent), help="flaskui checkout to measure")
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--tick", type=float, default=0.1, help="seconds between a tab's timer calls")
    parser.add_argument("--seconds", type=float, default=10)
    options = parser.parse_args()
    port = free_port()
    env = dict(os.environ, PYTHONPATH=options.repo, BENCH_TICK_SECONDS=str(options.tick))
    server = subprocess.Popen([sys.executable, "-m", "flaskui", "run", "bench_app:app", "--port", str(port)],
                              cwd=APPS, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    loader = None
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/", server)
        loader = Loader("flaskui", f"http://127.0.0.1:{port}")
        connected = loader.ask(f"connect {options.clients}")
        time.sleep(2)   # let the tabs' timers start and settle
        before, started = cpu_seconds(server.pid), time.monotonic()
        time.sleep(options.seconds)
        percent = 100 * (cpu_seconds(server.pid) - before) / (time.monotonic() - started)
        stats = loader.ask("stats")
        print(f"{options.repo}: {percent:.1f} % CPU, {options.clients} tabs every {options.tick} s "
              f"({connected['errors']} connect errors, {stats['received']} frames received)")
    finally:
        if loader is not None:
            loader.stop()
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
