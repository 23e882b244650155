"""Keep built pages out of the garbage collector's way: frozen at once, collected in full now and then.

A page's objects live until its browser connects and then as long as the tab, or until the prune
timeout for a visitor that never connects, and they are freed by reference counting when the page
goes. Meanwhile every young-generation collection walks them again: under bot load (pages that
never connect) about a fifth of the server's CPU. With ``FLASKUI_GC_FREEZE_INTERVAL`` set (``flaskui
run`` sets 300), each page view ends with ``gc.freeze()``, which moves every object alive to the
permanent generation (constant time), so collections see only what was allocated since. Objects
that turn into cyclic garbage while frozen (a user's own cycles; Werkzeug's URL matcher leaves a
small one per request) are freed by one full collection ``interval`` seconds after the first page
that follows the previous one::

    app.config["FLASKUI_GC_FREEZE_INTERVAL"] = 300   # gunicorn: set it in the app's config
"""
from __future__ import annotations

import gc
from typing import Any

import gevent

_timer: Any = None


def page_built(interval: float) -> None:
    """Freeze what is alive now; make sure a full collection follows within ``interval`` seconds."""
    global _timer
    gc.freeze()
    if _timer is None:
        # A bare libev timer, armed only while pages are being built: an idle process runs nothing.
        _timer = gevent.get_hub().loop.timer(interval)
        _timer.start(_collect)


def _collect() -> None:
    """Unfreeze, collect everything (cyclic garbage among the frozen objects too), freeze again."""
    global _timer
    _timer = None
    gc.unfreeze()
    gc.collect()
    gc.freeze()
