"""An in-memory transport: the server side of a simulated tab's socket.

The simulated user writes browser messages into ``inbox``; ``connection.serve`` reads them exactly
as it reads a websocket, and what the server sends arrives in ``on_message`` as the JSON text a
browser would get.
"""
from __future__ import annotations

import json
from typing import Any, Callable

import gevent.queue

from ..errors import TransportClosed

_CLOSE = object()


class MemoryTransport:
    """A ``Transport`` whose peer is Python code in the same process."""

    def __init__(self, on_message: Callable[[dict[str, Any]], None]) -> None:
        self.inbox: gevent.queue.Queue[Any] = gevent.queue.Queue()
        self.close_code: int | None = None
        self.close_reason = ""
        self._on_message = on_message

    # server side
    def send(self, text: str) -> None:
        if self.close_code is not None:
            raise TransportClosed()
        self._on_message(json.loads(text))

    def receive(self, timeout: float | None) -> str | None:
        if self.close_code is not None:
            raise TransportClosed()
        try:
            item = self.inbox.get(timeout=timeout)
        except gevent.queue.Empty:
            return None
        if item is _CLOSE:
            raise TransportClosed()
        return str(item)

    def close(self, code: int = 1000, reason: str = "") -> None:
        if self.close_code is None:
            self.close_code, self.close_reason = code, reason
            self.inbox.put(_CLOSE)

    # browser side
    def post(self, message: dict[str, Any] | str) -> None:
        """Send a browser message to the server."""
        self.inbox.put(message if isinstance(message, str) else json.dumps(message))

    def disconnect(self) -> None:
        """Drop the connection from the browser's side."""
        self.inbox.put(_CLOSE)
