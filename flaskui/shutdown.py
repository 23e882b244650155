"""Closing open websockets with 1001 when the worker is told to stop.

gunicorn's gevent worker waits its whole ``--graceful-timeout`` for open websockets and then kills
them without a close frame, so tabs wait instead of reconnecting to another worker. On SIGTERM
(and SIGINT) this module closes every tracked socket at once with 1001 "going away" and then lets
the previous handler run.
"""
from __future__ import annotations

import os
import signal
from types import FrameType
from typing import Any, Protocol

import gevent

from .errors import CloseCode


class _Closable(Protocol):
    def close(self, code: int = CloseCode.NORMAL, reason: str = "") -> None: ...


_open: dict[_Closable, object] = {}
_installed_in_pid: int | None = None


def track(transport: _Closable, owner: object) -> None:
    """Remember an open socket of ``owner`` (an app), and hook the stop signals once per process."""
    _install()
    _open[transport] = owner


def untrack(transport: _Closable) -> None:
    _open.pop(transport, None)


def close_all(owner: object | None = None) -> None:
    """Close every open websocket of this process (or of ``owner`` only) with 1001."""
    for transport, transport_owner in list(_open.items()):
        if owner is None or transport_owner is owner:
            untrack(transport)
            transport.close(CloseCode.GOING_AWAY, "server going away")


def _install() -> None:
    global _installed_in_pid
    if _installed_in_pid == os.getpid():
        return
    for number in (signal.SIGTERM, signal.SIGINT):
        previous = signal.getsignal(number)
        if callable(previous):  # a server's own handler (gunicorn's); never replace a default

            def handler(signum: int, frame: FrameType | None, previous: Any = previous) -> None:
                gevent.spawn(close_all)
                previous(signum, frame)

            try:
                signal.signal(number, handler)
            except ValueError:  # not the process's main OS thread (a test's server thread)
                return
    _installed_in_pid = os.getpid()
