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

import importlib
from typing import TYPE_CHECKING, Any

from . import ui
from .auth import AuthUser, current_user, login, logout
from .blueprint import Blueprint
from .client import Client
from .element import Element
from .events import EventArguments, ValueChangeEventArguments
from .files import UploadedFile
from .javascript import JavaScriptError, JavaScriptRequest
from .server import run

if TYPE_CHECKING:
    from .elements.echart import EChartPointClickEventArguments
    from .elements.interactive_image import MouseEventArguments
    from .elements.json_editor import JsonEditorChangeEventArguments, JsonEditorSelectEventArguments
    from .elements.keyboard import KeyEventArguments
    from .elements.layout import ScrollEventArguments
    from .elements.pickers import ColorPickEventArguments
    from .elements.table import TableSelectionEventArguments
    from .elements.upload import MultiUploadEventArguments, UploadEventArguments, UploadRejectedEventArguments

__version__ = "0.1.0"

# The event arguments of elements, from their modules on first use (as ``ui`` loads elements).
_LAZY = {
    "ColorPickEventArguments": ".elements.pickers",
    "EChartPointClickEventArguments": ".elements.echart",
    "JsonEditorChangeEventArguments": ".elements.json_editor",
    "JsonEditorSelectEventArguments": ".elements.json_editor",
    "KeyEventArguments": ".elements.keyboard",
    "MouseEventArguments": ".elements.interactive_image",
    "MultiUploadEventArguments": ".elements.upload",
    "ScrollEventArguments": ".elements.layout",
    "TableSelectionEventArguments": ".elements.table",
    "UploadEventArguments": ".elements.upload",
    "UploadRejectedEventArguments": ".elements.upload",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'flaskui' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name], __package__), name)
    globals()[name] = value
    return value


# the names of ``_LAZY`` too, literally: mypy and flake8 read this list (tests/test_public_api.py)
__all__ = [
    "AuthUser", "Blueprint", "Client", "ColorPickEventArguments", "EChartPointClickEventArguments", "Element",
    "EventArguments", "JavaScriptError", "JavaScriptRequest", "JsonEditorChangeEventArguments",
    "JsonEditorSelectEventArguments", "KeyEventArguments", "MouseEventArguments", "MultiUploadEventArguments",
    "ScrollEventArguments", "TableSelectionEventArguments", "UploadEventArguments", "UploadRejectedEventArguments",
    "UploadedFile", "ValueChangeEventArguments", "current_user", "login", "logout", "run", "ui",
]
