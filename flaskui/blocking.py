"""A warning in the log when one greenlet holds the worker too long (CPU-bound work in a handler).

gevent switches greenlets only where one waits, so a handler that computes for two seconds holds
up every tab of its worker for two seconds. A libev timer in the hub stamps the time every
``threshold / 2``; a thread of the operating system looks at the stamp as often and, once the hub
has not run for ``threshold`` seconds, notes where the worker is stuck (the running frame). The
hub logs it when it runs again, with how long it was held::

    WARNING flaskui: the worker was held for 2.3 s, every tab of it waiting, by app.py:12 in crunch
    (CPU-bound work: run it in another process, see docs/getting-started.md)

The thread only reads the clock and the frames; it takes no lock and logs nothing itself, since
gevent's monkey-patched locks belong to the hub's thread.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from typing import Any

import gevent
from gevent import monkey

log = logging.getLogger("flaskui")

# the unpatched originals: this watch must run beside the hub, not in it
_start_thread: Any = monkey.get_original("_thread", "start_new_thread")
_sleep: Any = monkey.get_original("time", "sleep")
_get_ident: Any = monkey.get_original("_thread", "get_ident")


class BlockingWatch:
    """Watches this process's hub; ``start()`` once per process (``watch``)."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._period = threshold / 2
        self._stamp = time.monotonic()
        self._hub_thread = _get_ident()
        self._stuck_at: str | None = None   # noted by the thread, logged by the hub
        self._stopped = False

    def start(self) -> None:
        self._timer = gevent.get_hub().loop.timer(self._period, self._period)
        self._timer.ref = False   # keeps no loop running that would otherwise end
        self._timer.start(self._tick)
        _start_thread(self._watch, ())

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()

    def _tick(self) -> None:
        now = time.monotonic()
        held, self._stamp = now - self._stamp, now
        stuck_at, self._stuck_at = self._stuck_at, None
        if stuck_at is not None:
            log.warning("the worker was held for %.1f s, every tab of it waiting, by %s (CPU-bound work: run it in "
                        "another process, see docs/getting-started.md)", held, stuck_at)

    def _watch(self) -> None:
        noted = None
        while not self._stopped:
            _sleep(self._period)
            stamp = self._stamp
            if time.monotonic() - stamp > self.threshold and noted != stamp:
                noted = stamp
                self._stuck_at = _where(sys._current_frames().get(self._hub_thread))


def _where(frame: Any) -> str:
    """The innermost frame that is not flaskui's or gevent's (the app's, or a library it called)."""
    innermost = frame
    while frame is not None:
        filename = frame.f_code.co_filename
        if not any(part in filename for part in (f"{os.sep}flaskui{os.sep}", f"{os.sep}gevent{os.sep}", "<frozen")):
            return f"{os.path.basename(filename)}:{frame.f_lineno} in {frame.f_code.co_name}"
        frame = frame.f_back
    if innermost is None:
        return "an unknown place"
    return f"{os.path.basename(innermost.f_code.co_filename)}:{innermost.f_lineno} in {innermost.f_code.co_name}"


_watched: dict[int, BlockingWatch] = {}   # process id -> its watch (a fork must start its own)


def watch(threshold: float) -> None:
    """Watch this process's hub with ``threshold`` (0: not at all): one watch per process, with the
    smallest threshold an app asked for (so apps of one process never restart it by turns)."""
    current = _watched.get(os.getpid())
    if threshold <= 0 or (current is not None and current.threshold <= threshold):
        return
    if current is not None:
        current.stop()
        del _watched[os.getpid()]
    _watched[os.getpid()] = BlockingWatch(threshold)
    _watched[os.getpid()].start()
