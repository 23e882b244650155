"""flaskui: live web UIs from plain synchronous Python inside Flask pages.

    from flask import Flask
    import flaskui
    from flaskui import ui

    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/")
    def index() -> None:
        count = ui.label("0")
        ui.button("Click", on_click=lambda: setattr(count, "text", str(int(count.text) + 1)))

    app = Flask(__name__)
    app.register_blueprint(pages)

    if __name__ == "__main__":
        flaskui.run(app)
"""
from __future__ import annotations

from . import ui
from .auth import AuthUser, current_user, login, logout
from .blueprint import Blueprint
from .client import Client
from .element import Element
from .elements.interactive_image import MouseEventArguments
from .elements.upload import MultiUploadEventArguments, UploadEventArguments, UploadRejectedEventArguments
from .events import EventArguments, ValueChangeEventArguments
from .files import UploadedFile
from .javascript import JavaScriptError, JavaScriptRequest
from .server import run

__version__ = "0.1.0"

__all__ = [
    "AuthUser", "Blueprint", "Client", "Element", "EventArguments", "JavaScriptError", "JavaScriptRequest",
    "MouseEventArguments", "MultiUploadEventArguments", "UploadEventArguments", "UploadRejectedEventArguments",
    "UploadedFile",
    "ValueChangeEventArguments", "current_user", "login", "logout", "run", "ui",
]
