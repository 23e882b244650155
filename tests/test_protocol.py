"""The live protocol against a real gevent server on 127.0.0.1 (docs/architecture.md)."""
from __future__ import annotations

import base64
import json
import os
import socket
from urllib.parse import urlsplit

import pytest
from flask import Flask

import flaskui.connection
import flaskui.protocol
from flaskui.testing import LiveServer, ProtocolClient

from .apps import create_app


def test_handshake_then_click_updates_the_label(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/")
    assert page.connect() == {"t": "hi", "frame": 0, "window": 128}
    page.click(page.find_text("Click"))
    frame = page.wait_for_message(lambda m: m["t"] == "f")
    label = page.find_text("1")
    assert frame == {"t": "f", "id": 1, "ops": [["u", label, {"text": "1"}]]}


def test_typed_value_is_applied_without_echo(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/")
    page.connect()
    field = next(i for i, e in page.elements.items() if e["tag"] == "q-input")
    for text in ("A", "Ad", "Ada"):
        page.trigger(field, "update:modelValue", [text])
    page.wait_for(lambda: "Ada" in page.texts())
    ops = [op for m in page.received if m["t"] == "f" for op in m["ops"]]
    assert all(op[1] != field for op in ops), "the typed value must not be echoed to its own tab"


def test_adding_a_child_to_a_long_column_sends_one_insert(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/list")
    page.connect()
    column = page.parents[page.find_text("row 0")]
    page.click(page.find_text("add"))
    frame = page.wait_for_message(lambda m: m["t"] == "f")
    (op,) = frame["ops"]
    assert op[:4] == ["a", column, None, op[3]]
    assert op[4] == {str(op[3]): {"tag": "div", "text": "added"}}
    assert len(json.dumps(frame)) < 200
    assert page.elements[column]["children"][-1] == op[3]


def test_change_remove_and_move_are_diffs(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/list")
    page.connect()
    column = page.parents[page.find_text("row 0")]
    first, last = page.find_text("row 0"), page.find_text("row 999")
    page.click(page.find_text("change"))
    changed = page.wait_for_message(lambda m: m["t"] == "f")["ops"]
    assert changed == [["u", page.find_text("changed"), {"text": "changed"}]]
    page.click(page.find_text("remove"))
    assert page.wait_for_message(lambda m: m["t"] == "f")["ops"] == [["d", column, first]]
    page.click(page.find_text("move"))
    second = page.elements[column]["children"][0]
    assert page.wait_for_message(lambda m: m["t"] == "f")["ops"] == [["m", last, column, second]]
    assert page.texts()[:2] == ["row 999", "row 1"]


def test_messages_never_overtake_the_elements_they_refer_to(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/order")
    page.connect()
    page.click(page.find_text("go"))
    frame = page.wait_for_message(lambda m: m["t"] == "f")
    kinds = [op[0] for op in frame["ops"]]
    assert kinds == ["a", "js", "n"]
    new_label = frame["ops"][0][3]
    assert frame["ops"][1][2] == f"getElement({new_label}).textContent"
    assert frame["ops"][2][1]["message"] == "done"


def test_handler_exception_reaches_the_hook_and_the_socket_stays_up(live: LiveServer, app: Flask) -> None:
    page = ProtocolClient(live.url).open("/fail")
    page.connect()
    page.click(page.find_text("boom"))
    page.wait_for(lambda: "changed before the error" in page.texts())   # what it did before raising is sent
    page.click(page.find_text("after"))
    page.wait_for(lambda: "ok" in page.texts())
    assert [str(e) for e in app.extensions["test_errors"]] == ["handler exploded"]


def test_handlers_have_app_and_ui_context(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/context")
    page.connect()
    page.click(page.find_text("show"))
    page.wait_for(lambda: "tests.apps:True" in page.texts())


def test_javascript_result_and_error(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/javascript")
    page.connect()
    page.click(page.find_text("ask"))
    request = page.wait_for_message(lambda m: m["t"] == "f" and m["ops"][0][0] == "js")["ops"][0]
    assert request[2] == "6 * 7"
    page.send({"t": "js", "id": request[1], "ok": True, "value": 42})
    page.wait_for(lambda: "42" in page.texts())
    page.click(page.find_text("ask"))
    request = page.wait_for_message(lambda m: m["t"] == "f" and m["ops"][0][0] == "js")["ops"][0]
    page.send({"t": "js", "id": request[1], "ok": False, "error": "ReferenceError: x is not defined"})
    page.wait_for(lambda: "JavaScriptError: ReferenceError: x is not defined" in page.texts())


def test_page_waiting_for_connection_sends_html_first(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/wait")
    assert page.texts() == ["before"]
    page.connect()
    page.wait_for(lambda: page.texts() == ["before", "after connect"])


def test_reconnect_replays_missed_frames(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/ticker")
    page.connect()
    page.wait_for(lambda: page.last_frame >= 2)
    page.disconnect()
    seen = page.last_frame
    page.connect()
    replayed = page.wait_for_message(lambda m: m["t"] == "f")
    assert replayed["id"] == seen + 1
    page.wait_for(lambda: page.last_frame >= seen + 3)


def test_reconnect_after_expired_history_gets_a_snapshot() -> None:
    with LiveServer(create_app(FLASKUI_HISTORY_MAX_FRAMES=2)) as server:
        page = ProtocolClient(server.url).open("/ticker")
        page.connect()
        page.wait_for(lambda: page.last_frame >= 4)
        page.disconnect()
        page.connect(last=1)   # frames 2.. were lost in flight; the server keeps only the last two
        snapshot = page.wait_for_message(lambda m: m["t"] in ("snap", "f"))
        assert snapshot["t"] == "snap" and snapshot["id"] >= 4
        page.wait_for_message(lambda m: m["t"] == "f" and m["id"] == snapshot["id"] + 1)
        assert int(page.texts()[0]) >= 4


def test_resync_answers_with_a_snapshot(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/")
    page.connect()
    page.send({"t": "resync", "last": 0})
    snapshot = page.wait_for_message(lambda m: m["t"] == "snap")
    assert snapshot["root"] == page.root and "Click" in page.texts()


def test_large_frame_arrives_intact(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/big")
    page.connect()
    page.click(page.find_text("big"))
    frame = page.wait_for_message(lambda m: m["t"] == "f", timeout=30)
    assert frame["ops"][0][2]["text"] == "x" * (8 * 1024 * 1024)


@pytest.mark.parametrize("raw, reason", [
    ("{not json", "malformed JSON"),
    ('{"t": "dance"}', "unknown message type 'dance'"),
    ('{"t": "ev", "el": 999, "l": "1", "args": []}', "unknown element 999"),
    ('{"t": "ev", "el": 5, "l": "77", "args": []}', "unknown listener '77' of element 5"),
    ('{"t": "ev", "el": 5, "l": "1", "args": [], "client": "other"}', "unexpected keys in 'ev' message: ['client']"),
    ('{"t": "js", "id": 12345, "ok": true, "value": 1}', "unknown JavaScript request 12345"),
    ('[1, 2]', "a message must be a JSON object"),
])
def test_bad_messages_are_refused_and_the_socket_stays_up(live: LiveServer, raw: str, reason: str) -> None:
    page = ProtocolClient(live.url).open("/")
    page.connect()
    page.send(raw)
    refusal = page.wait_for_message(lambda m: m["t"] == "err")
    assert refusal["reason"].startswith(reason)
    page.click(page.find_text("Click"))
    page.wait_for(lambda: "1" in page.texts())


def test_second_handshake_closes_with_policy_violation(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/")
    page.connect()
    page.send({"t": "hello", "client": page.client_id, "tab": page.tab, "last": 0})
    assert page.close_code() == 1008
    assert page.received[-1] == {"t": "err", "reason": "second handshake on one connection"}


def test_another_browsers_client_id_is_refused(live: LiveServer) -> None:
    victim = ProtocolClient(live.url).open("/")
    victim.connect()
    attacker = ProtocolClient(live.url).open("/")
    attacker.connect(client_id=victim.client_id)
    assert attacker.received[-1] == {"t": "err", "reason": "this client belongs to another browser session"}
    assert attacker.close_code() == 1008
    victim.click(victim.find_text("Click"))
    victim.wait_for(lambda: "1" in victim.texts())


def test_handshake_for_unknown_client_asks_for_reload(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/")
    assert page.connect(client_id="no-such-client") == {"t": "reload"}


def test_first_message_must_be_a_handshake(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/")
    page.connect(handshake=False)
    page.send({"t": "resync", "last": 0})
    assert page.close_code() == 1008
    assert page.received == [{"t": "err", "reason": "the first message must be a handshake"}]


def test_oversize_message_closes_with_1009() -> None:
    with LiveServer(create_app(FLASKUI_MAX_MESSAGE_SIZE=1000)) as server:
        page = ProtocolClient(server.url).open("/")
        page.connect()
        page.send({"t": "ev", "el": 5, "l": "1", "args": ["x" * 5000]})
        assert page.close_code() == 1009
        other = ProtocolClient(server.url).open("/")
        assert other.connect() == {"t": "hi", "frame": 0, "window": 128}


def test_foreign_origin_is_refused_before_upgrade(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/")
    with pytest.raises(Exception) as refused:
        page.connect(origin="https://evil.example")
    assert "403" in str(refused.value)


def test_allowed_origins_widen_the_check() -> None:
    with LiveServer(create_app(FLASKUI_ALLOWED_ORIGINS=["https://admin.example"])) as server:
        page = ProtocolClient(server.url).open("/")
        assert page.connect(origin="https://admin.example") == {"t": "hi", "frame": 0, "window": 128}


def test_exception_in_the_route_closes_only_that_socket_with_1011(
    live: LiveServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    bystander = ProtocolClient(live.url).open("/")
    bystander.connect()
    original = flaskui.connection.protocol.parse

    def parse_or_explode(raw: str | bytes) -> flaskui.protocol.Message:
        if raw == '"explode"':
            raise RuntimeError("bug in the server")
        return original(raw)

    monkeypatch.setattr(flaskui.connection.protocol, "parse", parse_or_explode)
    victim = ProtocolClient(live.url).open("/")
    victim.connect()
    victim.send('"explode"')
    assert victim.close_code() == 1011
    bystander.click(bystander.find_text("Click"))
    bystander.wait_for(lambda: "1" in bystander.texts())


def test_keepalive_pings_are_answered_and_the_socket_stays_up() -> None:
    # 0.2 s: a pong later than two intervals drops the socket, and a busy CI machine can be that slow
    with LiveServer(create_app(FLASKUI_PING_INTERVAL=0.2)) as server:
        page = ProtocolClient(server.url).open("/")
        page.connect()
        assert page.ws is not None
        pings = 0
        page.ws.settimeout(5)
        while pings < 3:  # websocket-client answers each ping with a pong by itself
            opcode, _ = page.ws.recv_data(control_frame=True)
            pings += opcode == 0x9
        page.click(page.find_text("Click"))
        page.wait_for(lambda: "1" in page.texts())


def _raw_upgrade(server: LiveServer, page: ProtocolClient, *, key: bool = True) -> socket.socket:
    """A websocket upgrade by hand: a peer that will never answer anything."""
    url = urlsplit(server.url)
    sock = socket.create_connection((url.hostname, url.port), timeout=5)
    lines = [f"GET {page.state['ws']} HTTP/1.1", f"Host: {url.netloc}", "Upgrade: websocket",
             "Connection: Upgrade", "Sec-WebSocket-Version: 13", f"Cookie: {page.cookie_header()}"]
    if key:
        lines.append("Sec-WebSocket-Key: " + base64.b64encode(os.urandom(16)).decode())
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
    return sock


def _read_until_closed(sock: socket.socket) -> bytes:
    received = b""
    for _ in range(10_000):
        chunk = sock.recv(4096)   # times out (and fails the test) if the server never hangs up
        if not chunk:
            return received
        received += chunk
    raise AssertionError("the server kept sending")


def test_a_peer_that_never_answers_pings_is_dropped() -> None:
    with LiveServer(create_app(FLASKUI_PING_INTERVAL=0.05, FLASKUI_HANDSHAKE_TIMEOUT=30)) as server:
        page = ProtocolClient(server.url).open("/")
        received = _read_until_closed(_raw_upgrade(server, page))
        assert received.startswith(b"HTTP/1.1 101 Switching Protocols\r\n")
        assert b"\x89\x00" in received   # an unmasked, empty ping came before the hang-up
        other = ProtocolClient(server.url).open("/")
        assert other.connect() == {"t": "hi", "frame": 0, "window": 128}


def test_an_upgrade_without_a_key_is_refused_with_400(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/")
    received = _read_until_closed(_raw_upgrade(live, page, key=False))
    assert received.startswith(b"HTTP/1.1 400") and b"missing Sec-WebSocket-Key" in received
