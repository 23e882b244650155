"""Buttons beyond ``ui.button``: button group, dropdown button, pagination."""
from __future__ import annotations

from ..element import Element
from ..events import Handler
from .layout import set_props
from .openable import Openable
from .value_element import ValueElement


class ButtonGroup(Element):
    """Buttons joined into one bar (https://quasar.dev/vue-components/button-group).

    Put buttons inside it: ``with ui.button_group(): ui.button("One"); ui.button("Two")``. Give it
    the look its buttons share with props, e.g. ``.props("outline")`` or ``.props("push")``.
    """

    def __init__(self) -> None:
        super().__init__("q-btn-group")


class DropdownButton(Openable):
    """A button that opens a menu of the elements put inside it
    (https://quasar.dev/vue-components/button-dropdown).

    Args:
        text: the button's label.
        value: whether the menu is open.
        on_value_change: called when the menu opens or closes.
        on_click: called when the button is clicked (with ``split``: its main part).
        color: a Quasar color name or CSS color.
        icon: a Material icon name shown before the text.
        auto_close: close the menu after any click inside it.
        split: split the button into a main part and an arrow that opens the menu.
    """

    def __init__(self, text: str = "", *, value: bool = False, on_value_change: Handler | None = None,
                 on_click: Handler | None = None, color: str | None = "primary", icon: str | None = None,
                 auto_close: bool = False, split: bool = False) -> None:
        super().__init__("q-btn-dropdown", value=value, on_change=on_value_change)
        self.props.update({"label": text, "no-caps": True, "auto-close": auto_close, "split": split})
        set_props(self, color=color, icon=icon)
        self.on("click", on_click)


class Pagination(ValueElement):
    """Page number buttons (https://quasar.dev/vue-components/pagination); ``value`` is the page.

    Args:
        min: the first page number.
        max: the last page number.
        direction_links: show buttons to the previous and next page.
        value: the initial page (default: ``min``).
        on_change: called after each change of ``value``.
    """

    def __init__(self, min: int, max: int, *, direction_links: bool = False, value: int | None = None,
                 on_change: Handler | None = None) -> None:
        super().__init__("q-pagination", value=min if value is None else value, on_change=on_change)
        self.props.update({"min": min, "max": max, "direction-links": direction_links})
