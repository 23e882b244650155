"""Feedback: notifications that stay, spinners, progress and placeholders."""
from __future__ import annotations

import gevent

from flaskui import ui

from . import demo


@demo("Notification element")
def notification() -> None:
    def work() -> None:
        note = ui.notification("Working...", spinner=True, timeout=0)
        for step in range(1, 4):
            gevent.sleep(0.5)  # some work
            note.message = f"Step {step} of 3 done"
        note.spinner, note.type, note.timeout = False, "positive", 2

    ui.button("Start the work", on_click=work)


@demo("Spinner")
def spinner() -> None:
    with ui.row(align_items="center"):
        ui.spinner(size="2em")
        ui.spinner("dots", size="2em", color="teal")
        ui.spinner("hourglass", size="2em", color="orange")


@demo("Progress")
def progress() -> None:
    linear = ui.linear_progress(0.3).style("width: 240px")
    circular = ui.circular_progress(30, max=100)

    def advance() -> None:
        linear.value = min(1.0, round(linear.value + 0.1, 1))
        circular.value = min(100, circular.value + 10)

    ui.button("Advance", on_click=advance)


@demo("Skeleton")
def skeleton() -> None:
    with ui.row(align_items="center"):
        ui.skeleton("circle", size="40px")
        with ui.column().style("gap: 0.5rem"):
            ui.skeleton("text", width="160px")
            ui.skeleton("text", width="100px")
