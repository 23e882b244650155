"""Keep built pages out of the garbage collector's way: frozen at once, collected in full later.

A page's objects live until its browser connects and then as long as the tab, or until the prune
timeout for a visitor that never connects, and they are freed by reference counting when the page
goes. Meanwhile every young-generation collection walked them again: under bot load (pages that
never connect) about a fifth of the server's CPU. With ``FLASKUI_GC_FREEZE_INTERVAL`` set (``flaskui
run`` sets 300), each page view ends with a young-generation collection, which frees the cyclic
garbage made since the last page view (Werkzeug's URL matcher leaves a small cycle per request,
about a kilobyte, already garbage when the view runs), and ``gc.freeze()``, which moves every
object alive in the process to the permanent generation in constant time, so collections see only
what was allocated since. What turns into cyclic garbage after it was frozen (an app's own cycles)
waits for one full collection, at most ``interval`` seconds after the first page view since the
previous one::

    app.config["FLASKUI_GC_FREEZE_INTERVAL"] = 300   # gunicorn: set it in the app's config
"""
from __future__ import annotations

import gc
import logging
import time
import weakref
from typing import Any

import gevent

log = logging.getLogger("flaskui")

# hub -> (its pending one-shot libev timer, when it is due): one per thread's event loop, armed only
# while pages are being built, so an idle process runs nothing.
_pending: weakref.WeakKeyDictionary[Any, tuple[Any, float]] = weakref.WeakKeyDictionary()


def page_built(interval: float) -> None:
    """Collect the young garbage and freeze what is alive; make sure a full collection follows
    within ``interval`` seconds."""
    # Once frozen, garbage waits for the full collection: 1,000 GETs/s left ~0.5 GB of Werkzeug's
    # matcher cycles behind in 300 s. Generations 0 and 1 hold only what was allocated since the
    # last freeze (an automatic collection meanwhile may have moved some of it to 1): ~35 us.
    gc.collect(1)
    gc.freeze()
    hub = gevent.get_hub()
    due = time.monotonic() + interval
    pending = _pending.get(hub)
    if pending is not None:
        if pending[1] <= due:
            return
        pending[0].close()   # another app asks for a sooner collection
    timer = hub.loop.timer(interval)
    _pending[hub] = (timer, due)
    timer.start(_due, hub)


def _due(hub: Any) -> None:
    timer, _ = _pending.pop(hub)
    timer.close()
    gevent.spawn(collect)   # not in the hub: finalizers that collection runs may block


def collect() -> None:
    """Unfreeze, collect everything (cyclic garbage among the frozen objects too), freeze again.

    The process pauses meanwhile, so the collection is logged: INFO, WARNING from a second on.
    """
    started, objects = time.perf_counter(), gc.get_freeze_count()
    gc.unfreeze()
    freed = gc.collect()
    gc.freeze()
    seconds = time.perf_counter() - started
    log.log(logging.WARNING if seconds >= 1 else logging.INFO,
            "full garbage collection: %.2f s paused for %d objects, %d freed (FLASKUI_GC_FREEZE_INTERVAL)",
            seconds, objects, freed)
