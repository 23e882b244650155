"""Pages with the input elements, for tests/test_elements_inputs.py.

Each element echoes its value into a label ``"<name>: <value>"``, so tests read what a user sees.
"""
from __future__ import annotations


from flask import Flask

import flaskui
from flaskui import ui

from .helpers import echo


def create_app() -> Flask:
    pages = flaskui.Blueprint("input_pages", __name__)

    @pages.page("/buttons")
    def buttons() -> None:
        clicks = ui.label("clicks: 0")

        def count() -> None:
            clicks.text = f"clicks: {int((clicks.text or '0').split()[-1]) + 1}"

        with ui.button_group():
            ui.button("One", on_click=count)
            ui.button("Two", icon="star", color="secondary", on_click=count)
        with ui.dropdown_button("Menu", auto_close=True, on_value_change=echo("menu open")):
            ui.button("Item", on_click=count).props("flat")
        split = ui.dropdown_button("Split", split=True, on_click=count).mark("split")
        with split:
            ui.label("split menu")
        ui.pagination(1, 5, direction_links=True, on_change=echo("page"))

    @pages.page("/text")
    def text() -> None:
        ui.input("Name", validation={"Too long": lambda value: len(value) <= 5}, on_change=echo("name"))
        ui.input("Code", validation=lambda value: None if value.isdigit() else "Digits only").without_auto_validation()
        ui.input("Secret", password=True, password_toggle_button=True)
        ui.input("Fruit", autocomplete=["apple", "apricot", "banana"])
        ui.textarea("Notes", on_change=echo("notes"))
        ui.number("Amount", min=0, max=100, precision=1, format="%.2f", on_change=echo("amount"))

    @pages.page("/boxes")
    def boxes() -> None:
        ui.checkbox("Agree", on_change=echo("agree"))
        ui.switch("Power", on_change=echo("power"))
        ui.slider(min=0, max=10, value=3, on_change=echo("slider"))
        ui.range(min=0, max=100, value={"min": 20, "max": 80}, on_change=echo("range"))
        ui.knob(0.3, show_value=True, on_change=echo("knob"))
        ui.rating(2, max=5, on_change=echo("rating"))

    @pages.page("/choices")
    def choices() -> None:
        radio = ui.radio(["red", "green", "blue"], value="red", on_change=echo("radio"))
        toggle = ui.toggle({1: "One", 2: "Two", 3: "Three"}, value=1, on_change=echo("toggle"))
        fruit = ui.select(["apple", "banana", "cherry"], label="Fruit", with_input=True, on_change=echo("fruit"))
        ui.select({"s": "Small", "m": "Medium", "l": "Large"}, label="Sizes", multiple=True, clearable=True,
                  on_change=echo("sizes"))
        ui.select(["Paris"], label="City", new_value_mode="add-unique", on_change=echo("city"))
        ui.input_chips("Tags", value=["a"], on_change=echo("tags"))

        def set_all() -> None:
            radio.value, toggle.value, fruit.value = "blue", 2, "cherry"

        ui.button("set all", on_click=set_all)

    @pages.page("/pickers")
    def pickers() -> None:
        date = ui.date(on_change=echo("date"))
        ui.button("set date", on_click=lambda: setattr(date, "value", "2024-02-29"))
        ui.date(range=True, on_change=echo("date range")).mark("range")
        ui.time("10:30", on_change=echo("time"))
        ui.date_input("Day", on_change=echo("day"))
        ui.time_input("Hour", on_change=echo("hour"))
        ui.color_input("Color", value="#ff0000", preview=True, on_change=echo("color"))
        with ui.button("Pick", icon="palette"):
            ui.color_picker(on_pick=lambda event: ui.notify(f"picked {event.color}"))

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "test"
    app.register_blueprint(pages)
    return app
