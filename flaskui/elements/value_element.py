"""Elements with a value the user edits (input, checkbox...), kept in the ``modelValue`` prop.

The browser applies the user's edit locally at once and sends it; the server stores it without
echoing it back (no cursor jumps while typing) and calls the change handlers. Assigning ``value``
on the server updates the browser and calls them too.
"""
from __future__ import annotations

from typing import Any, TypeVar

from .. import binding
from ..binding import ValueBindingMixin
from ..events import EventArguments, Handler, ValueChangeEventArguments
from .disableable import DisableableElement


V = TypeVar("V", bound="ValueElement")


class ValueElement(ValueBindingMixin, DisableableElement):
    """An element whose ``value`` is two-way bound to the browser.

    Args:
        tag: the Quasar component (None: the element class's own component).
        value: the initial value.
        on_change: called with ``ValueChangeEventArguments`` (or nothing) after every change.
        throttle: send the browser's changes at most once per this many seconds (sliders).
    """

    VALUE_PROP = "modelValue"

    def __init__(self, tag: str | None, *, value: Any, on_change: Handler | None = None, throttle: float = 0.0) -> None:
        super().__init__(tag)
        self.props[self.VALUE_PROP] = self._value_to_model(value)
        self._change_handlers: list[Handler] = [on_change] if on_change else []
        self._add_listener(f"update:{self.VALUE_PROP}", self._value_from_browser, sync=self.VALUE_PROP, inline=True,
                           throttle=throttle)

    @property
    def value(self) -> Any:
        """The current value; assigning it updates the browser."""
        return self._value_from_model(self.props[self.VALUE_PROP])

    @value.setter
    def value(self, value: Any) -> None:
        previous = self.value
        if value != previous:
            self.props[self.VALUE_PROP] = self._value_to_model(value)
            self._value_changed(value, previous)

    def on_value_change(self: V, handler: Handler) -> V:
        """Also call ``handler`` after every change of the value."""
        self._change_handlers.append(handler)
        return self

    def _value_from_browser(self, event: EventArguments) -> None:
        value = self._value_from_args(event.args)
        previous = self.value
        if value != previous:
            self.props.set_quietly(self.VALUE_PROP, self._value_to_model(value))
            self._value_changed(value, previous)

    def _value_from_args(self, args: list[Any]) -> Any:
        return args[0] if args else None

    def _value_to_model(self, value: Any) -> Any:
        """What the component's value prop holds for ``value`` (e.g. a formatted number)."""
        return value

    def _value_from_model(self, model: Any) -> Any:
        """The value that the component's value prop ``model`` stands for."""
        return model

    def _value_changed(self, value: Any, previous: Any) -> None:
        binding.notify(self, "value", value)
        for handler in self._change_handlers:
            arguments = ValueChangeEventArguments(sender=self, client=self.client, args=[value],
                                                  value=value, previous_value=previous)
            self.client.events.submit_logged(handler, arguments, in_order_of=self.id)
