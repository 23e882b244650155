"""Heartbeats: a tab on a network that went silent (no FIN, no RST) notices, says so, and resumes.

``BlackHoleProxy`` stands between the tab and a live server and can stop forwarding bytes in both
directions while keeping every socket open, as a forgotten NAT mapping or a sleeping laptop does.
"""
from __future__ import annotations

import socket
import threading
import time
from typing import Any

import gevent
import gevent.socket
import pytest
from flask import Flask
from playwright.sync_api import WebSocket, expect

import flaskui
from flaskui import ui
from flaskui.testing import LiveServer, ProtocolClient, Screen
from flaskui.wsconnection import ServerWebSocket, _Heartbeat

from .apps import create_app
from .helpers import wait_until

PROXY_LIFETIME = 120.0   # seconds: every pump ends by then, even if a test never closes its proxy


class BlackHoleProxy:
    """A TCP proxy on 127.0.0.1 to the port of ``target_url`` that can go silent.

    Each direction of each connection is a thread that reads a chunk, waits while the proxy is a
    black hole, then forwards it: what is sent meanwhile waits in the sockets' buffers (as TCP keeps
    retransmitting over a dead path) and flows once ``restore()`` is called. Connections accepted
    meanwhile are held the same way. A side that closes is passed on as a FIN.
    """

    def __init__(self, target_url: str) -> None:
        self._target = ("127.0.0.1", int(target_url.rsplit(":", 1)[1]))
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._forwarding = threading.Event()
        self._forwarding.set()
        self._closed = threading.Event()
        self._deadline = time.monotonic() + PROXY_LIFETIME
        self._sockets: list[socket.socket] = []
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def black_hole(self) -> None:
        """Stop forwarding in both directions; nothing is closed."""
        self._forwarding.clear()

    def restore(self) -> None:
        """Forward again, what waited first."""
        self._forwarding.set()

    def _running(self) -> bool:
        return not self._closed.is_set() and time.monotonic() < self._deadline

    def _accept(self) -> None:
        while self._running():
            try:
                tab, _ = self._listener.accept()
            except socket.timeout:
                continue
            server = socket.create_connection(self._target, timeout=5)
            self._sockets += [tab, server]
            for source, sink in ((tab, server), (server, tab)):
                thread = threading.Thread(target=self._pump, args=(source, sink), daemon=True)
                self._threads.append(thread)
                thread.start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        source.settimeout(0.1)
        while self._running():
            try:
                data = source.recv(65536)
            except socket.timeout:
                continue
            except OSError:
                return
            while self._running() and not self._forwarding.wait(0.1):
                pass
            try:
                if not data:
                    sink.shutdown(socket.SHUT_WR)
                    return
                sink.sendall(data)
            except OSError:
                return

    def close(self) -> None:
        self._closed.set()
        for thread in self._threads:
            thread.join(5)
        for sock in [self._listener, *self._sockets]:
            sock.close()


def _app(**config: Any) -> Flask:
    """The counter app of the protocol tests, plus "/away" (a counter, and a label that its button
    changes a second later) and "/ticking" (a label a timer changes every 50 ms). The tabs'
    disconnections are counted in ``app.config["disconnects"]``."""
    app = create_app(**config)
    pages = flaskui.Blueprint("heartbeat_pages", __name__)
    disconnects: list[bool] = []
    app.config["disconnects"] = disconnects

    @pages.page("/away")
    def away() -> None:
        count = ui.label("0")

        def bump() -> None:
            count.text = str(int(count.text or "0") + 1)

        ui.button("Click", on_click=bump)
        note = ui.label("")

        def later() -> None:
            note.text = "waiting"
            gevent.sleep(1.0)   # the tab is sent "waiting" meanwhile, then the test cuts the network
            note.text = "set while away"

        ui.button("Later", on_click=later)
        ui.context.client.on_disconnect(lambda: disconnects.append(True))

    @pages.page("/ticking")
    def ticking() -> None:
        count = ui.label("0")

        def tick() -> None:
            count.text = str(int(count.text or "0") + 1)

        ui.timer(0.05, tick)

    app.register_blueprint(pages)
    return app


@pytest.fixture
def app() -> Flask:
    return _app(FLASKUI_HEARTBEAT_INTERVAL=0.5)


def _is_heartbeat(payload: str | bytes) -> bool:
    return isinstance(payload, str) and payload.startswith('{"t":"hb"')


@pytest.mark.browser
def test_a_tab_on_a_silent_network_shows_it_then_resumes_without_reloading(screen: Screen) -> None:
    proxy = BlackHoleProxy(screen.server.url)
    try:
        sockets: list[WebSocket] = []
        screen.page.on("websocket", lambda ws: sockets.append(ws))
        screen.page.goto(proxy.url + "/away")
        screen.wait_for_idle()
        screen.page.evaluate("window.loadedOnce = true")
        indicator = screen.page.locator("#flaskui-reconnecting")
        screen.click("Click")
        screen.should_contain("1")
        for _ in range(5):   # idle for longer than the deadline (three intervals): still connected
            sockets[0].wait_for_event("framereceived", predicate=_is_heartbeat, timeout=2000)
        expect(indicator).to_be_hidden()
        assert len(sockets) == 1, "an idle tab that hears heartbeats must not reconnect"

        screen.click("Later")
        screen.should_contain("waiting")
        proxy.black_hole()
        cut = time.monotonic()
        expect(indicator).to_be_visible(timeout=3000)   # 1.5 s after the last message it heard
        assert time.monotonic() - cut < 3.0
        assert screen.page.evaluate("window.flaskui.connected") is False
        for _ in range(3):   # an attempt that hears nothing for as long is given up and retried
            if len(sockets) >= 3:
                break
            screen.page.wait_for_event("websocket", timeout=5000)
        assert len(sockets) >= 3

        proxy.restore()
        expect(indicator).to_be_hidden(timeout=10_000)   # the next attempt, after its backoff
        screen.should_contain("set while away")          # changed while it was cut off: replayed
        expect(screen.page.get_by_text("1", exact=True)).to_be_visible()   # the counter kept its value
        assert screen.page.evaluate("window.loadedOnce") is True, "the page must not have reloaded"
        screen.click("Click")
        screen.should_contain("2")
    finally:
        proxy.close()


