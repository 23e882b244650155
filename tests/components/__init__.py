"""A custom element with its own Vue component, for the tests."""
from __future__ import annotations

from flaskui import EventArguments, ui


class Counter(ui.element, component="counter.js", dependencies=["helper.js"]):
    def __init__(self, value: int = 0) -> None:
        super().__init__()
        self.props["value"] = value
        self.on("bump", self._bump)

    def _bump(self, event: EventArguments) -> None:
        self.props["value"] = event.args[0]
