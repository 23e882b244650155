"""Containers: row, column, grid, card, lists, scroll area, separator and space.

Use them with ``with`` to place children inside::

    with ui.row(align_items="center"):
        ui.label("Name")
        ui.input()
    with ui.card().tight():
        with ui.card_section():
            ui.label("A card")
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from ..element import Element
from ..events import EventArguments, Handler, call_handler

AlignItems = Literal["start", "end", "center", "baseline", "stretch"]

F = TypeVar("F", bound=Element)


def set_props(element: Element, **props: Any) -> None:
    """Set the props that are given, i.e. not None or False (the component's defaults cover the rest)."""
    for name, value in props.items():
        if value is not None and value is not False:
            element.props[name] = value


def flex_classes(element: F, css_class: str, *, align_items: AlignItems | None = None,
                 wrap_class: str | None = None) -> F:
    """Give a new flex container (in its constructor) its class, Quasar's ``items-*`` alignment
    and wrapping classes."""
    names: tuple[str, ...] = (css_class,)
    if align_items is not None:
        names += (f"items-{align_items}",)
    if wrap_class is not None:
        names += (wrap_class,)
    # A new element has nothing to report yet, so the stored tuple is set without `classes()`'s
    # parsing and change tracking: one page can build hundreds of rows.
    if element._classes:
        names = tuple(name for name in names if name not in element._classes)
    element._classes += names
    return element


class Row(Element):
    """Children side by side: ``with ui.row(): ...``.

    Args:
        wrap: wrap children onto the next line when the row is full.
        align_items: cross-axis alignment (``start``, ``end``, ``center``, ``baseline``, ``stretch``).
    """

    def __init__(self, *, wrap: bool = True, align_items: AlignItems | None = None) -> None:
        super().__init__("div")
        flex_classes(self, "flaskui-row", align_items=align_items, wrap_class=None if wrap else "no-wrap")


class Column(Element):
    """Children stacked vertically: ``with ui.column(): ...``.

    Args:
        wrap: continue in a new column when the column is full (needs a height).
        align_items: cross-axis alignment (``start``, ``end``, ``center``, ``baseline``, ``stretch``).
    """

    def __init__(self, *, wrap: bool = False, align_items: AlignItems | None = None) -> None:
        super().__init__("div")
        flex_classes(self, "flaskui-column", align_items=align_items, wrap_class="wrap" if wrap else None)


def _template(tracks: int | str) -> str:
    return f"repeat({tracks}, minmax(0, 1fr))" if isinstance(tracks, int) else tracks


class Grid(Element):
    """A CSS grid: ``with ui.grid(columns=3): ...`` fills three equal columns row by row.

    Args:
        rows: a number of equal rows, or a CSS ``grid-template-rows`` value (``"auto 1fr"``).
        columns: a number of equal columns, or a CSS ``grid-template-columns`` value.
    """

    def __init__(self, *, rows: int | str | None = None, columns: int | str | None = None) -> None:
        super().__init__("div")
        self.classes("flaskui-grid")
        if rows is not None:
            self.style["grid-template-rows"] = _template(rows)
        if columns is not None:
            self.style["grid-template-columns"] = _template(columns)


class Card(Element):
    """A Quasar card (https://quasar.dev/vue-components/card) stacking its children with padding.

    Args:
        align_items: cross-axis alignment of the children.
    """

    def __init__(self, *, align_items: AlignItems | None = None) -> None:
        super().__init__("q-card")
        flex_classes(self, "flaskui-card", align_items=align_items)

    def tight(self) -> Card:
        """Drop the padding and gaps, for cards made of ``card_section``s or an image edge to edge."""
        self.classes(remove="flaskui-card")
        return self


class CardSection(Element):
    """A padded section of a card (https://quasar.dev/vue-components/card#qcardsection-api)."""

    def __init__(self) -> None:
        super().__init__("q-card-section")


class CardActions(Element):
    """A card's row of buttons (https://quasar.dev/vue-components/card#qcardactions-api)."""

    def __init__(self) -> None:
        super().__init__("q-card-actions")


class Separator(Element):
    """A horizontal line (https://quasar.dev/vue-components/separator); ``.props("vertical")`` in a row."""

    def __init__(self) -> None:
        super().__init__("q-separator")


class Space(Element):
    """Fills the free space of a row, pushing what follows to the end (https://quasar.dev/vue-components/space)."""

    def __init__(self) -> None:
        super().__init__("q-space")


@dataclass
class ScrollEventArguments(EventArguments):
    """Where a scroll area is scrolled to, in pixels and as a fraction (0..1) of the scrollable size."""

    vertical_position: float = 0.0
    vertical_percentage: float = 0.0
    vertical_size: float = 0.0
    vertical_container_size: float = 0.0
    horizontal_position: float = 0.0
    horizontal_percentage: float = 0.0
    horizontal_size: float = 0.0
    horizontal_container_size: float = 0.0


_SCROLL_FIELDS = {
    "verticalPosition": "vertical_position", "verticalPercentage": "vertical_percentage",
    "verticalSize": "vertical_size", "verticalContainerSize": "vertical_container_size",
    "horizontalPosition": "horizontal_position", "horizontalPercentage": "horizontal_percentage",
    "horizontalSize": "horizontal_size", "horizontalContainerSize": "horizontal_container_size",
}


class ScrollArea(Element):
    """A box with custom scrollbars (https://quasar.dev/vue-components/scroll-area), 100% wide, 200 px high.

    Args:
        on_scroll: called with ``ScrollEventArguments`` while the user scrolls (at most every 50 ms;
            the last position always arrives).
    """

    def __init__(self, *, on_scroll: Handler | None = None) -> None:
        super().__init__("q-scroll-area")
        self.classes("flaskui-scroll-area")
        if on_scroll is not None:
            self.on_scroll(on_scroll)

    def on_scroll(self, handler: Handler) -> ScrollArea:
        """Also call ``handler`` with ``ScrollEventArguments`` while the user scrolls."""

        def scrolled(event: EventArguments) -> None:
            info = event.args[0] if event.args and isinstance(event.args[0], dict) else {}
            fields = {name: float(info.get(key) or 0.0) for key, name in _SCROLL_FIELDS.items()}
            call_handler(handler, ScrollEventArguments(sender=self, client=self.client, args=event.args, **fields))

        return self.on("scroll", scrolled, args=list(_SCROLL_FIELDS), throttle=0.05)


class List(Element):
    """A Quasar list (https://quasar.dev/vue-components/list-and-list-items) of ``ui.item``s."""

    def __init__(self) -> None:
        super().__init__("q-list")


class Item(Element):
    """A list item; clickable when it has a click handler.

    Args:
        text: the item's text (or build ``item_section``s inside it instead).
        on_click: called on click.
    """

    def __init__(self, text: str = "", *, on_click: Handler | None = None) -> None:
        super().__init__("q-item", text=text or None)
        if on_click is not None:
            self.on_click(on_click)

    def on_click(self, handler: Handler) -> Item:
        """Make the item clickable and call ``handler`` on click."""
        self.props["clickable"] = True
        return self.on("click", handler)


class ItemSection(Element):
    """A column of a list item: text, an avatar, a side note (``.props("avatar")``, ``.props("side")``)."""

    def __init__(self, text: str = "") -> None:
        super().__init__("q-item-section", text=text or None)


class ItemLabel(Element):
    """A line of text in an item section; ``.props("caption")`` or ``.props("header")`` for other looks."""

    def __init__(self, text: str = "") -> None:
        super().__init__("q-item-label", text=text or None)
