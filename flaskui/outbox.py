"""The outbox: turns element changes into ordered, coalesced diff frames for one client.

Changes are recorded as they happen (which fields of which element changed, and each parent's
child list as it was before its first change). When the handler or timer that made them returns
(``flush``, from its own greenlet) or yields (a short-lived flush greenlet), they become ops in a
frame with the next id, which is kept in a bounded history and sent. A message that refers to
elements (``js``, ``n``) first cuts the changes recorded so far into ops, so it can never overtake
the elements it refers to.

    label.text = "1"; label.text = "2"          # coalesced: one ["u", id, {"text": "2"}]
    column_with_1000_children.add(new_child)    # one ["a", ...] op, not the 1000-child list

Frame format and ops: docs/architecture.md.
"""
from __future__ import annotations

import json
import logging
import time
import weakref
from collections import deque
from typing import TYPE_CHECKING, Any, Protocol

import gevent
import gevent.event
import orjson
import gevent.lock

from .errors import CloseCode, Refused

if TYPE_CHECKING:
    from .client import Client
    from .element import Element

log = logging.getLogger("flaskui")


class Transport(Protocol):
    """What the outbox and the connection loop need of a socket (websocket or in-memory)."""

    def send(self, text: str) -> None: ...

    def receive(self, timeout: float | None) -> str | bytes | None: ...

    def close(self, code: int = CloseCode.NORMAL, reason: str = "") -> None: ...


_ABSENT = object()


# Every page and frame is JSON: orjson encodes a 100-element page's state ~7x faster than the
# standard library (benchmarks/RESULTS.md). Datetimes and dataclasses still go through ``str``
# as before; numpy numbers and arrays stay numbers.
_ORJSON_OPTIONS = (orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY
                   | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS)
_STDLIB_ENCODER = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, default=str)


def dumps(value: Any) -> str:
    """Compact JSON; values JSON cannot represent are sent as their ``str``.

    Integers beyond 64 bits (and values orjson refuses otherwise) take the standard library's
    encoder, which writes them or raises its usual error.
    """
    try:
        return orjson.dumps(value, default=str, option=_ORJSON_OPTIONS).decode()
    except orjson.JSONEncodeError:
        return _STDLIB_ENCODER.encode(value)


def _dumps_each(values: list[Any]) -> list[str]:
    """The JSON of each value, from one encoder call (a frame of 1000 ops costs one call)."""
    return [dumps(values)[1:-1]] if values else []


def _longest_kept_order(kept: list[int], new_ids: list[int]) -> set[int]:
    """The largest set of ``kept`` ids whose relative order ``new_ids`` preserves: they stay put.

    Everything else that was kept moves; this keeps a reorder to the fewest ``m`` ops
    (longest increasing subsequence, O(n log n)).
    """
    position = {element_id: index for index, element_id in enumerate(kept)}
    sequence = [(position[i], i) for i in new_ids if i in position]
    tails: list[int] = []          # tails[k]: index in sequence ending the best run of length k+1
    previous: list[int] = [-1] * len(sequence)
    for index, (value, _) in enumerate(sequence):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if sequence[tails[middle]][0] < value:
                low = middle + 1
            else:
                high = middle
        previous[index] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    stable = set()
    index = tails[-1] if tails else -1
    while index >= 0:
        stable.add(sequence[index][1])
        index = previous[index]
    return stable


