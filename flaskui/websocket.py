"""The websocket route: Origin check, a gevent-safe simple-websocket server, clean closing.

simple-websocket writes with ``socket.send()`` and ignores partial writes, which truncates large
frames under gevent; its reader also writes (pongs, close replies). ``_LockedSocket`` routes every
write through one lock and ``sendall``. An exception escaping a websocket route makes Flask write
an HTTP 500 into the open socket, so the route catches everything and closes with 1011.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Iterable
from urllib.parse import urlsplit

import gevent
import gevent.event
import gevent.lock
import gevent.selectors
import simple_websocket
from flask import Response, abort, request, session

from . import shutdown
from .auth.identity import session_user
from .connection import TransportClosed, serve
from .runtime import Runtime
from .session import BROWSER_KEY

log = logging.getLogger("flaskui")


class _LockedSocket:
    """A socket whose writes are whole (``sendall``) and never interleave."""

    def __init__(self, sock: Any) -> None:
        self._sock = sock
        self._lock = gevent.lock.Semaphore()

    def send(self, data: bytes) -> int:
        with self._lock:
            self._sock.sendall(data)
        return len(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


class _Greenlet:
    """simple-websocket's ``thread_class``: its reader runs as a greenlet."""

    def __init__(self, target: Callable[[], None]) -> None:
        self._target = target
        self.name = "flaskui-websocket-reader"

    def start(self) -> None:
        gevent.spawn(self._target)


class _Server(simple_websocket.Server):  # type: ignore[misc]
    sock: Any

    def handshake(self) -> None:
        self.sock = _LockedSocket(self.sock)
        super().handshake()


class WebSocketTransport:
    """A ``Transport`` over a simple-websocket connection."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws

    def send(self, text: str) -> None:
        try:
            self.ws.send(text)
        except (simple_websocket.ConnectionClosed, OSError) as error:
            raise TransportClosed() from error

    def receive(self, timeout: float | None) -> str | None:
        try:
            return self.ws.receive(timeout)  # type: ignore[no-any-return]
        except (simple_websocket.ConnectionClosed, OSError) as error:
            raise TransportClosed() from error

    def close(self, code: int = 1000, reason: str = "") -> None:
        if self.ws.connected:
            try:
                self.ws.close(code, reason)
            except (simple_websocket.ConnectionClosed, OSError):
                pass


def origin_allowed(origin: str | None, host_url: str, allowed: Iterable[str]) -> bool:
    """Same origin as the page, or listed in ``FLASKUI_ALLOWED_ORIGINS`` (``"*"``: any).

    A request without ``Origin`` is not from a browser page, so cross-site hijacking does not
    apply; it still needs the browser's session cookie to bind to a client.
    """
    if origin is None:
        return True
    own = urlsplit(host_url)
    if urlsplit(origin)[:2] == own[:2]:
        return True
    allowed = set(allowed)
    return "*" in allowed or origin.rstrip("/") in {a.rstrip("/") for a in allowed}


class _UpgradedResponse(Response):
    """Tells the WSGI server that the connection was taken over by the websocket."""

    def __init__(self, mode: str) -> None:
        super().__init__()
        self._mode = mode

    def __call__(self, environ: Any, start_response: Any) -> Iterable[bytes]:
        if self._mode == "gunicorn":
            raise StopIteration()
        return []


def websocket_view() -> Response:
    """``GET {prefix}/_flaskui/ws``: one tab's websocket."""
    runtime = Runtime.of()
    settings = runtime.settings
    origin = request.headers.get("Origin")
    if not origin_allowed(origin, request.host_url, settings.allowed_origins):
        log.warning("flaskui refused a websocket from foreign origin %r", origin)
        abort(403, description=f"origin {origin!r} is not allowed")
    if request.headers.get("Upgrade", "").lower() != "websocket":
        abort(400, description="this URL only speaks websocket")
    browser_id = session.get(BROWSER_KEY)
    ws = _Server(
        request.environ,
        ping_interval=settings.ping_interval or None,
        max_message_size=settings.max_message_size,
        thread_class=_Greenlet,
        event_class=gevent.event.Event,
        selector_class=gevent.selectors.GeventSelector,
    )
    transport = WebSocketTransport(ws)
    shutdown.track(transport, runtime.app)
    try:
        serve(runtime, transport, browser_id, session_user())
    except TransportClosed:
        pass
    except Exception:
        log.exception("flaskui websocket failed")
        transport.close(1011, "server error")
    finally:
        shutdown.untrack(transport)
        transport.close()
    return _UpgradedResponse(ws.mode)
