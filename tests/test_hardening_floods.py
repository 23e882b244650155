"""Floods against a live server: one tab writing to its socket without pause (the other tabs stay
served, refusals are logged a few times and then counted, resyncs make few snapshots, a tab is read
no faster than its rate), and an upload that goes on after its 413 (its connection is closed, on
flaskui's server and on gunicorn's gevent worker)."""
from __future__ import annotations

import json
import logging
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Callable, Iterator

import pytest
import websocket
from flask import Flask

import flaskui
from flaskui import ui
from flaskui.connection import LOGGED_REFUSALS, RESYNC_INTERVAL
from flaskui.testing import LiveServer, ProtocolClient

from .apps import create_app

KINDS = ("click", "unknown", "inline", "resync", "malformed")
FLOOD_SECONDS = 1.5
MOST_MESSAGES = 500_000
BATCH = 100   # frames per write
MESSAGE_TYPE = re.compile(rb'\{"t":"(\w+)"')   # how every server message starts (websocket-client's tabs
# agree on no compression, so the stream carries the JSON as it is)
CLICK_BOUND_MS = 250   # generous: the strict goal (50 ms) is benchmarks/flood.py's, on a quiet machine


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    with LiveServer(create_app()) as live:
        yield live


@pytest.fixture(scope="module")
def unlimited() -> Iterator[LiveServer]:
    """A server without a message rate: only the loop's yields keep the other tabs served."""
    with LiveServer(create_app(FLASKUI_MAX_MESSAGE_RATE=0)) as live:
        yield live


def messages(kind: str, page: ProtocolClient) -> list[str]:
    """A batch of flood messages of ``kind`` for the counter page ``page``."""
    if kind == "resync":
        return ['{"t": "resync", "last": 0}'] * BATCH
    if kind == "malformed":
        return ['{"t": "ev", "el": '] * BATCH
    if kind == "unknown":
        return ['{"t": "ev", "el": 999999, "l": "1", "args": []}'] * BATCH
    if kind == "click":
        return [json.dumps({"t": "ev", "el": page.find_text("Click"), "l": "1", "args": []})] * BATCH
    field = next(i for i, e in page.elements.items() if e["tag"] == "q-input")
    listener = next(e["l"] for e in page.elements[field]["events"] if e["type"] == "update:modelValue")
    return [json.dumps({"t": "ev", "el": field, "l": listener, "args": [f"typed {i}"]}) for i in range(BATCH)]


class Flood:
    """One tab writing ``kind`` messages to its socket as fast as the socket takes them (at most
    ``seconds`` and ``most`` messages), from a thread; another thread reads what comes back and
    counts it by message type, so no send of the server's waits for this tab."""

    def __init__(self, server: LiveServer, kind: str, seconds: float = FLOOD_SECONDS, most: int = MOST_MESSAGES):
        self.page = ProtocolClient(server.url).open("/")
        assert self.page.connect() == {"t": "hi", "frame": 0, "window": 128}
        assert self.page.ws is not None and self.page.ws.sock is not None
        self.sock: socket.socket = self.page.ws.sock
        self.batch = b"".join(websocket.ABNF.create_frame(text, websocket.ABNF.OPCODE_TEXT).format()
                              for text in messages(kind, self.page))
        self.seconds, self.most = seconds, most
        self.sent = 0
        self.received: Counter[str] = Counter()
        self.done = threading.Event()
        self._writer = threading.Thread(target=self._write, daemon=True)
        self._reader = threading.Thread(target=self._read, daemon=True)

    def _write(self) -> None:
        sock = self.sock
        sock.settimeout(0.2)   # a server that reads no faster than its rate blocks the writes
        deadline = time.monotonic() + self.seconds
        try:
            while self.sent < self.most and time.monotonic() < deadline:
                try:
                    sock.sendall(self.batch)
                except socket.timeout:
                    continue
                self.sent += BATCH
        except OSError:
            pass
        finally:
            self.done.set()

    def _read(self) -> None:
        """Count the server's messages by type in the raw stream (no decoding: this thread must
        keep up with the server, or the server's sends would wait for it)."""
        sock, tail = self.sock, b""
        deadline = time.monotonic() + self.seconds + 30
        while time.monotonic() < deadline:
            try:
                data = sock.recv(1 << 20)
            except socket.timeout:
                if self.done.is_set():
                    return
                continue
            except OSError:
                return
            if not data:
                return
            stream = tail + data
            self.received.update(kind.decode() for kind in MESSAGE_TYPE.findall(stream))
            # a message's start may be split between two reads; one counted already is not kept
            tail = stream[-16:] if MESSAGE_TYPE.search(stream[-16:]) is None else b""

    def __enter__(self) -> Flood:
        self._writer.start()
        self._reader.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.wait(self.seconds + 10)
        self._writer.join(10)
        self.page.disconnect()   # ends the reader too
        self._reader.join(10)