class Outbox:
    """Records one client's element changes and sends them as frames (see module docstring).

    Args:
        client: the client whose tree this outbox mirrors.
        max_frames: frames kept for replay to a reconnecting tab.
        max_age: seconds a frame is kept for replay; older gaps get a snapshot.
    """

    def __init__(self, client: Client, max_frames: int, max_age: float, window: int = 128,
                 ack_timeout: float = 5.0) -> None:
        # A weak reference: the client owns its outbox, and a deleted client must be freed by
        # reference counting, not left to the garbage collector as a cycle.
        self._client: Client = weakref.proxy(client)
        self._max_frames = max_frames
        self._max_age = max_age
        self.recording = False
        self.frame_id = 0
        self.transport: Transport | None = None
        # The transport a failed send dropped: its reader still ends the connection (``detach``).
        self._dropped: Transport | None = None
        self._fields: dict[Element, set[str]] = {}
        self._props: dict[Element, set[str]] = {}
        self._old_children: dict[Element, list[int]] = {}
        self._created: set[int] = set()
        # Ops as JSON, serialised when cut: a value changed later (a list spliced by an "l" op)
        # must not leak into an op that is already queued.
        self._queue: list[str] = []
        self._history: deque[tuple[int, float, str]] = deque()
        self._window = window
        self._ack_timeout = ack_timeout
        self._acked = 0
        self._ack = gevent.event.Event()
        self._lock = gevent.lock.Semaphore()
        self._flusher: gevent.Greenlet | None = None
        self._flush_scheduled = False

    # -- recording (called by elements) ---------------------------------------------------------
    # Each is a no-op until `start_recording`; the page-build paths (Element._changed,
    # _changed_prop, _insert_child, Client._register) read `recording` first and skip the call.
    def start_recording(self) -> None:
        """From now on, changes are diffs against what the browser was given."""
        self.recording = True

    def element_created(self, element_id: int) -> None:
        if self.recording:
            self._created.add(element_id)

    def element_changed(self, element: Element, field: str) -> None:
        if self.recording and element.id not in self._created:
            self._fields.setdefault(element, set()).add(field)
            self._schedule()

    def prop_changed(self, element: Element, key: str) -> None:
        if self.recording and element.id not in self._created:
            self._props.setdefault(element, set()).add(key)
            self._schedule()

    def children_changing(self, parent: Element) -> None:
        if self.recording and parent.id not in self._created and parent not in self._old_children:
            self._old_children[parent] = [child.id for child in parent.children]
            self._schedule()

    def replaced(self, old: Element, new: Element) -> None:
        """``new`` took over ``old``'s id (a refresh rebuilt it): record how they differ.

        Changes of ``old`` that were not sent yet stay pending; ``new``'s children are diffed
        against the child list the browser has for that id.
        """
        if not self.recording:
            return
        self._created.discard(new.id)
        fields = self._fields.pop(old, set())
        for field, differs in (
            ("text", old.text != new.text), ("classes", list(old.classes) != list(new.classes)),
            ("style", dict(old.style) != dict(new.style)), ("hidden", old.visible != new.visible),
            ("events", [listener.to_dict() for listener in old.listeners.values()]
             != [listener.to_dict() for listener in new.listeners.values()]),
        ):
            if differs or field in fields:
                self.element_changed(new, field)
        keys = self._props.pop(old, set())
        for key in old.props.keys() | new.props.keys():
            if key in keys or old.props.get(key, _ABSENT) != new.props.get(key, _ABSENT):
                self.prop_changed(new, key)
        old_children = self._old_children.pop(old, [child.id for child in old.children])
        self._old_children[new] = old_children

    def has_sent(self, element_id: int) -> bool:
        """Whether the browser has (or will get before any later message) this element as it was."""
        return self.recording and element_id not in self._created

    def enqueue_message(self, message: list[Any]) -> None:
        """Queue a message (``js``, ``n``, ``nav`` ...) after every change made so far."""
        self._cut()
        self._queue.append(dumps(message))
        self._schedule()

    # -- turning changes into ops ---------------------------------------------------------------
    def _cut(self) -> None:
        """Turn the changes recorded so far into ops at the end of the queue."""
        if self._fields or self._props:
            self._queue.extend(_dumps_each(self._update_ops()))
            self._fields.clear()
            self._props.clear()
        if self._old_children:
            emitted: set[int] = set()
            self._queue.extend(_dumps_each(self._structure_ops(emitted)))
            self._old_children.clear()
            self._created -= emitted
        if self._created:
            # A created element not yet in the tree (its parent is adding it) stays "created".
            elements = self._client.elements
            self._created = {i for i in self._created if i in elements and elements[i].parent is None}

    def _update_ops(self) -> list[list[Any]]:
        ops = []
        for element in dict.fromkeys([*self._fields, *self._props]):
            if element.deleted:
                continue
            patch: dict[str, Any] = {}
            fields = self._fields.get(element, ())
            if "text" in fields:
                patch["text"] = element.text
            if "classes" in fields:
                patch["classes"] = list(element.classes)
            if "style" in fields:
                patch["style"] = dict(element.style)
            if "events" in fields:
                patch["events"] = [listener.to_dict() for listener in element.listeners.values()]
            if "hidden" in fields:
                patch["hidden"] = not element.visible
            changed = {}
            unset = []
            for key in self._props.get(element, ()):
                if key in element.props:
                    changed[key] = element.props[key]
                else:
                    unset.append(key)
            if changed:
                patch["props"] = changed
            if unset:
                patch["unset"] = unset
            ops.append(["u", element.id, patch])
        return ops

    def _structure_ops(self, emitted: set[int]) -> list[list[Any]]:
        """Insertions and moves first (each placed before its already placed next sibling), removals last.

        The browser's store knows each element's parent, so a move or an insertion of an existing
        element takes it out of its old parent; removals then only name deleted elements.
        """
        placements: list[list[Any]] = []
        removals: list[list[Any]] = []
        for parent, old_ids in self._old_children.items():
            if parent.deleted:
                continue
            new_children = parent.children
            new_ids = [child.id for child in new_children]
            if new_ids == old_ids:
                continue
            new_set = set(new_ids)
            removals.extend(["d", parent.id, i] for i in old_ids if i not in new_set and self._is_gone(i))
            stable = _longest_kept_order([i for i in old_ids if i in new_set], new_ids)
            before: int | None = None
            for child in reversed(new_children):
                if child.id in self._created:
                    subtree = child.subtree_dict()
                    emitted.update(subtree)
                    placements.append(["a", parent.id, before, child.id, subtree])
                elif child.id not in stable:
                    placements.append(["m", child.id, parent.id, before])
                before = child.id
        return placements + removals

    def _is_gone(self, element_id: int) -> bool:
        return element_id not in self._client.elements

    # -- frames -----------------------------------------------------------------------------------
    def _next_frame(self) -> str | None:
        """Cut pending changes into a frame and keep it in the history."""
        self._cut()
        if not self._queue:
            return None
        self.frame_id += 1
        payload = f'{{"t":"f","id":{self.frame_id},"ops":[{",".join(self._queue)}]}}'
        self._queue = []
        now = time.monotonic()
        self._history.append((self.frame_id, now, payload))
        self._trim_history(now)
        return payload

    def _trim_history(self, now: float) -> None:
        while self._history and (
            len(self._history) > self._max_frames or now - self._history[0][1] > self._max_age
        ):
            self._history.popleft()

    def snapshot(self) -> str:
        """The whole tree as one ``snap`` message at the current frame id, with the component
        modules its elements need (a tab that missed their ``c`` ops loads them first)."""
        root = self._client.layout
        return dumps({"t": "snap", "id": self.frame_id, "root": root.id, "elements": root.subtree_dict(),
                      "components": self._client.component_urls()})

    def _send(self, payload: str) -> None:
        transport = self.transport
        if transport is None:
            return
        try:
            transport.send(payload)
        except Exception as error:  # a dropped socket; the frame stays in the history
            log.debug("send to client %s failed: %r", self._client.id, error)
            if self.transport is transport:
                self.transport = None
                self._dropped = transport

    def _has_pending(self) -> bool:
        return bool(self._queue or self._fields or self._props or self._old_children)

    def _schedule(self) -> None:
        """Flush once the greenlet making changes yields: a burst of changes becomes one frame."""
        if not self._flush_scheduled and self.transport is not None:
            self._flush_scheduled = True
            gevent.get_hub().loop.run_callback(self._start_flusher)

    def _start_flusher(self) -> None:
        """(In the hub.) Send what is still pending from a greenlet that lives only that long.

        Handlers and timers usually sent their changes themselves (``flush``) by now; an idle tab
        parks no greenlet.
        """
        self._flush_scheduled = False
        if self._flusher is None and self.transport is not None and self._has_pending():
            self._flusher = gevent.spawn(self._flush)

    def _flush(self) -> None:
        try:
            while self.transport is not None and self._has_pending():
                self._wait_for_window()
                self._send_next_frame()
        finally:
            self._flusher = None

    def _send_next_frame(self) -> None:
        with self._lock:
            payload = self._next_frame()
            if payload is not None:
                self._send(payload)

    def flush(self) -> None:
        """Send pending changes now, from the calling greenlet (a handler or timer that is done).

        Skipped while a flush greenlet is sending or the window of unacknowledged frames is full:
        the scheduled flush sends them then, so the caller never waits for the tab.
        """
        if (self._flusher is None and self.transport is not None and self._has_pending()
                and self.frame_id - self._acked < self._window):
            self._send_next_frame()

    def _wait_for_window(self) -> None:
        """Flow control: at most ``window`` frames the tab has not rendered yet are on the way.

        Meanwhile changes keep coalescing, so a tab that renders slower than the server changes
        things gets fewer, fresher frames instead of a growing backlog. A tab that stops
        acknowledging (``ack_timeout``) is sent to anyway.
        """
        while self.transport is not None and self.frame_id - self._acked >= self._window:
            self._ack.clear()
            if not self._ack.wait(self._ack_timeout):
                return

    def acknowledge(self, frame_id: int) -> None:
        """The tab has applied and rendered every frame up to ``frame_id``."""
        if frame_id > self.frame_id:
            raise Refused(f"ack for frame {frame_id}, which was not sent")
        if frame_id > self._acked:
            self._acked = frame_id
            self._ack.set()

    # -- connection ---------------------------------------------------------------------------------
    def attach(self, transport: Transport, last_frame: int) -> None:
        """Send ``hi`` and what the tab missed since ``last_frame``, then go live on ``transport``."""
        with self._lock:
            self._next_frame()
            self.transport = transport
            self._dropped = None
            self._acked = min(last_frame, self.frame_id)
            self._send(dumps({"t": "hi", "frame": self.frame_id, "window": self._window}))
            self._send_missed(last_frame)

    def _send_missed(self, last_frame: int) -> None:
        if last_frame == self.frame_id or self._client.deleted:
            return
        self._trim_history(time.monotonic())
        if self._history and self._history[0][0] <= last_frame + 1 and last_frame < self.frame_id:
            for frame_id, _, payload in self._history:
                if frame_id > last_frame:
                    self._send(payload)
        else:
            self._send(self.snapshot())

    def send_snapshot(self) -> None:
        """Answer a tab's ``resync``: pending changes become a frame, then the snapshot is sent."""
        with self._lock:
            if self._client.deleted:   # deleted while this waited for the lock
                return
            self._next_frame()
            self._send(self.snapshot())

    def detach(self, transport: Transport) -> bool:
        """Stop sending to ``transport`` (it closed); changes coalesce until a tab attaches.

        Returns whether ``transport`` was the one attached, also if a failed send dropped it since:
        then its connection's end is this client's disconnection.
        """
        attached = transport is self.transport or transport is self._dropped
        if attached:
            self.transport = self._dropped = None
        return attached

    def stop(self) -> None:
        """Stop flushing and drop everything (the client is deleted), recorded changes too: they
        refer to elements, which refer to the client."""
        if self._flusher is not None:
            self._flusher.kill(block=False)
        self.transport = self._dropped = None
        self._history.clear()
        self._queue = []
        self._fields.clear()
        self._props.clear()
        self._old_children.clear()
        self._created.clear()
