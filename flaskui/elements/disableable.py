"""Elements a user can disable: buttons, inputs, uploads.

A disabled element is greyed out and takes no input in the browser (Quasar's ``disable`` prop), and
the server refuses any event that claims to come from it, so a crafted message cannot click a
button the page disabled::

    save = ui.button("Save", on_click=store).disable()
    ui.checkbox("I agree").bind_value_to(save, "enabled")
    save.bind_enabled_from(form, "valid")
"""
from __future__ import annotations

from typing import Any, TypeVar

from .. import binding
from ..binding import Transform
from ..element import Element

D = TypeVar("D", bound="DisableableElement")


class DisableableElement(Element):
    """An element with ``enabled``, ``enable()``, ``disable()`` and ``bind_enabled*``."""

    @property
    def enabled(self) -> bool:
        """Whether the element takes input; assigning False greys it out and refuses its events."""
        return not self.props.get("disable", False)

    @enabled.setter
    def enabled(self, value: bool) -> None:
        value = bool(value)
        if value != self.enabled:
            if value:
                del self.props["disable"]
            else:
                self.props["disable"] = True
            binding.notify(self, "enabled", value)

    def enable(self: D) -> D:
        """Enable the element; returns it, for chaining."""
        self.enabled = True
        return self

    def disable(self: D) -> D:
        """Disable the element; returns it, for chaining."""
        self.enabled = False
        return self

    def set_enabled(self: D, enabled: bool) -> D:
        """Enable or disable the element; returns it, for chaining."""
        self.enabled = enabled
        return self

    def events_refused_because(self) -> str | None:
        if not self.enabled:
            return "is disabled"
        return super().events_refused_because()

    def bind_enabled_to(self, target: Any, name: str = "enabled", forward: Transform | None = None) -> Any:
        """Copy whether this element is enabled to ``target.name``."""
        return self._bind("enabled", target, name, forward, None, "to")

    def bind_enabled_from(self, source: Any, name: str = "enabled", backward: Transform | None = None) -> Any:
        """Enable this element while ``backward(source.name)`` (default: its truth) holds."""
        return self._bind("enabled", source, name, None, backward or bool, "from")

    def bind_enabled(self, other: Any, name: str = "enabled", *, forward: Transform | None = None,
                     backward: Transform | None = None) -> Any:
        """Two-way: whether this element is enabled and ``other.name``."""
        return self._bind("enabled", other, name, forward, backward, "both")
