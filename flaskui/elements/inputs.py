"""Text fields (input, textarea, number) and on/off boxes (checkbox, switch)."""
from __future__ import annotations

import math
from typing import Any

from ..element import Element
from ..events import EventArguments, Handler
from .layout import set_props
from .validation import Validation, ValidationElement
from .value_element import ValueElement


class Input(ValidationElement):
    """A Quasar text field (https://quasar.dev/vue-components/input).

    Args:
        label: the floating label.
        placeholder: text shown while empty.
        value: the initial text.
        password: hide what is typed.
        password_toggle_button: an eye icon that shows or hides what is typed.
        on_change: called after each change of ``value``.
        autocomplete: words the browser suggests while typing (an HTML ``datalist``).
        validation: ``{message: predicate}`` or a function returning an error message or None;
            checked after each change, the message shows under the field.
    """

    def __init__(self, label: str | None = None, *, placeholder: str | None = None, value: str = "",
                 password: bool = False, password_toggle_button: bool = False, on_change: Handler | None = None,
                 autocomplete: list[str] | None = None, validation: Validation | None = None) -> None:
        super().__init__("q-input", label=label, value=value, on_change=on_change, validation=validation)
        if placeholder is not None:
            self.props["placeholder"] = placeholder
        if password:
            self.props["type"] = "password"
        if password_toggle_button:
            with self.add_slot("append"):
                eye = Element("q-icon").on("click", self._toggle_password)
            eye.props["name"] = "visibility_off" if password else "visibility"
            eye.classes("cursor-pointer")
        self._suggestions: Element | None = None
        if autocomplete:
            self.set_autocomplete(autocomplete)

    def set_autocomplete(self, autocomplete: list[str] | None) -> None:
        """Replace the suggestions the browser offers while typing."""
        if self._suggestions is None:
            with self:  # QInput renders its default slot next to the native input; a datalist stays invisible
                self._suggestions = Element("datalist")
            self.props["list"] = f"f{self._suggestions.id}"  # QInput passes unknown attributes to its <input>
        self._suggestions.clear()
        with self._suggestions:
            for word in autocomplete or []:
                Element("option").props["value"] = word

    def _toggle_password(self, event: EventArguments) -> None:
        hidden = self.props.get("type") == "password"
        self.props["type"] = "text" if hidden else "password"
        event.sender.props["name"] = "visibility" if hidden else "visibility_off"

    def _value_from_args(self, args: list[object]) -> str:
        return "" if not args or args[0] is None else str(args[0])


class Textarea(Input):
    """A multi-line Quasar text field (https://quasar.dev/vue-components/input#textarea).

    Args:
        label: the floating label.
        placeholder: text shown while empty.
        value: the initial text.
        on_change: called after each change of ``value``.
        validation: as for ``ui.input``.
    """

    def __init__(self, label: str | None = None, *, placeholder: str | None = None, value: str = "",
                 on_change: Handler | None = None, validation: Validation | None = None) -> None:
        super().__init__(label, placeholder=placeholder, value=value, on_change=on_change, validation=validation)
        self.props["type"] = "textarea"


class Number(ValidationElement):
    """A Quasar number field (https://quasar.dev/vue-components/input); ``value`` is a float or None.

    When the field loses focus the value is clamped to ``min``/``max``, rounded to ``precision``
    and shown with ``format``.

    Args:
        label: the floating label.
        placeholder: text shown while empty.
        value: the initial number (None: empty).
        min: the smallest value allowed.
        max: the largest value allowed.
        precision: decimal places to round to (negative: round to tens, hundreds...).
        step: the step of the field's arrows and arrow keys.
        prefix: text shown before the number, e.g. ``"$"``.
        suffix: text shown after the number, e.g. ``"kg"``.
        format: a ``%`` format for showing the number, e.g. ``"%.2f"``.
        on_change: called after each change of ``value``.
        validation: as for ``ui.input``.
    """

    def __init__(self, label: str | None = None, *, placeholder: str | None = None, value: float | None = None,
                 min: float | None = None, max: float | None = None, precision: int | None = None,
                 step: float | None = None, prefix: str | None = None, suffix: str | None = None,
                 format: str | None = None, on_change: Handler | None = None,
                 validation: Validation | None = None) -> None:
        self.format = format  # needed by _value_to_model, which the base class calls
        self.precision = precision
        self.min = min
        self.max = max
        super().__init__("q-input", label=label, value=value, on_change=on_change, validation=validation)
        self.props["type"] = "number"
        self.style("min-width: 10rem")  # a native number field is narrow: keep the label readable
        set_props(self, placeholder=placeholder, min=min, max=max, step=step, prefix=prefix, suffix=suffix)
        self.on("blur", self.sanitize)

    def sanitize(self) -> None:
        """Clamp to ``min``/``max``, round to ``precision``, and show the value formatted."""
        value = self.value
        if value is not None:
            if self.min is not None:
                value = max(value, self.min)
            if self.max is not None:
                value = min(value, self.max)
            if self.precision is not None:
                value = round(value, self.precision)
        self.value = value
        self._changed_prop(self.VALUE_PROP)  # the browser shows what was typed; show the formatted value

    def _value_from_args(self, args: list[Any]) -> float | None:
        return _to_number(args[0] if args else None)

    def _value_to_model(self, value: float | None) -> Any:
        return self.format % value if self.format is not None and value is not None else value

    def _value_from_model(self, model: Any) -> float | None:
        return _to_number(model)


def _to_number(model: Any) -> float | None:
    """A number from what a number field holds: a number, numeric text, or nothing."""
    if isinstance(model, (int, float)) and not isinstance(model, bool):
        return model
    try:
        number = float(model)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


class _BooleanElement(ValueElement):
    """A labelled on/off value element."""

    def __init__(self, tag: str, text: str, value: bool, on_change: Handler | None) -> None:
        super().__init__(tag, value=value, on_change=on_change)
        if text:
            self.props["label"] = text

    def _value_from_args(self, args: list[object]) -> bool:
        return bool(args and args[0])


class Checkbox(_BooleanElement):
    """A Quasar checkbox (https://quasar.dev/vue-components/checkbox).

    Args:
        text: the label next to the box.
        value: checked or not.
        on_change: called after each change of ``value``.
    """

    def __init__(self, text: str = "", *, value: bool = False, on_change: Handler | None = None) -> None:
        super().__init__("q-checkbox", text, value, on_change)


class Switch(_BooleanElement):
    """A Quasar toggle switch (https://quasar.dev/vue-components/toggle).

    Args:
        text: the label next to the switch.
        value: on or off.
        on_change: called after each change of ``value``.
    """

    def __init__(self, text: str = "", *, value: bool = False, on_change: Handler | None = None) -> None:
        super().__init__("q-toggle", text, value, on_change)
