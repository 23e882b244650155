"""Server CPU of many idle connected tabs with the heartbeat on and off.

    python benchmarks/heartbeat.py [--tabs 10000] [--interval 5] [--seconds 60] [--rounds 2]

Each round starts a flaskui server (this script with ``--serve``: ``flaskui.run`` on a page of a
label and a button, ``FLASKUI_HEARTBEAT_INTERVAL`` 0 or ``--interval``, pings at their default)
and a loader (this script with ``--load``: ``--tabs`` ``ProtocolClient`` tabs in greenlets, each
reading its socket and answering pings as a browser does), connects every tab, lets them settle
for two intervals, then reports the server's CPU over ``--seconds``, the heartbeats the tabs got,
and how long each tick of the server's heartbeat timer held the hub (a tick sweeps one of
``_Heartbeat.SLICES`` slices of the sockets). Rounds alternate off and on, so machine noise
hits both. The file-descriptor limit is raised to its hard limit (a tab holds one fd on each side).
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import cpu_seconds, free_port, wait_until_serving  # noqa: E402

CONNECTING = 100   # tabs connecting at once


def serve(port: int, interval: float) -> None:
    """The server: one idle page, and ``/_bench/sweeps`` (seconds each tick's sweep took)."""
    from flask import Flask, jsonify

    import flaskui
    from flaskui import ui, wsconnection

    sweeps: list[float] = []
    sweep = wsconnection._Heartbeat._sweep

    def timed_sweep(self: wsconnection._Heartbeat) -> None:
        started = time.perf_counter()
        sweep(self)
        sweeps.append(time.perf_counter() - started)

    wsconnection._Heartbeat._sweep = timed_sweep  # type: ignore[method-assign]
    pages = flaskui.Blueprint("idle", __name__)

    @pages.page("/")
    def index() -> None:
        count = ui.label("0")

        def bump() -> None:
            count.text = str(int(count.text or "0") + 1)

        ui.button("Click", on_click=bump)

    app = Flask(__name__)
    app.config.update(SECRET_KEY="benchmark-only", FLASKUI_HEARTBEAT_INTERVAL=interval,
                      FLASKUI_PRUNE_TIMEOUT=600)
    app.register_blueprint(pages)
    app.add_url_rule("/_bench/sweeps", "sweeps", lambda: jsonify(sweeps))
    flaskui.run(app, port=port)


def load(url: str, tabs: int) -> None:
    """The loader: connect ``tabs`` tabs, print one JSON line, then answer ``stats`` lines on stdin."""
    from gevent import monkey

    monkey.patch_all()
    import gevent
    import gevent.fileobject
    import gevent.pool
    from websocket import ABNF, WebSocketException

    from flaskui.testing import ProtocolClient

    counts = {"connected": 0, "errors": 0, "heartbeats": 0, "other": 0}
    last_error = ""

    def read(page: ProtocolClient) -> None:
        assert page.ws is not None
        page.ws.settimeout(None)
        try:
            for _ in range(10**9):   # until the socket closes; answers pings (websocket-client does)
                opcode, data = page.ws.recv_data(control_frame=True)
                if opcode == ABNF.OPCODE_CLOSE:
                    return
                if opcode == ABNF.OPCODE_TEXT:
                    counts["heartbeats" if data.startswith(b'{"t":"hb"') else "other"] += 1
        except (OSError, WebSocketException):
            return

    def connect() -> None:
        nonlocal last_error
        try:
            page = ProtocolClient(url).open("/")
            if page.connect() != {"t": "hi", "frame": 0, "window": 128}:
                raise RuntimeError("handshake refused")
        except Exception as error:   # counted and reported, never retried
            counts["errors"] += 1
            last_error = repr(error)
            return
        counts["connected"] += 1
        gevent.spawn(read, page)

    started = time.monotonic()
    pool = gevent.pool.Pool(CONNECTING)
    for _ in range(tabs):
        pool.spawn(connect)
    pool.join()
    print(json.dumps({**counts, "seconds": round(time.monotonic() - started, 1), "last_error": last_error}),
          flush=True)
    for line in gevent.fileobject.FileObject(sys.stdin):   # the readers keep running meanwhile
        if line.strip() == "stats":
            print(json.dumps(counts), flush=True)
        else:
            return


def sweeps_of(port: int) -> list[float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_bench/sweeps") as response:
        return json.loads(response.read())  # type: ignore[no-any-return]


def measure(tabs: int, interval: float, seconds: float) -> dict[str, Any]:
    """One round: a server with heartbeats every ``interval`` seconds (0: off) and ``tabs`` idle tabs."""
    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port), "--interval", str(interval)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    loader = None
    try:
        wait_until_serving(f"http://127.0.0.1:{port}/", server)
        loader = subprocess.Popen([sys.executable, __file__, "--load", f"http://127.0.0.1:{port}",
                                   "--tabs", str(tabs)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert loader.stdin is not None and loader.stdout is not None
        connected = json.loads(loader.stdout.readline())
        time.sleep(2 * max(interval, 1))   # past the first sweeps, which tell each tab the interval
        loader.stdin.write("stats\n")
        loader.stdin.flush()
        before = json.loads(loader.stdout.readline())
        ticks_before = len(sweeps_of(port))
        cpu_before, started = cpu_seconds(server.pid), time.monotonic()
        time.sleep(seconds)
        cpu = cpu_seconds(server.pid) - cpu_before
        elapsed = time.monotonic() - started
        loader.stdin.write("stats\n")
        loader.stdin.flush()
        after = json.loads(loader.stdout.readline())
        sweeps = sweeps_of(port)[ticks_before:]   # the ticks of the measured window
        return {
            "interval": interval, "tabs": connected["connected"], "errors": connected["errors"],
            "last_error": connected["last_error"], "connect_seconds": connected["seconds"],
            "cpu_percent": 100 * cpu / elapsed,
            "heartbeats_per_s": (after["heartbeats"] - before["heartbeats"]) / elapsed,
            "other_per_s": (after["other"] - before["other"]) / elapsed,
            "sweeps_ms_per_s": 1000 * sum(sweeps) / elapsed,
            "ticks_ms": [1000 * statistics.median(sweeps), 1000 * statistics.quantiles(sweeps, n=100)[98],
                         1000 * max(sweeps)] if len(sweeps) > 1 else [0.0, 0.0, 0.0],
        }
    finally:
        if loader is not None:
            loader.terminate()
            loader.wait(30)
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tabs", type=int, default=10_000)
    parser.add_argument("--interval", type=float, default=5.0, help="heartbeat seconds of the 'on' rounds")
    parser.add_argument("--seconds", type=float, default=60.0, help="measured window per round")
    parser.add_argument("--rounds", type=int, default=2, help="pairs of rounds (off, on)")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--load", help=argparse.SUPPRESS)
    options = parser.parse_args()
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))   # children inherit it
    if options.serve:
        serve(options.serve, options.interval)
        return
    if options.load:
        load(options.load, options.tabs)
        return
    if hard < options.tabs + 1000:
        sys.exit(f"the hard file-descriptor limit ({hard}) is too low for {options.tabs} tabs")
    print("| heartbeat | tabs | server CPU % | heartbeats/s received | other messages/s | time in sweeps (ms/s) | "
          "a tick's sweep, median / p99 / max (ms) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for _ in range(options.rounds):
        for interval in (0.0, options.interval):
            row = measure(options.tabs, interval, options.seconds)
            name = f"every {interval:g} s" if interval else "off"
            ticks = " / ".join(f"{ms:.1f}" for ms in row["ticks_ms"])
            print(f"| {name} | {row['tabs']} ({row['errors']} errors) | {row['cpu_percent']:.2f} | "
                  f"{row['heartbeats_per_s']:.0f} | {row['other_per_s']:.1f} | {row['sweeps_ms_per_s']:.1f} | "
                  f"{ticks} |", flush=True)
            if row["errors"]:
                print(f"  (last connect error: {row['last_error']}; {row['connect_seconds']} s to connect)",
                      flush=True)


if __name__ == "__main__":
    main()
