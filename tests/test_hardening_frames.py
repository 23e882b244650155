"""Hostile websocket input against a live server: deflate bombs, deep nesting, multi-byte text."""
from __future__ import annotations

import json
import os
import socket
import struct
import time
import tracemalloc
import zlib
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest
import websocket
from wsproto import ConnectionType, WSConnection
from wsproto.events import AcceptConnection, CloseConnection, Event, Message, Request, TextMessage
from wsproto.extensions import PerMessageDeflate
from wsproto.frame_protocol import XorMaskerSimple

from flaskui.protocol import MAX_ARGS_DEPTH
from flaskui.testing import LiveServer, ProtocolClient

from .apps import create_app

LIMIT = 1024 * 1024   # FLASKUI_MAX_MESSAGE_SIZE of the server under test


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    with LiveServer(create_app(FLASKUI_MAX_MESSAGE_SIZE=LIMIT)) as live:
        yield live


class DeflateTab:
    """A tab whose websocket agreed on permessage-deflate, as browsers' do (wsproto plays the browser)."""

    def __init__(self, server: LiveServer, page: ProtocolClient) -> None:
        url = urlsplit(server.url)
        assert url.hostname is not None and url.port is not None
        self.sock = socket.create_connection((url.hostname, url.port), timeout=10)
        self.ws = WSConnection(ConnectionType.CLIENT)
        self.sock.sendall(self.ws.send(Request(
            host=url.netloc, target=page.state["ws"], extensions=[PerMessageDeflate()],
            extra_headers=[(b"Origin", server.url.encode()), (b"Cookie", page.cookie_header().encode())])))
        accepted = self.next_event()
        assert isinstance(accepted, AcceptConnection) and accepted.extensions, "permessage-deflate was agreed"
        self.send(json.dumps({"t": "hello", "client": page.client_id, "tab": page.tab, "last": 0}))
        assert self.receive() == {"t": "hi", "frame": 0, "window": 128}

    def send(self, text: str) -> None:
        """Send one message, compressed by the agreed extension."""
        self.sock.sendall(self.ws.send(Message(data=text)))

    def next_event(self, timeout: float = 10.0) -> Event:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in self.ws.events():
                return event
            data = self.sock.recv(65536)
            self.ws.receive_data(data or None)
        raise TimeoutError("nothing from the server")

    def receive(self) -> dict[str, Any]:
        """The next whole text message, as JSON."""
        parts: list[str] = []
        for _ in range(10_000):
            event = self.next_event()
            assert isinstance(event, TextMessage), event
            parts.append(event.data)
            if event.message_finished:
                return json.loads("".join(parts))  # type: ignore[no-any-return]
        raise AssertionError("a message without an end")

    def wait_for_text(self, text: str) -> None:
        """Receive frames until one sets an element's text to ``text``."""
        for _ in range(100):
            message = self.receive()
            if message["t"] == "f" and any(op[0] == "u" and op[2].get("text") == text for op in message["ops"]):
                return
        raise AssertionError(f"no frame showed {text!r}")

    def close_event(self) -> CloseConnection:
        """Read until the server's close frame."""
        for _ in range(10_000):
            event = self.next_event()
            if isinstance(event, CloseConnection):
                return event
        raise AssertionError("the server kept sending")


def deflate_bomb_frame(inflated_size: int) -> bytes:
    """One masked, compressed text frame of ``inflated_size`` spaces (~1/1000 of that on the wire)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b" " * (1024 * 1024)
    payload = b"".join(compressor.compress(chunk) for _ in range(inflated_size // len(chunk)))
    payload = (payload + compressor.flush(zlib.Z_SYNC_FLUSH))[:-4]   # RFC 7692: the flush's tail is implied
    mask = os.urandom(4)
    header = bytes([0x80 | 0x40 | 0x1, 0x80 | 127]) + struct.pack("!Q", len(payload))   # FIN, RSV1, text
    return header + mask + bytes(XorMaskerSimple(mask).process(bytearray(payload)))


def nested(depth: int) -> str:
    """The JSON of a string inside ``depth`` lists (built as text: encoders recurse)."""
    return "[" * depth + '"leaf"' + "]" * depth


def click_with_args(args: str) -> str:
    """A click on the counter page's button (element 5, listener 1) with ``args`` (JSON text)."""
    return '{"t": "ev", "el": 5, "l": "1", "args": ' + args + "}"


