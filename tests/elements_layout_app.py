"""Pages with the layout and feedback elements, for tests/test_elements_layout.py.

Value elements echo their value into a label ``"<name>: <value>"``, so tests read what a user sees.
"""
from __future__ import annotations

from typing import Any

from flask import Flask

import flaskui
from flaskui import EventArguments, ui

from .helpers import echo


def create_app() -> Flask:
    pages = flaskui.Blueprint("layout_pages", __name__)

    @pages.page("/layout")
    def layout() -> None:
        with ui.row(wrap=False, align_items="center").mark("row"):
            ui.label("left")
            ui.space()
            ui.label("right")
        with ui.column(wrap=True, align_items="stretch").mark("column"):
            ui.label("stacked")
        with ui.grid(columns=3, rows="auto 1fr").mark("grid"):
            for i in range(6):
                ui.label(f"cell {i}")
        with ui.card().tight().mark("card"):
            with ui.card_section():
                ui.label("card body")
            ui.separator()
            with ui.card_actions():
                ui.button("Action")
        scrolled = ui.label("scrolled: -")

        def show_scroll(event: Any) -> None:
            scrolled.text = f"scrolled: {event.vertical_position:g} ({event.vertical_percentage:g})"

        with ui.scroll_area(on_scroll=show_scroll).style("height: 100px"):
            for i in range(30):
                ui.label(f"line {i}")
        clicked = ui.label("clicked: -")
        with ui.list().props("bordered separator"):
            ui.item("Plain item")
            ui.item("Clickable item", on_click=lambda: setattr(clicked, "text", "clicked: item"))
            with ui.item(on_click=lambda e: setattr(clicked, "text", f"clicked: {type(e.sender).__name__}")):
                with ui.item_section().props("avatar"):
                    ui.label("A")
                with ui.item_section():
                    ui.item_label("Ada Lovelace")
                    ui.item_label("mathematician").props("caption")

    @pages.page("/page")
    def page_layout() -> None:
        drawer_value = echo("drawer")
        header_value = echo("header")
        with ui.card():  # built in a card, but they belong to the page's layout
            with ui.header(elevated=True, reveal=True) as header:
                ui.button("Menu", on_click=lambda: drawer.toggle()).props("flat color=white")
                ui.label("The header")
            header.on_value_change(header_value)
            with ui.left_drawer(value=False, bordered=True, top_corner=True) as drawer:
                ui.label("In the drawer")
            drawer.on_value_change(drawer_value)
            with ui.right_drawer(fixed=False):
                ui.label("Right side")
            with ui.footer(fixed=False):
                ui.label("The footer")
        ui.button("Hide header", on_click=header.hide)
        with ui.page_sticky("bottom-right", 20, 30):
            ui.button("Sticky")

    @pages.page("/containers")
    def containers() -> None:
        with ui.expansion("More", caption="details", icon="info", on_value_change=echo("expansion")):
            ui.label("Hidden text")

        tabs_changed = echo("tabs")
        panels_changed = echo("panels")
        with ui.tabs(on_change=tabs_changed) as tabs:
            one = ui.tab("One", icon="home")
            ui.tab("Two", label="Second")
        with ui.tab_panels(tabs, on_change=panels_changed):
            with ui.tab_panel(one):
                ui.label("First panel")
            with ui.tab_panel("Two"):
                ui.label("Second panel")
        ui.button("Show one", on_click=lambda: setattr(tabs, "value", one))

        step_changed = echo("step")
        with ui.stepper(on_value_change=step_changed) as stepper:
            for name in ("Order", "Pay", "Done"):
                with ui.step(name, title=f"{name} step"):
                    ui.label(f"{name} content")
                    with ui.stepper_navigation():
                        ui.button("Back", on_click=stepper.previous).props("flat")
                        ui.button("Next", on_click=stepper.next)

        with ui.splitter(value=30, limits=(10, 90), on_change=echo("splitter")) as splitter:
            with splitter.before:
                ui.label("Before")
            with splitter.after:
                ui.label("After")

        with ui.carousel(animated=True, arrows=True, navigation=True,
                         on_value_change=echo("slide")).style("height: 120px") as carousel:
            for color in ("red", "green"):
                with ui.carousel_slide().classes(f"bg-{color}-3"):
                    ui.label(f"{color} slide")
        ui.button("Next slide", on_click=carousel.next)

        with ui.timeline(side="right", layout="comfortable", color="secondary"):
            ui.timeline_entry("Milestones", heading=True)
            ui.timeline_entry("The first release", title="Release 1", subtitle="January", icon="rocket")

    @pages.page("/dialog")
    def dialog() -> None:
        answer = ui.label("answer: -")
        with ui.dialog() as dialog, ui.card():
            ui.label("Really?")
            ui.button("Yes", on_click=lambda: dialog.submit("yes"))
            ui.button("Cancel", on_click=dialog.close)
        dialog.on_value_change(echo("dialog"))

        def ask() -> None:
            answer.text = "answer: waiting"
            answer.text = f"answer: {dialog.result()}"

        ui.button("Ask", on_click=ask)

    @pages.page("/menu")
    def menu() -> None:
        chosen = ui.label("chosen: -")
        menu_value = echo("menu")
        with ui.button("Actions"):
            with ui.menu() as menu:
                ui.menu_item("Rename", on_click=lambda: setattr(chosen, "text", "chosen: rename"))
                ui.menu_item("Keep open", on_click=lambda: setattr(chosen, "text", "chosen: keep"),
                             auto_close=False)
            menu.on_value_change(menu_value)
        with ui.label("Right-click here").classes("q-pa-md bg-grey-3"):
            with ui.context_menu():
                ui.menu_item("Copy", on_click=lambda e: setattr(chosen, "text", f"chosen: copy {e.sender.text}"))
        with ui.button("Hover me"):
            ui.tooltip("A helpful hint")
        ui.button("Open menu", on_click=menu.open)

    @pages.page("/feedback")
    def feedback() -> None:
        dismissed = ui.label("dismissed: -")
        notes: list[ui.notification] = []

        def show_dismissed(event: EventArguments) -> None:
            assert isinstance(event.sender, ui.notification)
            dismissed.text = f"dismissed: {event.sender.message}"

        def create() -> None:
            notes.append(ui.notification("Working", spinner=True, timeout=0, close_button=True,
                                         on_dismiss=show_dismissed))

        def update() -> None:
            notes[-1].message = "Finished"
            notes[-1].spinner = False
            notes[-1].type = "positive"

        ui.button("Notify", on_click=create)
        ui.button("Update", on_click=update)
        ui.button("Dismiss", on_click=lambda: notes[-1].dismiss())
        ui.spinner("dots", size="2em", color="teal")
        ui.spinner()
        linear = ui.linear_progress(0.25)
        circular = ui.circular_progress(3, max=10, show_value=True)
        ui.linear_progress(0.5, show_value=False)
        ui.skeleton("QBtn", animation="pulse", width="120px")

        def advance() -> None:
            linear.value = 0.75
            circular.value = 7

        ui.button("Advance", on_click=advance)

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "test"
    app.register_blueprint(pages)
    return app
