"""The benchmark app shapes, written for NiceGUI (run by bench.py inside benchmarks/.venv-nicegui).

    benchmarks/.venv-nicegui/bin/python benchmarks/apps/nicegui_app.py 8080

Same pages and CSS hooks as bench_app.py (the flaskui version).
"""
from __future__ import annotations

import asyncio
import os
import sys
import time

from nicegui import ui

STREAM_SECONDS = float(os.environ.get("BENCH_STREAM_SECONDS", "5"))
FANOUT = int(os.environ.get("BENCH_FANOUT", "1000"))


@ui.page("/")
def index() -> None:
    ui.label("ready")


@ui.page("/rtt")
def rtt() -> None:
    count = ui.label("0").classes("bench-counter")

    def bump() -> None:
        count.text = str(int(count.text or "0") + 1)

    ui.button("Click", on_click=bump).classes("bench-btn")


@ui.page("/fanout")
def fanout() -> None:
    state = {"n": 0}
    with ui.column():
        labels = [ui.label("0") for _ in range(FANOUT)]
    labels[-1].classes("bench-last")

    def bump() -> None:
        state["n"] += 1
        text = str(state["n"])
        for label in labels:
            label.text = text

    ui.button("Click", on_click=bump).classes("bench-btn")


@ui.page("/stream")
def stream() -> None:
    label = ui.label("0 0").classes("bench-stream")

    async def run() -> None:
        end = time.time() + STREAM_SECONDS
        i = 0
        while time.time() < end:
            i += 1
            label.text = f"{i} {time.time():.6f}"
            await asyncio.sleep(0)
        i += 1
        label.text = f"{i} {time.time():.6f} end"

    ui.button("Start", on_click=run).classes("bench-btn")


@ui.page("/page100")
def page100() -> None:
    with ui.column():
        for i in range(50):
            with ui.row():
                ui.label(f"Item {i}")
                ui.button(f"Button {i}", on_click=lambda: None)
        ui.label("last").classes("bench-last")


@ui.page("/ticker")
def ticker() -> None:
    count = ui.label("0").classes("bench-counter")

    def tick() -> None:
        count.text = str(int(count.text or "0") + 1)

    ui.timer(1.0, tick)


if __name__ in {"__main__", "__mp_main__"}:
    ui.run(host="127.0.0.1", port=int(sys.argv[1]), reload=False, show=False,
           uvicorn_logging_level="warning", title="bench")
