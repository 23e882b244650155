"""Soak: many tabs come and go; what the server keeps afterwards (clients, RSS, allocated blocks).

    python benchmarks/soak.py [--tabs 10000] [--concurrency 100] [--reconnect-timeout 2]

``--rounds 3`` repeats the tabs, each round measured against the same baseline: a leak grows
round after round, a one-time cost (caches, the allocator's arenas) does not.

Starts ``apps/soak_app.py`` with ``flaskui run`` on a free 127.0.0.1 port and runs the tabs from
this process (gevent, websocket-client): each GETs the page, opens its websocket, says ``hello``,
clicks on every third tab and waits for the frame, then closes the socket cleanly or drops it
(every other tab). A warm-up of as many tabs first, so the baseline has the same high water of
memory (the allocator keeps what it once needed). The baseline is taken once the warm-up's clients
are gone, each round's result once its clients are gone (reconnect timeout + prune timeout), both
after flaskui's own full collection in the server. Prints a JSON line per round; the server is
stopped by its PID.
"""
from __future__ import annotations

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402 - after patching, so sockets are cooperative
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402
from http.cookiejar import CookieJar  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import gevent  # noqa: E402
import gevent.pool  # noqa: E402
import websocket  # noqa: E402

APPS = Path(__file__).resolve().parent / "apps"
STATE = re.compile(r'<script type="application/json" id="flaskui-state">(.*?)</script>', re.S)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def tab(base: str, number: int) -> None:
    """One tab's life: page, socket, hello, maybe a click, then a clean close or a drop."""
    cookies = CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
    with opener.open(base + "/", timeout=30) as response:
        html = response.read().decode()
    match = STATE.search(html)
    if match is None:
        raise RuntimeError("no flaskui state in the page")
    state = json.loads(match.group(1))
    ws = websocket.create_connection(base.replace("http", "ws") + state["ws"], timeout=30, origin=base,
                                     cookie="; ".join(f"{c.name}={c.value}" for c in cookies))
    ws.send(json.dumps({"t": "hello", "client": state["client"], "tab": f"soak-{number}", "last": state["frame"]}))
    json.loads(ws.recv())   # hi
    if number % 3 == 0:
        button = next(int(key) for key, element in state["elements"].items() if element.get("text") == "Click")
        listener = state["elements"][str(button)]["events"][0]["l"]
        ws.send(json.dumps({"t": "ev", "el": button, "l": listener, "args": []}))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            message = ws.recv()   # a frame's text; "" for a ping the client answered
            if message and json.loads(message).get("t") == "f":
                break
    if number % 2 == 0:
        ws.close()
    else:
        ws.sock.close()   # a dropped tab: no close frame


def run_tabs(base: str, count: int, concurrency: int, first: int) -> float:
    pool = gevent.pool.Pool(concurrency)
    started = time.monotonic()
    for number in range(first, first + count):
        pool.spawn(tab, base, number)
    pool.join(raise_error=True)
    return time.monotonic() - started


def stats(base: str) -> dict[str, Any]:
    with urllib.request.urlopen(base + "/soak/stats", timeout=60) as response:
        return dict(json.loads(response.read()))


def settled(base: str, seconds: float) -> dict[str, Any]:
    """The server's stats once its clients are gone (polled, at most ``seconds`` plus 30 s)."""
    time.sleep(seconds)
    deadline = time.monotonic() + 30
    while True:
        now = stats(base)
        if now["clients"] == 0 or time.monotonic() > deadline:
            return now
        time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tabs", type=int, default=10000)
    parser.add_argument("--warmup", type=int, default=None,
                        help="tabs before the baseline (default: --tabs, so the baseline has the same high water)")
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument("--reconnect-timeout", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=1, help="rounds of --tabs tabs, each measured once settled")
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="the flaskui tree to serve")
    options = parser.parse_args()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": f"{options.repo}{os.pathsep}{APPS}",
           "SOAK_RECONNECT_TIMEOUT": str(options.reconnect_timeout)}
    server = subprocess.Popen([sys.executable, "-m", "flaskui", "run", "soak_app:app", "--port", str(port)],
                              cwd=APPS, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                stats(base)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the soak server did not start") from None
                time.sleep(0.2)
        wait = 2 * options.reconnect_timeout + 1
        warmup = options.tabs if options.warmup is None else options.warmup
        run_tabs(base, warmup, options.concurrency, 0)
        baseline = settled(base, wait)
        for round_number in range(options.rounds):
            seconds = run_tabs(base, options.tabs, options.concurrency, warmup + round_number * options.tabs)
            after = settled(base, wait)
            for growth in after.get("grown", []):
                print(growth, file=sys.stderr)
            print(json.dumps({
                "round": round_number + 1, "tabs": options.tabs, "seconds": round(seconds, 1),
                "clients_after": after["clients"],
                "rss_kib_baseline": baseline["rss_kib"], "rss_kib_after": after["rss_kib"],
                "rss_delta_mib": round((after["rss_kib"] - baseline["rss_kib"]) / 1024, 1),
                "blocks_baseline": baseline["blocks"], "blocks_after": after["blocks"],
                "blocks_delta_percent": round(100 * (after["blocks"] - baseline["blocks"]) / baseline["blocks"], 2),
            }), flush=True)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(10)


if __name__ == "__main__":
    main()
