"""The page's ``<head>``: title, extra HTML and CSS.

Called while the page function builds the page, these go into the page's HTML; called later (in
a handler), they reach the open tab at once::

    ui.page_title("Orders")
    ui.add_css(".price { color: teal }")
    ui.add_head_html('<meta name="robots" content="noindex">', shared=True)   # every page
"""
from __future__ import annotations

import json

from ..context import current_client

_INSERT = """(() => {
  const template = document.createElement('template');
  template.innerHTML = %s;
  for (const node of [...template.content.childNodes]) {
    if (node.nodeName === 'SCRIPT') {  // scripts from innerHTML never run: recreate them
      const script = document.createElement('script');
      for (const attribute of node.attributes) script.setAttribute(attribute.name, attribute.value);
      script.textContent = node.textContent;
      document.head.appendChild(script);
    } else {
      document.head.appendChild(node);
    }
  }
})()"""


def page_title(title: str) -> None:
    """Set the browser tab's title."""
    client = current_client()
    client.title = title
    if client.outbox.recording:
        client.run_javascript(f"document.title = {json.dumps(title)}")


def add_head_html(code: str, *, shared: bool = False) -> None:
    """Add HTML to the page's ``<head>`` (scripts run).

    Args:
        code: the HTML.
        shared: add it to every page of the app from now on, not only to this one.
    """
    client = current_client()
    if shared:
        client.runtime.head_html.append(code)
    else:
        client.head_html.append(code)
    if client.outbox.recording:
        client.run_javascript(_INSERT % json.dumps(code))


def add_css(css: str, *, shared: bool = False) -> None:
    """Add a style sheet (CSS text) to the page, or with ``shared=True`` to every page."""
    add_head_html(f"<style>{css}</style>", shared=shared)
