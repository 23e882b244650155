"""Elements whose boolean ``value`` says whether they are shown (header, drawer) or open (expansion,
dropdown button, color picker)."""
from __future__ import annotations

from .value_element import ValueElement


class _OnOff(ValueElement):
    def toggle(self) -> None:
        """Flip the value."""
        self.value = not self.value

    def _value_from_args(self, args: list[object]) -> bool:
        return bool(args and args[0])


class Showable(_OnOff):
    """A ``ValueElement`` whose value says whether it is shown, with ``show``/``hide``/``toggle``."""

    def show(self) -> None:
        """Show it."""
        self.value = True

    def hide(self) -> None:
        """Hide it."""
        self.value = False


class Openable(_OnOff):
    """A ``ValueElement`` whose value says whether it is open, with ``open``/``close``/``toggle``."""

    def open(self) -> None:
        """Open it."""
        self.value = True

    def close(self) -> None:
        """Close it."""
        self.value = False
