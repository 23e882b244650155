"""A watcher tab's clicks while another tab floods its socket (not a test; numbers go to RESULTS.md).

    python benchmarks/flood.py [--seconds 5] [--rate N] [--repo DIR] [--only click,resync]

The server is ``flaskui.run`` in a process of its own on a free 127.0.0.1 port (the flaskui of
``--repo`` if given; ``--rate`` sets ``FLASKUI_MAX_MESSAGE_RATE``, 0: no limit). For each kind of
message a flooder process opens ``/flood`` (200 labels, a button, an input), and writes that message
to its socket as fast as the socket takes it for ``--seconds`` (at most ``--max-messages``), reading
and counting what comes back on a thread (so no send of the server's waits for it). Meanwhile the
watcher (this process, a ``ProtocolClient`` on ``/``, connected before the first flood) clicks a
counter button again and again, timing each click until its counter shows it. Printed per flood:
the messages written (into the socket: a server that reads slower leaves them in its buffers) and
the bytes the flooder got back, the watcher's clicks (count, p50, p95, max) and the WARNING lines
the server logged meanwhile.
"""
from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("click", "unknown", "inline", "resync", "malformed")
BATCH = 100   # frames per sendall: the flooder's own overhead stays small


def create_app(rate: float | None) -> Any:
    from flask import Flask

    import flaskui
    from flaskui import ui

    pages = flaskui.Blueprint("flood", __name__)

    @pages.page("/")
    def watcher() -> None:
        count = ui.label("0")
        ui.button("Click", on_click=lambda: setattr(count, "text", str(int(count.text or "0") + 1)))

    @pages.page("/flood")
    def flood() -> None:
        for i in range(200):
            ui.label(f"row {i}")
        hits = ui.label("0")
        ui.button("Hit", on_click=lambda: setattr(hits, "text", str(int(hits.text or "0") + 1)))
        ui.input("Name")

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "benchmark"
    if rate is not None:
        app.config["FLASKUI_MAX_MESSAGE_RATE"] = rate
    app.register_blueprint(pages)
    return app


def serve(port: int, rate: float | None, repo: str | None) -> None:
    from gevent import monkey

    monkey.patch_all()
    if repo:
        sys.path.insert(0, repo)
    import flaskui

    print(f"flaskui from {Path(flaskui.__file__).parent}", file=sys.stderr, flush=True)
    flaskui.run(create_app(rate), port=port)


def messages(kind: str, page: Any) -> list[str]:
    """``BATCH`` flood messages of ``kind`` for the ``/flood`` page ``page`` (a ``ProtocolClient``)."""
    if kind == "resync":
        return ['{"t": "resync", "last": 0}'] * BATCH
    if kind == "malformed":
        return ['{"t": "ev", "el": '] * BATCH
    if kind == "unknown":
        return ['{"t": "ev", "el": 999999, "l": "1", "args": []}'] * BATCH
    if kind == "click":
        button = page.find_text("Hit")
        listener = page.elements[button]["events"][0]["l"]
        return [json.dumps({"t": "ev", "el": button, "l": listener, "args": []})] * BATCH
    field = next(i for i, e in page.elements.items() if e["tag"] == "q-input")
    listener = next(e["l"] for e in page.elements[field]["events"] if e["type"] == "update:modelValue")
    return [json.dumps({"t": "ev", "el": field, "l": listener, "args": [f"typed {i}"]}) for i in range(BATCH)]


def flood(url: str, kind: str, seconds: float, max_messages: int) -> None:
    """Flood ``url``'s ``/flood`` page with ``kind`` messages; print one JSON line of counts."""
    import websocket

    from flaskui.testing import ProtocolClient

    page = ProtocolClient(url).open("/flood")
    page.connect()
    assert page.ws is not None and page.ws.sock is not None
    sock: socket.socket = page.ws.sock
    batch = b"".join(websocket.ABNF.create_frame(text, websocket.ABNF.OPCODE_TEXT).format()
                     for text in messages(kind, page))
    received = [0]
    stop = time.monotonic() + seconds

    def drain() -> None:   # read everything, so no send of the server's ever waits for this tab
        while time.monotonic() < stop + 5:
            try:
                data = sock.recv(1 << 20)
            except socket.timeout:
                continue
            except OSError:
                return
            if not data:
                return
            received[0] += len(data)

    sock.settimeout(0.5)
    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    print("flooding", flush=True)
    sent = 0
    started = time.monotonic()
    while sent < max_messages and time.monotonic() < stop:
        try:
            sock.sendall(batch)
        except socket.timeout:
            continue
        except OSError:
            break
        sent += BATCH
    elapsed = time.monotonic() - started
    time.sleep(0.5)
    print(json.dumps({"sent": sent, "seconds": elapsed, "received": received[0]}), flush=True)
    sock.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def warnings_in(log: IO[str]) -> int:
    log.seek(0)
    return sum(1 for line in log if line.startswith("WARNING"))


