"""Props that the user changes in the browser besides a value: a table's selection, a tree's
expanded nodes. Each follows its component's ``update:<prop>`` event, without echo."""
from __future__ import annotations

from functools import partial
from typing import Any

from ..element import Element
from ..events import EventArguments, Handler, ValueChangeEventArguments


class SyncedPropsElement(Element):
    """An element that keeps chosen props in step with the browser; handlers run on the browser's changes."""

    def __init__(self, tag: str) -> None:
        super().__init__(tag)
        self._prop_handlers: dict[str, list[Handler]] = {}

    def _sync_prop(self, prop: str, value: Any, handler: Handler | None = None,
                   arguments: type[ValueChangeEventArguments] = ValueChangeEventArguments) -> None:
        """Give ``prop`` its first value and follow ``update:<prop>`` (``handler`` is called after each)."""
        self._prop_handlers[prop] = [handler] if handler else []
        self.props[prop] = value
        self._add_listener(f"update:{prop}", partial(self._prop_from_browser, prop, arguments), sync=prop,
                           inline=True)

    def _on_prop_change(self, prop: str, handler: Handler) -> None:
        self._prop_handlers[prop].append(handler)

    def _prop_from_browser(self, prop: str, arguments: type[ValueChangeEventArguments],
                           event: EventArguments) -> None:
        value = event.args[0] if event.args else None
        previous = self.props.get(prop)
        if value == previous:
            return
        self.props.set_quietly(prop, value)
        for handler in self._prop_handlers[prop]:
            self.client.events.submit_logged(handler, arguments(sender=self, client=self.client, args=[value],
                                                                value=value, previous_value=previous),
                                             in_order_of=(self.id, prop))
