"""Custom elements with their own Vue components, for the tests."""
from __future__ import annotations

from flaskui import EventArguments, ui


class Counter(ui.element, component="counter.js", dependencies=["helper.js"]):
    def __init__(self, value: int = 0) -> None:
        super().__init__()
        self.props["value"] = value
        self.on("bump", self._bump)

    def _bump(self, event: EventArguments) -> None:
        self.props["value"] = event.args[0]


class Stars(ui.element, component="stars.js"):
    """Renders Quasar's q-rating (rest tier) and QBtn (core tier) by name."""

    def __init__(self, value: int) -> None:
        super().__init__()
        self.props["value"] = value


class Rated(ui.element, component="rated.js", dependencies=["rating_part.js"]):
    """Renders q-rating (rest tier) from a module its component file imports."""

    def __init__(self, value: int) -> None:
        super().__init__()
        self.props["value"] = value


class Greeting(ui.element, component="greeting.js"):
    """A component with a template instead of a render function."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.props["name"] = name


class NestedGreeting(ui.element, component="nested_greeting.js"):
    """A component whose template is two levels down its ``components``."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.props["name"] = name