class Watcher:
    """A tab on ``/`` connected before any flood, clicking its counter button."""

    def __init__(self, url: str) -> None:
        from flaskui.testing import ProtocolClient

        self.page = ProtocolClient(url).open("/")
        self.page.connect()
        self.button, self.counter = self.page.find_text("Click"), self.page.find_text("0")
        self.count = 0

    def clicks(self, until: subprocess.Popen[str] | None, most: int) -> list[float]:
        """Click ``most`` times (or until ``until`` exits); each click's ms to the counter's change."""
        times: list[float] = []
        for _ in range(most):
            if until is not None and until.poll() is not None:
                break
            self.count += 1
            expected = str(self.count)
            started = time.perf_counter()
            self.page.click(self.button)
            self.page.wait_for(lambda: self.page.elements[self.counter].get("text") == expected, timeout=60)
            times.append((time.perf_counter() - started) * 1000)
            time.sleep(0.01)   # a person's pace, not back to back
        return times


def row(name: str, times: list[float], extra: str) -> str:
    if not times:
        return f"| {name} | {extra} | 0 | - | - | - |"
    return (f"| {name} | {extra} | {len(times)} | {statistics.median(times):.1f} | {percentile(times, 0.95):.1f} "
            f"| {max(times):.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--max-messages", type=int, default=2_000_000)
    parser.add_argument("--rate", type=float, default=None)
    parser.add_argument("--repo", default=None)
    parser.add_argument("--only", default=",".join(KINDS))
    parser.add_argument("--serve", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--flood", nargs=2, metavar=("URL", "KIND"), default=None, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.serve is not None:
        serve(options.serve, options.rate, options.repo)
        return
    if options.flood is not None:
        flood(options.flood[0], options.flood[1], options.seconds, options.max_messages)
        return

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, __file__, "--serve", str(port)]
    command += ["--rate", str(options.rate)] if options.rate is not None else []
    command += ["--repo", options.repo] if options.repo else []
    with tempfile.TemporaryFile("w+") as log:
        server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log, text=True, cwd=ROOT)
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise RuntimeError("the server did not start") from None
                    time.sleep(0.1)
            log.seek(0)
            print(f"server: {log.readline().strip()}, FLASKUI_MAX_MESSAGE_RATE "
                  f"{'default' if options.rate is None else options.rate}, floods of {options.seconds:g} s")
            print()
            print("| flood | messages written (per s), bytes back | watcher clicks | p50 ms | p95 ms | max ms |")
            print("| --- | --- | --- | --- | --- | --- |")
            watcher = Watcher(url)
            print(row("none (idle)", watcher.clicks(None, 100), "-"), flush=True)
            for kind in options.only.split(","):
                warned = warnings_in(log)
                flooder = subprocess.Popen(
                    [sys.executable, __file__, "--flood", url, kind, "--seconds", str(options.seconds),
                     "--max-messages", str(options.max_messages)],
                    stdout=subprocess.PIPE, text=True, cwd=ROOT)
                try:
                    assert flooder.stdout is not None
                    if flooder.stdout.readline().strip() != "flooding":
                        raise RuntimeError(f"the {kind} flooder did not start")
                    times = watcher.clicks(flooder, 100_000)
                    counts = json.loads(flooder.stdout.readline())
                    flooder.wait(30)
                finally:
                    if flooder.poll() is None:
                        flooder.kill()
                        flooder.wait(10)
                time.sleep(1)   # the server's log of the flood's end
                extra = (f"{counts['sent']:,} ({counts['sent'] / counts['seconds']:,.0f}/s), "
                         f"{counts['received'] / 1024:,.0f} KiB back, {warnings_in(log) - warned} WARNING lines")
                print(row(kind, times, extra), flush=True)
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(10)


if __name__ == "__main__":
    main()
