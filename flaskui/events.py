"""Event listeners, the arguments handlers receive, and the per-client dispatcher.

A browser event arrives as ``(element id, listener id, args)``. Listeners marked ``inline`` (value
updates) run at once in the socket's reader, so values are applied in the order the browser sent
them; every other handler runs in a greenlet of its own inside the Flask app context, with the
client as UI context, so a slow handler never holds up the socket or another tab. Handlers
submitted with the same ``in_order_of`` key (one element's value changes) run one at a time, in
the order of the changes, so a slow handler of an older value never finishes after a newer one::

    def on_click(event: flaskui.EventArguments) -> None:
        event.sender.text = "clicked"       # plain sync code; blocking calls are fine

    ui.button("Go").on("click", on_click)
"""
from __future__ import annotations

import functools
import heapq
import inspect
import itertools
import logging
import types
import weakref
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Hashable

import gevent

from .aio import result_of

if TYPE_CHECKING:
    from .client import Client
    from .element import Element

log = logging.getLogger("flaskui")

Handler = Callable[..., Any]


@dataclass
class EventArguments:
    """What an event handler receives when it accepts one parameter.

    Attributes:
        sender: the element whose listener fired.
        client: the client (browser tab) it belongs to.
        args: the event's arguments as the browser sent them (JSON values).
    """

    sender: Element
    client: Client
    args: list[Any] = field(default_factory=list)


@dataclass
class ValueChangeEventArguments(EventArguments):
    """Arguments of a value-change handler: the new ``value`` and the ``previous_value``."""

    value: Any = None
    previous_value: Any = None


@dataclass(slots=True)
class Listener:
    """One registered listener of an element, as the browser knows it."""

    id: str
    type: str
    handler: Handler
    args: list[str] | None = None
    throttle: float = 0.0
    debounce: float = 0.0
    sync: str | None = None
    inline: bool = False
    #: whether ``handler`` takes the event argument, decided once at registration
    takes_argument: bool = field(init=False)

    def __post_init__(self) -> None:
        self.takes_argument = wants_argument(self.handler)

    def call(self, arguments: EventArguments) -> Any:
        """Run the handler, with ``arguments`` if it takes them (an ``async def`` one to its end)."""
        return result_of(self.handler(arguments) if self.takes_argument else self.handler())

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"l": self.id, "type": self.type}
        if self.args is not None:
            data["args"] = self.args
        if self.throttle:
            data["throttle"] = self.throttle
        if self.debounce:
            data["debounce"] = self.debounce
        if self.sync:
            data["sync"] = self.sync
        return data


def wants_argument(handler: Handler) -> bool:
    """Whether ``handler`` has a required positional parameter, the one an event argument fills.

    ``def f(event)`` gets one; ``lambda item=item: remove(item)``, ``section.refresh`` (only
    ``*args``) and ``lambda: ...`` get none. Read from the function's code, so nothing is cached
    (a cache would keep deleted pages' handlers, and their elements, alive).
    """
    function, bound = handler, 0
    if isinstance(function, types.MethodType):
        function, bound = function.__func__, 1
    if isinstance(function, types.FunctionType) and not hasattr(function, "__wrapped__"):
        return function.__code__.co_argcount - bound - len(function.__defaults__ or ()) > 0
    try:   # a partial, a callable object, a decorated function: ask for its signature
        parameters = inspect.signature(handler).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty for p in parameters)


def call_handler(handler: Handler, arguments: EventArguments) -> Any:
    """Call ``handler`` with ``arguments`` if it has a required positional parameter, else with
    none; an ``async def`` handler runs to its end in the calling greenlet (``flaskui.aio``)."""
    return result_of(handler(arguments) if wants_argument(handler) else handler())


# a submitted handler's arrival number, the handler, its arguments, its in-order key, and whether a
# browser event asked for it (checked again when it leaves the queue)
_Call = tuple[int, Handler, EventArguments, Hashable, bool]


