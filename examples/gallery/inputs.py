"""Input elements: buttons, text fields, boxes, sliders, choices and pickers."""
from __future__ import annotations

from flaskui import ui

from . import demo


@demo("Button group")
def button_group() -> None:
    with ui.button_group():
        ui.button("Left", icon="format_align_left")
        ui.button("Center", icon="format_align_center")
        ui.button("Right", icon="format_align_right")


@demo("Dropdown button")
def dropdown_button() -> None:
    with ui.dropdown_button("Export", icon="download", auto_close=True):
        ui.button("as CSV", on_click=lambda: ui.notify("CSV it is")).props("flat")
        ui.button("as JSON", on_click=lambda: ui.notify("JSON it is")).props("flat")


@demo("Input with validation")
def validated_input() -> None:
    ui.input("Username", validation={"At most 8 characters": lambda value: len(value) <= 8,
                                     "No spaces": lambda value: " " not in value})
    ui.input("Password", password=True, password_toggle_button=True)
    ui.input("Language", autocomplete=["Python", "JavaScript", "Rust", "Go"])


@demo("Textarea")
def textarea() -> None:
    words = ui.label("0 words")
    ui.textarea("Notes", on_change=lambda e: setattr(words, "text", f"{len(e.value.split())} words"))


@demo("Number")
def number() -> None:
    total = ui.label("with tax: 11.40")
    ui.number("Price", value=9.5, min=0, precision=2, format="%.2f", prefix="$",
              on_change=lambda e: setattr(total, "text", f"with tax: {(e.value or 0) * 1.2:.2f}"))


@demo("Switch")
def switch() -> None:
    ui.switch("Dark corners", on_change=lambda e: ui.notify(f"switched {'on' if e.value else 'off'}"))


@demo("Slider and range")
def slider() -> None:
    volume = ui.label("volume 40")
    ui.slider(min=0, max=100, value=40, on_change=lambda e: setattr(volume, "text", f"volume {e.value}")) \
        .style("width: 12rem")
    ui.range(min=0, max=24, value={"min": 9, "max": 17}).props("label-always markers").style("width: 12rem")


@demo("Knob and rating")
def knob() -> None:
    ui.knob(0.6, show_value=True, size="60px")
    ui.rating(3, max=5, on_change=lambda e: ui.notify(f"{e.value} stars"))


@demo("Radio and toggle")
def radio() -> None:
    ui.radio({"s": "Small", "m": "Medium", "l": "Large"}, value="m").props("inline")
    ui.toggle(["Day", "Week", "Month"], value="Week")


@demo("Select")
def select() -> None:
    ui.select(["Berlin", "Lisbon", "Oslo", "Rome"], label="City", with_input=True).style("width: 12rem")
    ui.select({1: "One", 2: "Two", 3: "Three"}, label="Numbers", multiple=True, value=[1, 3], clearable=True) \
        .props("use-chips").style("width: 12rem")


@demo("Input chips")
def input_chips() -> None:
    shown = ui.label("bug, ui")
    ui.input_chips("Labels", value=["bug", "ui"], on_change=lambda e: setattr(shown, "text", ", ".join(e.value)))


@demo("Date and time")
def date() -> None:
    chosen = ui.label("2024-06-01 at 12:00")
    day = ui.date("2024-06-01", on_change=lambda e: setattr(chosen, "text", f"{e.value} at {clock.value}"))
    clock = ui.time("12:00", on_change=lambda e: setattr(chosen, "text", f"{day.value} at {e.value}"))


@demo("Date and time inputs")
def date_input() -> None:
    ui.date_input("Departure", value="2024-06-01")
    ui.time_input("Boarding", value="09:30")


@demo("Color input and color picker")
def color() -> None:
    ui.color_input("Accent", value="#1976d2", preview=True)
    with ui.button("Paint me", icon="palette", color=None) as button:
        ui.color_picker(on_pick=lambda e: button.style(f"background-color: {e.color}"))


@demo("Pagination")
def pagination() -> None:
    page = ui.label("page 1")
    ui.pagination(1, 10, direction_links=True, on_change=lambda e: setattr(page, "text", f"page {e.value}"))
