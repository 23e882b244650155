"""``ui.timer``: call a function every ``interval`` seconds while the page lives."""
from __future__ import annotations

from typing import Any

import gevent
import greenlet

from .. import runners
from ..element import Element
from ..events import Handler


class Timer(Element):
    """Calls ``callback`` every ``interval`` seconds, in the client's context.

    It starts when the browser has connected, keeps its place in the tree (deleting its parent
    stops it) and stops with its client. The interval counts from the end of the previous call; a
    call may come up to 1 % of the interval (at most 10 ms) late, so many tabs' timers share a
    wakeup of the server.

    Args:
        interval: seconds between calls.
        callback: the function to call (no argument).
        active: set ``timer.active = False`` to pause.
        once: call only once, after ``interval``.
    """

    def __init__(self, interval: float, callback: Handler, *, active: bool = True, once: bool = False) -> None:
        super().__init__("")
        self.interval = interval
        self.callback = callback
        self.active = active
        self.once = once
        # A libev timer between calls and a greenlet (a reused runner) only while the callback
        # runs: an idle timer parks no greenlet.
        self._watcher: Any = None
        self._call: greenlet.greenlet | None = None
        if self.client.has_connected:
            self._arm()
        else:
            self.client._connected.rawlink(lambda _: self._arm())

    def _arm(self) -> None:
        """Fire ``interval`` seconds from now (counted from the end of the previous call)."""
        if self.deleted:
            return
        loop = gevent.get_hub().loop
        # Timer slack: deadlines land on a grid of 1 % of the interval (at most 10 ms), so the
        # timers of many tabs fire together in one pass of the loop instead of one wakeup each.
        slack = min(self.interval * 0.01, 0.01)
        delay = self.interval + slack - (loop.now() + self.interval) % slack if slack else self.interval
        self._watcher = loop.timer(delay)   # a new watcher: restarting one that fired fires at once
        self._watcher.start(self._fire)

    def _fire(self) -> None:
        # In the hub: switch straight into a reused greenlet (flaskui.runners; a gevent.spawn would
        # take another trip through the loop); it returns here when the callback blocks or ends.
        runners.run(self._run_callback)

    def _run_callback(self) -> None:
        self._call = greenlet.getcurrent()
        try:
            if self.active and not self.deleted:
                self.client.run_safely(self.callback, source=self)
                if self.once:
                    return
        finally:
            self._call = None
        self._arm()

    def cancel(self) -> None:
        """Stop for good."""
        self.delete()

    def _release(self) -> None:
        super()._release()
        if self._watcher is not None:
            self._watcher.stop()
        runner = self._call
        if runner is not None and runner is not gevent.getcurrent():
            gevent.get_hub().loop.run_callback(self._stop_callback, runner)

    def _stop_callback(self, runner: greenlet.greenlet) -> None:
        """(In the hub.) End the callback that blocked in ``runner``, unless it ended meanwhile
        and the runner went on to another job."""
        running = self._call
        if running is runner and running is not None:
            running.throw(greenlet.GreenletExit)