class EventDispatcher:
    """Runs one client's handlers, each in its own greenlet, with a bounded backlog.

    At most ``max_running`` handlers of a client run at once; further events wait in a queue of
    at most ``max_pending``, in the order they came; beyond that an event is refused (``submit``
    returns False). Handlers that share an ``in_order_of`` key wait for the one before them (those
    waiting count as pending).
    """

    def __init__(self, client: Client, max_running: int, max_pending: int) -> None:
        self._client = weakref.ref(client)   # the client owns this: no cycle
        self._max_running = max_running
        self._max_pending = max_pending
        self._running: dict[gevent.Greenlet, Hashable] = {}
        self._pending: list[_Call] = []   # a heap: the call that came first runs first
        self._arrivals = itertools.count()
        self._lines: dict[Hashable, deque[_Call]] = {}   # key -> calls behind the one running or pending
        self._waiting_in_lines = 0

    def submit(self, handler: Handler, arguments: EventArguments, *, in_order_of: Hashable = None,
               from_browser: bool = False) -> bool:
        """Run ``handler(arguments)`` soon (after the earlier ones with the same ``in_order_of`` key, if given);
        False if it would have to wait and the client's event queue is full, or the client is gone.
        A browser event's handler (``from_browser``) that had to wait is skipped if its element
        was disabled or hidden meanwhile, as the event would have been refused then."""
        client = self._client()
        if client is None or client.deleted:
            return False
        must_wait = len(self._running) >= self._max_running or in_order_of in self._lines
        if must_wait and len(self._pending) + self._waiting_in_lines >= self._max_pending:
            return False
        call = (next(self._arrivals), handler, arguments, in_order_of, from_browser)
        if in_order_of is not None:
            line = self._lines.get(in_order_of)
            if line is not None:
                line.append(call)
                self._waiting_in_lines += 1
                return True
            self._lines[in_order_of] = deque()
        if must_wait:
            heapq.heappush(self._pending, call)
        else:
            self._start(client, call)
        return True

    def submit_logged(self, handler: Handler, arguments: EventArguments, *, in_order_of: Hashable = None) -> None:
        """``submit`` for handlers the server runs (a value changed, an upload was refused...),
        with nobody to tell if the queue is full: then it is skipped, with a warning. A value's
        change handlers pass the value as ``in_order_of``, so they run in the order of the changes."""
        client = self._client()
        # the handler may take no argument: call_handler decides
        call = functools.partial(call_handler, handler)
        if not self.submit(call, arguments, in_order_of=in_order_of) and client is not None and not client.deleted:
            log.warning("%r: %d events are pending, so %s is not run (FLASKUI_MAX_PENDING_EVENTS)",
                        arguments.sender, self._max_pending, getattr(handler, "__qualname__", handler))

    def _start(self, client: Client, call: _Call) -> None:
        _, handler, arguments, key, _ = call
        greenlet = gevent.spawn(client.run_safely, handler, arguments, source=arguments.sender, before_request=True)
        self._running[greenlet] = key
        greenlet.link(self._finished)

    def _finished(self, greenlet: gevent.Greenlet) -> None:
        key = self._running.pop(greenlet, None)
        client = self._client()
        if client is None or client.deleted:
            return
        line = self._lines.get(key) if key is not None else None
        if line:
            self._waiting_in_lines -= 1
            heapq.heappush(self._pending, line.popleft())   # after the events that came before it
        elif line is not None:
            del self._lines[key]
        while self._pending and len(self._running) < self._max_running:
            call = heapq.heappop(self._pending)
            refusal = call[2].sender.events_refused_because() if call[4] else None
            if refusal is None:
                self._start(client, call)
            else:
                log.info("%r: a queued event is not handled: the element %s now", call[2].sender, refusal)

    def stop(self) -> None:
        """Drop queued events and stop running handlers (the client is gone)."""
        self._pending.clear()
        self._lines.clear()
        self._waiting_in_lines = 0
        gevent.killall(list(self._running), block=False)
