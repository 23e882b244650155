"""A server websocket on a gevent socket, framed by wsproto and read by the greenlet it serves.

The greenlet that serves the upgraded request is the only reader: ``receive`` blocks in the
socket's ``recv`` until a whole message is in, answering pings and close frames on the way. Any
greenlet may ``send``; frames are built and written under one lock with ``sendall``, so a
multi-MiB frame is never cut short or interleaved, and compressed frames leave in the order their
compression context saw them. Keep-alive pings come from a libev timer, not a greenlet, and only
for peers that went silent: an open tab costs one parked greenlet (the one serving it) and no
selector. A tab cannot see pings, so its liveness check hears heartbeat messages (``_Heartbeat``:
one libev timer per hub sweeps its sockets, and one that sent nothing for an interval gets one)::

    ws = ServerWebSocket.accept(request.environ, request.headers, max_message_size=1 << 20, ping_interval=20,
                                heartbeat_interval=5)
    ws.send('{"t": "hi"}')
    text = ws.receive(timeout=5)      # None if nothing came in time
    ws.close(1000)

Errors: a dropped peer, a close frame, a frame wsproto cannot parse, or an oversize message
(closed with 1009: over ``max_message_size`` bytes of UTF-8, counted after inflating, which stops
there) end the connection and raise ``TransportClosed`` from ``receive``/``send``.
"""
from __future__ import annotations

import socket
import time
import weakref
import zlib
from collections import deque
from typing import Any, Mapping, NoReturn

import gevent
import gevent.lock
from werkzeug.datastructures import Headers
from wsproto.connection import Connection, ConnectionState, ConnectionType
from wsproto.events import BytesMessage, CloseConnection, Message, Ping, Pong, TextMessage
from wsproto.extensions import PerMessageDeflate
from wsproto.frame_protocol import CloseReason, FrameDecoder, FrameProtocol
from wsproto.handshake import server_extensions_handshake
from wsproto.utilities import LocalProtocolError, generate_accept_token, split_comma_header

from .errors import CloseCode, HandshakeError, TransportClosed
from .outbox import dumps

RECEIVE_BYTES = 65536
CLOSE_TIMEOUT = 5.0   # seconds to wait for the peer's close reply before dropping the socket
INFLATE_STEP = 64 * 1024   # bytes inflated per zlib call from a compressed message


def raw_socket(environ: Mapping[str, Any]) -> socket.socket:
    """The client socket behind a WSGI request (gunicorn's gevent worker or gevent's pywsgi).

    Raises:
        RuntimeError: the WSGI server is neither gunicorn nor gevent's pywsgi.
    """
    if "gunicorn.socket" in environ:
        return environ["gunicorn.socket"]  # type: ignore[no-any-return]
    if str(environ.get("SERVER_SOFTWARE", "")).startswith("gevent"):
        stream = environ["wsgi.input"]
        stream = getattr(stream, "rfile", stream)
        return stream.raw._sock  # type: ignore[no-any-return]
    raise RuntimeError("flaskui websockets need gevent: serve with `flaskui run` or `gunicorn -k gevent`")


class BoundedDeflate(PerMessageDeflate):
    """permessage-deflate that inflates no more than ``max_message_size`` bytes of one message.

    wsproto inflates each received chunk whole (``frame_inbound_payload_data``): 199 KiB of deflate
    became 200 MiB in memory before a size check could see it. Here a chunk inflates
    ``INFLATE_STEP`` bytes at a time, and the step that passes the limit fails the message with
    1009, so at most the limit plus one step is held. The parent's ``_inbound_*`` and
    ``_decompressor`` (wsproto 1.x) say whether the message is compressed.

    Args:
        max_message_size: bytes per inflated message; ``0`` inflates without a bound.
    """

    def __init__(self, max_message_size: int) -> None:
        super().__init__()
        self._max_message_size = max_message_size
        self._inflated = 0   # bytes of the current message so far

    def frame_inbound_payload_data(self, proto: FrameDecoder | FrameProtocol, data: bytes) -> bytes | CloseReason:
        if not (self._max_message_size and self._inbound_compressed and self._inbound_is_compressible):
            return super().frame_inbound_payload_data(proto, data)
        assert self._decompressor is not None
        pieces: list[bytes] = []
        try:
            while True:   # each turn consumes input or adds a full step towards the limit
                piece = self._decompressor.decompress(data, INFLATE_STEP)
                if self._over_limit(piece):
                    return CloseReason.MESSAGE_TOO_BIG
                pieces.append(piece)
                data = self._decompressor.unconsumed_tail
                if not data and len(piece) < INFLATE_STEP:   # a full step may leave output pending
                    return b"".join(pieces)
        except zlib.error:
            return CloseReason.INVALID_FRAME_PAYLOAD_DATA

    def frame_inbound_complete(self, proto: FrameDecoder | FrameProtocol, fin: bool) -> bytes | CloseReason | None:
        tail = super().frame_inbound_complete(proto, fin)   # inflates the 4-byte flush marker: a few KiB at most
        over = isinstance(tail, bytes) and self._max_message_size > 0 and self._over_limit(tail)
        if fin:
            self._inflated = 0
        return CloseReason.MESSAGE_TOO_BIG if over else tail

    def _over_limit(self, inflated: bytes) -> bool:
        self._inflated += len(inflated)
        return self._inflated > self._max_message_size


