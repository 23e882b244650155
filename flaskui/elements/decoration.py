"""Small decorations: icon, avatar, badge and chip.

Colors are Quasar color names (``"primary"``, ``"red-5"``, https://quasar.dev/style/color-palette)
or any CSS color (``"#ff8800"``, ``"rgb(0 0 0 / 50%)"``), which is set as inline style instead.
Icons are Material Icons names (https://fonts.google.com/icons), e.g. ``"home"``.
"""
from __future__ import annotations

import re
from typing import Any

from ..element import Element, PropAttribute
from ..events import EventArguments, Handler
from .value_element import ValueElement

_QUASAR_COLOR = re.compile(
    r"primary|secondary|accent|dark|positive|negative|info|warning|white|black|transparent|"
    r"(red|pink|purple|deep-purple|indigo|blue|light-blue|cyan|teal|green|light-green|lime|yellow|amber|orange|"
    r"deep-orange|brown|grey|blue-grey)(-([1-9]|1[0-4]))?")


def set_color(element: Element, color: str | None, *, prop: str = "color", css: str = "background-color") -> None:
    """Give ``element`` a color: a Quasar color name as the prop ``prop``, else CSS ``css``."""
    if color is None:
        return
    if _QUASAR_COLOR.fullmatch(color):
        element.props[prop] = color
    else:
        element.style[css] = color


class Icon(Element):
    """A Material icon (https://quasar.dev/vue-components/icon).

    Args:
        name: the icon's name, e.g. ``"thumb_up"``.
        size: a CSS size (``"2em"``, ``"32px"``) or a Quasar size (``"xs"`` to ``"xl"``).
        color: a Quasar color name or a CSS color.
    """

    name = PropAttribute[str]("name", "The icon's name; assigning it changes the icon.")

    def __init__(self, name: str, *, size: str | None = None, color: str | None = None) -> None:
        super().__init__("q-icon")
        self.props["name"] = name
        if size is not None:
            self.props["size"] = size
        set_color(self, color, css="color")


class Avatar(Element):
    """A round picture or icon standing for a person or thing (https://quasar.dev/vue-components/avatar).

    Put an image or text inside it with ``with``, or give an icon.

    Args:
        icon: a Material icon name, or ``"img:<url>"`` for a picture.
        color: the background, a Quasar color name or a CSS color.
        text_color: the icon's color.
        size: the avatar's size (CSS or ``"xs"`` to ``"xl"``).
        font_size: the icon's or text's size relative to the avatar, e.g. ``"50%"``.
        square: no rounded corners.
        rounded: slightly rounded corners instead of a circle.
    """

    def __init__(self, icon: str | None = None, *, color: str | None = "primary", text_color: str | None = None,
                 size: str | None = None, font_size: str | None = None, square: bool = False,
                 rounded: bool = False) -> None:
        super().__init__("q-avatar")
        for key, value in (("icon", icon), ("size", size), ("font-size", font_size)):
            if value is not None:
                self.props[key] = value
        set_color(self, color)
        set_color(self, text_color, prop="text-color", css="color")
        if square:
            self.props["square"] = True
        if rounded:
            self.props["rounded"] = True


class Badge(Element):
    """A small label, e.g. a count on a button (https://quasar.dev/vue-components/badge).

    ``with ui.button("Inbox"): ui.badge("3").props("floating")`` pins it to the button's corner.

    Args:
        text: the text.
        color: the background, a Quasar color name or a CSS color.
        text_color: the text's color.
        outline: only an outline in ``color``, no background.
    """

    def __init__(self, text: Any = "", *, color: str | None = "primary", text_color: str | None = None,
                 outline: bool = False) -> None:
        super().__init__("q-badge", text=str(text))
        set_color(self, color)
        set_color(self, text_color, prop="text-color", css="color")
        if outline:
            self.props["outline"] = True


class Chip(ValueElement):
    """A compact, optionally clickable, selectable or removable label (https://quasar.dev/vue-components/chip).

    Its ``value`` is whether it is selected (None when it is not selectable): a click in the
    browser toggles it at once and tells the server.

    Args:
        text: the text.
        icon: a Material icon name shown before the text.
        color: the background, a Quasar color name or a CSS color.
        text_color: the text's color.
        on_click: called on click (makes the chip clickable).
        selectable: a click toggles ``selected``.
        selected: whether a selectable chip starts selected.
        on_selection_change: called with ``ValueChangeEventArguments`` after ``selected`` changed.
        removable: show a remove button; removing hides the chip (``visible`` turns False).
        on_remove: called after the user removed the chip.
    """

    VALUE_PROP = "selected"

    def __init__(self, text: Any = "", *, icon: str | None = None, color: str | None = "primary",
                 text_color: str | None = None, on_click: Handler | None = None, selectable: bool = False,
                 selected: bool = False, on_selection_change: Handler | None = None, removable: bool = False,
                 on_remove: Handler | None = None) -> None:
        # Quasar's QChip toggles and emits `update:selected` only if `selected` is a boolean.
        super().__init__("q-chip", value=selected if selectable else None, on_change=on_selection_change)
        self.text = str(text)
        if icon is not None:
            self.props["icon"] = icon
        set_color(self, color)
        set_color(self, text_color, prop="text-color", css="color")
        if on_click is not None:
            self.on_click(on_click)
        # one listener, so the handlers run although the chip is hidden by then (the server
        # refuses events of hidden elements)
        self._remove_handlers: list[Handler] = [on_remove] if on_remove is not None else []
        if removable:
            self.props["removable"] = True
            self._add_listener("remove", self._removed, inline=True)

    @property
    def selected(self) -> bool:
        """Whether the chip is selected; assigning it updates the browser."""
        return bool(self.value)

    @selected.setter
    def selected(self, selected: bool) -> None:
        self.value = selected

    def on_click(self, handler: Handler) -> Chip:
        """Also call ``handler`` on click."""
        self.props["clickable"] = True
        return self.on("click", handler)

    def _removed(self, event: EventArguments) -> None:
        self.visible = False
        for handler in self._remove_handlers:
            self.client.events.submit_logged(handler, event)

    def _value_from_args(self, args: list[Any]) -> bool:
        return bool(args and args[0])
