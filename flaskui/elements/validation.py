"""Form fields: labelled value elements that check their value and show an error under the field.

Quasar fields show ``error-message`` while the ``error`` prop is true; the check itself runs on the
server, after every change of the value::

    ui.input("Name", validation={"Too long": lambda value: len(value) <= 10})
    ui.number("Age", validation=lambda value: None if value and value >= 18 else "Adults only")
"""
from __future__ import annotations

from typing import Any, Callable, Union

from ..events import Handler
from .value_element import ValueElement

#: ``{message: predicate}`` (the message shows while its predicate is false) or a function
#: returning an error message, or None when the value is fine.
Validation = Union[Callable[[Any], Union[str, None]], dict[str, Callable[[Any], bool]]]


class ValidationElement(ValueElement):
    """A ``ValueElement`` with a label and an optional ``validation``, re-checked on each change.

    Args:
        tag: the Quasar component (a field: it has the ``label``, ``error`` and ``error-message`` props).
        label: the field's floating label.
        value: the initial value (not checked until it first changes or ``validate()`` is called).
        on_change: called after each change of ``value``.
        validation: ``{message: predicate}`` or a function returning an error message or None.
    """

    def __init__(self, tag: str | None, *, label: str | None, value: Any, on_change: Handler | None = None,
                 validation: Validation | None = None) -> None:
        super().__init__(tag, value=value, on_change=on_change)
        if label is not None:
            self.props["label"] = label
        self.validation = validation
        self._auto_validation = True

    @property
    def error(self) -> str | None:
        """The error message shown under the field, or None; assign it to show your own."""
        return self.props.get("error-message") if self.props.get("error") else None

    @error.setter
    def error(self, message: str | None) -> None:
        self.props["error"] = message is not None
        if message is None:
            self.props.pop("error-message", None)
        else:
            self.props["error-message"] = message

    def validate(self) -> bool:
        """Check the value now, show the error (if any), and return whether the value is valid."""
        self.error = self._error_for(self.value)
        return self.error is None

    def without_auto_validation(self) -> ValidationElement:
        """Check only when ``validate()`` is called, not on every change."""
        self._auto_validation = False
        return self

    def _error_for(self, value: Any) -> str | None:
        if self.validation is None:
            return None
        if callable(self.validation):
            return self.validation(value)
        return next((message for message, check in self.validation.items() if not check(value)), None)

    def _value_changed(self, value: Any, previous: Any) -> None:
        if self.validation is not None and self._auto_validation:
            self.validate()
        super()._value_changed(value, previous)
