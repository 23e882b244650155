"""Containers: row, column, card. Use them with ``with`` to place children inside."""
from __future__ import annotations

from ..element import Element


class Row(Element):
    """Children side by side, wrapping: ``with ui.row(): ...``."""

    def __init__(self) -> None:
        super().__init__("div")
        self.classes("flaskui-row")


class Column(Element):
    """Children stacked vertically: ``with ui.column(): ...``."""

    def __init__(self) -> None:
        super().__init__("div")
        self.classes("flaskui-column")


class Card(Element):
    """A Quasar card (https://quasar.dev/vue-components/card) stacking its children."""

    def __init__(self) -> None:
        super().__init__("q-card")
        self.classes("flaskui-card")
