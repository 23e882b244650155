"""Text and content: markdown, html, code, chat, log, icons, avatars, badges, chips, interactive image."""
from __future__ import annotations

from flaskui import MouseEventArguments, ui

from . import demo


@demo("Markdown")
def markdown() -> None:
    ui.markdown("""
        ### Release notes
        Rendered on the server: *emphasis*, `code`, [links](/hello), tables and

        ```python
        print("highlighted code")
        ```
    """)


@demo("HTML")
def html() -> None:
    comment = '<b>Hi!</b> <i onmouseover="alert(1)">hover me</i>'  # e.g. written by a user
    ui.html(comment, sanitize=True)  # the handler is removed


@demo("Code")
def code() -> None:
    ui.code("""
        def greet(name: str) -> str:
            return f"Hello, {name}!"
    """)


@demo("Chat message")
def chat_message() -> None:
    ui.chat_message("Hello! How can I help?", name="Bot", stamp="now")
    ui.chat_message(["I need a chart", "a pie chart"], name="Me", sent=True)


@demo("Log")
def log() -> None:
    lines = ui.log(max_lines=5).style("height: 8rem")
    ui.button("Log a line", on_click=lambda: lines.push(f"line {len(lines.lines) + 1}"))


@demo("Icon")
def icon() -> None:
    with ui.row():
        ui.icon("thumb_up", size="2rem", color="primary")
        ui.icon("favorite", size="2rem", color="#e91e63")


@demo("Avatar")
def avatar() -> None:
    with ui.row():
        ui.avatar("person")
        ui.avatar("face", color="orange", rounded=True)


@demo("Badge")
def badge() -> None:
    with ui.button("Inbox", icon="mail"):
        ui.badge("3", color="red").props("floating")


@demo("Chip")
def chip() -> None:
    status = ui.label("Filters: none")

    def show() -> None:
        chosen = [c.text or "" for c in filters if c.selected and c.visible]
        status.text = "Filters: " + (", ".join(chosen) or "none")

    with ui.row():
        filters = [ui.chip(name, selectable=True, removable=True, icon="filter_alt", on_selection_change=show,
                           on_remove=show) for name in ("open", "mine", "urgent")]


@demo("Interactive image")
def interactive_image() -> None:
    picture = (b'<svg xmlns="http://www.w3.org/2000/svg" width="300" height="150">'
               b'<rect width="300" height="150" fill="#e3f2fd"/></svg>')  # or a URL, or a Path

    def add_dot(event: MouseEventArguments) -> None:
        image.content += f'<circle cx="{event.image_x}" cy="{event.image_y}" r="8" fill="teal" />'

    image = ui.interactive_image(picture, on_mouse=add_dot, cross="teal")
    image.style("width: 300px")
