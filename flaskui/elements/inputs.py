"""Text input and checkbox."""
from __future__ import annotations

from ..events import Handler
from .value_element import ValueElement


class Input(ValueElement):
    """A Quasar text field (https://quasar.dev/vue-components/input).

    Args:
        label: the floating label.
        placeholder: text shown while empty.
        value: the initial text.
        password: hide what is typed.
        on_change: called after each change of ``value``.
    """

    def __init__(self, label: str | None = None, *, placeholder: str | None = None, value: str = "",
                 password: bool = False, on_change: Handler | None = None) -> None:
        super().__init__("q-input", value=value, on_change=on_change)
        if label is not None:
            self.props["label"] = label
        if placeholder is not None:
            self.props["placeholder"] = placeholder
        if password:
            self.props["type"] = "password"

    def _value_from_args(self, args: list[object]) -> str:
        return "" if not args or args[0] is None else str(args[0])


class Checkbox(ValueElement):
    """A Quasar checkbox (https://quasar.dev/vue-components/checkbox).

    Args:
        text: the label next to the box.
        value: checked or not.
        on_change: called after each change of ``value``.
    """

    def __init__(self, text: str = "", *, value: bool = False, on_change: Handler | None = None) -> None:
        super().__init__("q-checkbox", value=value, on_change=on_change)
        if text:
            self.props["label"] = text

    def _value_from_args(self, args: list[object]) -> bool:
        return bool(args and args[0])
