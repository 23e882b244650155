"""The soak benchmark's app: a page with a counter, and a route that reports the server's memory.

    cd benchmarks/apps && flaskui run soak_app:app --port 8080

``/soak/stats`` runs flaskui's own full collection first (``collector.collect``: unfreeze,
collect, freeze again, as ``FLASKUI_GC_FREEZE_INTERVAL`` does every few minutes), then answers the
clients in the store, the RSS and ``sys.getallocatedblocks()``: what is left once the tabs are gone.
With ``SOAK_TRACEMALLOC=1``, ``/soak/stats?top=N`` also lists the N source lines whose allocations
grew most since the previous call (to find what a leak keeps).
"""
from __future__ import annotations

import os
import sys
import tracemalloc
from typing import Any

from flask import Flask, jsonify, request

import flaskui
from flaskui import collector, ui
from flaskui.runtime import Runtime

pages = flaskui.Blueprint("soak", __name__)


@pages.page("/")
def index() -> None:
    count = ui.label("0")

    def bump() -> None:
        count.text = str(int(count.text or "0") + 1)

    ui.button("Click", on_click=bump)
    with ui.row():
        for i in range(10):
            ui.label(f"row {i}")


def _rss_kib() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


app = Flask(__name__)
app.config["SECRET_KEY"] = "soak"
app.config["FLASKUI_RECONNECT_TIMEOUT"] = float(os.environ.get("SOAK_RECONNECT_TIMEOUT", "2"))
app.config["FLASKUI_PRUNE_TIMEOUT"] = float(os.environ.get("SOAK_RECONNECT_TIMEOUT", "2"))
app.register_blueprint(pages)


_previous: list[tracemalloc.Snapshot] = []
if os.environ.get("SOAK_TRACEMALLOC") == "1":
    tracemalloc.start(8)


@app.get("/soak/stats")
def stats() -> Any:
    collector.collect()
    grown: list[str] = []
    if tracemalloc.is_tracing():
        snapshot = tracemalloc.take_snapshot()
        if _previous:
            top = snapshot.compare_to(_previous[0], "traceback")[:int(request.args.get("top", 10))]
            grown = [f"{stat.size_diff} B {stat.count_diff} blocks\n" + "\n".join(stat.traceback.format())
                     for stat in top]
        _previous[:] = [snapshot]
    return jsonify(clients=len(Runtime.of(app).clients), rss_kib=_rss_kib(), blocks=sys.getallocatedblocks(),
                   grown=grown)