class Watcher:
    """Another tab of the same server, connected before the flood, clicking its counter."""

    def __init__(self, server: LiveServer) -> None:
        self.page = ProtocolClient(server.url).open("/")
        self.page.connect()
        self.button, self.counter = self.page.find_text("Click"), self.page.find_text("0")
        self.count = 0

    def click_during(self, flood: Flood, most: int = 1000) -> list[float]:
        """Click until the flood is over (at most ``most`` times); each click's ms until the counter showed it."""
        times: list[float] = []
        while not flood.done.is_set() and len(times) < most:
            self.count += 1
            started = time.perf_counter()
            self.page.click(self.button)
            self.page.wait_for(lambda: self.page.elements[self.counter]["text"] == str(self.count), timeout=10)
            times.append((time.perf_counter() - started) * 1000)
        return times


def p95(times: list[float]) -> float:
    return sorted(times)[int(0.95 * len(times))]


def warnings(caplog: pytest.LogCaptureFixture, page: ProtocolClient) -> list[str]:
    """flaskui's warnings about ``page``'s client (other tests' connections may still be ending)."""
    return [message for r in caplog.records if r.levelno == logging.WARNING and r.name == "flaskui"
            and f"client {page.client_id[:8]}…" in (message := r.getMessage())]


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Poll ``condition`` (something the server thread does, e.g. log) until it holds or ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize("kind", KINDS)
def test_a_flooding_tab_leaves_the_other_tabs_served(server: LiveServer, kind: str,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    watcher = Watcher(server)
    with Flood(server, kind) as flood:
        times = watcher.click_during(flood)
    assert len(times) >= 10, f"{len(times)} clicks in {FLOOD_SECONDS} s"
    assert p95(times) < CLICK_BOUND_MS, f"p95 {p95(times):.0f} ms, max {max(times):.0f} ms"
    assert flood.sent > 10 * BATCH
    assert len(warnings(caplog, flood.page)) <= LOGGED_REFUSALS + 1, "a few lines, then a count"


@pytest.mark.parametrize("kind", ["click", "malformed"])
def test_without_a_rate_the_loops_yields_alone_keep_the_other_tabs_served(unlimited: LiveServer, kind: str) -> None:
    watcher = Watcher(unlimited)
    with Flood(unlimited, kind) as flood:
        times = watcher.click_during(flood)
    assert len(times) >= 10, f"{len(times)} clicks in {FLOOD_SECONDS} s"
    assert p95(times) < CLICK_BOUND_MS, f"p95 {p95(times):.0f} ms, max {max(times):.0f} ms"
    assert flood.sent > 20 * BATCH


@pytest.mark.parametrize("kind", ["unknown", "malformed"])
def test_refusals_are_logged_a_few_times_then_counted(unlimited: LiveServer, kind: str,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, "flaskui")
    with Flood(unlimited, kind) as flood:
        pass
    assert flood.received["err"] > 10 * LOGGED_REFUSALS, "every refused message is still answered"
    assert wait_until(lambda: any("more browser messages" in m for m in warnings(caplog, flood.page)))
    logged = warnings(caplog, flood.page)
    assert len(logged) == LOGGED_REFUSALS + 1, logged
    assert all(m.startswith("flaskui refused a browser message: ") for m in logged[:LOGGED_REFUSALS])
    assert logged[LOGGED_REFUSALS - 1].endswith("; further refusals of this connection are counted")
    summary = logged[-1]
    assert summary.startswith("flaskui refused ") and " more browser messages from client " in summary
    counted = int(summary.split()[2])
    assert counted > 0 and LOGGED_REFUSALS + counted >= flood.received["err"], summary


def test_a_resync_flood_makes_at_most_one_snapshot_per_interval(unlimited: LiveServer) -> None:
    with Flood(unlimited, "resync") as flood:
        pass
    assert flood.sent > 20 * BATCH
    assert 1 <= flood.received["snap"] <= FLOOD_SECONDS / RESYNC_INTERVAL + 2, flood.received


def test_resyncs_sooner_than_the_interval_share_one_snapshot_sent_when_it_is_over(server: LiveServer) -> None:
    page = ProtocolClient(server.url).open("/")
    page.connect()
    for _ in range(3):
        page.send({"t": "resync", "last": 0})
    first = page.wait_for_message(lambda m: m["t"] == "snap")
    started = time.monotonic()
    second = page.wait_for_message(lambda m: m["t"] == "snap", timeout=RESYNC_INTERVAL + 5)
    assert time.monotonic() - started > RESYNC_INTERVAL / 2, "the second came at once"
    assert first["elements"] == second["elements"]
    with pytest.raises(websocket.WebSocketTimeoutException):   # the three resyncs were answered by two snapshots
        page.wait_for_message(lambda m: m["t"] == "snap", timeout=RESYNC_INTERVAL * 1.5)
    page.click(page.find_text("Click"))
    page.wait_for(lambda: "1" in page.texts())


def test_a_tab_is_read_no_faster_than_its_rate_and_nothing_is_dropped() -> None:
    rate = 100
    with LiveServer(create_app(FLASKUI_MAX_MESSAGE_RATE=rate)) as live:
        page = ProtocolClient(live.url).open("/")
        page.connect()
        assert page.ws is not None and page.ws.sock is not None
        count = 3 * rate
        frame = websocket.ABNF.create_frame('{"t": "ev", "el": 999999, "l": "1", "args": []}',
                                            websocket.ABNF.OPCODE_TEXT).format()
        started = time.monotonic()
        page.ws.sock.sendall(frame * count)
        answered = []
        for _ in range(count):   # each refused message is answered with err: none is dropped
            page.wait_for_message(lambda m: m["t"] == "err", timeout=10)
            answered.append(time.monotonic() - started)
    # a burst of one second's worth, then `rate` per second
    for n in (2 * rate, count):
        assert answered[n - 1] >= 0.8 * (n - rate) / rate, f"{n} answered after {answered[n - 1]:.2f} s"


# -- an upload that goes on after its 413 -----------------------------------------------------------

MiB = 1024 * 1024
UPLOAD_LIMIT = MiB
DECLARED = 200 * MiB


def upload_app() -> Flask:
    """The counter page at ``/`` and an upload of at most ``UPLOAD_LIMIT`` at ``/upload`` (gunicorn
    serves it as ``tests.test_hardening_floods:upload_app()``)."""
    app = create_app()
    pages = flaskui.Blueprint("uploads", __name__)

    @pages.page("/upload")
    def upload() -> None:
        ui.upload(max_total_size=UPLOAD_LIMIT)

    app.register_blueprint(pages)
    return app


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``upload_app`` served by ``gunicorn -k gevent`` (one worker) in a subprocess; its URL."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("gunicorn") / "log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-k", "gevent", "-w", "1", "-b", f"127.0.0.1:{port}",
         "--graceful-timeout", "2", "--no-control-socket", "tests.test_hardening_floods:upload_app()"],
        cwd=Path(__file__).resolve().parent.parent, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5):
                    break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
        log.close()


