"""The benchmark app shapes, written for flaskui (benchmarks/apps/nicegui_app.py is the same for NiceGUI).

    cd benchmarks/apps && flaskui run bench_app:app --port 8080

Pages: /rtt (a button bumps a counter), /fanout (a button changes 1000 labels), /stream (a button
starts a server loop that updates one label as fast as it can for BENCH_STREAM_SECONDS),
/page100 (100 elements), /page100rest (flaskui only, for cold_load.py: the same with a select and a
table), /ticker (a label a timer changes once a second, or every BENCH_TICK_SECONDS).
DOM hooks for the drivers are CSS classes: bench-btn, bench-counter, bench-last, bench-stream.
"""
from __future__ import annotations

import os
import time

import gevent
from flask import Flask

import flaskui
from flaskui import ui

STREAM_SECONDS = float(os.environ.get("BENCH_STREAM_SECONDS", "5"))
TICK_SECONDS = float(os.environ.get("BENCH_TICK_SECONDS", "1"))
FANOUT = int(os.environ.get("BENCH_FANOUT", "1000"))

pages = flaskui.Blueprint("bench", __name__)


@pages.page("/")
def index() -> None:
    ui.label("ready")


@pages.page("/rtt")
def rtt() -> None:
    count = ui.label("0").classes("bench-counter")

    def bump() -> None:
        count.text = str(int(count.text or "0") + 1)

    ui.button("Click", on_click=bump).classes("bench-btn")


@pages.page("/fanout")
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


@pages.page("/stream")
def stream() -> None:
    label = ui.label("0 0").classes("bench-stream")

    def run() -> None:
        end = time.time() + STREAM_SECONDS
        i = 0
        while time.time() < end:
            i += 1
            label.text = f"{i} {time.time():.6f}"
            gevent.sleep(0)
        i += 1
        label.text = f"{i} {time.time():.6f} end"

    ui.button("Start", on_click=run).classes("bench-btn")


@pages.page("/page100")
def page100() -> None:
    with ui.column():
        for i in range(50):
            with ui.row():
                ui.label(f"Item {i}")
                ui.button(f"Button {i}", on_click=lambda: None)
        ui.label("last").classes("bench-last")  # 50 rows x 2 + this one


@pages.page("/page100rest")
def page100rest() -> None:
    """/page100 with a select and a table: Quasar's rest tier too (flaskui only, for cold_load.py)."""
    with ui.column():
        ui.select(["apple", "banana"], value="apple")
        ui.table(rows=[{"fruit": "apple", "count": i} for i in range(10)])
        for i in range(48):
            with ui.row():
                ui.label(f"Item {i}")
                ui.button(f"Button {i}", on_click=lambda: None)
        ui.label("last").classes("bench-last")


@pages.page("/ticker")
def ticker() -> None:
    count = ui.label("0").classes("bench-counter")

    def tick() -> None:
        count.text = str(int(count.text or "0") + 1)

    ui.timer(TICK_SECONDS, tick)


app = Flask(__name__)
app.config["SECRET_KEY"] = "benchmark-only"
app.register_blueprint(pages)
