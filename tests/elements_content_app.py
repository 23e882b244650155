"""Pages with the text and content elements, for tests/test_elements_content.py."""
from __future__ import annotations

from flask import Flask, Response

import flaskui
from flaskui import MouseEventArguments, ValueChangeEventArguments, ui

# Each runs if it reaches the DOM unsanitized: an event handler, and a script tag.
XSS = '<img src="data:," onerror="window.pwned = 1"><script>window.pwned = 2</script>'
CODE = """
    def greet(name):
        return f"Hello, {name}!"
"""
# A 200 x 100 picture; the page shows it 400 px wide, so image pixels are half the screen pixels.
PICTURE = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
           '<rect width="200" height="100" fill="#ddeeff"/></svg>')


def create_app() -> Flask:
    pages = flaskui.Blueprint("content", __name__)

    @pages.page("/text")
    def text() -> None:
        doc = ui.markdown("# Title\n\nSome *emphasis*.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
                          "```python\nx = 1\n```").mark("doc")
        ui.html("<b>bold</b> <i>italic</i>", sanitize=True).mark("html")
        ui.code(CODE).mark("code")
        ui.code("let x = 1;", language="javascript").mark("js")

        def change() -> None:
            doc.content = "## Changed"

        ui.button("change", on_click=change)

    @pages.page("/xss")
    def xss() -> None:
        ui.markdown(f"Some text {XSS}").mark("markdown")
        ui.html(f"<p>Some html {XSS}</p>", sanitize=True).mark("html")
        ui.label("done")

    @pages.page("/xss-trusted")
    def xss_trusted() -> None:
        ui.html(XSS, sanitize=False)

    @pages.page("/chat")
    def chat() -> None:
        ui.chat_message("Hello!", name="Ada", stamp="now", avatar="/picture.svg")
        ui.chat_message(["Hi Ada", "How are you?"], name="Me", sent=True)
        with ui.chat_message(name="Bot"):
            ui.label("built inside")

    @pages.page("/log")
    def log() -> None:
        lines = ui.log(max_lines=3).mark("log").style("height: 3rem")  # 3 lines overflow it
        count = [0]

        def push() -> None:
            count[0] += 1
            lines.push(f"line {count[0]}")

        ui.button("push", on_click=push)
        ui.button("clear", on_click=lines.clear)

    @pages.page("/decoration")
    def decoration() -> None:
        ui.icon("home", size="32px", color="teal").mark("home")
        ui.icon("star", color="#ff8800").mark("star")
        ui.avatar("person", color="red-5", text_color="white").mark("avatar")
        ui.badge(3, color="orange").mark("badge")
        chosen = ui.label("not chosen").mark("chosen")

        def show(event: ValueChangeEventArguments) -> None:
            chosen.text = "chosen" if event.value else "not chosen"

        choice = ui.chip("choose me", icon="check", selectable=True, on_selection_change=show)
        ui.button("select from server", on_click=lambda: setattr(choice, "selected", True))
        removed = ui.label("")
        ui.chip("remove me", removable=True, color="#8844aa",
                on_remove=lambda: setattr(removed, "text", "was removed"))
        clicked = ui.label("")
        ui.chip("click me", on_click=lambda: setattr(clicked, "text", "chip clicked"))

    @pages.page("/image")
    def image() -> None:
        where = ui.label("nowhere")

        def mouse(event: MouseEventArguments) -> None:
            where.text = f"{event.type} at {event.image_x:.0f}, {event.image_y:.0f}"

        picture = ui.interactive_image("/picture.svg", content='<circle cx="50" cy="50" r="10" fill="red" />',
                                       on_mouse=mouse, events=["click", "mousedown"], cross=True)
        picture.style("width: 400px")

        def redraw() -> None:
            picture.content = '<rect x="10" y="10" width="20" height="20" fill="blue" />'

        ui.button("redraw", on_click=redraw)

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "test-secret"
    app.register_blueprint(pages)

    @app.route("/picture.svg")
    def picture() -> Response:
        return Response(PICTURE, mimetype="image/svg+xml")

    return app