def _beats(page: ProtocolClient, count: int) -> list[float]:
    """When each of the next ``count`` heartbeats arrived (monotonic seconds)."""
    times = []
    for _ in range(count):
        page.wait_for_message(lambda m: m["t"] == "hb", timeout=2)
        times.append(time.monotonic())
    return times


def test_an_idle_tab_hears_a_heartbeat_within_an_interval_of_hi_then_every_interval() -> None:
    with LiveServer(_app(FLASKUI_HEARTBEAT_INTERVAL=0.2)) as server:
        page = ProtocolClient(server.url).open("/")
        assert page.connect() == {"t": "hi", "frame": 0, "window": 128}
        said_hi = time.monotonic()
        assert page.receive(1) == {"t": "hb", "interval": 0.2}   # how the tab learns the interval
        assert time.monotonic() - said_hi < 0.3
        times = _beats(page, 6)
        gaps = [later - earlier for earlier, later in zip(times, times[1:])]
        assert all(0.15 < gap < 0.35 for gap in gaps), gaps


def test_a_tab_that_is_sent_frames_gets_only_the_heartbeat_that_tells_the_interval() -> None:
    with LiveServer(_app(FLASKUI_HEARTBEAT_INTERVAL=0.2)) as server:
        page = ProtocolClient(server.url).open("/ticking")
        page.connect()
        kinds = [page.receive(1)["t"] for _ in range(25)]   # 1.25 s of ticks: six sweeps
        assert kinds.count("hb") == 1 and "hb" in kinds[:6], kinds   # within an interval of hi


def test_no_heartbeats_when_the_interval_is_zero() -> None:
    with LiveServer(_app(FLASKUI_HEARTBEAT_INTERVAL=0)) as server:
        page = ProtocolClient(server.url).open("/ticking")
        page.connect()
        assert [page.receive(1)["t"] for _ in range(5)] == ["f"] * 5


def test_the_server_drops_a_tab_whose_network_went_silent() -> None:
    """The tab's side is its browser's: it answers pings, so a tab that stops answering them is
    gone, and the server's ping timeout (two to three intervals) ends its connection."""
    app = _app(FLASKUI_PING_INTERVAL=0.2)
    with LiveServer(app) as server:
        proxy = BlackHoleProxy(server.url)
        try:
            page = ProtocolClient(proxy.url).open("/away")
            page.connect()
            page.ws.settimeout(1)   # type: ignore[union-attr]
            for _ in range(2):   # websocket-client answers the pings while it reads
                page.ws.recv_data(control_frame=True)   # type: ignore[union-attr]
            assert app.config["disconnects"] == []
            proxy.black_hole()
            wait_until(lambda: app.config["disconnects"] == [True], timeout=2)
        finally:
            proxy.close()


class _TightSocket:
    """A socket whose buffer takes ``room`` bytes of the next send, then everything."""

    def __init__(self, room: int) -> None:
        self.room = room
        self.wire = b""

    def send(self, data: bytes, flags: int = 0, timeout: float | None = None) -> int:
        taken = data[:self.room] if self.room else data
        self.room = 0
        self.wire += taken
        return len(taken)

    def sendall(self, data: bytes) -> None:
        gevent.sleep(0.01)   # a peer that reads slowly: other writers must wait for the rest
        self.wire += data


def test_a_heartbeat_the_buffer_took_only_part_of_is_finished_before_any_other_message() -> None:
    heartbeat = _Heartbeat(5)
    sock = _TightSocket(room=3)
    ws = ServerWebSocket(sock, [], 0, 0)   # type: ignore[arg-type]
    ws._beat(heartbeat.frame)
    writer = gevent.spawn(ws.send, '{"t":"f"}')
    writer.join(1)
    assert writer.successful()
    assert sock.wire == heartbeat.frame + b'\x81\t{"t":"f"}'


def test_a_heartbeat_skips_a_socket_whose_buffer_is_full_instead_of_waiting() -> None:
    ours, theirs = gevent.socket.socketpair()
    try:
        for _ in range(10_000):   # fill the buffer: the peer reads nothing
            try:
                ours.send(b"x" * 65536, 0, 0.0)  # type: ignore[call-arg]
            except BlockingIOError:
                break
        ws = ServerWebSocket(ours, [], 0, 0)
        with gevent.Timeout(1):   # the sweep runs in the hub, which must never wait
            ws._beat(_Heartbeat(5).frame)
        assert ws.connected
        theirs.settimeout(0.1)
        received = b""
        for _ in range(10_000):
            try:
                received += theirs.recv(65536)
            except socket.timeout:
                break
        assert received and set(received) == {ord("x")}, "no heartbeat, not even part of one"
    finally:
        ours.close()
        theirs.close()
