"""Feedback while something happens: notification element, spinner, progress bars, skeleton.

    note = ui.notification("Uploading...", spinner=True, timeout=0)
    progress = ui.linear_progress(0.0)
    ...
    progress.value = 0.5
    note.message, note.spinner, note.type, note.timeout = "Done", False, "positive", 3
"""
from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar, overload

from ..element import Element
from ..events import EventArguments, Handler
from .basic import Label
from .layout import set_props
from .messages import NotifyType, Position, notify_options
from .page_layout import in_page_layout
from .value_element import ValueElement

T = TypeVar("T")


class _Setting(Generic[T]):
    """A notification setting: assigning it updates the notification in the browser."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: type) -> _Setting[T]: ...

    @overload
    def __get__(self, instance: Notification, owner: type) -> T: ...

    def __get__(self, instance: Notification | None, owner: type) -> _Setting[T] | T:
        if instance is None:
            return self
        return instance._settings[self.name]  # type: ignore[no-any-return]

    def __set__(self, instance: Notification, value: T) -> None:
        instance._settings[self.name] = value
        instance._send()


class Notification(Element, component="notification.js"):
    """A notification that stays an element: change it while it is shown, dismiss it from the server
    (https://quasar.dev/quasar-plugins/notify).

    It belongs to the page's layout wherever it is created, and is deleted once dismissed. Its
    settings are attributes: ``note.message = "Step 2"`` updates the notification in place.

    Args:
        message: the text.
        position: where on the screen (``bottom``, ``top-right``, ``center``...).
        close_button: show a close button (``True`` or its label).
        type: a preset look: ``positive``, ``negative``, ``warning``, ``info``, ``ongoing``.
        color: a Quasar color name.
        multi_line: lay out for longer text.
        icon: a Material icon.
        spinner: show a spinner (work in progress).
        timeout: seconds before it dismisses itself (0: it stays until dismissed).
        on_dismiss: called once it is dismissed (by the user, its timeout or ``dismiss()``).
        options: further Quasar Notify options, e.g. ``{"caption": "details"}``.
    """

    message: _Setting[Any] = _Setting()
    position: _Setting[Position] = _Setting()
    close_button: _Setting[bool | str] = _Setting()
    type: _Setting[NotifyType | None] = _Setting()
    color: _Setting[str | None] = _Setting()
    multi_line: _Setting[bool] = _Setting()
    icon: _Setting[str | None] = _Setting()
    spinner: _Setting[bool] = _Setting()
    timeout: _Setting[float] = _Setting()

    def __init__(self, message: Any = "", *, position: Position = "bottom", close_button: bool | str = False,
                 type: NotifyType | None = None, color: str | None = None, multi_line: bool = False,
                 icon: str | None = None, spinner: bool = False, timeout: float = 5.0,
                 on_dismiss: Handler | None = None, options: dict[str, Any] | None = None) -> None:
        with in_page_layout():
            super().__init__()
        self._settings: dict[str, Any] = dict(
            message=message, position=position, close_button=close_button, type=type, color=color,
            multi_line=multi_line, icon=icon, spinner=spinner, timeout=timeout)
        self._options = options or {}
        self._send()
        self._dismiss_handlers: list[Handler] = [on_dismiss] if on_dismiss else []
        self.on("dismiss", self.dismiss)

    def _send(self) -> None:
        self.props["options"] = notify_options(**self._settings, **self._options)  # icon, spinner: as they are

    def on_dismiss(self, handler: Handler) -> Notification:
        """Also call ``handler`` once the notification is dismissed."""
        self._dismiss_handlers.append(handler)
        return self

    def dismiss(self) -> None:
        """Remove the notification from the screen (and the element from the page)."""
        if self.deleted:
            return
        self.delete()
        for handler in self._dismiss_handlers:
            self.client.events.submit_logged(handler, EventArguments(sender=self, client=self.client))


SpinnerType = Literal[
    "default", "audio", "ball", "bars", "box", "clock", "comment", "cube", "dots", "facebook", "gears", "grid",
    "hearts", "hourglass", "infinity", "ios", "orbit", "oval", "pie", "puff", "radio", "rings", "tail",
]


class Spinner(Element):
    """A loading indicator (https://quasar.dev/vue-components/spinners).

    Args:
        type: its look: ``default``, ``dots``, ``gears``, ``hourglass``, ``oval``, ``tail``...
        size: a CSS size (``2em``, ``40px``) or a Quasar size name (``xl``).
        color: a Quasar color name.
        thickness: line thickness (``default`` type only).
    """

    def __init__(self, type: SpinnerType = "default", *, size: str = "1em", color: str | None = "primary",
                 thickness: float = 5.0) -> None:
        super().__init__("q-spinner" if type == "default" else f"q-spinner-{type}")
        set_props(self, size=size, color=color, thickness=thickness if type == "default" else None)


class _Progress(ValueElement):
    """A progress bar whose value can be shown as text on it."""

    VALUE_PROP = "value"

    def __init__(self, tag: str, *, value: float, show_value: bool, color: str | None,
                 label_classes: str = "") -> None:
        super().__init__(tag, value=value)
        set_props(self, color=color)
        self._label: Label | None = None
        if show_value:
            with self:
                self._label = Label(_format(value)).classes(label_classes)

    def _value_changed(self, value: Any, previous: Any) -> None:
        if self._label is not None:
            self._label.text = _format(value)
        super()._value_changed(value, previous)


def _format(value: Any) -> str:
    return format(value, "g") if isinstance(value, (int, float)) else str(value)


class LinearProgress(_Progress):
    """A progress bar (https://quasar.dev/vue-components/linear-progress).

    Args:
        value: the progress, 0..1; assign ``progress.value`` to move it.
        size: its height as CSS (default: 20px with the value shown, else 4px).
        show_value: show the value on the bar.
        color: a Quasar color name.
    """

    def __init__(self, value: float = 0.0, *, size: str | None = None, show_value: bool = True,
                 color: str | None = "primary") -> None:
        super().__init__("q-linear-progress", value=value, show_value=show_value, color=color,
                         label_classes="absolute-center text-white text-caption")
        self.props["size"] = size if size is not None else "20px" if show_value else "4px"


class CircularProgress(_Progress):
    """A round progress indicator (https://quasar.dev/vue-components/circular-progress).

    Args:
        value: the progress, from ``min`` to ``max``.
        min: the value of an empty circle.
        max: the value of a full circle.
        size: a CSS size or a Quasar size name.
        show_value: show the value in the middle.
        color: a Quasar color name.
    """

    def __init__(self, value: float = 0.0, *, min: float = 0.0, max: float = 1.0, size: str = "xl",
                 show_value: bool = True, color: str | None = "primary") -> None:
        super().__init__("q-circular-progress", value=value, show_value=show_value, color=color)
        self.props.update({"min": min, "max": max, "size": size})
        if show_value:
            self.props["show-value"] = True


SkeletonType = Literal[
    "rect", "text", "circle", "QBtn", "QBadge", "QChip", "QToolbar", "QCheckbox", "QRadio", "QToggle", "QSlider",
    "QRange", "QInput", "QAvatar",
]


class Skeleton(Element):
    """A placeholder shaped like content that is still loading (https://quasar.dev/vue-components/skeleton).

    Args:
        type: the shape: ``rect``, ``text``, ``circle`` or a component's shape (``QBtn``, ``QInput``...).
        tag: the HTML tag.
        animation: ``wave``, ``pulse``, ``pulse-x``, ``pulse-y``, ``fade``, ``blink`` or ``none``.
        animation_speed: seconds per animation cycle.
        square: no rounded corners.
        bordered: a border.
        size: width and height at once (CSS).
        width: CSS width.
        height: CSS height.
    """

    def __init__(self, type: SkeletonType = "rect", *, tag: str = "div", animation: str = "wave",
                 animation_speed: float = 1.5, square: bool = False, bordered: bool = False,
                 size: str | None = None, width: str | None = None, height: str | None = None) -> None:
        super().__init__("q-skeleton")
        self.props.update({"type": type, "tag": tag, "animation": animation, "animation-speed": animation_speed})
        set_props(self, square=square, bordered=bordered, size=size, width=width, height=height)
