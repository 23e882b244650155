"""Elements whose component wraps an instance of a JavaScript library (chart, grid, editor).

Their component sets ``flaskuiApi`` on its root DOM node to a promise of the library's instance,
so the server can call its methods, e.g. ``chart.run_chart_method("resize")``.
"""
from __future__ import annotations

import json
from typing import Any

from ..element import Element
from ..javascript import JavaScriptRequest

# The component module and the library load asynchronously after the element arrives, hence
# the bounded wait for the instance (at most 5 s) before calling it.
_CALL = """(async () => {
  for (let i = 0; i < 500 && !getElement(%(id)d)?.flaskuiApi; i++) await new Promise(r => setTimeout(r, 10));
  const api = await getElement(%(id)d).flaskuiApi;
  return api[%(name)s](...%(args)s);
})()"""


class LibraryElement(Element):
    """An element that can call methods of its JavaScript library instance in the browser."""

    def _run_method(self, name: str, *args: Any) -> JavaScriptRequest:
        """Call ``name(*args)`` on the instance; ``.result(timeout)`` on the request gives its value."""
        code = _CALL % {"id": self.id, "name": json.dumps(name), "args": json.dumps(list(args), default=str)}
        return self.client.run_javascript(code)
