"""Short jobs (timer ticks) in reused greenlets instead of a new greenlet each.

CPython gives every greenlet that runs Python code a data stack of its own, mapped with ``mmap``
when it starts and unmapped when it ends. On a two-core VM that and the page faults behind it
made a quarter of the server's CPU with 500 tabs ticking once a second
(benchmarks/RESULTS.md). A runner parks again when its job returns, up to ``KEEP`` per event
loop, so a burst of ticks reuses a few runners and an idle process holds no more than ``KEEP``::

    def tick() -> None:          # a libev timer's callback, in the hub
        runners.run(do_work)     # returns when do_work() blocks or ends

A runner moves on to other jobs, so stop a blocked job only while it is still the runner's: see
``Timer._release``.
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


def run(job: Callable[[], object]) -> None:
    """Call ``job`` in a parked runner of this thread's hub (or a new one); return once ``job``
    blocks or ends. Call it from the hub, as a greenlet's first ``switch`` would be.

    Each job runs in a new, empty ``contextvars`` context, as it would in a new greenlet.
    """
    hub = gevent.get_hub()
    idle = _idle.get(hub)
    runner = idle.pop() if idle else greenlet.greenlet(_serve, parent=hub)
    runner.switch(job)


def _serve(job: Callable[[], object] | None) -> None:
    hub = gevent.get_hub()
    me = greenlet.getcurrent()
    while job is not None:
        contextvars.Context().run(job)   # an exception (a kill) ends the runner
        job = None                       # a parked runner keeps nothing alive
        idle = _idle.setdefault(hub, [])
        if len(idle) >= KEEP:
            return
        idle.append(me)
        try:
            job = hub.switch()   # parked until `run` hands it the next job
        except BaseException:    # thrown in while parked (a stale timeout): end
            idle.remove(me)
            return
