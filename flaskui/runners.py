"""Short jobs (timer ticks) in reused greenlets instead of a new greenlet each.

CPython gives every greenlet that runs Python code a data stack of its own, mapped with ``mmap``
when it starts and unmapped when it ends. On a two-core VM that and the page faults behind it
made a quarter of the server's CPU with 500 tabs ticking once a second
(benchmarks/RESULTS.md). A runner parks again when its job returns, up to ``KEEP`` per event
loop, so a burst of ticks reuses a few runners and an idle process holds no more than ``KEEP``::

    def tick() -> None:          # a libev timer's callback, in the hub
        runners.run(do_work)     # returns when do_work() blocks or ends

Like a thread pool's threads, a runner outlives its jobs: what is kept per greenlet
(``gevent.local``, ``threading.local`` once gevent patched it, ``gevent.getcurrent()`` kept for
later) carries over to the next job; ``contextvars`` do not. A runner moves on to other jobs, so
stop a blocked job only while it is still the runner's: see ``Timer._release``.
"""
from __future__ import annotations

import contextvars
import weakref
from typing import Any, Callable

import gevent
import greenlet

#: Parked runners kept per event loop; more end when their jobs return.
KEEP = 8

# hub -> its parked runners
_idle: weakref.WeakKeyDictionary[Any, list[greenlet.greenlet]] = weakref.WeakKeyDictionary()


class _Job:
    """What ``run`` hands a runner: anything else that wakes a parked runner ends it."""

    __slots__ = ("call",)

    def __init__(self, call: Callable[[], object]) -> None:
        self.call = call


def run(job: Callable[[], object]) -> None:
    """Call ``job`` in a parked runner of this thread's hub (or a new one); return once ``job``
    blocks or ends. Call it from the hub, as a greenlet's first ``switch`` would be.

    Each job runs in a new, empty ``contextvars`` context, as it would in a new greenlet.

    Raises:
        RuntimeError: called from another greenlet than the hub (it would never be resumed).
    """
    hub = gevent.get_hub()
    if greenlet.getcurrent() is not hub:
        raise RuntimeError("runners.run must be called from the hub")
    idle = _idle.get(hub)
    runner = idle.pop() if idle else greenlet.greenlet(_serve, parent=hub)
    runner.switch(_Job(job))


def _serve(job: object) -> None:
    hub = gevent.get_hub()
    me = greenlet.getcurrent()
    while isinstance(job, _Job):
        contextvars.Context().run(job.call)   # an exception (a kill) ends the runner
        job = None                            # a parked runner keeps no job alive
        idle = _idle.setdefault(hub, [])
        if len(idle) >= KEEP:
            return
        idle.append(me)
        try:
            job = hub.switch()   # parked until `run` hands it the next job
        except BaseException:    # thrown in while parked (a stale timeout or kill): end
            job = None
        if not isinstance(job, _Job):   # a stale switch or throw, not `run`: end
            idle.remove(me)