def test_a_deflate_bomb_is_closed_with_1009_without_inflating_past_the_limit(server: LiveServer) -> None:
    bomb = deflate_bomb_frame(200 * 1024 * 1024)
    assert len(bomb) < 250 * 1024
    tab = DeflateTab(server, ProtocolClient(server.url).open("/"))
    tracemalloc.start()   # the server thread allocates in this process too
    try:
        before = tracemalloc.get_traced_memory()[0]
        tab.sock.sendall(bomb)
        closed = tab.close_event()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (closed.code, closed.reason) == (1009, "message too big")
    # the limit plus a step and the reader's buffers (1.4 MiB measured; 193 MiB when inflated whole)
    assert peak - before < 2 * LIMIT, f"{(peak - before) / 2**20:.1f} MiB allocated for the bomb"

    other = ProtocolClient(server.url).open("/")
    assert other.connect() == {"t": "hi", "frame": 0, "window": 128}
    other.click(other.find_text("Click"))
    other.wait_for(lambda: "1" in other.texts())


def test_compressed_messages_up_to_the_limit_are_each_inflated_whole(server: LiveServer) -> None:
    page = ProtocolClient(server.url).open("/")
    tab = DeflateTab(server, page)
    assert page.find_text("Click") == 5
    filler = LIMIT - len(click_with_args('[""]'))
    for count in ("1", "2"):   # the second message gets the whole limit again
        tab.send(click_with_args(f'["{"x" * filler}"]'))
        tab.wait_for_text(count)


def test_the_message_limit_counts_utf8_bytes_not_characters(server: LiveServer) -> None:
    page = ProtocolClient(server.url).open("/")
    page.connect()
    assert page.find_text("Click") == 5
    under = click_with_args(json.dumps(["é" * (LIMIT // 2 - 100)], ensure_ascii=False))
    assert len(under.encode()) < LIMIT
    page.send(under)
    page.wait_for(lambda: "1" in page.texts())
    over = click_with_args(json.dumps(["é" * (LIMIT // 2 + 100)], ensure_ascii=False))
    assert len(over) < LIMIT < len(over.encode())
    page.send(over)
    assert page.close_code() == 1009


@pytest.mark.parametrize("raw, reason", [
    ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply"),
    (click_with_args(nested(5000)), "JSON nested too deeply"),
    (click_with_args(f"[{nested(MAX_ARGS_DEPTH + 1)}]"), f"event arguments nest more than {MAX_ARGS_DEPTH} lists"),
    (click_with_args(f'[1, {{"a": {nested(MAX_ARGS_DEPTH)}}}]'),
     f"event arguments nest more than {MAX_ARGS_DEPTH} lists"),
])
def test_deep_nesting_is_refused_and_the_socket_stays_up(server: LiveServer, raw: str, reason: str) -> None:
    page = ProtocolClient(server.url).open("/")
    page.connect()
    assert page.find_text("Click") == 5
    page.send(raw)
    refusal = page.wait_for_message(lambda m: m["t"] == "err")
    assert refusal["reason"].startswith(reason)
    page.click(page.find_text("Click"))
    page.wait_for(lambda: "1" in page.texts())


def test_arguments_nested_up_to_the_limit_are_accepted(server: LiveServer) -> None:
    page = ProtocolClient(server.url).open("/")
    page.connect()
    assert page.find_text("Click") == 5
    page.send(click_with_args(f'[{nested(MAX_ARGS_DEPTH)}, {{"a": {nested(MAX_ARGS_DEPTH - 1)}}}]'))
    page.wait_for(lambda: "1" in page.texts())
    assert not [m for m in page.received if m["t"] == "err"]


def test_a_frame_wsproto_refuses_is_closed_with_its_code_and_the_server_hangs_up(server: LiveServer) -> None:
    page = ProtocolClient(server.url).open("/")
    page.connect()
    assert page.ws is not None and page.ws.sock is not None
    page.ws.send(b"\xff\xfe", opcode=websocket.ABNF.OPCODE_TEXT)   # not UTF-8
    assert page.close_code() == 1007
    page.ws.sock.settimeout(5)
    assert page.ws.sock.recv(1) == b"", "the server closed the TCP connection"
    other = ProtocolClient(server.url).open("/")
    assert other.connect() == {"t": "hi", "frame": 0, "window": 128}
