"""Popups attached to their parent element: menus, context menus and tooltips.

    with ui.button(icon="more_vert"):
        with ui.menu():
            ui.menu_item("Rename", on_click=rename)
            ui.menu_item("Delete", on_click=delete)
    with ui.label("Hover me"):
        ui.tooltip("Hello")
"""
from __future__ import annotations

from ..element import Element
from ..events import EventArguments, Handler, call_handler
from .layout import Item
from .openable import Openable


class Menu(Openable):
    """A menu that opens when its parent element is clicked (https://quasar.dev/vue-components/menu).

    Args:
        value: open or not (``open()``, ``close()``, ``toggle()``); the browser reports when the
            user opens or closes it.
    """

    def __init__(self, *, value: bool = False) -> None:
        super().__init__("q-menu", value=value)

    def _hides_content(self) -> bool:
        return not self.value   # a closed popup renders nothing: the browser follows and reports it


class ContextMenu(Menu):
    """A menu that opens at the pointer on a right click (or long touch) on its parent element."""

    def __init__(self) -> None:
        super().__init__()
        self.props["context-menu"] = True
        self.props["touch-position"] = True


class MenuItem(Item):
    """A clickable line of a menu.

    Args:
        text: the item's text.
        on_click: called on click.
        auto_close: close the menu it is in when clicked (``menu`` is that menu, or None).
    """

    def __init__(self, text: str = "", on_click: Handler | None = None, *, auto_close: bool = True) -> None:
        super().__init__(text)
        self.menu = _enclosing_menu(self) if auto_close else None

        def clicked(event: EventArguments) -> None:
            if self.menu is not None:
                self.menu.close()  # first, so the menu is gone while a slow handler runs
            if on_click is not None:
                call_handler(on_click, event)

        self.on_click(clicked)


def _enclosing_menu(element: Element) -> Menu | None:
    parent = element.parent
    while parent is not None and not isinstance(parent, Menu):
        parent = parent.parent
    return parent


class Tooltip(Element):
    """A hint shown while the pointer is over its parent element (https://quasar.dev/vue-components/tooltip).

    Args:
        text: the hint (or build children inside it).
    """

    def __init__(self, text: str = "") -> None:
        super().__init__("q-tooltip", text=text or None)
