"""``ui.timer``: call a function every ``interval`` seconds while the page lives."""
from __future__ import annotations

import gevent

from ..element import Element
from ..events import Handler


class Timer(Element):
    """Calls ``callback`` every ``interval`` seconds, in the client's context.

    It starts when the browser has connected, keeps its place in the tree (deleting its parent
    stops it) and stops with its client.

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
        self._greenlet = gevent.spawn(self._run)

    def _run(self) -> None:
        client = self.client
        client._connected.wait()
        while not self.deleted:
            gevent.sleep(self.interval)
            if self.active and not self.deleted:
                client.run_safely(self.callback)
                if self.once:
                    return

    def cancel(self) -> None:
        """Stop for good."""
        self.delete()

    def _release(self) -> None:
        super()._release()
        if self._greenlet is not gevent.getcurrent():
            self._greenlet.kill(block=False)
