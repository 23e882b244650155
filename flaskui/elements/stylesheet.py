"""The stylesheet of the content elements (markdown, code, log), added to a page once.

It is ``content.css`` followed by Pygments' token colors, scoped to ``.flaskui-highlight``, in a
``<style>`` element of the page's layout: outside the content a page builds, so clearing or
refreshing the content keeps it.
"""
from __future__ import annotations

import functools
from pathlib import Path

from pygments.formatters import HtmlFormatter

from ..element import Element

#: The class of a ``<pre>`` holding code highlighted by Pygments.
HIGHLIGHT_CLASS = "flaskui-highlight"


@functools.cache
def _css() -> str:
    selector = f".{HIGHLIGHT_CLASS}"
    # Pygments also styles every `pre` and line numbers; keep only the rules scoped to our class.
    css: str = HtmlFormatter().get_style_defs(selector)  # type: ignore[no-untyped-call]
    rules = [rule for rule in css.splitlines() if rule.startswith(selector)]
    return Path(__file__).with_name("content.css").read_text() + "\n".join(rules) + "\n"


class ContentStyle(Element):
    """The ``<style>`` element; its CSS is a prop, not text, so it never reads as page text."""

    def __init__(self) -> None:
        super().__init__("style")
        self.props["textContent"] = _css()


def use_stylesheet(element: Element) -> None:
    """Make sure ``element``'s page has the content stylesheet."""
    layout = element.client.layout
    if not any(isinstance(child, ContentStyle) for child in layout.children):
        with layout:
            ContentStyle()
