"""``ui.mermaid``: a diagram drawn by Mermaid from its text (https://mermaid.js.org/intro/syntax-reference.html)."""
from __future__ import annotations

from typing import Any

from ..element import Element, PropAttribute


class Mermaid(Element, component="mermaid.js", dependencies=["lib/mermaid/mermaid.min.js"]):
    """A flowchart, sequence diagram, Gantt chart... from Mermaid's text syntax.

    Args:
        content: the diagram's source, e.g. ``"graph LR; A --> B"``; assign ``content`` to redraw.
        config: Mermaid configuration (https://mermaid.js.org/config/schema-docs/config.html),
            e.g. ``{"theme": "forest"}``.

    A diagram that does not parse shows Mermaid's error message instead.
    """

    content = PropAttribute[str]("content", "The diagram's source; assigning it redraws.")

    def __init__(self, content: str, config: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.props["content"] = content
        self.props["config"] = config or {}

    def set_content(self, content: str) -> None:
        """Redraw with ``content``."""
        self.content = content
