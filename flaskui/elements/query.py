"""``ui.query``: classes, style and attributes of page nodes that are not flaskui elements."""
from __future__ import annotations

import json

from ..context import current_client
from ..element import parse_props, parse_style


class Query:
    """The nodes matching a CSS selector, e.g. ``ui.query("body").style("background: #eef")``.

    Each call sends one small script to the tab; called in a page function it runs when the tab
    connects.
    """

    def __init__(self, selector: str) -> None:
        self.selector = selector

    def _run(self, body: str) -> Query:
        current_client().run_javascript(
            f"document.querySelectorAll({json.dumps(self.selector)}).forEach(node => {{ {body} }})"
        )
        return self

    def classes(self, add: str | None = None, *, remove: str | None = None, replace: str | None = None) -> Query:
        """Add, remove or replace CSS classes."""
        body = "node.className = '';" if replace is not None else ""
        body += f"node.classList.remove(...{json.dumps((remove or '').split())});"
        body += f"node.classList.add(...{json.dumps(((replace or '') + ' ' + (add or '')).split())});"
        return self._run(body)

    def style(self, add: str | None = None, *, remove: str | None = None) -> Query:
        """Add or remove inline CSS declarations."""
        removed = [name.strip() for name in (remove or "").split(";") if name.strip()]
        body = "".join(f"node.style.removeProperty({json.dumps(name.split(':')[0].strip())});" for name in removed)
        body += "".join(f"node.style.setProperty({json.dumps(k)}, {json.dumps(v)});"
                        for k, v in parse_style(add or "").items())
        return self._run(body)

    def props(self, add: str | None = None, *, remove: str | None = None) -> Query:
        """Set or remove HTML attributes (``"data-theme=dark hidden"``)."""
        body = "".join(f"node.removeAttribute({json.dumps(name)});" for name in parse_props(remove or ""))
        body += "".join(f"node.setAttribute({json.dumps(k)}, {json.dumps('' if v is True else str(v))});"
                        for k, v in parse_props(add or "").items())
        return self._run(body)
