"""Layout: grids, cards, lists, panels, popups and the page's frame."""
from __future__ import annotations

from flaskui import ui

from . import demo


@demo("Row alignment, separator and space")
def row_alignment() -> None:
    with ui.row(align_items="center").style("width: 300px"):
        ui.label("left")
        ui.separator().props("vertical")
        ui.space()
        ui.button(icon="settings").props("flat round")


@demo("Grid")
def grid() -> None:
    with ui.grid(columns=3):
        for name in ("Ada", "Grace", "Alan", "Barbara", "Edsger", "Donald"):
            ui.label(name)


@demo("Card sections and actions")
def card_sections() -> None:
    with ui.card().tight():
        with ui.card_section():
            ui.label("A tight card").classes("text-h6")
            ui.label("made of sections")
        ui.separator()
        with ui.card_actions():
            ui.button("Share").props("flat")


@demo("List")
def item_list() -> None:
    selected = ui.label("Pick someone")
    with ui.list().props("bordered separator"):
        for name, role in (("Ada Lovelace", "analyst"), ("Grace Hopper", "admiral")):
            with ui.item(on_click=lambda name=name: setattr(selected, "text", f"You picked {name}")):
                with ui.item_section().props("avatar"):
                    ui.label(name[0])
                with ui.item_section():
                    ui.item_label(name)
                    ui.item_label(role).props("caption")


@demo("Scroll area")
def scroll_area() -> None:
    position = ui.label("Scroll the box")
    with ui.scroll_area(on_scroll=lambda e: setattr(position, "text", f"{e.vertical_percentage:.0%}")).style(
            "width: 240px; height: 120px"):
        for i in range(20):
            ui.label(f"line {i + 1}")


@demo("Expansion")
def expansion() -> None:
    with ui.expansion("Details", icon="info", caption="open me"):
        ui.label("More text, shown on demand.")


@demo("Tabs")
def tabs() -> None:
    with ui.tabs() as tabs:
        ui.tab("Mail", icon="mail")
        ui.tab("Calls", icon="phone")
    with ui.tab_panels(tabs):
        with ui.tab_panel("Mail"):
            ui.label("No new mail")
        with ui.tab_panel("Calls"):
            ui.label("2 missed calls")


@demo("Stepper")
def stepper() -> None:
    with ui.stepper().props("vertical flat") as stepper:
        for name in ("Choose", "Pay", "Relax"):
            with ui.step(name):
                ui.label(f"The {name.lower()} step")
                with ui.stepper_navigation():
                    ui.button("Onwards", on_click=stepper.next)
                    ui.button("Go back", on_click=stepper.previous).props("flat")


@demo("Splitter")
def splitter() -> None:
    with ui.splitter(value=40).style("width: 300px; height: 80px") as splitter:
        with splitter.before:
            ui.label("before").classes("q-pa-sm")
        with splitter.after:
            ui.label("after").classes("q-pa-sm")


@demo("Carousel")
def carousel() -> None:
    with ui.carousel(animated=True, arrows=True, navigation=True).style("width: 300px; height: 160px"):
        for color in ("teal", "orange", "purple"):
            with ui.carousel_slide().classes(f"bg-{color}-3"):
                ui.label(f"A {color} slide")


@demo("Timeline")
def timeline() -> None:
    with ui.timeline(side="right"):
        ui.timeline_entry("First commit", title="Start", subtitle="January", icon="rocket_launch")
        ui.timeline_entry("Elements for real apps", title="Release", subtitle="June")


@demo("Dialog")
def dialog() -> None:
    choice = ui.label("No decision yet")
    with ui.dialog() as dialog, ui.card():
        ui.label("Keep the changes?")
        with ui.row():
            ui.button("Keep", on_click=lambda: dialog.submit("kept"))
            ui.button("Discard", on_click=lambda: dialog.submit("discarded")).props("flat")

    def decide() -> None:
        choice.text = f"Changes {dialog.result() or 'undecided'}"  # waits for the answer

    ui.button("Decide", on_click=decide)


@demo("Menu, context menu and tooltip")
def menu() -> None:
    picked = ui.label("Nothing picked")
    with ui.button(icon="more_vert").props("round flat"):
        ui.tooltip("More actions")
        with ui.menu():
            for action in ("Rename", "Duplicate"):
                ui.menu_item(action, on_click=lambda action=action: setattr(picked, "text", action))
    with ui.label("Right-click me").classes("q-pa-sm bg-grey-3"):
        with ui.context_menu():
            ui.menu_item("Inspect", on_click=lambda: setattr(picked, "text", "Inspect"))


@demo("Header, footer and drawer")
def page_frame() -> None:
    with ui.header(elevated=True):
        ui.button(icon="menu", on_click=lambda: drawer.toggle()).props("flat round color=white")
        ui.label("flaskui showcase")
    with ui.left_drawer(value=False, bordered=True) as drawer:
        ui.label("A drawer, toggled from the header")
    with ui.footer(fixed=False):
        ui.label("They frame the page, wherever they are created")
    ui.label("See the top and the bottom of the page")


@demo("Page sticky")
def page_sticky() -> None:
    with ui.page_sticky("bottom-right", 20, 20):
        ui.button(icon="arrow_upward", on_click=lambda: ui.run_javascript("window.scrollTo(0, 0)")).props("fab")
    ui.label("A button stays at the bottom right")
