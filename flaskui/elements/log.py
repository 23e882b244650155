"""``ui.log``: lines of text that scroll, such as a program's output."""
from __future__ import annotations

from typing import Any

from ..element import Element
from .stylesheet import use_stylesheet


class Log(Element, component="log.js"):
    """A box of text lines that keeps the newest line in view while the user is at the bottom.

    Each ``push`` sends only the new line (and the removal of the oldest ones beyond
    ``max_lines``), never the whole log. Size it with ``.style("height: 20rem")``.

    Args:
        max_lines: keep at most this many lines (default: all).
    """

    def __init__(self, max_lines: int | None = None) -> None:
        super().__init__()
        self.max_lines = max_lines
        self.props["lines"] = []
        use_stylesheet(self)

    def _user_content(self) -> list[str]:
        return self.lines

    @property
    def lines(self) -> list[str]:
        """The lines shown, oldest first."""
        return list(self.props["lines"])

    def push(self, line: Any) -> None:
        """Add ``line`` (any value, shown as ``str``; it may span several lines) at the end."""
        lines = self.props["lines"]
        self._splice(["lines"], len(lines), 0, [str(line)])
        if self.max_lines is not None and len(lines) > self.max_lines:
            self._splice(["lines"], 0, len(lines) - self.max_lines, [])

    def clear(self) -> None:
        """Remove every line."""
        self._splice(["lines"], 0, len(self.props["lines"]), [])
