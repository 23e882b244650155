"""Elements with a value the user edits (input, checkbox...), kept in the ``modelValue`` prop.

The browser applies the user's edit locally at once and sends it; the server stores it without
echoing it back (no cursor jumps while typing) and calls the change handlers. Assigning ``value``
on the server updates the browser and calls them too.
"""
from __future__ import annotations

from typing import Any

from ..events import EventArguments, Handler, ValueChangeEventArguments
from ..element import Element


class ValueElement(Element):
    """An element whose ``value`` is two-way bound to the browser.

    Args:
        tag: the Quasar component.
        value: the initial value.
        on_change: called with ``ValueChangeEventArguments`` (or nothing) after every change.
    """

    VALUE_PROP = "modelValue"

    def __init__(self, tag: str, *, value: Any, on_change: Handler | None = None) -> None:
        super().__init__(tag)
        self.props[self.VALUE_PROP] = value
        self._change_handlers: list[Handler] = [on_change] if on_change else []
        self._add_listener(f"update:{self.VALUE_PROP}", self._value_from_browser, sync=self.VALUE_PROP, inline=True)

    @property
    def value(self) -> Any:
        """The current value; assigning it updates the browser."""
        return self.props[self.VALUE_PROP]

    @value.setter
    def value(self, value: Any) -> None:
        previous = self.value
        if value != previous:
            self.props[self.VALUE_PROP] = value
            self._value_changed(value, previous)

    def on_value_change(self, handler: Handler) -> ValueElement:
        """Also call ``handler`` after every change of the value."""
        self._change_handlers.append(handler)
        return self

    def _value_from_browser(self, event: EventArguments) -> None:
        value = self._value_from_args(event.args)
        previous = self.value
        if value != previous:
            self.props._data[self.VALUE_PROP] = value  # the browser has it already: no echo
            self._value_changed(value, previous)

    def _value_from_args(self, args: list[Any]) -> Any:
        return args[0] if args else None

    def _value_changed(self, value: Any, previous: Any) -> None:
        for handler in self._change_handlers:
            arguments = ValueChangeEventArguments(sender=self, client=self.client, args=[value],
                                                  value=value, previous_value=previous)
            self.client.events.submit(handler, arguments)