@pytest.fixture(scope="module")
def flaskui_server() -> Iterator[str]:
    """``upload_app`` served by flaskui's own server (gevent's pywsgi); its URL."""
    with LiveServer(upload_app()) as live:
        yield live.url


class RefusedUpload:
    """A browser posting a ``DECLARED``-byte file that goes on sending after the 413 (from a thread)
    until a send fails, the whole body is sent, or ``seconds`` passed. With ``chunked`` the body has
    no declared length, so the server finds the file too large only while reading it."""

    def __init__(self, base_url: str, *, chunked: bool, seconds: float = 60.0) -> None:
        page = ProtocolClient(base_url).open("/upload")
        url = next(e["props"]["url"] for e in page.elements.values() if e["tag"] == "q-uploader")
        port = int(base_url.rsplit(":", 1)[1])
        boundary = "flaskui-test-boundary"
        self.head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                     "Content-Type: application/octet-stream\r\n\r\n").encode()
        length = len(self.head) + DECLARED + len(f"\r\n--{boundary}--\r\n")
        framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {length}"
        self.chunked = chunked
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=seconds)
        self.sock.sendall((f"POST {url} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {page.cookie_header()}\r\n"
                           f"Content-Type: multipart/form-data; boundary={boundary}\r\n{framing}\r\n\r\n").encode())
        self.sent = 0
        self.error: OSError | None = None
        self._deadline = time.monotonic() + seconds
        self._sender = threading.Thread(target=self._send, daemon=True)
        self._sender.start()

    def _frame(self, data: bytes) -> bytes:
        return b"%x\r\n%s\r\n" % (len(data), data) if self.chunked else data

    def _send(self) -> None:
        piece = self._frame(b"x" * 65536)
        try:
            self.sock.sendall(self._frame(self.head))
            while self.sent < DECLARED and time.monotonic() < self._deadline:
                self.sock.sendall(piece)
                self.sent += 65536
        except OSError as error:
            self.error = error

    def response(self) -> bytes:
        """The answer, read while the sender goes on."""
        data = b""
        while time.monotonic() < self._deadline:
            header, _, body = data.partition(b"\r\n\r\n")
            length = re.search(rb"Content-Length: (\d+)", header, re.I)
            if length and len(body) >= int(length.group(1)):
                break
            chunk = self.sock.recv(65536)
            if not chunk:
                break
            data += chunk
        return data

    def finish(self) -> None:
        """Wait for the sender to stop (bounded by ``seconds``)."""
        self._sender.join(max(0.0, self._deadline - time.monotonic()) + 5)
        self.sock.close()


