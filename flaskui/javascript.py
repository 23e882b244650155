"""JavaScript requests from the server to one browser tab.

``ui.run_javascript(code)`` sends the code at once (after the element changes made before it)
and returns a request. Ignore it to fire and forget, or block the calling greenlet for the value::

    width = ui.run_javascript("window.innerWidth").result(timeout=2.0)
    width = await ui.run_javascript("window.innerWidth")    # in an async def handler

A JavaScript exception raises ``JavaScriptError`` with the browser's message; no reply within the
timeout raises ``TimeoutError``.
"""
from __future__ import annotations

import weakref
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, Generator

import gevent.event

from .aio import blocking

if TYPE_CHECKING:
    from .client import Client


class JavaScriptError(Exception):
    """The browser raised while running the code; ``str(error)`` is its message."""


class JavaScriptRequest:
    """One ``run_javascript`` call; ``result()`` waits for the browser's reply."""

    def __init__(self, client: Client, request_id: int, code: str) -> None:
        self.client = client
        self.id = request_id
        self.code = code
        self._reply: gevent.event.AsyncResult = gevent.event.AsyncResult()

    def result(self, timeout: float = 1.0) -> Any:
        """The JSON value of the code's last expression.

        Args:
            timeout: seconds to wait for the reply once the browser is connected (a page
                function that asks before the browser has connected first waits for the
                connection; its HTML goes out meanwhile).

        Raises:
            JavaScriptError: the code raised in the browser.
            TimeoutError: no reply in time (or the client was deleted).
        """
        if not self.client.has_connected and not self.client.deleted:
            self.client.connected()
        try:
            return self._reply.get(timeout=timeout)
        except gevent.Timeout:
            raise TimeoutError(
                f"no reply from the browser within {timeout} s to JavaScript {self.code[:60]!r}"
            ) from None

    def __await__(self) -> Generator[Any, None, Any]:
        """``await ui.run_javascript(code)``: ``result()`` with its default timeout."""
        return blocking(self.result)

    def _resolve(self, ok: bool, value: Any) -> None:
        if ok:
            self._reply.set(value)
        else:
            self._reply.set_exception(JavaScriptError(str(value)))


class JavaScriptRequests:
    """A client's JavaScript requests awaiting a reply (at most ``limit``; the oldest go first)."""

    def __init__(self, client: Client, limit: int = 1000) -> None:
        # A weak reference: the client owns this, and a deleted client must be freed by reference
        # counting. A request holds its client (``request.client``); this registry holds requests
        # only while they are pending, and none once the client is deleted (``cancel_all``).
        self._client = weakref.ref(client)
        self._limit = limit
        self._next_id = 0
        self._pending: OrderedDict[int, JavaScriptRequest] = OrderedDict()

    def run(self, code: str) -> JavaScriptRequest:
        client = self._client()
        if client is None:
            raise RuntimeError("JavaScript requests outlived their client")
        self._next_id += 1
        request = JavaScriptRequest(client, self._next_id, code)
        if client.deleted:   # e.g. from an on_delete hook: no browser will ever answer
            request._reply.set_exception(TimeoutError("the client is deleted"))
            return request
        self._pending[request.id] = request
        while len(self._pending) > self._limit:
            self._pending.popitem(last=False)
        client.outbox.enqueue_message(["js", request.id, code])
        return request

    def resolve(self, request_id: int, ok: bool, value: Any) -> bool:
        """Deliver a reply; False if no request of this client has that id."""
        request = self._pending.pop(request_id, None)
        if request is None:
            return False
        request._resolve(ok, value)
        return True

    def cancel_all(self) -> None:
        """Fail every waiting request (the client was deleted)."""
        for request in self._pending.values():
            request._reply.set_exception(TimeoutError("the client was deleted before the browser replied"))
        self._pending.clear()
