"""Framework features: timers, notifications, navigation, JavaScript."""
from __future__ import annotations

import datetime

from flaskui import ui

from . import demo


@demo("Timer")
def timer() -> None:
    clock = ui.label(datetime.datetime.now().strftime("%H:%M:%S"))
    ui.timer(1.0, lambda: setattr(clock, "text", datetime.datetime.now().strftime("%H:%M:%S")))


@demo("Notification")
def notification() -> None:
    ui.button("Notify", on_click=lambda: ui.notify("Hello from the server", type="positive"))


@demo("Run JavaScript")
def javascript() -> None:
    size = ui.label()

    def ask_size() -> None:
        width = ui.run_javascript("window.innerWidth").result(timeout=2.0)
        size.text = f"the window is {width} px wide"

    ui.button("Ask the browser", on_click=ask_size)
