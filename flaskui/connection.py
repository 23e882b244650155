"""The life of one browser connection, over any transport (websocket or the test transport).

The first message must be ``hello``; it binds the transport to one client, which must belong to
the browser (its signed-session id) that opened the connection. Every later message acts on that
client only. Refused messages are logged and answered with ``err``; the ones that make the
connection untrustworthy also close it with 1008.
"""
from __future__ import annotations

import logging
from typing import Any

from . import protocol
from .auth.identity import ANONYMOUS, AuthUser
from .client import Client
from .errors import Refused
from .outbox import Transport, dumps
from .runtime import Runtime
from .session import same_browser

log = logging.getLogger("flaskui")

POLICY_VIOLATION = 1008


class TransportClosed(Exception):
    """The peer went away."""


def _refuse(transport: Transport, reason: str, *, close: bool) -> None:
    log.warning("flaskui refused a browser message: %s", reason)
    transport.send(dumps({"t": "err", "reason": reason}))
    if close:
        transport.close(POLICY_VIOLATION, reason[:120])


def _handshake(runtime: Runtime, transport: Transport, browser_id: str | None, user: AuthUser,
               environ: dict[str, Any] | None) -> Client | None:
    raw = transport.receive(runtime.settings.handshake_timeout)
    if raw is None:
        _refuse(transport, "no handshake in time", close=True)
        return None
    try:
        hello = protocol.parse(raw)
        if not isinstance(hello, protocol.Hello):
            raise Refused("the first message must be a handshake")
    except Refused as error:
        _refuse(transport, str(error), close=True)
        return None
    client = runtime.clients.get(hello.client)
    if client is None:
        log.info("handshake for unknown or deleted client %s…: asking the tab to reload", hello.client[:8])
        transport.send(dumps({"t": "reload"}))
        transport.close(1000, "client gone")
        return None
    if not same_browser(client.browser_id, browser_id):
        _refuse(transport, "this client belongs to another browser session", close=True)
        return None
    if not client.auth.admits(user):   # signed in or out since the page was built: build it anew
        log.info("handshake for client %s… from a session with another user: reloading the tab", hello.client[:8])
        client.delete()
        transport.send(dumps({"t": "reload"}))
        transport.close(1000, "signed-in user changed")
        return None
    try:
        client.handle_handshake(transport, hello.tab, hello.last, environ)
    except Refused as error:
        _refuse(transport, str(error), close=True)
        return None
    return client


def serve(runtime: Runtime, transport: Transport, browser_id: str | None, user: AuthUser = ANONYMOUS,
          environ: dict[str, Any] | None = None) -> None:
    """Run one connection until the peer leaves or is refused.

    Args:
        runtime: the app's flaskui runtime.
        transport: the socket.
        browser_id: the browser's id from its signed session, or None if it has none.
        user: the user signed in to that session; a client built for another user is not attached.
        environ: the connection's request; its headers and cookies become those of the request
            the tab's handlers run in (None: keep the page's).
    """
    client = _handshake(runtime, transport, browser_id, user, environ)
    if client is None:
        return
    try:
        while not client.deleted:
            raw = transport.receive(None)
            if raw is None:
                continue
            try:
                message = protocol.parse(raw)
                if isinstance(message, protocol.Event):
                    client.handle_event(message.element, message.listener, message.args)
                elif isinstance(message, protocol.JavaScriptReply):
                    client.handle_javascript_response(message.id, message.ok, message.value)
                elif isinstance(message, protocol.Ack):
                    client.outbox.acknowledge(message.frame)
                elif isinstance(message, protocol.Resync):
                    client.outbox.send_snapshot()
                else:
                    _refuse(transport, "second handshake on one connection", close=True)
                    return
            except Refused as error:
                _refuse(transport, f"{error} (client {client.id[:8]}…)", close=False)
    finally:
        client.handle_disconnect(transport)
