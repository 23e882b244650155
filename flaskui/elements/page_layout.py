"""The page's frame: header, footer, drawers and page-sticky buttons.

Header, footer and drawers belong to the page's Quasar layout (``client.layout``, a ``q-layout``)
wherever they are created, so ``with ui.header(): ...`` works in any ``with`` block::

    with ui.header(elevated=True):
        ui.button(icon="menu", on_click=lambda: drawer.toggle()).props("flat color=white")
        ui.label("My app")
    with ui.left_drawer() as drawer:
        ui.link("Home", "/")
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from .. import context
from ..element import Element
from .layout import set_props
from .openable import Showable

Side = Literal["left", "right"]
StickyPosition = Literal["top-right", "top-left", "bottom-right", "bottom-left", "top", "right", "bottom", "left"]

# Letters of the layout's view string "hHh lpr fFf" (https://quasar.dev/layout/layout#understanding-the-view-prop).
_DRAWER = {"left": 4, "right": 6}
_TOP_CORNER = {"left": 0, "right": 2}
_BOTTOM_CORNER = {"left": 8, "right": 10}


@contextmanager
def in_page_layout() -> Iterator[Element]:
    """Build into the current page's ``q-layout`` (whatever the enclosing ``with`` block is)."""
    layout = context.current_parent()[0].client.layout
    with context.ParentContext(layout):
        yield layout


def _set_view(layout: Element, index: int, letter: str) -> None:
    view = list(layout.props["view"])
    view[index] = letter
    layout.props["view"] = "".join(view)


def _before_page(element: Element, layout: Element) -> None:
    """Put ``element`` before the page container, so the DOM reads in the order the page shows it."""
    page = next(i for i, child in enumerate(layout.children) if child.tag == "q-page-container")
    element.move(layout, page)


class _Bar(Showable):
    """A header or footer: a row of children; ``value`` says whether it is shown."""

    VIEW_INDEX: int
    VIEW_LETTER: str  # upper case: fixed

    def __init__(self, tag: str, *, value: bool, fixed: bool, bordered: bool, elevated: bool, wrap: bool,
                 reveal: bool) -> None:
        with in_page_layout() as layout:
            super().__init__(tag, value=value)
        self.classes("flaskui-bar wrap" if wrap else "flaskui-bar")
        set_props(self, bordered=bordered, elevated=elevated, reveal=reveal)
        _set_view(layout, self.VIEW_INDEX, self.VIEW_LETTER if fixed else self.VIEW_LETTER.lower())


class Header(_Bar):
    """The page's header (https://quasar.dev/layout/header-and-footer).

    Args:
        value: whether it is shown (``show()``, ``hide()``, ``toggle()``).
        fixed: stays on screen while the page scrolls.
        bordered: a line below it.
        elevated: a shadow below it.
        wrap: wrap children onto a new line when they do not fit.
        reveal: slides away while scrolling down, comes back when scrolling up.
    """

    VIEW_INDEX, VIEW_LETTER = 1, "H"

    def __init__(self, value: bool = True, *, fixed: bool = True, bordered: bool = False, elevated: bool = False,
                 wrap: bool = True, reveal: bool = False) -> None:
        super().__init__("q-header", value=value, fixed=fixed, bordered=bordered, elevated=elevated,
                         wrap=wrap, reveal=reveal)
        _before_page(self, self.client.layout)


class Footer(_Bar):
    """The page's footer (https://quasar.dev/layout/header-and-footer); parameters as ``ui.header``."""

    VIEW_INDEX, VIEW_LETTER = 9, "F"

    def __init__(self, value: bool = True, *, fixed: bool = True, bordered: bool = False, elevated: bool = False,
                 wrap: bool = True, reveal: bool = False) -> None:
        super().__init__("q-footer", value=value, fixed=fixed, bordered=bordered, elevated=elevated,
                         wrap=wrap, reveal=reveal)


class Drawer(Showable):
    """A side panel of the page (https://quasar.dev/layout/drawer).

    Args:
        side: ``left`` or ``right``.
        value: open or not; ``None`` (default): open on wide screens, closed on narrow ones (the
            browser reports which, so ``value`` becomes a bool once the page is shown).
        fixed: stays on screen while the page scrolls.
        bordered: a line along its edge.
        elevated: a shadow along its edge.
        top_corner: reach over the header's corner.
        bottom_corner: reach over the footer's corner.
    """

    def __init__(self, side: Side, value: bool | None = None, *, fixed: bool = True, bordered: bool = False,
                 elevated: bool = False, top_corner: bool = False, bottom_corner: bool = False) -> None:
        with in_page_layout() as layout:
            super().__init__("q-drawer", value=value)
        _before_page(self, layout)
        self.classes("flaskui-drawer")
        self.props["side"] = side
        if value is None:
            self.props["show-if-above"] = True
        set_props(self, bordered=bordered, elevated=elevated)
        letter = side[0]
        _set_view(layout, _DRAWER[side], letter.upper() if fixed else letter)
        if top_corner:
            _set_view(layout, _TOP_CORNER[side], letter)
        if bottom_corner:
            _set_view(layout, _BOTTOM_CORNER[side], letter)


class LeftDrawer(Drawer):
    """The page's left drawer; parameters as ``Drawer`` (https://quasar.dev/layout/drawer)."""

    def __init__(self, value: bool | None = None, *, fixed: bool = True, bordered: bool = False,
                 elevated: bool = False, top_corner: bool = False, bottom_corner: bool = False) -> None:
        super().__init__("left", value, fixed=fixed, bordered=bordered, elevated=elevated, top_corner=top_corner,
                         bottom_corner=bottom_corner)


class RightDrawer(Drawer):
    """The page's right drawer; parameters as ``Drawer`` (https://quasar.dev/layout/drawer)."""

    def __init__(self, value: bool | None = None, *, fixed: bool = True, bordered: bool = False,
                 elevated: bool = False, top_corner: bool = False, bottom_corner: bool = False) -> None:
        super().__init__("right", value, fixed=fixed, bordered=bordered, elevated=elevated, top_corner=top_corner,
                         bottom_corner=bottom_corner)


class PageSticky(Element):
    """Keeps its children at a corner or edge of the page, e.g. a floating button
    (https://quasar.dev/layout/page-sticky).

    Args:
        position: ``bottom-right`` (default), ``top-left``, ``top``, ``left``...
        x_offset: pixels from the horizontal edge.
        y_offset: pixels from the vertical edge.
        expand: span the whole edge (for ``top``, ``bottom``, ``left``, ``right``).
    """

    def __init__(self, position: StickyPosition = "bottom-right", x_offset: float = 0, y_offset: float = 0, *,
                 expand: bool = False) -> None:
        super().__init__("q-page-sticky")
        self.props["position"] = position
        self.props["offset"] = [x_offset, y_offset]
        set_props(self, expand=expand)
