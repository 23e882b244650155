"""Pickers: date, time and color, on the page or popping up from a text field's button."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..element import Element
from ..events import EventArguments, Handler, ValueChangeEventArguments, call_handler
from .basic import Button
from .inputs import Input
from .openable import Openable
from .validation import Validation
from .value_element import ValueElement

#: Seconds between the colors a dragged color picker sends.
DRAG_THROTTLE = 0.05


class Date(ValueElement):
    """A Quasar date picker (https://quasar.dev/vue-components/date).

    Args:
        value: the date as text in ``mask``'s format (None: none); with ``range``, a
            ``{"from": ..., "to": ...}`` dict (or one date, when a single day is picked).
        mask: the date format, in Quasar's tokens (``YYYY``, ``MM``, ``DD``...).
        range: pick a range of dates.
        on_change: called after each change of ``value``.
    """

    def __init__(self, value: str | dict[str, str] | None = None, *, mask: str = "YYYY-MM-DD", range: bool = False,
                 on_change: Handler | None = None) -> None:
        super().__init__("q-date", value=value, on_change=on_change)
        self.props.update({"mask": mask, "range": range})


class Time(ValueElement):
    """A Quasar time picker (https://quasar.dev/vue-components/time).

    Args:
        value: the time as text in ``mask``'s format (None: none).
        mask: the time format, in Quasar's tokens (``HH``, ``mm``, ``ss``...); with ``HH`` the
            clock shows 24 hours, with ``hh`` 12 hours and AM/PM.
        on_change: called after each change of ``value``.
    """

    def __init__(self, value: str | None = None, *, mask: str = "HH:mm", on_change: Handler | None = None) -> None:
        super().__init__("q-time", value=value, on_change=on_change)
        self.props.update({"mask": mask, "format24h": "HH" in mask})  # a 24-hour mask shows a 24-hour clock


@dataclass
class ColorPickEventArguments(EventArguments):
    """What an ``on_pick`` handler receives: the picked ``color`` (e.g. ``"#1e88e5"``)."""

    color: str = ""


class ColorPicker(Openable):
    """A Quasar color picker (https://quasar.dev/vue-components/color) in a menu that opens when its
    parent is clicked: ``with ui.button(icon="palette"): ui.color_picker(on_pick=...)``.

    Args:
        on_pick: called with ``ColorPickEventArguments`` when the user has picked a color.
        value: whether the menu is open.

    Attributes:
        q_color: the picker inside the menu (a ``ValueElement`` holding the color).
    """

    def __init__(self, *, on_pick: Handler | None = None, value: bool = False) -> None:
        super().__init__("q-menu", value=value)
        self._pick_handlers: list[Handler] = [on_pick] if on_pick else []
        with self:
            self.q_color = ValueElement("q-color", value=None, throttle=DRAG_THROTTLE)
        self.q_color.on("change", self._picked)  # emitted once a click or drag has ended

    def on_pick(self, handler: Handler) -> ColorPicker:
        """Also call ``handler`` when a color is picked."""
        self._pick_handlers.append(handler)
        return self

    def set_color(self, color: str) -> None:
        """Show ``color`` in the picker (does not call the ``on_pick`` handlers)."""
        self.q_color.value = color

    def _picked(self, event: EventArguments) -> None:
        color = str(event.args[0]) if event.args else ""
        arguments = ColorPickEventArguments(sender=self, client=self.client, args=event.args, color=color)
        for handler in self._pick_handlers:
            call_handler(handler, arguments)


class _PickerInput(Input):
    """A text field with a button at its end that opens a picker."""

    def _picker_button(self, icon: str) -> Button:
        with self.add_slot("append"):
            button = Button(icon=icon, color=None)
        button.props("flat round dense")
        return button


class ColorInput(_PickerInput):
    """A text field for a color, with a button opening a color picker (https://quasar.dev/vue-components/color).

    Args:
        label: the floating label.
        placeholder: text shown while empty.
        value: the initial color as CSS text, e.g. ``"#ff0000"``.
        on_change: called after each change of ``value``.
        preview: paint the button in the current color.
        validation: as for ``ui.input``.

    Attributes:
        button: the button that opens the picker.
        picker: the ``ColorPicker``.
    """

    def __init__(self, label: str | None = None, *, placeholder: str | None = None, value: str = "",
                 on_change: Handler | None = None, preview: bool = False,
                 validation: Validation | None = None) -> None:
        super().__init__(label, placeholder=placeholder, value=value, on_change=on_change, validation=validation)
        self.preview = preview
        self.button = self._picker_button("colorize")
        with self.button:
            self.picker = ColorPicker(on_pick=lambda event: setattr(self, "value", event.color))
        self._show_color(value)

    def _show_color(self, color: str) -> None:
        if color:
            self.picker.set_color(color)
        if self.preview:
            self.button.style(f"background-color: {color}" if color else None, remove="background-color")

    def _value_changed(self, value: Any, previous: Any) -> None:
        self._show_color(value)
        super()._value_changed(value, previous)


class _DateTimeInput(_PickerInput):
    """A text field whose button opens a ``Date`` or ``Time`` picker; field and picker stay in step."""

    def _add_picker(self, icon: str, picker: type[Date] | type[Time], mask: str) -> None:
        with self._picker_button(icon), Element("q-menu"):
            self.picker: Date | Time = picker(self.value or None, mask=mask, on_change=self._picked)

    def _picked(self, event: ValueChangeEventArguments) -> None:
        if event.value == self.picker.value:  # else typing has moved the picker on since: keep the newer value
            self.value = event.value or ""

    def _value_changed(self, value: Any, previous: Any) -> None:
        self.picker.value = value or None
        super()._value_changed(value, previous)


class DateInput(_DateTimeInput):
    """A text field for a date, with a button opening a date picker (https://quasar.dev/vue-components/date).

    Args:
        label: the floating label.
        placeholder: text shown while empty.
        value: the initial date as text in ``mask``'s format.
        mask: the date format, in Quasar's tokens.
        on_change: called after each change of ``value``.
        validation: as for ``ui.input``.

    Attributes:
        picker: the ``Date`` picker.
    """

    def __init__(self, label: str | None = None, *, placeholder: str | None = None, value: str = "",
                 mask: str = "YYYY-MM-DD", on_change: Handler | None = None,
                 validation: Validation | None = None) -> None:
        super().__init__(label, placeholder=placeholder, value=value, on_change=on_change, validation=validation)
        self._add_picker("edit_calendar", Date, mask)


class TimeInput(_DateTimeInput):
    """A text field for a time, with a button opening a time picker (https://quasar.dev/vue-components/time).

    Args:
        label: the floating label.
        placeholder: text shown while empty.
        value: the initial time as text in ``mask``'s format.
        mask: the time format, in Quasar's tokens.
        on_change: called after each change of ``value``.
        validation: as for ``ui.input``.

    Attributes:
        picker: the ``Time`` picker.
    """

    def __init__(self, label: str | None = None, *, placeholder: str | None = None, value: str = "",
                 mask: str = "HH:mm", on_change: Handler | None = None,
                 validation: Validation | None = None) -> None:
        super().__init__(label, placeholder=placeholder, value=value, on_change=on_change, validation=validation)
        self._add_picker("access_time", Time, mask)
