"""Rich text: ``ui.markdown``, ``ui.html`` and ``ui.code``, turned into HTML on the server.

The HTML reaches the browser as a prop that Vue assigns to ``innerHTML``. Markdown is sanitized
by default; ``ui.html`` makes you choose; code is escaped by Pygments. Sanitizing uses nh3 (the
Ammonia allowlist: no scripts, event handlers, ``javascript:`` URLs, styles or classes), keeping
only Pygments' token classes and table cell alignment::

    ui.markdown("# Hello\\n\\nSome *emphasis* and `code`.")
    ui.html(user_comment, sanitize=True)
    ui.code("print('hi')", language="python")
"""
from __future__ import annotations

import html
import re
import textwrap
from typing import Callable, Union

import nh3
import pygments
from markdown_it import MarkdownIt
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.token import STANDARD_TYPES
from pygments.util import ClassNotFound

from ..element import Element
from .stylesheet import HIGHLIGHT_CLASS, use_stylesheet

#: ``True`` (clean with nh3), ``False`` (trust as is) or a function that returns clean HTML.
Sanitize = Union[bool, Callable[[str], str]]

_CLEANER = nh3.Cleaner(
    attributes={**nh3.ALLOWED_ATTRIBUTES, "th": nh3.ALLOWED_ATTRIBUTES["th"] | {"style"},
                "td": nh3.ALLOWED_ATTRIBUTES["td"] | {"style"}},
    allowed_classes={"pre": {HIGHLIGHT_CLASS}, "span": {name for name in STANDARD_TYPES.values() if name}},
    filter_style_properties={"text-align"},
)
_FORMATTER = HtmlFormatter(nowrap=True)


def sanitize_html(html: str) -> str:
    """``html`` without anything that runs code or restyles the page (see the module docstring)."""
    return _CLEANER.clean(html)


def _sanitized(html: str, sanitize: Sanitize) -> str:
    if sanitize is True:
        return sanitize_html(html)
    if sanitize is False:
        return html
    return sanitize(html)


def highlight(code: str, language: str | None) -> str:
    """``code`` (without its leading and trailing blank lines) as Pygments' HTML in a
    ``<pre class="flaskui-highlight">``; plain text for an unknown language."""
    try:
        lexer = get_lexer_by_name(language or "text", ensurenl=False)
    except ClassNotFound:
        lexer = get_lexer_by_name("text", ensurenl=False)
    html = pygments.highlight(code, lexer, _FORMATTER).rstrip("\n")  # the formatter ends every line with one
    return f'<pre class="{HIGHLIGHT_CLASS}"><code>{html}</code></pre>'


def _highlight_fence(code: str, language: str, attributes: str) -> str:
    # markdown-it uses a result starting with "<pre" as is; "" keeps its plain <pre><code>.
    return highlight(code, language) if language else ""


_MARKDOWN = MarkdownIt("commonmark", {"html": True, "highlight": _highlight_fence}).enable(["table", "strikethrough"])


class HtmlContent(Element):
    """An element whose ``content`` is shown as HTML made by ``_to_html``, in the prop ``HTML_PROP``."""

    HTML_PROP = "innerHTML"

    def __init__(self, tag: str | None = None) -> None:
        super().__init__(tag)
        self._content = ""

    @property
    def content(self) -> str:
        """The source text; assigning it updates the browser."""
        return self._content

    @content.setter
    def content(self, content: str) -> None:
        self._content = content
        self.props[self.HTML_PROP] = self._to_html(content)

    def _to_html(self, content: str) -> str:
        raise NotImplementedError

    def _user_content(self) -> list[str]:
        # the visible text of the rendered HTML (tags stripped, entities decoded)
        text = html.unescape(re.sub(r"<[^>]*>", " ", str(self.props.get(self.HTML_PROP, ""))))
        return [" ".join(text.split())]


class Markdown(HtmlContent):
    """Markdown rendered to HTML on the server (CommonMark with tables and ~~strikethrough~~).

    Fenced code blocks with a language are highlighted. The content is dedented, so an indented
    triple-quoted string works.

    Args:
        content: the Markdown text; raw HTML in it is allowed and sanitized.
        sanitize: ``True`` (default) cleans the HTML with nh3; ``False`` trusts it (only for text
            no user wrote); a function ``html -> html`` cleans it your way.
    """

    def __init__(self, content: str = "", *, sanitize: Sanitize = True) -> None:
        super().__init__("div")
        self._sanitize = sanitize
        self.classes("flaskui-markdown")
        self.content = content
        use_stylesheet(self)

    def _to_html(self, content: str) -> str:
        return _sanitized(_MARKDOWN.render(textwrap.dedent(content)), self._sanitize)


class Html(HtmlContent):
    """HTML of your own: ``ui.html("<b>bold</b>", sanitize=True)``.

    Args:
        content: the HTML.
        sanitize: required. ``True`` cleans it with nh3 (no scripts, event handlers, styles or
            classes); ``False`` shows it as it is (only for HTML no user wrote); a function
            ``html -> html`` cleans it your way.
        tag: the element that holds it.
    """

    def __init__(self, content: str = "", *, sanitize: Sanitize | None = None, tag: str = "div") -> None:
        if sanitize is None:
            raise TypeError(
                "ui.html needs an explicit sanitize=: True to clean the HTML with nh3 (removes scripts and "
                "event handlers), a function html -> html to clean it your way, or False to show it as it is "
                "(only for HTML no user wrote)")
        super().__init__(tag)
        self._sanitize = sanitize
        self.content = content

    def _to_html(self, content: str) -> str:
        return _sanitized(content, self._sanitize)


class Code(HtmlContent, component="code.js"):
    """Code highlighted by Pygments on the server, with a copy-to-clipboard button.

    The content is dedented and stripped of surrounding blank lines.

    Args:
        content: the code.
        language: a Pygments language name or alias (https://pygments.org/languages/);
            None or an unknown name shows plain text.
    """

    HTML_PROP = "html"

    def __init__(self, content: str = "", *, language: str | None = "python") -> None:
        super().__init__()
        self._language = language
        self.content = content
        use_stylesheet(self)

    @property
    def language(self) -> str | None:
        """The language; assigning it highlights the code again."""
        return self._language

    @language.setter
    def language(self, language: str | None) -> None:
        self._language = language
        self.content = self._content

    def _to_html(self, content: str) -> str:
        return highlight(textwrap.dedent(content), self._language)
