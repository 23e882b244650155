"""Text, buttons, links and the generic element."""
from __future__ import annotations

from typing import Any

from ..element import Element
from ..events import Handler
from .disableable import DisableableElement


class Label(Element):
    """Text on the page: ``ui.label("Hello")``; assign ``label.text`` to change it."""

    def __init__(self, text: Any = "") -> None:
        super().__init__("div", text=str(text))


class Button(DisableableElement):
    """A Quasar button (https://quasar.dev/vue-components/button).

    Args:
        text: the button's label.
        on_click: called on click, with no argument or with ``EventArguments``.
        color: a Quasar color name or CSS color.
        icon: a Material icon name shown before the text.
    """

    def __init__(self, text: str = "", *, on_click: Handler | None = None, color: str | None = "primary",
                 icon: str | None = None) -> None:
        super().__init__("q-btn", text=text)
        props: dict[str, Any] = {"no-caps": True}   # a new element: nothing to report yet
        if color:
            props["color"] = color
        if icon:
            props["icon"] = icon
        self._props = props
        self.on("click", on_click)

    def on_click(self, handler: Handler) -> Button:
        """Also call ``handler`` on click."""
        return self.on("click", handler)


class Link(Element):
    """A hyperlink: ``ui.link("Docs", "/docs")``.

    Args:
        text: the link text.
        target: a URL or path.
        new_tab: open in a new tab.
    """

    def __init__(self, text: str = "", target: str = "#", new_tab: bool = False) -> None:
        super().__init__("a", text=text)
        self.props["href"] = target
        if new_tab:
            self.props["target"] = "_blank"
            self.props["rel"] = "noopener"
        self.classes("flaskui-link")
