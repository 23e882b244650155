"""Elements of the core: label, button, input, checkbox, link, generic element, containers."""
from __future__ import annotations

from flaskui import ui

from . import demo


@demo("Label")
def label() -> None:
    ui.label("Some text").classes("text-bold")


@demo("Button")
def button() -> None:
    count = ui.label("0")
    ui.button("Click me", icon="add", on_click=lambda: setattr(count, "text", str(int(count.text or 0) + 1)))


@demo("Input")
def text_input() -> None:
    echo = ui.label("Type something")
    ui.input("Your name", on_change=lambda e: setattr(echo, "text", f"Hello, {e.value}!"))


@demo("Checkbox")
def checkbox() -> None:
    box = ui.checkbox("I agree", on_change=lambda e: ui.notify(f"checked: {e.value}"))
    ui.button("Toggle from the server", on_click=lambda: setattr(box, "value", not box.value))


@demo("Link")
def link() -> None:
    ui.link("Open the hello page", "/hello")


@demo("Generic element")
def element() -> None:
    with ui.row():
        for color in ("red", "green", "blue"):
            ui.element("q-badge").props(f"color={color}").text = color


@demo("Row, column and card")
def containers() -> None:
    with ui.row():
        with ui.card():
            ui.label("in a card")
        with ui.column():
            ui.label("first line")
            ui.label("second line")