def _utf8_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode())   # isascii() is O(1) in CPython


def _handshake_response(headers: Headers, max_message_size: int) -> tuple[bytes, list[PerMessageDeflate]]:
    """The ``101`` response to an upgrade request, and the extensions it agreed on.

    ``Upgrade: websocket`` and ``Connection: Upgrade`` are already checked by Werkzeug's routing
    (the route is a ``websocket=True`` rule); a request without them never gets here.
    """
    if headers.get("Sec-WebSocket-Version") != "13":
        raise HandshakeError("only websocket version 13 is spoken here")
    key = headers.get("Sec-WebSocket-Key")
    if not key:
        raise HandshakeError("missing Sec-WebSocket-Key")
    deflate = BoundedDeflate(max_message_size)
    offers = split_comma_header(headers.get("Sec-WebSocket-Extensions", "").encode())
    agreed = server_extensions_handshake(offers, [deflate])
    lines = [
        b"HTTP/1.1 101 Switching Protocols", b"Upgrade: websocket", b"Connection: Upgrade",
        b"Sec-WebSocket-Accept: " + generate_accept_token(key.encode("ascii", "replace")),
    ]
    if agreed:
        lines.append(b"Sec-WebSocket-Extensions: " + agreed)
    return b"\r\n".join(lines) + b"\r\n\r\n", [deflate] if agreed else []


class _Heartbeat:
    """The heartbeat of one hub's websockets (of one interval): one libev timer sweeps them all.

    Once per interval each socket is visited: one that sent no message since its previous visit
    gets ``{"t":"hb","interval":s}``, and so does one that was never sent a heartbeat (however
    busy, so that its tab learns the interval). It is written from the hub without waiting: a
    socket that another greenlet is writing to is skipped (the tab hears that write), and so is
    one whose send buffer is full (a tab that reads nothing is the pings' to drop). So an idle tab
    hears something every interval and a busy one at most two intervals apart. The sockets are
    dealt into ``SLICES`` slices, one swept per tick of the timer, so a tick holds the hub for only
    a slice's ``send`` calls: 10,000 idle tabs cost one timer and a ``send`` each per interval, no
    greenlet, a few milliseconds per tick (benchmarks/RESULTS.md, "Heartbeats").
    """

    SLICES = 50

    def __init__(self, interval: float) -> None:
        self.interval = interval
        # Uncompressed (RSV1 clear), which permessage-deflate allows for any message: the frame
        # never touches a socket's compression context, so it can be written outside its lock.
        self.frame = bytes(FrameProtocol(client=False, extensions=[]).send_data(
            dumps({"t": "hb", "interval": interval}), fin=True))
        self._slices: list[dict[ServerWebSocket, None]] = [{} for _ in range(self.SLICES)]
        self._joined = 0   # sockets ever added: deals them round the slices
        self._turn = 0     # the slice the next tick sweeps
        self._timer: Any = None

    @classmethod
    def of(cls, interval: float) -> _Heartbeat:
        """This hub's heartbeat of ``interval`` seconds."""
        beats = _heartbeats.setdefault(gevent.get_hub(), {})
        if interval not in beats:
            beats[interval] = cls(interval)
        return beats[interval]

    def add(self, ws: ServerWebSocket) -> None:
        ws._slice = self._joined % self.SLICES
        self._slices[ws._slice][ws] = None
        self._joined += 1
        if self._timer is None:
            tick = self.interval / self.SLICES
            self._timer = gevent.get_hub().loop.timer(tick, tick)
            self._timer.start(self._sweep)

    def discard(self, ws: ServerWebSocket) -> None:
        self._slices[ws._slice].pop(ws, None)
        if self._timer is not None and not any(self._slices):   # an idle process keeps no timer
            self._timer.stop()
            self._timer = None

    def _sweep(self) -> None:
        """(In the hub.) Visit the next slice: beat for each socket quiet since its last visit."""
        part = self._slices[self._turn]
        self._turn = (self._turn + 1) % self.SLICES
        for ws in list(part):   # a failed write discards its socket
            if ws._quiet or not ws._told:
                ws._beat(self.frame)
            ws._quiet = True


