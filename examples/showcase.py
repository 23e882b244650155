"""A tour of every flaskui element so far; the README's first command starts it.

    python examples/showcase.py        # then open http://127.0.0.1:8080
"""
from __future__ import annotations

import datetime

from flask import Flask

import flaskui
from flaskui import ui

pages = flaskui.Blueprint("showcase", __name__)


@pages.page("/", title="flaskui showcase")
def index() -> None:
    ui.label("flaskui showcase").classes("text-h4")

    with ui.card():
        ui.label("Button and label").classes("text-h6")
        count = ui.label("0")

        def bump() -> None:
            count.text = str(int(count.text or "0") + 1)

        ui.button("Click me", on_click=bump, icon="add")

    with ui.card():
        ui.label("Input and checkbox").classes("text-h6")
        echo = ui.label("Type something")
        ui.input("Your name", on_change=lambda e: setattr(echo, "text", f"Hello, {e.value}!"))
        agree = ui.checkbox("I agree", on_change=lambda e: ui.notify(f"checked: {e.value}"))
        ui.button("Toggle from the server", on_click=lambda: setattr(agree, "value", not agree.value))

    with ui.card():
        ui.label("Rows, columns and the generic element").classes("text-h6")
        with ui.row():
            for color in ("red", "green", "blue"):
                ui.element("q-badge").props(f"color={color}").text = color
        with ui.column():
            ui.label("first line")
            ui.label("second line")

    with ui.card():
        ui.label("Timer").classes("text-h6")
        clock = ui.label(datetime.datetime.now().strftime("%H:%M:%S"))
        ui.timer(1.0, lambda: setattr(clock, "text", datetime.datetime.now().strftime("%H:%M:%S")))

    with ui.card():
        ui.label("Notifications, navigation and JavaScript").classes("text-h6")
        ui.button("Notify", on_click=lambda: ui.notify("Hello from the server", type="positive"))
        size = ui.label()

        def ask_size() -> None:
            width = ui.run_javascript("window.innerWidth").result(timeout=2.0)
            size.text = f"the window is {width} px wide"

        ui.button("Ask the browser", on_click=ask_size)
        ui.link("Open the hello page", "/hello")


@pages.page("/hello")
def hello() -> None:
    ui.label("Hello!")
    ui.button("Back", on_click=lambda: ui.navigate.to("/"))


app = Flask(__name__)
app.config["SECRET_KEY"] = "change-me-in-production"
app.register_blueprint(pages)

if __name__ == "__main__":
    flaskui.run(app)
