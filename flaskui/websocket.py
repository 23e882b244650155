"""The websocket route: Origin check, upgrade, serving the connection, clean closing.

An exception escaping a websocket route makes Flask write an HTTP 500 into the open socket, so the
route catches everything and closes with 1011.
"""
from __future__ import annotations

import logging
from typing import Any, Iterable
from urllib.parse import urlsplit

from flask import Response, abort, request, session

from . import shutdown
from .auth.identity import session_user
from .connection import serve
from .errors import CloseCode, HandshakeError, TransportClosed
from .runtime import Runtime
from .session import BROWSER_KEY
from .wsconnection import ServerWebSocket

log = logging.getLogger("flaskui")


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

    def __call__(self, environ: Any, start_response: Any) -> Iterable[bytes]:
        if "gunicorn.socket" in environ:   # gunicorn's way of hearing "the socket is not yours"
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
    browser_id = session.get(BROWSER_KEY)
    try:
        ws = ServerWebSocket.accept(request.environ, request.headers, max_message_size=settings.max_message_size,
                                    ping_interval=settings.ping_interval,
                                    heartbeat_interval=settings.heartbeat_interval)
    except HandshakeError as error:
        abort(400, description=str(error))
    shutdown.track(ws, runtime.app)
    try:
        serve(runtime, ws, browser_id, session_user(), request.environ)
    except TransportClosed:
        pass
    except Exception:
        log.exception("flaskui websocket failed")
        ws.close(CloseCode.INTERNAL_ERROR, "server error")
    finally:
        shutdown.untrack(ws)
        ws.close()
        ws.shutdown()
    return _UpgradedResponse()