# hub -> its heartbeats by interval
_heartbeats: weakref.WeakKeyDictionary[Any, dict[float, _Heartbeat]] = weakref.WeakKeyDictionary()


class ServerWebSocket:
    """One accepted websocket; see the module docstring.

    Args:
        sock: the connected client socket (gevent-cooperative).
        extensions: the extensions agreed in the handshake.
        max_message_size: bytes (UTF-8 for text); a bigger incoming message closes the socket with
            1009. ``0``: no limit. A compressed message is never inflated past it (``BoundedDeflate``).
        ping_interval: a peer silent this many seconds gets a ping; one that sends nothing (not
            even the pong) for another interval is dropped. ``0`` turns pings off.
        heartbeat_interval: from its first message on, a socket that sent no message for this many
            seconds gets a heartbeat (``_Heartbeat``); the first comes within an interval of that
            first message, however busy the socket, so that the tab learns the interval. ``0`` turns
            heartbeats off.
    """

    def __init__(self, sock: socket.socket, extensions: list[PerMessageDeflate], max_message_size: int,
                 ping_interval: float, heartbeat_interval: float = 0.0) -> None:
        self._sock = sock
        self._protocol = Connection(ConnectionType.SERVER, extensions=list(extensions))
        self._lock = gevent.lock.Semaphore()
        self._max_message_size = max_message_size
        self._inbox: deque[str | bytes] = deque()
        self._parts: list[str | bytes] = []
        self._part_bytes = 0
        self.connected = True
        self._heard = True
        self._pinged = False
        self._pinger: Any = None
        self._closer: Any = None
        self._heartbeat_interval = heartbeat_interval
        self._heartbeat: _Heartbeat | None = None   # joined with the first message
        self._quiet = False   # no message since the heartbeat's last sweep
        self._told = False   # a heartbeat went out: the tab knows the interval
        self._slice = 0   # which of the heartbeat's slices holds it
        if ping_interval:
            self._pinger = gevent.get_hub().loop.timer(ping_interval, ping_interval)
            self._pinger.start(self._keep_alive)

    @classmethod
    def accept(cls, environ: Mapping[str, Any], headers: Headers, *, max_message_size: int,
               ping_interval: float, heartbeat_interval: float = 0.0) -> ServerWebSocket:
        """Answer the upgrade request with ``101`` and return the open websocket.

        Raises:
            HandshakeError: the headers are not a valid websocket upgrade (nothing was written).
        """
        response, extensions = _handshake_response(headers, max_message_size)
        sock = raw_socket(environ)
        sock.sendall(response)
        return cls(sock, extensions, max_message_size, ping_interval, heartbeat_interval)

    # -- sending ----------------------------------------------------------------------------------
    def send(self, text: str) -> None:
        """Send one text message (whole, in order with every other send)."""
        self._write(Message(data=text))
        self._quiet = False
        # The first message (`hi`, or a refusal) joins the heartbeat; not if the socket was lost
        # while it was written, as `_lost` would not remove it then.
        if self._heartbeat is None and self._heartbeat_interval and self.connected:
            self._heartbeat = _Heartbeat.of(self._heartbeat_interval)
            self._heartbeat.add(self)

    def _write(self, event: Message[Any] | Ping | Pong | CloseConnection) -> None:
        with self._lock:
            if not self.connected and not isinstance(event, CloseConnection):
                raise TransportClosed()
            try:
                data = self._protocol.send(event)
                sent = self._sock.send(data)   # one syscall for a frame that fits the buffer
                if sent < len(data):
                    self._sock.sendall(data[sent:])
            except (OSError, LocalProtocolError) as error:
                self._lost()
                raise TransportClosed() from error

    def close(self, code: int = CloseCode.NORMAL, reason: str = "") -> None:
        """Send a close frame (once); the reader ends when the peer answers or in ``CLOSE_TIMEOUT``."""
        if not self.connected:
            return
        self.connected = False
        if self._protocol.state in (ConnectionState.OPEN, ConnectionState.REMOTE_CLOSING):
            try:
                self._write(CloseConnection(code, reason))
            except TransportClosed:
                return
        if self._protocol.state is not ConnectionState.CLOSED:
            self._closer = gevent.get_hub().loop.timer(CLOSE_TIMEOUT)
            self._closer.start(self.shutdown)

    def shutdown(self) -> None:
        """Drop the TCP connection: a reader blocked in ``receive`` wakes up closed."""
        self._lost()
        if self._closer is not None:
            self._closer.stop()
            self._closer = None
        try:
            self._sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _lost(self) -> None:
        self.connected = False
        if self._pinger is not None:
            self._pinger.stop()
            self._pinger = None
        if self._heartbeat is not None:
            self._heartbeat.discard(self)

    def _beat(self, frame: bytes) -> None:
        """(In the hub, from the heartbeat's sweep.) Write ``frame`` if that needs no waiting."""
        if not self.connected or self._lock.locked():
            return
        try:
            sent = self._sock.send(frame, 0, 0.0)  # type: ignore[call-arg]  # gevent's: timeout 0, never waits
        except BlockingIOError:
            return
        except OSError:
            self._lost()
            return
        self._told = True
        if sent < len(frame):   # the rest must go out before any other frame: keep the lock till then
            self._lock.acquire(blocking=False)
            gevent.spawn(self._finish_beat, frame[sent:])

    def _finish_beat(self, rest: bytes) -> None:
        try:
            self._sock.sendall(rest)
        except OSError:
            self._lost()
        finally:
            self._lock.release()

    def _keep_alive(self) -> None:
        """The ping timer fired (in the hub): ping a peer silent for an interval, drop it if it
        stays silent for another (the ping got no pong). A peer that talks is not pinged."""
        if self._heard:
            self._heard = self._pinged = False
        elif self._pinged:
            self.shutdown()
        else:
            self._pinged = True
            gevent.spawn(self._ping)

    def _ping(self) -> None:
        try:
            self._write(Ping())
        except TransportClosed:
            pass

    # -- receiving --------------------------------------------------------------------------------
    def receive(self, timeout: float | None) -> str | bytes | None:
        """The next whole message, or ``None`` if none arrived within ``timeout`` seconds.

        Only the greenlet serving the connection may call this.

        Raises:
            TransportClosed: the connection ended (peer closed or vanished, or an oversize message).
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._inbox:
            if self._protocol.state is ConnectionState.CLOSED:
                self._lost()
                raise TransportClosed()
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self._sock.settimeout(remaining)
            try:
                data = self._sock.recv(RECEIVE_BYTES)
            except socket.timeout:
                continue
            except OSError as error:
                self._lost()
                raise TransportClosed() from error
            finally:
                if deadline is not None:
                    self._sock.settimeout(None)
            if not data:
                self._lost()
                raise TransportClosed()
            self._heard = True
            self._protocol.receive_data(data)
            self._handle_events()
        return self._inbox.popleft()

    def _handle_events(self) -> None:
        for event in self._protocol.events():
            if isinstance(event, (TextMessage, BytesMessage)):
                self._collect(event)
            elif isinstance(event, Ping):
                self._reply(event.response())
            elif isinstance(event, CloseConnection):
                if self._protocol.state in (ConnectionState.OPEN, ConnectionState.LOCAL_CLOSING):
                    # wsproto failed the input itself (the state moves only for the peer's close)
                    too_big = event.code == CloseCode.MESSAGE_TOO_BIG
                    self._fail(event.code, "message too big" if too_big else event.reason or "")
                self._reply(event.response())
                self._lost()

    def _reply(self, event: Pong | CloseConnection) -> None:
        try:
            self._write(event)
        except TransportClosed:
            pass

    def _fail(self, code: int, reason: str) -> NoReturn:
        self.close(code, reason)
        raise TransportClosed()

    def _collect(self, event: TextMessage | BytesMessage) -> None:
        if isinstance(event, TextMessage):
            data: str | bytes = event.data
            self._part_bytes += _utf8_length(event.data)
        else:
            data = bytes(event.data)
            self._part_bytes += len(data)
        if self._max_message_size and self._part_bytes > self._max_message_size:
            self._fail(CloseCode.MESSAGE_TOO_BIG, "message too big")
        if event.message_finished and not self._parts:
            self._inbox.append(data)
        else:
            self._parts.append(data)
            if event.message_finished:
                empty: str | bytes = "" if isinstance(event, TextMessage) else b""
                self._inbox.append(empty.join(self._parts))  # type: ignore[arg-type]
                self._parts = []
        if event.message_finished:
            self._part_bytes = 0
