"""A gallery of every flaskui element with its code; the README's first command starts it.

    python examples/showcase.py        # then open http://127.0.0.1:8080
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

from flask import Flask, abort

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gallery  # noqa: E402

import flaskui  # noqa: E402
from flaskui import ui  # noqa: E402

for module in pkgutil.iter_modules(gallery.__path__):
    importlib.import_module(f"gallery.{module.name}")

pages = flaskui.Blueprint("showcase", __name__)


FAMILIES = sorted({section.family for section in gallery.sections}, key=lambda f: (f != "basics", f))


def family_title(family: str) -> str:
    return family.replace("_", " ").capitalize()


def navigation(current: str) -> None:
    """Links to every family's page; each page loads only the libraries its elements need."""
    with ui.row():
        for family in FAMILIES:
            link = ui.link(family_title(family), "/" if family == "basics" else f"/{family}")
            if family == current:
                link.classes("text-bold")


def show(family: str) -> None:
    ui.label("flaskui showcase").classes("text-h4")
    navigation(family)
    with ui.row():
        for section in (s for s in gallery.sections if s.family == family):
            with ui.card().mark(section.title):
                ui.label(section.title).classes("text-h6")
                missing = section.missing
                if missing is None:
                    section.function()
                else:  # an optional package is not installed: the page still works
                    ui.label(missing).classes("text-negative")
                sample = ui.element("pre").style("font-size: 12px; background: #f5f5f5; padding: 8px; margin: 0")
                sample.text = section.code


@pages.page("/", title="flaskui showcase")
def index() -> None:
    show("basics")


@pages.page("/<family>", title="flaskui showcase")
def family_page(family: str) -> None:
    if family not in FAMILIES:
        abort(404)
    show(family)


@pages.page("/hello")
def hello() -> None:
    ui.label("Hello!")
    ui.button("Back", on_click=lambda: ui.navigate.to("/"))


app = Flask(__name__)
app.config["SECRET_KEY"] = "change-me-in-production"
app.register_blueprint(pages)

if __name__ == "__main__":
    flaskui.run(app)
