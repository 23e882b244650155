"""The life of one browser connection, over any transport (websocket or the test transport).

The first message must be ``hello``; it binds the transport to one client, which must belong to
the browser (its signed-session id) that opened the connection. Every later message acts on that
client only. Refused messages are answered with ``err`` and logged (the first few of a connection
one by one, then as a count); the ones that make the connection untrustworthy also close it with 1008.

A tab that sends without pause must not starve the others: gevent's ``recv`` returns at once while
data is waiting, so the loop yields to other greenlets after every message, holds each connection
to ``FLASKUI_MAX_MESSAGE_RATE`` messages per second (leaving the rest unread in the socket, so TCP
slows the sender down), and answers a tab's ``resync`` with at most one snapshot per
``RESYNC_INTERVAL`` (benchmarks/flood.py).
"""
from __future__ import annotations

import logging
import time
from typing import Any

import gevent

from . import protocol
from .auth.identity import ANONYMOUS, AuthUser
from .client import Client
from .errors import CloseCode, Refused
from .outbox import Transport, dumps
from .runtime import Runtime
from .session import same_browser

log = logging.getLogger("flaskui")

#: Refused messages of one connection logged one by one; later ones are counted.
LOGGED_REFUSALS = 5
#: Seconds between the log lines that count a connection's further refused messages.
REFUSAL_LOG_INTERVAL = 10.0
#: Seconds between two snapshots answering one connection's resyncs.
RESYNC_INTERVAL = 1.0


class _Pace:
    """Keeps one connection's loop from holding the hub: a yield after every message (a yield every
    4 or 16 messages let a flood hold a watcher tab's clicks longer: benchmarks/RESULTS.md, "Floods";
    a yield costs ~3 µs) and at most ``rate`` messages per second (a burst of one second's worth;
    0: no limit)."""

    def __init__(self, rate: float) -> None:
        self._rate = rate
        self._allowance = rate
        self._stamp = time.monotonic()

    def handled(self) -> None:
        """A message was handled: wait while the connection is over its rate, else just yield."""
        wait = 0.0
        if self._rate:
            now = time.monotonic()
            self._allowance = min(self._rate, self._allowance + (now - self._stamp) * self._rate) - 1
            self._stamp = now
            wait = max(0.0, -self._allowance / self._rate)
        gevent.sleep(wait)


class _Refusals:
    """A connection's refused messages: each answered with ``err``; in the log the first
    ``LOGGED_REFUSALS`` one by one, then a count at most every ``REFUSAL_LOG_INTERVAL`` seconds and
    when the connection ends."""

    def __init__(self, transport: Transport, client: Client) -> None:
        self._transport = transport
        self._client = client.id[:8]
        self._logged = 0
        self._counted = 0
        self._latest = ""
        self._since = 0.0

    def refuse(self, reason: str) -> None:
        if self._logged < LOGGED_REFUSALS:
            self._logged += 1
            more = "; further refusals of this connection are counted" if self._logged == LOGGED_REFUSALS else ""
            log.warning("flaskui refused a browser message: %s (client %s…)%s", reason, self._client, more)
            self._since = time.monotonic()
        else:
            self._counted += 1
            self._latest = reason
            if time.monotonic() - self._since >= REFUSAL_LOG_INTERVAL:
                self.flush()
        self._transport.send(dumps({"t": "err", "reason": reason}))

    def flush(self) -> None:
        """Log the count of refusals not logged yet, if any."""
        if self._counted:
            log.warning("flaskui refused %d more browser messages from client %s… in %.0f s (the latest: %s)",
                        self._counted, self._client, time.monotonic() - self._since, self._latest)
            self._counted = 0
            self._since = time.monotonic()


class _Resyncs:
    """Answers a tab's ``resync`` with a snapshot, at most one per ``RESYNC_INTERVAL``: the resyncs
    that come sooner share one snapshot, sent when the interval is over (a tab sends one and waits
    for it; many are a flood, which must not make a snapshot each)."""

    def __init__(self, client: Client) -> None:
        self._client = client
        self._sent = -RESYNC_INTERVAL
        self._later: gevent.Greenlet | None = None

    def request(self) -> None:
        if self._later is not None:
            return
        wait = self._sent + RESYNC_INTERVAL - time.monotonic()
        if wait > 0:
            self._later = gevent.spawn_later(wait, self._send)
        else:
            self._send()

    def _send(self) -> None:
        self._later = None
        self._sent = time.monotonic()
        self._client.outbox.send_snapshot()

    def cancel(self) -> None:
        """The connection ended: a pending snapshot is not for the next one."""
        if self._later is not None:
            self._later.kill(block=False)
            self._later = None


def _refuse(transport: Transport, reason: str) -> None:
    """Refuse a message that makes the connection untrustworthy: ``err``, then close with 1008."""
    log.warning("flaskui refused a browser message: %s", reason)
    transport.send(dumps({"t": "err", "reason": reason}))
    transport.close(CloseCode.POLICY_VIOLATION, reason[:120])


def _handshake(runtime: Runtime, transport: Transport, browser_id: str | None, user: AuthUser,
               environ: dict[str, Any] | None) -> Client | None:
    raw = transport.receive(runtime.settings.handshake_timeout)
    if raw is None:
        _refuse(transport, "no handshake in time")
        return None
    try:
        hello = protocol.parse(raw)
        if not isinstance(hello, protocol.Hello):
            raise Refused("the first message must be a handshake")
    except Refused as error:
        _refuse(transport, str(error))
        return None
    client = runtime.clients.get(hello.client)
    if client is None:
        log.info("handshake for unknown or deleted client %s…: asking the tab to reload", hello.client[:8])
        transport.send(dumps({"t": "reload"}))
        transport.close(CloseCode.NORMAL, "client gone")
        return None
    if not same_browser(client.browser_id, browser_id):
        _refuse(transport, "this client belongs to another browser session")
        return None
    if not client.auth.admits(user):   # signed in or out since the page was built: build it anew
        log.info("handshake for client %s… from a session with another user: reloading the tab", hello.client[:8])
        client.delete()
        transport.send(dumps({"t": "reload"}))
        transport.close(CloseCode.NORMAL, "signed-in user changed")
        return None
    try:
        client.handle_handshake(transport, hello.tab, hello.last, environ)
    except Refused as error:
        _refuse(transport, str(error))
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
    pace = _Pace(runtime.settings.max_message_rate)
    refusals = _Refusals(transport, client)
    resyncs = _Resyncs(client)
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
                    resyncs.request()
                else:
                    _refuse(transport, "second handshake on one connection")
                    return
            except Refused as error:
                refusals.refuse(str(error))
            pace.handled()
    finally:
        resyncs.cancel()
        refusals.flush()
        client.handle_disconnect(transport)
