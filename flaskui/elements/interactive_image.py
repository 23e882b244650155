"""``ui.interactive_image``: an image with an SVG overlay and mouse events in image coordinates."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..element import PropAttribute
from ..events import EventArguments, Handler, call_handler
from ..files.media import MediaSource
from .media import MediaElement

MOUSE_EVENTS = ("click", "dblclick", "mousedown", "mouseup", "mousemove", "mouseover", "mouseout", "contextmenu")


@dataclass
class MouseEventArguments(EventArguments):
    """A mouse event on an interactive image.

    Attributes:
        type: the DOM event type, e.g. ``"click"``.
        image_x, image_y: where, in pixels of the image's natural size (or of ``size``).
        button: the button that changed (0 left, 1 middle, 2 right).
        buttons: the buttons held down, as a bit mask.
        alt, ctrl, meta, shift: the modifier keys held down.
    """

    type: str = ""
    image_x: float = 0.0
    image_y: float = 0.0
    button: int = 0
    buttons: int = 0
    alt: bool = False
    ctrl: bool = False
    meta: bool = False
    shift: bool = False


class InteractiveImage(MediaElement, component="interactive_image.js"):
    """An image with SVG drawn over it, reporting mouse events in image pixels.

    The overlay's coordinates are the image's pixels, so ``<circle cx="100" cy="50" r="5" />``
    marks the pixel (100, 50) whatever size the image is shown at. ``content`` is inserted as
    SVG markup as it is: escape any text a user wrote (``markupsafe.escape``).

    Args:
        source: a URL (or a path the app serves), a ``pathlib.Path``, bytes or a PIL image.
        content: SVG elements drawn over the image.
        size: ``(width, height)`` of the drawing area when there is no image.
        on_mouse: called with ``MouseEventArguments``.
        events: the mouse events to report (``click``, ``mousemove``, ``mousedown``...).
        cross: show a crosshair under the mouse (``True``, or its CSS color).
    """

    content = PropAttribute[str]("content", "The SVG overlay; assigning it redraws.")

    def __init__(self, source: MediaSource = "", *, content: str = "", size: tuple[float, float] | None = None,
                 on_mouse: Handler | None = None, events: list[str] | tuple[str, ...] = ("click",),
                 cross: bool | str = False) -> None:
        super().__init__("", source, None, "image")  # "": the tag of the element's component
        unknown = set(events) - set(MOUSE_EVENTS)
        if unknown:
            raise ValueError(f"unknown mouse events {sorted(unknown)}; choose from {MOUSE_EVENTS}")
        self.content = content
        self.props["events"] = list(events)
        if size is not None:
            self.props["size"] = list(size)
        if cross:
            self.props["cross"] = "black" if cross is True else cross
        self._mouse_handlers: list[Handler] = []
        if on_mouse is not None:
            self.on_mouse(on_mouse)

    def on_mouse(self, handler: Handler) -> InteractiveImage:
        """Also call ``handler`` with ``MouseEventArguments`` on each mouse event."""
        if not self._mouse_handlers:  # without a listener the browser sends no mouse events
            self.on("mouse", self._mouse)
        self._mouse_handlers.append(handler)
        return self

    def _mouse(self, event: EventArguments) -> None:
        data: dict[str, Any] = event.args[0] if event.args and isinstance(event.args[0], dict) else {}
        arguments = MouseEventArguments(
            sender=self, client=self.client, args=event.args, type=str(data.get("type", "")),
            image_x=float(data.get("image_x", 0)), image_y=float(data.get("image_y", 0)),
            button=int(data.get("button", 0)), buttons=int(data.get("buttons", 0)), alt=bool(data.get("alt")),
            ctrl=bool(data.get("ctrl")), meta=bool(data.get("meta")), shift=bool(data.get("shift")))
        for handler in self._mouse_handlers:
            call_handler(handler, arguments)
