"""Dark mode and the Quasar brand colors of a page."""
from __future__ import annotations

import json
from typing import Any

from ..context import current_client
from ..element import Element
from .head import add_css

_BRANDS = ("primary", "secondary", "accent", "dark", "positive", "negative", "info", "warning")


class DarkMode(Element):
    """Dark mode of the page (Quasar's Dark plugin, https://quasar.dev/quasar-plugins/dark).

    Args:
        value: True (dark), False (light) or None (follow the system setting).
        on_change: called after each change of ``value``.

    ``enable()``, ``disable()``, ``auto()`` and ``toggle()`` change it; it renders nothing.
    """

    def __init__(self, value: bool | None = False) -> None:
        super().__init__("")
        self.value = value

    @property
    def value(self) -> bool | None:
        return self.client.dark

    @value.setter
    def value(self, value: bool | None) -> None:
        self.client.dark = value
        if self.client.outbox.recording:
            self.client.run_javascript(f"Quasar.Dark.set({json.dumps('auto' if value is None else value)})")

    def enable(self) -> None:
        self.value = True

    def disable(self) -> None:
        self.value = False

    def auto(self) -> None:
        self.value = None

    def toggle(self) -> None:
        """Switch between dark and light (from auto: to dark)."""
        self.value = not self.value


def colors(**brand: Any) -> None:
    """Set the page's Quasar brand colors: ``ui.colors(primary="#5898d4", positive="#21ba45")``.

    Names: primary, secondary, accent, dark, positive, negative, info, warning, or any custom name
    (used as ``color=name`` and ``text-name``/``bg-name`` classes).
    """
    client = current_client()
    if not client.outbox.recording:
        rules = "".join(f"--q-{name}: {value};" for name, value in brand.items())
        custom = "".join(
            f".text-{name} {{ color: var(--q-{name}) !important }} "
            f".bg-{name} {{ background: var(--q-{name}) !important }}"
            for name in brand if name not in _BRANDS
        )
        add_css(f":root {{ {rules} }} {custom}")
        return
    for name, value in brand.items():
        client.run_javascript(f"Quasar.setCssVar({json.dumps(name)}, {json.dumps(value)})")