@pytest.mark.parametrize("chunked", [False, True], ids=["declared-length", "chunked"])
@pytest.mark.parametrize("served_by", ["flaskui_server", "gunicorn"])
def test_an_upload_refused_early_is_not_read_on_and_its_connection_closes(
        served_by: str, chunked: bool, request: pytest.FixtureRequest) -> None:
    base_url = request.getfixturevalue(served_by)
    watcher = ProtocolClient(base_url).open("/")
    watcher.connect()
    upload = RefusedUpload(base_url, chunked=chunked)
    response = upload.response()
    assert response.startswith(b"HTTP/1.1 413"), response[:200]
    assert response.endswith(b"the upload is larger than 1 MiB, the limit for all files together")
    for count in range(1, 4):   # the worker is not busy with the rest of the body
        started = time.monotonic()
        watcher.click(watcher.find_text("Click"))
        watcher.wait_for(lambda: str(count) in watcher.texts(), timeout=10)
        assert time.monotonic() - started < 2, f"click {count} took {time.monotonic() - started:.1f} s"
    upload.finish()
    assert isinstance(upload.error, (BrokenPipeError, ConnectionResetError)), "the server closed the connection"
    assert upload.sent < DECLARED // 4, f"{upload.sent / MiB:.0f} MiB of {DECLARED / MiB:.0f} MiB were taken"
